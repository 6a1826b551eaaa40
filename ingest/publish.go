package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

// Writer is what the publisher needs from Kafka (a *kafka.Writer).
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// PublisherStats count what the publisher did.
type PublisherStats struct {
	Published, Unmatched, DeadLettered int64
	// FirstWrite is when the first post was handed to Kafka (zero before).
	FirstWrite time.Time
}

// Publisher normalises posts, keeps those matching the tracked terms,
// and writes them to the raw topic (keyed by post key, so a post always lands
// on the same partition). Posts that fail validation go to the dead-letter
// topic with their reason. Emit returns only once Kafka has acknowledged
// every message, retrying with backoff while the broker is unavailable.
type Publisher struct {
	raw, dlq Writer
	tracker  *Tracker
	// KeepUnmatched publishes posts that match no tracked term too (archives
	// a researcher already filtered).
	keepUnmatched bool
	now           func() time.Time
	logger        *slog.Logger

	published, unmatched, deadLettered atomic.Int64
	firstWrite                         atomic.Pointer[time.Time]
}

// PublisherConfig configures a Publisher.
type PublisherConfig struct {
	Tracker       *Tracker
	KeepUnmatched bool
	Now           func() time.Time
	Logger        *slog.Logger
}

// NewPublisher builds a publisher writing to raw and dead letters to dlq.
func NewPublisher(cfg PublisherConfig, raw, dlq Writer) *Publisher {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	return &Publisher{raw: raw, dlq: dlq, tracker: cfg.Tracker, keepUnmatched: cfg.KeepUnmatched,
		now: cfg.Now, logger: cfg.Logger}
}

// Stats returns the publisher's counters.
func (p *Publisher) Stats() PublisherStats {
	st := PublisherStats{Published: p.published.Load(), Unmatched: p.unmatched.Load(), DeadLettered: p.deadLettered.Load()}
	if t := p.firstWrite.Load(); t != nil {
		st.FirstWrite = *t
	}
	return st
}

// Emit publishes a batch; it is an ingest.Emit. A large batch is encoded
// and written in slices of writeSlice posts, each slice's Kafka write
// running while the next slice is encoded, so that the encoding (about as
// costly per post as the write) hides behind the write. Emit returns once
// every slice is acknowledged; on an error the caller emits the batch
// again (posts written twice are deduplicated downstream).
func (p *Publisher) Emit(ctx context.Context, batch []post.Post) error {
	now := p.now()
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		werr   error
		dead   []kafka.Message
		queued int
	)
	for lo := 0; lo < len(batch); lo += writeSlice {
		msgs, d, err := p.encode(batch[lo:min(lo+writeSlice, len(batch))], now)
		if err != nil {
			wg.Wait()
			return err
		}
		dead = append(dead, d...)
		queued += len(msgs)
		if len(msgs) > 0 && p.firstWrite.Load() == nil {
			t := time.Now()
			p.firstWrite.CompareAndSwap(nil, &t)
		}
		wg.Go(func() {
			if err := writeWithRetry(ctx, p.raw, msgs, p.logger); err != nil {
				mu.Lock()
				werr = errors.Join(werr, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if werr != nil {
		return fmt.Errorf("ingest: publish %d posts: %w", queued, werr)
	}
	if err := p.Reject(ctx, dead...); err != nil {
		return err
	}
	p.published.Add(int64(queued))
	return nil
}

// writeSlice is how many posts Emit encodes before handing them to the
// writer.
const writeSlice = 250

// encode normalises, matches and encodes posts into raw-topic messages and
// dead letters, in order.
func (p *Publisher) encode(batch []post.Post, now time.Time) (msgs, dead []kafka.Message, err error) {
	msgs = make([]kafka.Message, 0, len(batch))
	var bufs MatchBuffers
	for i := range batch {
		ps := &batch[i]
		if err := post.Normalize(ps, now); err != nil {
			raw, _ := json.Marshal(ps)
			dead = append(dead, deadLetter(raw, err.Error(), ps.Key()))
			continue
		}
		if p.tracker != nil {
			ps.Matched = p.tracker.MatchPost(ps, &bufs)
			if len(ps.Matched) == 0 && !p.keepUnmatched {
				p.unmatched.Add(1)
				continue
			}
		}
		b, err := ps.Marshal()
		if err != nil {
			return nil, nil, fmt.Errorf("ingest: %w", err)
		}
		msgs = append(msgs, kafka.Message{Key: []byte(ps.Key()), Value: b})
	}
	return msgs, dead, nil
}

// Reject sends records a source could not turn into posts (or that failed
// validation) to the dead-letter topic.
func (p *Publisher) Reject(ctx context.Context, dead ...kafka.Message) error {
	if len(dead) == 0 {
		return nil
	}
	for _, d := range dead {
		p.logger.Warn("input to dead-letter topic", "stage", "ingest", "reason", kafkax.Header(d, kafkax.HeaderReason))
	}
	if err := writeWithRetry(ctx, p.dlq, dead, p.logger); err != nil {
		return fmt.Errorf("ingest: write %d dead letters: %w", len(dead), err)
	}
	p.deadLettered.Add(int64(len(dead)))
	return nil
}

// RejectRaw builds the dead-letter message for input that never became a
// post: raw holds the original bytes, where says where they came from (for
// example "file.jsonl:42").
func RejectRaw(raw []byte, reason, where string) kafka.Message {
	return deadLetter(raw, reason, where)
}

func deadLetter(raw []byte, reason, origin string) kafka.Message {
	return kafka.Message{
		Key:   []byte(origin),
		Value: raw,
		Headers: []kafka.Header{
			{Key: kafkax.HeaderStage, Value: []byte("ingest")},
			{Key: kafkax.HeaderReason, Value: []byte(reason)},
			{Key: kafkax.HeaderOrigin, Value: []byte(origin)},
		},
	}
}

// writeWithRetry writes msgs until Kafka acknowledges them or ctx ends.
// A retried write may duplicate messages; downstream deduplication by post
// key absorbs that.
func writeWithRetry(ctx context.Context, w Writer, msgs []kafka.Message, logger *slog.Logger) error {
	if len(msgs) == 0 {
		return nil
	}
	backoff := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := w.WriteMessages(ctx, msgs...)
		if err == nil {
			return nil
		}
		if ctx.Err() != nil {
			return errors.Join(err, ctx.Err())
		}
		logger.Warn("kafka write failed, will retry", "messages", len(msgs), "attempt", attempt, "backoff", backoff, "err", err)
		t := time.NewTimer(backoff)
		select {
		case <-ctx.Done():
			t.Stop()
			return errors.Join(err, ctx.Err())
		case <-t.C:
		}
		backoff = min(backoff*2, 10*time.Second)
	}
}
