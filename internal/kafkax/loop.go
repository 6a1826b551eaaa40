package kafkax

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
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
		c.DrainTimeout = 30 * time.Second
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

// Run consumes until ctx ends. The batch in hand when ctx ends is still
// handled and committed (within DrainTimeout), so a clean stop flushes it.
// Run returns nil on a clean stop.
func (l *Loop) Run(ctx context.Context) error {
	batch := make([]kafka.Message, 0, l.cfg.BatchSize)
	for {
		batch = batch[:0]
		var err error
		batch, err = l.fetch(ctx, batch)
		if len(batch) > 0 {
			drain, cancel := drainContext(ctx, l.cfg.DrainTimeout)
			perr := l.process(ctx, drain, batch)
			cancel()
			if perr != nil {
				return perr
			}
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("%s: fetch: %w", l.cfg.Stage, err)
		}
	}
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
func (l *Loop) process(ctx, drain context.Context, batch []kafka.Message) error {
	backoff := l.cfg.MinBackoff
	for attempt := 0; ; attempt++ {
		start := time.Now()
		poison, err := l.handle(drain, batch)
		if err == nil {
			took := time.Since(start)
			if err := l.deadLetter(drain, poison); err != nil {
				return err
			}
			l.commit(drain, batch)
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
			return nil
		}
		l.stats.Retries++
		if l.cfg.Observer != nil {
			l.cfg.Observer.ObserveRetry(l.cfg.Stage)
		}
		l.cfg.Logger.Warn("batch failed, will retry", "stage", l.cfg.Stage, "messages", len(batch),
			"attempt", attempt+1, "backoff", backoff, "err", err)
		if ctx.Err() != nil {
			// Stopping: leave the batch uncommitted; it is delivered again on restart.
			return nil
		}
		if !sleep(ctx, backoff) {
			return nil
		}
		backoff = min(backoff*2, l.cfg.MaxBackoff)
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

// commit commits the batch's offsets. A failed commit is logged, not fatal:
// the worst outcome is that the batch is delivered again, which downstream
// deduplication absorbs.
func (l *Loop) commit(ctx context.Context, batch []kafka.Message) {
	for attempt := 0; attempt < 3; attempt++ {
		err := l.fetcher.CommitMessages(ctx, batch...)
		if err == nil {
			return
		}
		l.cfg.Logger.Warn("commit failed", "stage", l.cfg.Stage, "attempt", attempt+1, "err", err)
		if !sleep(ctx, l.cfg.MinBackoff) {
			return
		}
	}
}

// drainContext returns a context that outlives ctx by d: work on the batch
// in hand is not interrupted by a stop request, but is bounded once asked.
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

// ReaderConfig is the consumer configuration every stage uses: explicit
// synchronous commits, start from the first offset when the group has none.
func ReaderConfig(cfg Config, group, topic string, queue int) kafka.ReaderConfig {
	return kafka.ReaderConfig{
		Brokers:        cfg.Brokers,
		GroupID:        group,
		Topic:          topic,
		MinBytes:       1,
		MaxBytes:       16 << 20,
		MaxWait:        100 * time.Millisecond,
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
