package dashboard

import (
	"context"
	"errors"
	"testing"
	"time"
)

// countingExtent counts the Extent calls that reach the store.
type countingExtent struct {
	Queries
	calls int
	err   error
}

func (c *countingExtent) Extent(context.Context) (time.Time, time.Time, bool, error) {
	c.calls++
	if c.err != nil {
		return time.Time{}, time.Time{}, false, c.err
	}
	to := time.Date(2021, 4, 6, 10, 0, 0, 0, time.UTC).Add(time.Duration(c.calls) * time.Minute)
	return to.Add(-time.Hour), to, true, nil
}

func TestExtentIsReusedBriefly(t *testing.T) {
	inner := &countingExtent{}
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	c := &extentCache{Queries: inner, now: func() time.Time { return now }}
	ctx := context.Background()
	_, first, _, _ := c.Extent(ctx)
	now = now.Add(ExtentTTL / 2)
	if _, to, _, _ := c.Extent(ctx); !to.Equal(first) || inner.calls != 1 {
		t.Errorf("within the TTL: %d store calls, extent %v then %v", inner.calls, first, to)
	}
	now = now.Add(ExtentTTL)
	if _, to, _, _ := c.Extent(ctx); to.Equal(first) || inner.calls != 2 {
		t.Errorf("after the TTL: %d store calls, extent still %v", inner.calls, to)
	}
	// A clock going back does not keep a stale extent.
	now = now.Add(-time.Hour)
	if c.Extent(ctx); inner.calls != 3 {
		t.Errorf("clock went back: %d store calls, want 3", inner.calls)
	}
	// Errors are not remembered.
	inner.err = errors.New("down")
	now = now.Add(time.Hour)
	for range 2 {
		if _, _, _, err := c.Extent(ctx); err == nil {
			t.Error("error hidden by the cache")
		}
	}
	if inner.calls != 5 {
		t.Errorf("%d store calls, want each failing call to reach the store", inner.calls)
	}
}
