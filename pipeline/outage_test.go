package pipeline_test

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/store/chserver"
)

// TestClickHouseOutage stops the local ClickHouse for 60 s while posts keep
// arriving: the store stage retries without fetching more (heap stays
// bounded), ingest keeps publishing to Kafka, and once ClickHouse is back
// the backlog is stored quickly, with no loss and no double counting.
func TestClickHouseOutage(t *testing.T) {
	outage := 60 * time.Second
	if testing.Short() {
		outage = 10 * time.Second
	}
	dir := t.TempDir()
	port := freePort(t)
	cfg := runConfig(dir, "scenario:april2021")
	cfg.Kafka.EmbeddedPort = port
	cfg.Speed = 13 * 3600 / (outage.Seconds() + 60) // the day lasts the outage plus a minute
	kc := kafkax.Config{Brokers: []string{"127.0.0.1:" + strconv.Itoa(port)}}
	h := health(t)
	cfg.Metrics = h.m

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	type result struct {
		sum pipeline.Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := pipeline.Run(ctx, cfg)
		done <- result{sum, err}
	}()
	for chtest.StoredSoFar(dir) < 500 {
		time.Sleep(300 * time.Millisecond)
	}
	if !h.ready(t) {
		_, body := h.get(t, "/readyz")
		t.Errorf("/readyz before the outage: %s", body)
	}

	// ClickHouse goes down.
	pid := serverPID(t, dir)
	if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for syscall.Kill(pid, 0) == nil {
		time.Sleep(50 * time.Millisecond)
	}
	rawAtDown, _ := kafkax.EndOffsets(ctx, kc, kafkax.TopicRaw)
	var maxHeap uint64
	var polls, notReady int
	for end := time.Now().Add(outage); time.Now().Before(end); time.Sleep(500 * time.Millisecond) {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		maxHeap = max(maxHeap, m.HeapInuse)
		// Health truth: not ready while ClickHouse is down, yet alive.
		polls++
		if code, body := h.get(t, "/readyz"); code == 503 && strings.Contains(body, `"clickhouse"`) {
			notReady++
		}
		if code, _ := h.get(t, "/healthz"); code != 200 {
			t.Errorf("/healthz = %d during the outage", code)
		}
	}
	if notReady != polls {
		t.Errorf("/readyz said not ready (clickhouse) in %d of %d polls during the outage", notReady, polls)
	}
	rawAtUp, err := kafkax.EndOffsets(ctx, kc, kafkax.TopicRaw)
	if err != nil {
		t.Fatal(err)
	}
	if rawAtUp <= rawAtDown {
		t.Errorf("ingest stopped during the outage: raw topic %d -> %d", rawAtDown, rawAtUp)
	}
	t.Logf("outage %s: ingest published %d posts meanwhile; max heap in use %d MiB", outage, rawAtUp-rawAtDown, maxHeap>>20)
	if maxHeap > 512<<20 {
		t.Errorf("heap grew to %d MiB during the outage", maxHeap>>20)
	}

	// ClickHouse comes back on the same ports and data.
	srv, err := chserver.Start(ctx, chserver.Config{Dir: filepath.Join(dir, "clickhouse")})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop(context.Background())
	back := time.Now()
	// Readiness comes back by itself (polled beside the backlog, so the
	// recovery figure below is not delayed by it).
	readyc := make(chan time.Duration, 1)
	go func() {
		for time.Since(back) < 30*time.Second {
			if h.status("/readyz") == 200 {
				readyc <- time.Since(back)
				return
			}
			time.Sleep(200 * time.Millisecond)
		}
		readyc <- -1
	}()
	classifiedAtUp, err := kafkax.EndOffsets(ctx, kc, kafkax.TopicClassified)
	if err != nil {
		t.Fatal(err)
	}
	for {
		end, err1 := kafkax.EndOffsets(ctx, kc, kafkax.TopicClassified)
		lag, err2 := kafkax.Lag(ctx, kc, kafkax.GroupStore, kafkax.TopicClassified)
		if err1 == nil && err2 == nil && end-lag >= classifiedAtUp {
			break
		}
		if time.Since(back) > 60*time.Second {
			t.Fatal("backlog not stored a minute after ClickHouse came back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	recovery := time.Since(back)
	t.Logf("backlog of the outage stored %s after ClickHouse came back", recovery.Round(100*time.Millisecond))
	if recovery > 10*time.Second {
		t.Errorf("recovery took %s", recovery)
	}
	readyAfter := <-readyc
	t.Logf("/readyz: not ready in %d/%d polls during the outage, ready %s after ClickHouse came back", notReady, polls, readyAfter.Round(100*time.Millisecond))
	if readyAfter < 0 {
		t.Error("/readyz still not ready 30 s after ClickHouse came back")
	}

	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if r.sum.DistinctPosts != uint64(scenario.Count(1)) {
		t.Errorf("distinct posts %d, want %d", r.sum.DistinctPosts, scenario.Count(1))
	}
	db := chtest.Attach(t, dir)
	if err := db.CheckRollups(context.Background()); err != nil {
		t.Error(err)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func serverPID(t *testing.T, dir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "clickhouse", "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		PID int `json:"pid"`
	}
	if err := json.Unmarshal(b, &st); err != nil || st.PID == 0 {
		t.Fatalf("state.json: %s %v", b, err)
	}
	return st.PID
}
