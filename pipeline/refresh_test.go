package pipeline

import (
	"context"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestNextRefresh(t *testing.T) {
	for _, tt := range []struct {
		interval, pass time.Duration
		rows           int64
		want           time.Duration
	}{
		{500 * time.Millisecond, 10 * time.Millisecond, 0, 500 * time.Millisecond},
		{500 * time.Millisecond, 200 * time.Millisecond, 100, 600 * time.Millisecond},
		// A slow pass on a live stream (a loaded machine): the short wait.
		{500 * time.Millisecond, 2 * time.Second, bulkRows - 1, 6 * time.Second},
		// A bulk import: back off harder, whatever the pass took.
		{500 * time.Millisecond, 2 * time.Second, bulkRows, 16 * time.Second},
		{500 * time.Millisecond, 10 * time.Millisecond, 1_000_000, 500 * time.Millisecond},
	} {
		if got := nextRefresh(tt.interval, tt.pass, tt.rows); got != tt.want {
			t.Errorf("nextRefresh(%s, %s, %d) = %s, want %s", tt.interval, tt.pass, tt.rows, got, tt.want)
		}
	}
}

// slowRefresher takes pass for every recount and has one hour left each
// time; with stored set, every pass also sees rows more rows stored.
type slowRefresher struct {
	pass   time.Duration
	calls  atomic.Int64
	stored *Counter
	rows   int64
	mu     sync.Mutex
	starts []time.Time
}

func (s *slowRefresher) RefreshDirty(ctx context.Context, limit int) (int, error) {
	s.calls.Add(1)
	s.mu.Lock()
	s.starts = append(s.starts, time.Now())
	s.mu.Unlock()
	if s.stored != nil {
		s.stored.Add(s.rows)
	}
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-time.After(s.pass):
	}
	return 1, nil
}

// TestRefreshLoopBacksOffWhenPassesAreSlow: with 10 ms interval and 50 ms
// passes, a fixed period would recount about 16 times in a second; the
// loop waits three passes between passes, so at most 6 happen.
func TestRefreshLoopBacksOffWhenPassesAreSlow(t *testing.T) {
	r := &slowRefresher{pass: 50 * time.Millisecond}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	RefreshRollupsLoop(ctx, r, 10*time.Millisecond, time.Millisecond, nil, slog.New(slog.DiscardHandler))
	if n := r.calls.Load(); n > 7 || n < 2 {
		t.Errorf("%d recount passes in a second (plus the drain), want 2 to 7", n)
	}
}

// TestRefreshLoopBacksOffHarderInBulk: with bulkRows rows stored between
// two 50 ms passes the loop waits eight passes (400 ms) before the next;
// with a trickle of rows, three (150 ms).
func TestRefreshLoopBacksOffHarderInBulk(t *testing.T) {
	gap := func(rows int64) time.Duration {
		var stored Counter
		r := &slowRefresher{pass: 50 * time.Millisecond, stored: &stored, rows: rows}
		ctx, cancel := context.WithTimeout(context.Background(), 700*time.Millisecond)
		defer cancel()
		RefreshRollupsLoop(ctx, r, 10*time.Millisecond, time.Millisecond, &stored, slog.New(slog.DiscardHandler))
		r.mu.Lock()
		defer r.mu.Unlock()
		if len(r.starts) < 2 {
			t.Fatalf("%d passes", len(r.starts))
		}
		return r.starts[1].Sub(r.starts[0]) - r.pass
	}
	if g := gap(bulkRows); g < 400*time.Millisecond {
		t.Errorf("bulk: next pass %s after the first, want at least 8 passes (400ms)", g)
	}
	if g := gap(10); g < 150*time.Millisecond || g >= 400*time.Millisecond {
		t.Errorf("trickle: next pass %s after the first, want 3 passes (150ms)", g)
	}
}
