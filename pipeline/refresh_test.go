package pipeline

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

func TestNextRefresh(t *testing.T) {
	for _, tt := range []struct{ interval, pass, want time.Duration }{
		{500 * time.Millisecond, 10 * time.Millisecond, 500 * time.Millisecond},
		{500 * time.Millisecond, 200 * time.Millisecond, 600 * time.Millisecond},
		{500 * time.Millisecond, 400 * time.Millisecond, 1200 * time.Millisecond},
		{500 * time.Millisecond, slowPass, 3 * slowPass},
		// A pass over slowPass: a bulk import, back off harder.
		{500 * time.Millisecond, slowPass + time.Millisecond, bulkBackoff * (slowPass + time.Millisecond)},
		{500 * time.Millisecond, 2 * time.Second, 16 * time.Second},
	} {
		if got := nextRefresh(tt.interval, tt.pass); got != tt.want {
			t.Errorf("nextRefresh(%s, %s) = %s, want %s", tt.interval, tt.pass, got, tt.want)
		}
	}
}

// slowRefresher takes pass for every recount and has one hour left each time.
type slowRefresher struct {
	pass  time.Duration
	calls atomic.Int64
}

func (s *slowRefresher) RefreshDirty(ctx context.Context, limit int) (int, error) {
	s.calls.Add(1)
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
	RefreshRollupsLoop(ctx, r, 10*time.Millisecond, time.Millisecond, slog.New(slog.DiscardHandler))
	if n := r.calls.Load(); n > 7 || n < 2 {
		t.Errorf("%d recount passes in a second (plus the drain), want 2 to 7", n)
	}
}
