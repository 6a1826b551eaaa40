// Package pipeline wires the stages to Kafka and ClickHouse: the classify and
// store handlers run by kafkax's consumer loop, the ingest side that runs
// sources into the publisher, and Run, which starts the whole pipeline in
// one process on embedded defaults.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

// Classifier labels one post; it must be safe for concurrent use.
type Classifier interface {
	Classify(p post.Post, now time.Time) post.Classified
}

// Writer publishes messages (a *kafka.Writer).
type Writer interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Counter counts messages a stage handled successfully.
type Counter = atomic.Int64

// ClassifyHandler decodes raw posts, classifies them on workers goroutines
// and publishes the results to out before returning, so the loop commits
// only what the store stage can already read. Undecodable posts, and posts
// the classifier panics on, are poison.
func ClassifyHandler(c Classifier, out Writer, workers int, now func() time.Time, done *Counter) kafkax.Handler {
	if workers < 1 {
		workers = 1
	}
	return func(ctx context.Context, batch []kafka.Message) ([]kafkax.Poison, error) {
		t := now()
		results := make([]kafka.Message, len(batch))
		reasons := make([]string, len(batch))
		// Workers take the next post as they free up rather than a fixed
		// share of the batch, so none sits idle while another finishes
		// slower posts.
		var wg sync.WaitGroup
		var next atomic.Int64
		for range min(workers, len(batch)) {
			wg.Go(func() {
				for i := int(next.Add(1) - 1); i < len(batch); i = int(next.Add(1) - 1) {
					results[i], reasons[i] = classifyOne(c, batch[i], t)
				}
			})
		}
		wg.Wait()
		var poison []kafkax.Poison
		out0 := results[:0]
		for i := range results {
			if reasons[i] != "" {
				poison = append(poison, kafkax.Poison{Msg: batch[i], Reason: reasons[i]})
				continue
			}
			out0 = append(out0, results[i])
		}
		if err := out.WriteMessages(ctx, out0...); err != nil {
			return nil, fmt.Errorf("classify: publish %d classified posts: %w", len(out0), err)
		}
		done.Add(int64(len(out0)))
		return poison, nil
	}
}

// classifyOne returns the classified message, or a reason when msg is poison.
func classifyOne(c Classifier, msg kafka.Message, now time.Time) (out kafka.Message, reason string) {
	defer func() {
		if r := recover(); r != nil {
			reason = fmt.Sprintf("classifier panic: %v\n%s", r, debug.Stack())
		}
	}()
	p, err := post.DecodePost(msg.Value, now)
	if err != nil {
		return out, err.Error()
	}
	cl := c.Classify(p, now)
	b, err := cl.Marshal()
	if err != nil {
		return out, err.Error()
	}
	return kafka.Message{Key: msg.Key, Value: b}, ""
}

// PostInserter writes classified posts and marks the hours whose rollups
// must be recounted (a *store.DB).
type PostInserter interface {
	InsertPosts(ctx context.Context, posts []post.Classified) error
	MarkDirty(ctx context.Context, times []time.Time) error
}

// StoreHandler decodes classified posts, inserts the batch into ClickHouse
// in one insert, then marks the hours it touched for a rollup recount, all
// before the loop commits: a crash anywhere redelivers the batch and redoes
// both. The rollup refresher recounts
// marked hours (RefreshRollupsLoop). An error fails the batch (the loop
// retries it); undecodable messages are poison.
func StoreHandler(db PostInserter, now func() time.Time, done *Counter) kafkax.Handler {
	return func(ctx context.Context, batch []kafka.Message) ([]kafkax.Poison, error) {
		t := now()
		posts := make([]post.Classified, 0, len(batch))
		var poison []kafkax.Poison
		for _, m := range batch {
			c, err := post.DecodeClassified(m.Value, t)
			if err != nil {
				poison = append(poison, kafkax.Poison{Msg: m, Reason: err.Error()})
				continue
			}
			posts = append(posts, c)
		}
		times := make([]time.Time, len(posts))
		for i := range posts {
			times[i] = posts[i].CreatedAt
		}
		// Insert first, then mark: a refresher that reads the mark is sure
		// to see the rows. A crash between the two redelivers the batch
		// (nothing is committed yet), which inserts and marks again.
		if err := db.InsertPosts(ctx, posts); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		if err := db.MarkDirty(ctx, times); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		done.Add(int64(len(posts)))
		return poison, nil
	}
}

// RollupRefresher recounts the rollups of marked hours (a *store.DB).
type RollupRefresher interface {
	RefreshDirty(ctx context.Context, limit int) (int, error)
}

// RefreshRollupsLoop recounts marked hours every interval until ctx ends,
// then drains what is left (within drain), so rollups trail the posts table
// by about one interval and are exact once it returns. Under load a pass
// takes longer (a busy hour is recounted whole), and the loop then waits a
// multiple of the pass before the next one (nextRefresh): recounts never
// take more than a quarter of the server's time from the inserts, a ninth
// during a bulk import, and the rollups trail a little more instead
// (measured: 4,400 posts/s end to end with a fixed 500 ms period, 6,000
// with 5 s).
//
// stored, if not nil, counts the rows the store stage has inserted: the
// refresher backs off harder while they come in bulk (nextRefresh).
func RefreshRollupsLoop(ctx context.Context, db RollupRefresher, interval, drain time.Duration, stored *Counter, log *slog.Logger) {
	t := time.NewTimer(interval)
	defer t.Stop()
	var lastStored int64
	for {
		select {
		case <-ctx.Done():
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drain)
			defer cancel()
			// Wait no longer than drain even if the driver ignores dctx;
			// hours left marked are recounted by the next start.
			done := make(chan error, 1)
			go func() { done <- DrainRollups(dctx, db) }()
			var err error
			select {
			case err = <-done:
			case <-dctx.Done():
				err = dctx.Err()
			}
			if err != nil {
				log.Error("rollup refresh at shutdown; marked hours are recounted at the next start", "err", err)
			}
			return
		case <-t.C:
			start := time.Now()
			for {
				n, err := db.RefreshDirty(ctx, refreshHoursPerPass)
				if err != nil {
					if ctx.Err() == nil {
						log.Warn("rollup refresh failed, will retry", "err", err)
					}
					break
				}
				if n < refreshHoursPerPass {
					break
				}
			}
			var rows int64
			if stored != nil {
				now := stored.Load()
				rows, lastStored = now-lastStored, now
			}
			t.Reset(nextRefresh(interval, time.Since(start), rows))
		}
	}
}

// After a recount pass the refresher waits refreshBackoff times the pass
// (when that is longer than its interval), and bulkBackoff times it when at
// least bulkRows rows were stored since the previous pass: a bulk import,
// filling hours of tens of thousands of posts that every pass recounts
// whole. Then recounts keep to about a ninth of the time and the inserts
// and the classifier keep the CPU (measured on 300,000 posts, 2 cores:
// ClickHouse 15 -> 10 CPU-seconds, 6,500 -> 7,150 posts/s end to end),
// while the dashboard trails the import by a few seconds more. A live
// stream, even at 5,000 posts/s, stores fewer rows between two passes and
// keeps the short wait: its rollups trail the posts by about a second. (The
// pass's own duration is no signal: on a slow machine a live stream's pass
// takes as long as a bulk one's.)
const (
	refreshBackoff = 3
	bulkBackoff    = 8
	bulkRows       = 20_000
)

// nextRefresh is the wait before the next recount pass, given the last
// pass's duration and the rows stored since the pass before it.
func nextRefresh(interval, pass time.Duration, rows int64) time.Duration {
	if rows >= bulkRows {
		return max(interval, bulkBackoff*pass)
	}
	return max(interval, refreshBackoff*pass)
}

// refreshHoursPerPass bounds one recount statement.
const refreshHoursPerPass = 48

// DrainRollups recounts every marked hour.
func DrainRollups(ctx context.Context, db RollupRefresher) error {
	for {
		n, err := db.RefreshDirty(ctx, refreshHoursPerPass)
		if err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
	}
}
