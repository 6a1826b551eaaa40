package kafkax

import (
	"context"
	"log/slog"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/twmb/franz-go/pkg/kmsg"
)

// TestLoopSurvivesBrokerRestart stops the broker under a running loop for
// longer than kafka-go's consumer-group retries last (3 join attempts), then
// starts it again on the same data folder and address: the loop must keep
// running on its own (it used to return the reader's "fetch" error and stop
// the stage), and every message produced before, during and after the
// outage must be handled, with nothing left uncommitted.
func TestLoopSurvivesBrokerRestart(t *testing.T) {
	dir := t.TempDir()
	cfg, broker := startBroker(t, dir)
	_, portStr, _ := net.SplitHostPort(cfg.Brokers[0])
	port, _ := strconv.Atoi(portStr)

	var mu sync.Mutex
	seen := map[string]int{}
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		mu.Lock()
		defer mu.Unlock()
		for _, m := range batch {
			seen[string(m.Value)]++
		}
		return nil, nil
	}
	distinct := func() int { mu.Lock(); defer mu.Unlock(); return len(seen) }
	reader := kafka.NewReader(ReaderConfig(cfg, "test-group", TopicRaw, 100))
	defer reader.Close()
	dlq := NewWriter(cfg, TopicDLQ)
	defer dlq.Close()
	loop := NewLoop(LoopConfig{Stage: "test", BatchSize: 50, BatchWait: 20 * time.Millisecond,
		MinBackoff: 10 * time.Millisecond, MaxBackoff: 500 * time.Millisecond, Logger: slog.Default()}, reader, dlq, handle)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errc := make(chan error, 1)
	go func() { errc <- loop.Run(ctx) }()

	produceRange(t, cfg, 0, 200)
	waitFor(t, 30*time.Second, "first messages handled", func() bool { return distinct() == 200 })

	broker.Close()
	// Down long enough for the reader to give up rejoining the group
	// (MaxAttempts 3, JoinGroupBackoff 1 s) and report it to FetchMessage.
	select {
	case err := <-errc:
		t.Fatalf("loop stopped while the broker was down: %v", err)
	case <-time.After(6 * time.Second):
	}
	broker, err := StartEmbedded(dir, port, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer broker.Close()
	back := time.Now()
	produceRange(t, cfg, 200, 400)
	waitFor(t, 45*time.Second, "messages after the restart handled", func() bool { return distinct() == 400 })
	t.Logf("messages produced after the restart handled %s after the broker came back", time.Since(back).Round(100*time.Millisecond))
	waitLag(t, cfg, "test-group", TopicRaw, 0)
	cancel()
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 400; i++ {
		if seen[strconv.Itoa(i)] == 0 {
			t.Fatalf("message %d never handled", i)
		}
	}
}

// produceRange writes the messages from..to-1 (value = key = the number).
func produceRange(t *testing.T, cfg Config, from, to int) {
	t.Helper()
	w := NewWriter(cfg, TopicRaw)
	defer w.Close()
	msgs := make([]kafka.Message, 0, to-from)
	for i := from; i < to; i++ {
		msgs = append(msgs, kafka.Message{Key: []byte(strconv.Itoa(i)), Value: []byte(strconv.Itoa(i))})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	for {
		err := w.WriteMessages(ctx, msgs...)
		if err == nil {
			return
		}
		if ctx.Err() != nil {
			t.Fatal(err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func waitFor(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %s", what, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestStopIsBoundedByTheDrainTimeout: a handler that ignores its context
// (a driver stuck on a hung server) cannot stretch a stop past the drain
// timeout; the batch is left uncommitted for redelivery.
func TestStopIsBoundedByTheDrainTimeout(t *testing.T) {
	cfg, broker := startBroker(t, t.TempDir())
	defer broker.Close()
	produce(t, cfg, TopicRaw, 10)
	reader := kafka.NewReader(ReaderConfig(cfg, "test-group", TopicRaw, 100))
	defer reader.Close()
	dlq := NewWriter(cfg, TopicDLQ)
	defer dlq.Close()
	entered := make(chan struct{}, 1)
	release := make(chan struct{})
	defer close(release)
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		select {
		case entered <- struct{}{}:
		default:
		}
		<-release // ignores ctx, like a hung driver
		return nil, nil
	}
	const drain = 300 * time.Millisecond
	loop := NewLoop(LoopConfig{Stage: "test", BatchSize: 50, BatchWait: 20 * time.Millisecond, DrainTimeout: drain}, reader, dlq, handle)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- loop.Run(ctx) }()
	select {
	case <-entered:
	case <-time.After(30 * time.Second):
		t.Fatal("handler never called")
	}
	stop := time.Now()
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run still waiting for a stuck handler 10 s after the stop")
	}
	took := time.Since(stop)
	t.Logf("stopped %s after the request with a stuck handler (drain timeout %s)", took.Round(time.Millisecond), drain)
	if took > drain+2*time.Second {
		t.Errorf("stop took %s, drain timeout %s", took, drain)
	}
	waitLag(t, cfg, "test-group", TopicRaw, 10) // nothing committed
}

// TestConsumerProgressesWhenTheBrokerIsSlowToAnswer: a broker that takes
// longer to answer a fetch than the reader's MaxWait (a loaded machine, a
// big backlog, the embedded broker in a slow process) must still deliver.
// kafka-go sets its read deadline to MaxWait: with 100 ms every slow fetch
// was abandoned and sent again, forever (found by TestSigtermStore under
// the race detector: a 64,000-post backlog never moved).
func TestConsumerProgressesWhenTheBrokerIsSlowToAnswer(t *testing.T) {
	cfg, broker := startBroker(t, t.TempDir())
	defer broker.Close()
	const n = 300
	produce(t, cfg, TopicRaw, n)
	broker.cluster.ControlKey(int16(kmsg.Fetch), func(kmsg.Request) (kmsg.Response, error, bool) {
		broker.cluster.KeepControl()
		time.Sleep(300 * time.Millisecond) // every fetch answered late
		return nil, nil, false
	})
	var mu sync.Mutex
	seen := map[string]bool{}
	handle := func(ctx context.Context, batch []kafka.Message) ([]Poison, error) {
		mu.Lock()
		defer mu.Unlock()
		for _, m := range batch {
			seen[string(m.Value)] = true
		}
		return nil, nil
	}
	start := time.Now()
	runLoop(t, cfg, handle, func() bool { mu.Lock(); defer mu.Unlock(); return len(seen) == n })
	t.Logf("%d messages handled in %s with every fetch answered 300 ms late", n, time.Since(start).Round(100*time.Millisecond))
}
