package kafkax

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
)

// Poison is a message that no retry can make acceptable: it goes to the
// dead-letter topic with its reason, and its offset is then committed.
type Poison struct {
	Msg    kafka.Message
	Reason string
}

// Handler processes one batch of messages. It returns the messages it
// refuses for good (poison) and an error when the batch as a whole could not
// be processed now (a downstream outage): the loop then retries the same
// batch, without fetching more, until it succeeds. A handler that returns nil
// has handed every good message to the next stage durably.
type Handler func(ctx context.Context, batch []kafka.Message) ([]Poison, error)

// Writer is what the loop needs to publish dead letters (a *kafka.Writer).
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Fetcher is what the loop needs from a consumer (a *kafka.Reader with a
// GroupID and CommitInterval 0, so CommitMessages is synchronous).
type Fetcher interface {
	FetchMessage(ctx context.Context) (kafka.Message, error)
	CommitMessages(ctx context.Context, msgs ...kafka.Message) error
}

// LoopConfig configures a consumer loop.
type LoopConfig struct {
	// Stage names the stage in logs and dead-letter headers ("classify", "store").
	Stage string
	// BatchSize is the most messages handled at once.
	BatchSize int
	// BatchWait is how long to wait for a batch to fill once it has a message.
	BatchWait time.Duration
	// MinBackoff and MaxBackoff bound the wait between retries of a failed batch.
	MinBackoff, MaxBackoff time.Duration
	// DrainTimeout bounds how long the batch in hand may take to finish once
	// the loop is asked to stop.
	DrainTimeout time.Duration
	Logger       *slog.Logger
	// Observer, if set, is told about every batch and retry (metrics).
	Observer Observer
}

// Observer receives what a loop does (internal/metrics implements it).
type Observer interface {
	ObserveBatch(stage string, in, out int, took time.Duration, deadLetterReasons []string)
	ObserveRetry(stage string)
}

func (c *LoopConfig) setDefaults() {
	if c.BatchSize <= 0 {
		c.BatchSize = 5000
	}
	if c.BatchWait <= 0 {
		c.BatchWait = 200 * time.Millisecond
	}
	if c.MinBackoff <= 0 {
		c.MinBackoff = 100 * time.Millisecond
	}
	if c.MaxBackoff <= 0 {
		c.MaxBackoff = 10 * time.Second
	}
	if c.DrainTimeout <= 0 {
		c.DrainTimeout = DefaultDrainTimeout
	}
	if c.Logger == nil {
		c.Logger = slog.Default()
	}
}

// LoopStats are the counters of a loop, read after or during Run.
type LoopStats struct {
	Batches, Messages, Poisoned, Retries int64
}

// Loop is the consumer loop every stage runs: fetch a batch, handle it, send
// poison to the dead-letter topic, and only then commit the batch's offsets.
// It gives at-least-once delivery: a crash anywhere before the commit means
// the batch is delivered again, never lost.
type Loop struct {
	cfg     LoopConfig
	fetcher Fetcher
	dlq     Writer
	handle  Handler
	stats   LoopStats
}

// NewLoop builds a loop reading from fetcher, handling with handle and
// sending poison to dlq.
func NewLoop(cfg LoopConfig, fetcher Fetcher, dlq Writer, handle Handler) *Loop {
	cfg.setDefaults()
	return &Loop{cfg: cfg, fetcher: fetcher, dlq: dlq, handle: handle}
}

// Stats returns the loop's counters. It is not safe to call concurrently
// with Run; read it after Run returns.
func (l *Loop) Stats() LoopStats { return l.stats }

// DefaultDrainTimeout is how long a stopping loop may take to finish and
// commit the batch in hand when LoopConfig.DrainTimeout is not set.
const DefaultDrainTimeout = 30 * time.Second

// Run consumes until ctx ends. The batch in hand when ctx ends is still
// handled and committed (within DrainTimeout), so a clean stop flushes it;
// the outcome is logged ("drained" or what is left for redelivery).
// A fetch error (the broker unreachable, the consumer group being rebuilt)
// is retried with capped backoff while ctx lives: the reader reconnects by
// itself. Run returns nil on a clean stop, and an error only when the
// fetcher is closed under it or dead letters cannot be written.
func (l *Loop) Run(ctx context.Context) error {
	var stopAt atomic.Int64
	unwatch := context.AfterFunc(ctx, func() { stopAt.Store(time.Now().UnixNano()) })
	defer unwatch()
	batch := make([]kafka.Message, 0, l.cfg.BatchSize)
	backoff := l.cfg.MinBackoff
	for {
		batch = batch[:0]
		var err error
		batch, err = l.fetch(ctx, batch)
		if len(batch) > 0 {
			drain, cancel := drainContext(ctx, l.cfg.DrainTimeout)
			committed, perr := l.process(ctx, drain, batch)
			cancel()
			if perr != nil {
				return perr
			}
			if ctx.Err() != nil {
				l.stopped(stopAt.Load(), committed, len(batch))
				return nil
			}
		}
		if ctx.Err() != nil {
			l.stopped(stopAt.Load(), true, 0)
			return nil
		}
		if err == nil {
			backoff = l.cfg.MinBackoff
			continue
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrClosedPipe) {
			return fmt.Errorf("%s: fetch: consumer closed: %w", l.cfg.Stage, err)
		}
		l.cfg.Logger.Warn("fetch failed, will retry", "stage", l.cfg.Stage, "backoff", backoff, "err", err)
		if !sleep(ctx, backoff) {
			l.stopped(stopAt.Load(), true, 0)
			return nil
		}
		backoff = min(backoff*2, l.cfg.MaxBackoff)
	}
}

// stopped logs how the loop stopped: drained (nothing fetched is left
// uncommitted) or with the batch in hand left for redelivery.
func (l *Loop) stopped(stopAtNanos int64, committed bool, inHand int) {
	took := time.Duration(0)
	if stopAtNanos > 0 {
		took = time.Since(time.Unix(0, stopAtNanos)).Round(time.Millisecond)
	}
	if committed {
		l.cfg.Logger.Info("drained: stopped with every handled batch committed", "stage", l.cfg.Stage,
			"last_batch", inHand, "took", took, "messages", l.stats.Messages)
		return
	}
	l.cfg.Logger.Warn("stopped before the batch in hand was committed; it will be delivered again", "stage", l.cfg.Stage,
		"messages", inHand, "took", took, "drain_timeout", l.cfg.DrainTimeout)
}

// fetch blocks for a first message, then gathers more until the batch is
// full or BatchWait has passed.
func (l *Loop) fetch(ctx context.Context, batch []kafka.Message) ([]kafka.Message, error) {
	m, err := l.fetcher.FetchMessage(ctx)
	if err != nil {
		return batch, err
	}
	batch = append(batch, m)
	wctx, cancel := context.WithTimeout(ctx, l.cfg.BatchWait)
	defer cancel()
	for len(batch) < l.cfg.BatchSize {
		m, err := l.fetcher.FetchMessage(wctx)
		if err != nil {
			if wctx.Err() != nil && ctx.Err() == nil {
				return batch, nil // the wait is over, not the loop
			}
			return batch, err
		}
		batch = append(batch, m)
	}
	return batch, nil
}

// process handles one batch until it succeeds, then dead-letters its poison
// and commits it. While the loop runs (ctx alive) it retries forever with
// capped backoff; once asked to stop it keeps trying only until drain ends.
// committed says whether the batch's offsets were committed.
func (l *Loop) process(ctx, drain context.Context, batch []kafka.Message) (committed bool, err error) {
	backoff := l.cfg.MinBackoff
	for attempt := 0; ; attempt++ {
		start := time.Now()
		poison, err := l.call(drain, batch)
		if err == nil {
			took := time.Since(start)
			if err := l.deadLetter(drain, poison); err != nil {
				return false, err
			}
			committed := l.commit(drain, batch)
			l.stats.Batches++
			l.stats.Messages += int64(len(batch))
			l.stats.Poisoned += int64(len(poison))
			if l.cfg.Observer != nil {
				reasons := make([]string, len(poison))
				for i, p := range poison {
					reasons[i] = p.Reason
				}
				l.cfg.Observer.ObserveBatch(l.cfg.Stage, len(batch), len(batch)-len(poison), took, reasons)
			}
			return committed, nil
		}
		l.stats.Retries++
		if l.cfg.Observer != nil {
			l.cfg.Observer.ObserveRetry(l.cfg.Stage)
		}
		l.cfg.Logger.Warn("batch failed, will retry", "stage", l.cfg.Stage, "messages", len(batch),
			"attempt", attempt+1, "backoff", backoff, "err", err)
		if ctx.Err() != nil {
			// Stopping: leave the batch uncommitted; it is delivered again on restart.
			return false, nil
		}
		if !sleep(ctx, backoff) {
			return false, nil
		}
		backoff = min(backoff*2, l.cfg.MaxBackoff)
	}
}

// call runs the handler, but stops waiting for it once drain ends: a
// handler stuck in a driver that ignores its context (a ClickHouse
// handshake waits for its own dial timeout) must not stretch a stop past
// the drain timeout. The abandoned batch is not committed, so it is
// delivered again; whatever the handler still does is deduplicated.
func (l *Loop) call(drain context.Context, batch []kafka.Message) ([]Poison, error) {
	type result struct {
		poison []Poison
		err    error
	}
	done := make(chan result, 1)
	go func() {
		poison, err := l.handle(drain, batch)
		done <- result{poison, err}
	}()
	select {
	case r := <-done:
		return r.poison, r.err
	case <-drain.Done():
		return nil, fmt.Errorf("%s: handler still busy when the drain timeout ended: %w", l.cfg.Stage, drain.Err())
	}
}

func (l *Loop) deadLetter(ctx context.Context, poison []Poison) error {
	if len(poison) == 0 {
		return nil
	}
	msgs := make([]kafka.Message, len(poison))
	for i, p := range poison {
		msgs[i] = DeadLetter(l.cfg.Stage, p.Reason, p.Msg)
		l.cfg.Logger.Warn("message to dead-letter topic", "stage", l.cfg.Stage, "reason", p.Reason,
			"topic", p.Msg.Topic, "partition", p.Msg.Partition, "offset", p.Msg.Offset)
	}
	backoff := l.cfg.MinBackoff
	for {
		err := l.dlq.WriteMessages(ctx, msgs...)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return fmt.Errorf("%s: write dead letters: %w", l.cfg.Stage, errors.Join(err, ctx.Err()))
		}
		l.cfg.Logger.Warn("dead-letter write failed, will retry", "stage", l.cfg.Stage, "err", err)
		if !sleep(ctx, backoff) {
			return fmt.Errorf("%s: write dead letters: %w", l.cfg.Stage, ctx.Err())
		}
		backoff = min(backoff*2, l.cfg.MaxBackoff)
	}
}

// commit commits the batch's offsets and reports whether it succeeded. A
// failed commit is logged, not fatal: the worst outcome is that the batch
// is delivered again, which downstream deduplication absorbs.
func (l *Loop) commit(ctx context.Context, batch []kafka.Message) bool {
	for attempt := 0; attempt < 3; attempt++ {
		err := l.fetcher.CommitMessages(ctx, batch...)
		if err == nil {
			return true
		}
		l.cfg.Logger.Warn("commit failed", "stage", l.cfg.Stage, "attempt", attempt+1, "err", err)
		if !sleep(ctx, l.cfg.MinBackoff) {
			return false
		}
	}
	return false
}

// DrainContext returns a context that outlives ctx by d: work in hand is
// not interrupted by a stop request, but is bounded once asked. cancel
// releases it.
func DrainContext(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	return drainContext(ctx, d)
}

func drainContext(ctx context.Context, d time.Duration) (context.Context, context.CancelFunc) {
	drain, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() {
		t := time.AfterFunc(d, cancel)
		context.AfterFunc(drain, func() { t.Stop() })
	})
	return drain, func() { stop(); cancel() }
}

func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// fetchMaxBytes bounds one fetch answer (see ReaderConfig).
const fetchMaxBytes = 4 << 20

// ReaderConfig is the consumer configuration every stage uses: explicit
// synchronous commits, start from the first offset when the group has none.
func ReaderConfig(cfg Config, group, topic string, queue int) kafka.ReaderConfig {
	return kafka.ReaderConfig{
		Brokers:  cfg.Brokers,
		GroupID:  group,
		Topic:    topic,
		MinBytes: 1,
		// A fetch answers at most 4 MiB (about 4,000 posts, half a second
		// of the pipeline at full speed; a message is at most 1 MiB). The
		// embedded broker builds each answer in memory, one per partition
		// and reader: with 16 MiB they held 84 MB of vigie run's heap.
		MaxBytes: fetchMaxBytes,
		// kafka-go's read deadline for a fetch is MaxWait: a broker slower
		// than that to answer (a big backlog, a loaded machine) has every
		// fetch abandoned and sent again, and the consumer never moves.
		// Data is still delivered as soon as it arrives (MinBytes 1).
		MaxWait:        time.Second,
		StartOffset:    kafka.FirstOffset,
		CommitInterval: 0,
		QueueCapacity:  queue,
		// A member that died without leaving (kill -9) holds its partitions
		// until its session expires: keep that short so a restart resumes fast.
		SessionTimeout:    10 * time.Second,
		RebalanceTimeout:  10 * time.Second,
		HeartbeatInterval: time.Second,
		JoinGroupBackoff:  time.Second,
	}
}
