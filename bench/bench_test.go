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

func TestMedian(t *testing.T) {
	for _, tt := range []struct {
		in   []float64
		want float64
	}{{nil, 0}, {[]float64{3}, 3}, {[]float64{5, 1, 3}, 3}, {[]float64{4, 1, 3, 2}, 2.5}} {
		if got := median(tt.in); got != tt.want {
			t.Errorf("median(%v) = %g, want %g", tt.in, got, tt.want)
		}
	}
}

// TestSeriesEfficiency: each run against the mean of the classifier
// measured around it, or a slower stage measured once; the median of runs.
func TestSeriesEfficiency(t *testing.T) {
	run := func(e2e, before, after float64) Paired {
		return Paired{EndToEnd: EndToEndResult{PostsPerS: e2e},
			Before: ClassifyResult{ClassifyPerSec: before}, After: ClassifyResult{ClassifyPerSec: after}}
	}
	s := Series{Runs: []Paired{run(700, 900, 1100), run(600, 1000, 1000), run(900, 1000, 1000)}}
	if got := s.Efficiency(0); got != 0.7 {
		t.Errorf("efficiency %g, want the median 0.7 of 0.7, 0.6, 0.9", got)
	}
	if got := s.Efficiency(800); got != 0.875 {
		t.Errorf("efficiency against a stage at 800/s %g, want the median 0.875 of 0.875, 0.75, 1.125", got)
	}
	if got := (Series{}).Efficiency(0); got != 0 {
		t.Errorf("no run: efficiency %g", got)
	}
}
