package bench

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// FreshnessResult is how long posts take from being published (their
// batch acknowledged by Kafka) to being counted by the dashboard (the
// rollup totals its summary shows), at a steady rate.
type FreshnessResult struct {
	Posts         int
	Rate          float64 // posts/s offered
	P50, P95, P99 time.Duration
}

// freshnessTick is how often the rate source publishes a batch.
const freshnessTick = 100 * time.Millisecond

// freshnessPoll is how often the dashboard's count is read.
const freshnessPoll = 50 * time.Millisecond

// Freshness runs the whole pipeline (`vigie run` in this process, on a
// fresh data folder dir) fed by a source that publishes rate posts/s for
// d, and polls the dashboard's total count. Posts flow in order, so when
// the count reaches k the first k posts are visible: post k's freshness is
// the first poll that counts it minus the time its batch was
// acknowledged. Partitions may reorder posts a little; over thousands of
// posts the distribution is what a reader sees.
func Freshness(ctx context.Context, dir string, rate int, d time.Duration) (FreshnessResult, error) {
	res := FreshnessResult{Rate: float64(rate)}
	if rate <= 0 || d <= 0 {
		return res, fmt.Errorf("bench: freshness: rate %d and duration %s must be positive", rate, d)
	}
	if err := os.RemoveAll(dir); err != nil {
		return res, err
	}
	log := slog.New(slog.DiscardHandler)
	// Start the local ClickHouse first to read it while the pipeline (which
	// attaches to the same server) runs.
	ch, err := pipeline.StartClickHouse(ctx, dir, pipeline.ClickHouseConfig{Database: "vigie"}, true, log)
	if err != nil {
		return res, err
	}
	defer ch.Stop(context.WithoutCancel(ctx))
	db, err := store.Open(ctx, ch.Reader)
	if err != nil {
		return res, err
	}
	defer db.Close()

	src, err := newRateSource(rate, d)
	if err != nil {
		return res, err
	}
	runCtx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() {
		_, err := pipeline.Run(runCtx, pipeline.Config{
			DataDir: dir, SourceValues: []ingest.Source{src},
			Kafka: pipeline.KafkaConfig{Partitions: 4}, CH: pipeline.ClickHouseConfig{Database: "vigie"},
			Logger: log,
		})
		done <- err
	}()

	total := src.total()
	var visible []time.Time // visible[k]: first poll counting post k
	tick := time.NewTicker(freshnessPoll)
	defer tick.Stop()
	deadline := time.Now().Add(d + 2*time.Minute)
	for len(visible) < total {
		select {
		case err := <-done:
			if err == nil {
				err = errors.New("the pipeline stopped early")
			}
			return res, fmt.Errorf("bench: freshness: %w", err)
		case <-ctx.Done():
			return res, ctx.Err()
		case now := <-tick.C:
			if now.After(deadline) {
				return res, fmt.Errorf("bench: freshness: %d of %d posts visible after %s", len(visible), total, d+2*time.Minute)
			}
			t, err := db.RollupTotals(ctx)
			if err != nil {
				return res, fmt.Errorf("bench: freshness: %w", err)
			}
			for len(visible) < int(min(t.Posts, uint64(total))) {
				visible = append(visible, now)
			}
		}
	}
	stop()
	if err := <-done; err != nil && !errors.Is(err, context.Canceled) {
		return res, fmt.Errorf("bench: freshness: %w", err)
	}
	published := src.publishedAt()
	lat := make([]time.Duration, 0, total)
	for k := range visible {
		lat = append(lat, max(0, visible[k].Sub(published[k])))
	}
	res.Posts = total
	res.P50, res.P95, res.P99 = percentile(lat, 50), percentile(lat, 95), percentile(lat, 99)
	return res, nil
}

// rateSource publishes scenario posts, re-stamped as new, at a steady
// rate, and notes when each batch was acknowledged.
type rateSource struct {
	rate  int
	posts []post.Post

	mu        sync.Mutex
	published []time.Time // published[k]: when post k's batch was acknowledged
}

// newRateSource prepares rate×d scenario posts, keeping only those the
// publisher will pass on (valid, matching the tracked terms): the count
// the dashboard reaches must be exactly the posts published.
func newRateSource(rate int, d time.Duration) (*rateSource, error) {
	n := int(float64(rate) * d.Seconds())
	tracker, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		return nil, err
	}
	s := &rateSource{rate: rate}
	now := time.Now()
	for _, p := range scenarioPosts(n + n/10) {
		if len(s.posts) == n {
			break
		}
		q := p
		if post.Normalize(&q, now) != nil || len(tracker.Match(&q)) == 0 {
			continue
		}
		s.posts = append(s.posts, p)
	}
	return s, nil
}

func (s *rateSource) total() int { return len(s.posts) }

func (s *rateSource) publishedAt() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.published)
}

// Name implements ingest.Source.
func (s *rateSource) Name() string { return "bench:rate" }

// Run implements ingest.Source: a batch of rate/10 posts every 100 ms.
func (s *rateSource) Run(ctx context.Context, emit ingest.Emit) error {
	per := max(1, s.rate*int(freshnessTick)/int(time.Second))
	tick := time.NewTicker(freshnessTick)
	defer tick.Stop()
	for k := 0; k < len(s.posts); {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
		now := time.Now().UTC()
		batch := make([]post.Post, 0, per)
		for ; k < len(s.posts) && len(batch) < per; k++ {
			p := s.posts[k]
			p.ID = "fresh-" + strconv.Itoa(k)
			p.CreatedAt, p.IngestedAt = now, now
			batch = append(batch, p)
		}
		if err := emit(ctx, batch); err != nil {
			return err
		}
		acked := time.Now()
		s.mu.Lock()
		for range batch {
			s.published = append(s.published, acked)
		}
		s.mu.Unlock()
	}
	return nil
}

var _ ingest.Source = (*rateSource)(nil)
