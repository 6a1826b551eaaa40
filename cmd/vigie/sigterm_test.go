package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
)

// The stop bound these tests hold the stage commands to: --drain for the
// batch in hand, then (store) at most pipeline.StopRollupDrain for the last
// rollup recount, plus process teardown.
const (
	testDrain  = 20 * time.Second
	stopBound  = testDrain + pipeline.StopRollupDrain + 5*time.Second
	drainedMsg = `msg="drained: stopped with every handled batch committed"`
)

func stageArgs(cmd string, kc kafkax.Config, extra ...string) []string {
	return append([]string{cmd, "--brokers", kc.Brokers[0], "--partitions", strconv.Itoa(kc.Partitions),
		"--log-level", "info", "--drain", testDrain.String()}, extra...)
}

func checkCleanStop(t *testing.T, name string, code int, took time.Duration, logs string, want ...string) {
	t.Helper()
	if code != 0 {
		t.Errorf("%s exited %d after SIGTERM", name, code)
	}
	if took > stopBound {
		t.Errorf("%s took %s to stop, bound %s", name, took, stopBound)
	}
	for _, w := range want {
		if !strings.Contains(logs, w) {
			t.Errorf("%s did not log %s on SIGTERM", name, w)
		}
	}
}

// TestSigtermIngest: SIGTERM to `vigie ingest` mid-scenario exits 0 within
// the bound, logs that it drained, and what it reports published is exactly
// what the raw topic holds; a restart completes the scenario with every
// post in the topic.
func TestSigtermIngest(t *testing.T) {
	kc, _ := faultBroker(t, t.TempDir(), "")
	data := t.TempDir()
	c := startStage(t, nil, unusedAddr(t), stageArgs("ingest", kc, "--data", data, "--source", "scenario:april2021", "--speed", "1500")...)
	ctx := context.Background()
	eventually(t, 60*time.Second, "posts published", func() bool {
		n, err := kafkax.EndOffsets(ctx, kc, kafkax.TopicRaw)
		return err == nil && n > 3000
	})
	code, took := c.stop(t, stopBound+10*time.Second)
	checkCleanStop(t, "ingest", code, took, c.logs(), `msg="drained: ingest stopped with every batch handed over published"`)
	var counts pipeline.PublisherCounts
	if err := json.Unmarshal([]byte(c.stdout()), &counts); err != nil {
		t.Fatalf("ingest printed %q: %v", c.stdout(), err)
	}
	raw := keysIn(t, kc, kafkax.TopicRaw, nil)
	t.Logf("SIGTERM with %d posts published: exit %d in %s; the raw topic holds %d distinct posts", counts.Published, code, took.Round(time.Millisecond), len(raw))
	if int64(len(raw)) != counts.Published {
		t.Errorf("ingest reported %d published, the raw topic holds %d distinct posts", counts.Published, len(raw))
	}
	if counts.Published == 0 || counts.Published >= int64(scenario.Count(1)) {
		t.Fatalf("stopped with %d of %d posts published: not mid-stream", counts.Published, scenario.Count(1))
	}

	again := startStage(t, nil, "", stageArgs("ingest", kc, "--data", data, "--source", "scenario:april2021", "--speed", "0")...)
	if err := again.wait(t, 90*time.Second); err != nil {
		t.Fatalf("restarted ingest: %v", err)
	}
	if raw := keysIn(t, kc, kafkax.TopicRaw, nil); len(raw) != scenario.Count(1) {
		t.Errorf("after the restart the raw topic holds %d distinct posts, want %d", len(raw), scenario.Count(1))
	}
}

// scenarioFeed publishes scenario posts to the raw topic in the background,
// per posts every tick, until total or stop.
type scenarioFeed struct {
	published atomic.Int64
	stop      chan struct{}
	done      chan struct{}
}

func feedScenario(t *testing.T, kc kafkax.Config, total, per int, tick time.Duration) *scenarioFeed {
	t.Helper()
	tracker, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		t.Fatal(err)
	}
	raw, dlq := kafkax.NewWriter(kc, kafkax.TopicRaw), kafkax.NewWriter(kc, kafkax.TopicDLQ)
	pub := ingest.NewPublisher(ingest.PublisherConfig{Tracker: tracker}, raw, dlq)
	f := &scenarioFeed{stop: make(chan struct{}), done: make(chan struct{})}
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(f.stop) }); <-f.done })
	go func() {
		defer close(f.done)
		defer raw.Close()
		defer dlq.Close()
		var batch []post.Post
		n := 0
		for it := range scenario.Items(1) {
			batch = append(batch, it.Post)
			n++
			if len(batch) < per && n < total {
				continue
			}
			if err := pub.Emit(context.Background(), batch); err != nil {
				t.Errorf("feed: %v", err)
				return
			}
			f.published.Store(pub.Stats().Published)
			batch = batch[:0]
			if n >= total {
				return
			}
			select {
			case <-f.stop:
				return
			case <-time.After(tick):
			}
		}
	}()
	return f
}

// TestSigtermClassify: SIGTERM to `vigie classify` while raw posts keep
// arriving exits 0 within the bound, logs that it drained, and has
// committed only raw posts already in the classified topic; a restart
// classifies every post, none lost.
func TestSigtermClassify(t *testing.T) {
	kc, _ := faultBroker(t, t.TempDir(), "")
	const total = 12000
	feed := feedScenario(t, kc, total, 300, 100*time.Millisecond)
	c := startStage(t, nil, unusedAddr(t), stageArgs("classify", kc, "--data", t.TempDir(), "--workers", "2")...)
	ctx := context.Background()
	eventually(t, 90*time.Second, "posts classified", func() bool {
		n, err := kafkax.EndOffsets(ctx, kc, kafkax.TopicClassified)
		return err == nil && n > 1000
	})
	code, took := c.stop(t, stopBound+10*time.Second)
	checkCleanStop(t, "classify", code, took, c.logs(), drainedMsg+" stage=classify")
	classified := keysIn(t, kc, kafkax.TopicClassified, nil)
	done := checkCommitsAreDownstream(t, kc, kafkax.GroupClassify, kafkax.TopicRaw, classified)
	t.Logf("SIGTERM with %d raw posts published: exit %d in %s; %d committed, all among the %d classified",
		feed.published.Load(), code, took.Round(time.Millisecond), done, len(classified))
	if done == 0 || done >= total {
		t.Fatalf("%d of %d posts committed at SIGTERM: not mid-stream", done, total)
	}

	<-feed.done
	again := startStage(t, nil, "", stageArgs("classify", kc, "--data", t.TempDir(), "--workers", "2")...)
	eventually(t, 90*time.Second, "restarted classify caught up", func() bool {
		lag, err := kafkax.Lag(ctx, kc, kafkax.GroupClassify, kafkax.TopicRaw)
		return err == nil && lag == 0
	})
	if code, took := again.stop(t, stopBound+10*time.Second); code != 0 {
		t.Errorf("restarted classify exited %d (%s)", code, took)
	}
	raw := keysIn(t, kc, kafkax.TopicRaw, nil)
	classified = keysIn(t, kc, kafkax.TopicClassified, nil)
	if len(raw) != total || len(classified) != total {
		t.Errorf("raw topic %d distinct posts, classified %d, want %d each", len(raw), len(classified), total)
	}
}

// classifiedFeed publishes synthetic classified posts in the background,
// per every tick, until stopped.
type classifiedFeed struct {
	written atomic.Int64
	stop    chan struct{}
	done    chan struct{}
	once    sync.Once
}

func (f *classifiedFeed) halt() { f.once.Do(func() { close(f.stop) }); <-f.done }

func feedClassified(t *testing.T, kc kafkax.Config, per int, tick time.Duration) *classifiedFeed {
	t.Helper()
	w := kafkax.NewWriter(kc, kafkax.TopicClassified)
	f := &classifiedFeed{stop: make(chan struct{}), done: make(chan struct{})}
	t.Cleanup(f.halt)
	go func() {
		defer close(f.done)
		defer w.Close()
		for n := 0; ; {
			msgs := make([]kafka.Message, per)
			for i := range msgs {
				c := post.Classified{
					Post: post.Post{ID: strconv.Itoa(n + i), Source: post.SourceX, CreatedAt: time.Date(2021, 4, 6, 5+(n+i)%12, (n+i)%60, 0, 0, time.UTC),
						Text: "Impossible de se connecter à Pronote ce matin #ecolealamaison", AuthorLocation: "Lille"},
					Label: post.LabelOutage, Platform: post.PlatformPronote, Region: "FR-HDF", Classifier: "test", ClassifiedAt: time.Now(),
				}
				b, err := c.Marshal()
				if err != nil {
					t.Error(err)
					return
				}
				msgs[i] = kafka.Message{Key: []byte(c.Key()), Value: b}
			}
			if err := w.WriteMessages(context.Background(), msgs...); err != nil {
				t.Errorf("feed: %v", err)
				return
			}
			n += per
			f.written.Store(int64(n))
			select {
			case <-f.stop:
				return
			case <-time.After(tick):
			}
		}
	}()
	return f
}

// TestSigtermStore: SIGTERM to `vigie store` while classified posts keep
// arriving exits 0 within the bound, logs that it drained, and has
// committed only posts ClickHouse holds. SIGTERM while ClickHouse hangs
// (SIGSTOP) with the batch in hand exits 0 within --drain plus the rollup
// bound, leaving the batch for redelivery. A final restart stores every
// post exactly once, rollups equal to a recount.
func TestSigtermStore(t *testing.T) {
	ch := chtest.Start(t)
	db := chtest.Open(t, ch.Writer)
	kc, _ := faultBroker(t, t.TempDir(), "")
	env := []string{"VIGIE_CLICKHOUSE_PASSWORD=" + ch.Writer.Password}
	storeArgs := func(drain time.Duration) []string {
		a := stageArgs("store", kc, "--data", t.TempDir(), "--clickhouse", ch.Writer.Addr, "--clickhouse-user", ch.Writer.User)
		return append(a, "--drain", drain.String()) // the last --drain wins
	}
	ctx := context.Background()
	feed := feedClassified(t, kc, 500, 100*time.Millisecond)

	// 1. SIGTERM mid-stream.
	c := startStage(t, env, unusedAddr(t), storeArgs(testDrain)...)
	eventually(t, 60*time.Second, "posts stored", func() bool {
		tot, err := db.Totals(ctx)
		return err == nil && tot.Posts > 3000
	})
	code, took := c.stop(t, stopBound+10*time.Second)
	checkCleanStop(t, "store", code, took, c.logs(), drainedMsg+" stage=store")
	done := checkCommitsAreDownstream(t, kc, kafkax.GroupStore, kafkax.TopicClassified, chtest.StoredKeys(t, db))
	t.Logf("SIGTERM with %d posts produced: exit %d in %s; %d committed, all in ClickHouse", feed.written.Load(), code, took.Round(time.Millisecond), done)

	// 2. SIGTERM while ClickHouse hangs with a batch in hand.
	const shortDrain = 3 * time.Second
	before, err := db.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c = startStage(t, env, unusedAddr(t), storeArgs(shortDrain)...)
	eventually(t, 60*time.Second, "restarted store ready and storing", func() bool {
		tot, err := db.Totals(ctx)
		return err == nil && tot.Posts > before.Posts+1000 && c.ready()
	})
	pid := clickhousePID(t, ch.Dir)
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	var resumeOnce sync.Once
	resume := func() { resumeOnce.Do(func() { _ = syscall.Kill(pid, syscall.SIGCONT) }) }
	t.Cleanup(resume)
	time.Sleep(2 * time.Second) // the store fetches a batch and blocks in the insert
	code, took = c.stop(t, shortDrain+pipeline.StopRollupDrain+20*time.Second)
	resume()
	if code != 0 {
		t.Errorf("store exited %d after SIGTERM with ClickHouse hung", code)
	}
	if bound := shortDrain + pipeline.StopRollupDrain + 5*time.Second; took > bound {
		t.Errorf("store took %s to stop with ClickHouse hung, bound %s", took, bound)
	}
	if !strings.Contains(c.logs(), "it will be delivered again") {
		t.Errorf("store did not log that the batch in hand is left for redelivery")
	}
	done = checkCommitsAreDownstream(t, kc, kafkax.GroupStore, kafkax.TopicClassified, chtest.StoredKeys(t, db))
	t.Logf("SIGTERM with ClickHouse stopped (SIGSTOP) and --drain %s: exit %d in %s; %d committed, all in ClickHouse", shortDrain, code, took.Round(time.Millisecond), done)

	// 3. Restart: everything stored once.
	feed.halt()
	c = startStage(t, env, unusedAddr(t), storeArgs(testDrain)...)
	eventually(t, 60*time.Second, "restarted store caught up", func() bool {
		lag, err := kafkax.Lag(ctx, kc, kafkax.GroupStore, kafkax.TopicClassified)
		return err == nil && lag == 0
	})
	code, took = c.stop(t, stopBound+10*time.Second)
	checkCleanStop(t, "store", code, took, c.logs(), drainedMsg+" stage=store")
	tot, err := db.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if tot.Posts != uint64(feed.written.Load()) {
		t.Errorf("ClickHouse holds %d distinct posts, %d produced", tot.Posts, feed.written.Load())
	}
	if err := db.CheckRollups(ctx); err != nil {
		t.Error(err)
	}
}

func clickhousePID(t *testing.T, dir string) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "state.json"))
	if err != nil {
		t.Fatal(err)
	}
	var st struct {
		PID int `json:"pid"`
	}
	if err := json.Unmarshal(b, &st); err != nil || st.PID == 0 {
		t.Fatalf("state.json = %s (%v)", b, err)
	}
	return st.PID
}

// TestSigtermRun: SIGTERM to `vigie run` while the scenario streams in
// exits 0 within the bound and logs that every stage drained; a restart
// with --once stores every post that entered Kafka exactly once.
func TestSigtermRun(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	one := filepath.Join(t.TempDir(), "one.jsonl")
	b, _ := json.Marshal(post.Post{ID: "one", Source: post.SourceArchive, CreatedAt: time.Date(2021, 4, 6, 9, 0, 0, 0, time.UTC),
		Text: "Le site du CNED est en panne #ecolealamaison"})
	if err := os.WriteFile(one, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"run", "--data", data, "--http=", "--partitions", "3", "--log-level", "info", "--drain", testDrain.String()}
	c := startStage(t, nil, unusedAddr(t), append(args, "--source", "scenario:april2021", "--speed", "1500")...)
	eventually(t, 3*time.Minute, "posts stored", func() bool {
		if !c.running() {
			t.Fatalf("run exited: %v", c.err)
		}
		return chtest.StoredSoFar(data) > 2000
	})
	// A run also detects incidents and stops its ClickHouse after the drain.
	runBound := stopBound + 30*time.Second
	code, took := c.stop(t, runBound+30*time.Second)
	if code != 0 || took > runBound {
		t.Errorf("run: exit %d %s after SIGTERM, bound %s", code, took, runBound)
	}
	for _, w := range []string{`msg="stopping: flushing the batches in flight"`, drainedMsg + " stage=classify", drainedMsg + " stage=store",
		`msg="drained: ingest stopped with every batch handed over published"`} {
		if !strings.Contains(c.logs(), w) {
			t.Errorf("run did not log %s on SIGTERM", w)
		}
	}
	waitNoServer(t, data)
	t.Logf("run stopped by SIGTERM: exit %d in %s", code, took.Round(time.Millisecond))

	again := startStage(t, nil, "", append(args, "--once", "--source", "file:"+one)...)
	if err := again.wait(t, 3*time.Minute); err != nil {
		t.Fatalf("restarted run: %v", err)
	}
	var sum pipeline.Summary
	if err := json.Unmarshal([]byte(again.stdout()), &sum); err != nil {
		t.Fatalf("summary %q: %v", again.stdout(), err)
	}
	waitNoServer(t, data)
	// Every post that entered the raw topic, and no other, is stored once.
	kc, _ := faultBroker(t, filepath.Join(data, "kafka"), "")
	raw := keysIn(t, kc, kafkax.TopicRaw, nil)
	t.Logf("restart: %d distinct posts stored, raw topic %d distinct (scenario posts published before the SIGTERM, plus one)", sum.DistinctPosts, len(raw))
	if sum.DistinctPosts != uint64(len(raw)) || len(raw) < 2 {
		t.Errorf("stored %d distinct posts, the raw topic holds %d", sum.DistinctPosts, len(raw))
	}
	db := chtest.Attach(t, data)
	stored := chtest.StoredKeys(t, db)
	for k := range raw {
		if !stored[k] {
			t.Fatalf("post %s entered Kafka but is not stored", k)
		}
	}
	if err := db.CheckRollups(context.Background()); err != nil {
		t.Error(err)
	}
}
