package pipeline_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/metrics"
	"github.com/vigie-edu/vigie/pipeline"
)

// TestBrokerRestartUnderRunningStages runs the three stage functions that
// `vigie ingest`, `vigie classify` and `vigie store` run, against a broker
// this test owns (pipeline.Run owns its embedded broker and cannot restart
// it alone, so the split deployment is the level where a broker restart
// happens). While the scenario keeps producing posts, the broker is stopped
// for longer than kafka-go's consumer-group retries last, then started again
// on its data folder and address. The stages must reconnect by themselves;
// /readyz of classify and store must say not ready while the broker is down
// (and /healthz stay up), and ready again after; at the end every post in
// the raw topic is stored exactly once, with every rollup equal to a recount.
func TestBrokerRestartUnderRunningStages(t *testing.T) {
	const down = 8 * time.Second
	log := slog.Default()
	ch := chtest.Start(t)
	db := chtest.Open(t, ch.Writer)
	dir := t.TempDir()
	port := freePort(t)
	kdir := filepath.Join(dir, "kafka")
	broker, err := kafkax.StartEmbedded(kdir, port, log)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { broker.Close() }()
	kc := kafkax.Config{Brokers: broker.Brokers(), Partitions: 3, ReplicationFactor: 1}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if err := kafkax.EnsureTopics(ctx, kc); err != nil {
		t.Fatal(err)
	}

	classifyHealth, storeHealth := health(t), health(t)
	stages, stopStages := context.WithCancel(ctx)
	defer stopStages()
	classifyDone, storeDone := make(chan error, 1), make(chan error, 1)
	go func() {
		classifyDone <- pipeline.RunClassify(stages, pipeline.Stage{Kafka: kc, Metrics: classifyHealth.m, Logger: log}, 2)
	}()
	go func() {
		storeDone <- pipeline.RunStore(stages, pipeline.Stage{Kafka: kc, Metrics: storeHealth.m, Logger: log}, db)
	}()
	ingesting, stopIngest := context.WithCancel(ctx)
	defer stopIngest()
	type ingestResult struct {
		counts pipeline.PublisherCounts
		err    error
	}
	ingestDone := make(chan ingestResult, 1)
	go func() {
		// 400 times real time: about 300 posts a second in the morning,
		// within what classify does under the race detector.
		c, err := pipeline.RunIngest(ingesting, pipeline.Stage{Kafka: kc, Logger: log},
			pipeline.IngestConfig{DataDir: dir, Sources: []string{"scenario:april2021"}, Speed: 400})
		ingestDone <- ingestResult{c, err}
	}()
	stageFailed := func() {
		t.Helper()
		select {
		case err := <-classifyDone:
			t.Fatalf("classify stage stopped: %v", err)
		case err := <-storeDone:
			t.Fatalf("store stage stopped: %v", err)
		default:
		}
	}

	waitUntil(t, 60*time.Second, "posts stored and both stages ready before the fault", func() bool {
		stageFailed()
		tot, err := db.Totals(ctx)
		return err == nil && tot.Posts >= 500 && classifyHealth.ready(t) && storeHealth.ready(t)
	})
	before, _ := db.Totals(ctx)

	broker.Close()
	stopped := time.Now()
	var notReadyC, notReadyS, polls int
	for time.Since(stopped) < down {
		stageFailed()
		polls++
		if !classifyHealth.ready(t) {
			notReadyC++
		}
		if !storeHealth.ready(t) {
			notReadyS++
		}
		for _, h := range []*healthServer{classifyHealth, storeHealth} {
			if code, _ := h.get(t, "/healthz"); code != http.StatusOK {
				t.Errorf("/healthz = %d while the broker is down", code)
			}
		}
		time.Sleep(300 * time.Millisecond)
	}
	if notReadyC != polls || notReadyS != polls {
		t.Errorf("/readyz while the broker was down: classify not ready %d/%d polls, store %d/%d", notReadyC, polls, notReadyS, polls)
	}
	if _, body := storeHealth.get(t, "/readyz"); !strings.Contains(body, `"kafka"`) || !strings.Contains(body, "connection refused") {
		t.Errorf("store /readyz does not say why: %s", body)
	}

	broker, err = kafkax.StartEmbedded(kdir, port, log)
	if err != nil {
		t.Fatal(err)
	}
	back := time.Now()
	var readyAfter time.Duration
	waitUntil(t, 30*time.Second, "both stages ready again", func() bool {
		stageFailed()
		return classifyHealth.ready(t) && storeHealth.ready(t)
	})
	readyAfter = time.Since(back)
	// Posts produced after the restart reach ClickHouse.
	waitUntil(t, 60*time.Second, "posts stored after the restart", func() bool {
		stageFailed()
		tot, err := db.Totals(ctx)
		return err == nil && tot.Posts > before.Posts+500
	})
	storingAfter := time.Since(back)
	stopIngest()
	ing := <-ingestDone
	if ing.err != nil && !errors.Is(ing.err, context.Canceled) {
		t.Fatalf("ingest: %v", ing.err)
	}
	waitUntil(t, 90*time.Second, "both stages caught up", func() bool {
		stageFailed()
		l1, err1 := kafkax.Lag(ctx, kc, kafkax.GroupClassify, kafkax.TopicRaw)
		l2, err2 := kafkax.Lag(ctx, kc, kafkax.GroupStore, kafkax.TopicClassified)
		return err1 == nil && err2 == nil && l1 == 0 && l2 == 0
	})
	stopStages()
	if err := <-classifyDone; err != nil {
		t.Errorf("classify: %v", err)
	}
	if err := <-storeDone; err != nil {
		t.Errorf("store: %v", err)
	}

	produced := topicKeys(t, kc, kafkax.TopicRaw)
	tot, err := db.Totals(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("broker down %s with %d posts stored; ready again %s and storing new posts %s after the restart; "+
		"ingest published %d posts, raw topic holds %d distinct, ClickHouse %d distinct",
		down, before.Posts, readyAfter.Round(100*time.Millisecond), storingAfter.Round(100*time.Millisecond),
		ing.counts.Published, len(produced), tot.Posts)
	if tot.Posts != uint64(len(produced)) {
		t.Errorf("ClickHouse holds %d distinct posts, the raw topic %d", tot.Posts, len(produced))
	}
	if ing.counts.Published > int64(len(produced)) {
		t.Errorf("ingest reports %d published, the raw topic holds %d distinct posts", ing.counts.Published, len(produced))
	}
	stored := chtest.StoredKeys(t, db)
	for k := range produced {
		if !stored[k] {
			t.Fatalf("post %s produced but not stored", k)
		}
	}
	if err := db.CheckRollups(context.Background()); err != nil {
		t.Error(err)
	}
}

// healthServer serves one stage's metrics and health endpoints.
type healthServer struct {
	m   *metrics.Metrics
	srv *httptest.Server
}

func health(t *testing.T) *healthServer {
	m := metrics.New()
	srv := httptest.NewServer(m.Handler())
	t.Cleanup(srv.Close)
	return &healthServer{m: m, srv: srv}
}

func (h *healthServer) get(t *testing.T, path string) (int, string) {
	t.Helper()
	resp, err := http.Get(h.srv.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// status returns the status code of path, 0 when the request fails (safe
// outside the test goroutine).
func (h *healthServer) status(path string) int {
	resp, err := http.Get(h.srv.URL + path)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func (h *healthServer) ready(t *testing.T) bool {
	code, _ := h.get(t, "/readyz")
	return code == http.StatusOK
}

func waitUntil(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, d)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// topicKeys reads every partition of topic to its end and returns the
// distinct message keys with their number of copies.
func topicKeys(t *testing.T, kc kafkax.Config, topic string) map[string]int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	keys := map[string]int{}
	for p := 0; p < kc.Partitions; p++ {
		conn, err := kafka.DialLeader(ctx, "tcp", kc.Brokers[0], topic, p)
		if err != nil {
			t.Fatal(err)
		}
		end, err := conn.ReadLastOffset()
		if err != nil {
			t.Fatal(err)
		}
		for off := int64(0); off < end; {
			if _, err := conn.Seek(off, kafka.SeekAbsolute); err != nil {
				t.Fatal(err)
			}
			_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			batch := conn.ReadBatch(1, 16<<20)
			for off < end {
				m, err := batch.ReadMessage()
				if err != nil {
					break
				}
				keys[string(m.Key)]++
				off = m.Offset + 1
			}
			if err := batch.Close(); err != nil && off < end {
				t.Fatalf("read %s/%d at %d: %v", topic, p, off, err)
			}
		}
		conn.Close()
	}
	return keys
}
