package bench

import (
	"testing"
	"time"
)

func TestMonthSpreadsPostsOverThirtyDays(t *testing.T) {
	const n = 3000
	seen := map[string]bool{}
	days := map[int]int{}
	var first, last time.Time
	count := 0
	for c := range Month(n) {
		if seen[c.Key()] {
			t.Fatalf("post %s yielded twice", c.Key())
		}
		seen[c.Key()] = true
		if first.IsZero() || c.CreatedAt.Before(first) {
			first = c.CreatedAt
		}
		if c.CreatedAt.After(last) {
			last = c.CreatedAt
		}
		days[c.CreatedAt.Day()]++
		count++
	}
	if count != n {
		t.Fatalf("yielded %d posts, want %d", count, n)
	}
	if len(days) != 30 || first.Month() != time.April || last.Day() != 30 {
		t.Errorf("posts span %d days from %s to %s", len(days), first, last)
	}
	for d, k := range days {
		if k < n/30-1 || k > n/30+1 {
			t.Errorf("day %d has %d posts, want about %d", d, k, n/30)
		}
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	if p := percentile(ds, 95); p != 95*time.Millisecond {
		t.Errorf("p95 = %s", p)
	}
	if p := percentile(ds, 50); p != 50*time.Millisecond {
		t.Errorf("p50 = %s", p)
	}
	if p := percentile(nil, 95); p != 0 {
		t.Errorf("p95 of nothing = %s", p)
	}
}
