package kafkax

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// startBroker starts an embedded broker in a temp dir with the pipeline's
// topics and returns its config.
func startBroker(t *testing.T, dir string) (Config, *Embedded) {
	t.Helper()
	e, err := StartEmbedded(dir, 0, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	cfg := Config{Brokers: e.Brokers(), Partitions: 3, ReplicationFactor: 1}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := EnsureTopics(ctx, cfg); err != nil {
		e.Close()
		t.Fatal(err)
	}
	return cfg, e
}

func produce(t *testing.T, cfg Config, topic string, n int) {
	t.Helper()
	w := NewWriter(cfg, topic)
	defer w.Close()
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		msgs[i] = kafka.Message{Key: []byte(strconv.Itoa(i)), Value: []byte(strconv.Itoa(i))}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatal(err)
	}
}

// runLoop runs a loop on the raw topic until handle has seen want distinct
// messages and the group's lag is zero, then stops it.
func runLoop(t *testing.T, cfg Config, handle Handler, done func() bool) LoopStats {
	t.Helper()
	reader := kafka.NewReader(ReaderConfig(cfg, "test-group", TopicRaw, 100))
	defer reader.Close()
	dlq := NewWriter(cfg, TopicDLQ)
	defer dlq.Close()
	loop := NewLoop(LoopConfig{Stage: "test", BatchSize: 50, BatchWait: 20 * time.Millisecond,
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond}, reader, dlq, handle)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- loop.Run(ctx) }()
	deadline := time.After(60 * time.Second)
	for !done() {
		select {
		case <-deadline:
			cancel()
			t.Fatal("loop did not finish in time")
		case err := <-errc:
			t.Fatalf("loop stopped early: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	// Wait for the last commit to land, then stop.
	waitLag(t, cfg, "test-group", TopicRaw, 0)
	cancel()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	return loop.Stats()
}

func waitLag(t *testing.T, cfg Config, group, topic string, want int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		lag, err := Lag(ctx, cfg, group, topic)
		if err == nil && lag == want {
			return
		}
		if ctx.Err() != nil {
			t.Fatalf("lag of %s on %s: got %d (err %v), want %d", group, topic, lag, err, want)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestLoopRetriesWithoutCommittingThenCommits(t *testing.T) {
	cfg, broker := startBroker(t, t.TempDir())
	defer broker.Close()
	const n = 300
	produce(t, cfg, TopicRaw, n)

	var mu sync.Mutex
	seen := map[string]int{}
	failures := 0
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		mu.Lock()
		defer mu.Unlock()
		if failures < 3 {
			failures++
			// While the handler fails, nothing may be committed.
			lag, err := Lag(ctx, cfg, "test-group", TopicRaw)
			if err != nil {
				return nil, err
			}
			if lag != n {
				t.Errorf("lag during failure = %d, want %d (something was committed)", lag, n)
			}
			return nil, errors.New("downstream unavailable")
		}
		for _, m := range batch {
			seen[string(m.Value)]++
		}
		return nil, nil
	}
	stats := runLoop(t, cfg, handle, func() bool { mu.Lock(); defer mu.Unlock(); return len(seen) == n })
	if stats.Retries != 3 {
		t.Errorf("retries = %d, want 3", stats.Retries)
	}
	for i := 0; i < n; i++ {
		if seen[strconv.Itoa(i)] != 1 {
			t.Fatalf("message %d handled %d times, want 1", i, seen[strconv.Itoa(i)])
		}
	}
}

func TestLoopSendsPoisonToDLQAndCommits(t *testing.T) {
	cfg, broker := startBroker(t, t.TempDir())
	defer broker.Close()
	const n = 100
	produce(t, cfg, TopicRaw, n)

	var mu sync.Mutex
	handled := 0
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		mu.Lock()
		defer mu.Unlock()
		var poison []Poison
		for _, m := range batch {
			handled++
			if v, _ := strconv.Atoi(string(m.Value)); v%10 == 0 {
				poison = append(poison, Poison{Msg: m, Reason: fmt.Sprintf("multiple of ten: %d", v)})
			}
		}
		return poison, nil
	}
	stats := runLoop(t, cfg, handle, func() bool { mu.Lock(); defer mu.Unlock(); return handled >= n })
	if stats.Poisoned != 10 {
		t.Errorf("poisoned = %d, want 10", stats.Poisoned)
	}
	dlq := readAll(t, cfg, TopicDLQ, 10)
	for _, m := range dlq {
		if Header(m, HeaderStage) != "test" {
			t.Errorf("dead letter without stage header: %v", m.Headers)
		}
		v, _ := strconv.Atoi(string(m.Value))
		if want := fmt.Sprintf("multiple of ten: %d", v); Header(m, HeaderReason) != want {
			t.Errorf("reason = %q, want %q", Header(m, HeaderReason), want)
		}
		if Header(m, HeaderTopic) != TopicRaw || Header(m, HeaderOffset) == "" {
			t.Errorf("dead letter without origin: %v", m.Headers)
		}
	}
}

// TestCommittedOffsetsSurviveBrokerRestart: the embedded broker keeps topics,
// records and group offsets in its data dir.
func TestCommittedOffsetsSurviveBrokerRestart(t *testing.T) {
	dir := t.TempDir()
	cfg, broker := startBroker(t, dir)
	produce(t, cfg, TopicRaw, 40)
	var mu sync.Mutex
	handled := 0
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		mu.Lock()
		defer mu.Unlock()
		handled += len(batch)
		return nil, nil
	}
	runLoop(t, cfg, handle, func() bool { mu.Lock(); defer mu.Unlock(); return handled >= 40 })
	broker.Close()

	cfg, broker = startBroker(t, dir)
	defer broker.Close()
	end, err := EndOffsets(context.Background(), cfg, TopicRaw)
	if err != nil {
		t.Fatal(err)
	}
	if end != 40 {
		t.Fatalf("after restart the raw topic holds %d messages, want 40", end)
	}
	waitLag(t, cfg, "test-group", TopicRaw, 0)
}

func readAll(t *testing.T, cfg Config, topic string, n int) []kafka.Message {
	t.Helper()
	r := kafka.NewReader(ReaderConfig(cfg, "reader-"+topic, topic, 100))
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out []kafka.Message
	for len(out) < n {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			t.Fatalf("read %s: got %d of %d messages: %v", topic, len(out), n, err)
		}
		out = append(out, m)
	}
	return out
}

// TestLoopKeepsRetryingPastTheDrainTimeout: a downstream outage longer than
// the drain timeout must not poison the retries of a running loop (the
// drain timeout only bounds work once the loop is asked to stop).
func TestLoopKeepsRetryingPastTheDrainTimeout(t *testing.T) {
	cfg, broker := startBroker(t, t.TempDir())
	defer broker.Close()
	produce(t, cfg, TopicRaw, 10)
	reader := kafka.NewReader(ReaderConfig(cfg, "test-group", TopicRaw, 100))
	defer reader.Close()
	dlq := NewWriter(cfg, TopicDLQ)
	defer dlq.Close()
	start := time.Now()
	var mu sync.Mutex
	handled := 0
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		if err := ctx.Err(); err != nil {
			t.Errorf("handler called with a dead context: %v", err)
			return nil, err
		}
		if time.Since(start) < 300*time.Millisecond { // the outage outlasts the drain timeout
			return nil, errors.New("downstream unavailable")
		}
		mu.Lock()
		handled += len(batch)
		mu.Unlock()
		return nil, nil
	}
	loop := NewLoop(LoopConfig{Stage: "test", BatchSize: 50, BatchWait: 20 * time.Millisecond,
		MinBackoff: 5 * time.Millisecond, MaxBackoff: 20 * time.Millisecond, DrainTimeout: 50 * time.Millisecond}, reader, dlq, handle)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- loop.Run(ctx) }()
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		mu.Lock()
		n := handled
		mu.Unlock()
		if n >= 10 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("batch never succeeded after the outage")
		}
	}
	waitLag(t, cfg, "test-group", TopicRaw, 0)
	cancel()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}
