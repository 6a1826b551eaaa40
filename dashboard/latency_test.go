package dashboard_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/dashboard"
)

// pageRefresh does what the page's script does every few seconds and
// returns how long it took.
func pageRefresh(base string) (time.Duration, error) {
	return dashboard.Refresh(context.Background(), http.DefaultClient, base)
}

// testRefreshLatency measures full page refreshes on the scenario (about
// 50,000 posts) and logs the median and p95. The 10-million-post figure
// is the benchmark job's; the bound here only catches a pathology.
func testRefreshLatency(t *testing.T, f *fixture) {
	var times []time.Duration
	for range 40 {
		d, err := pageRefresh(f.srv.URL)
		if err != nil {
			t.Fatal(err)
		}
		times = append(times, d)
	}
	slices.Sort(times)
	p50, p95 := times[len(times)/2], times[len(times)*95/100]
	t.Logf("full page refresh (summary + %d calls) on %s posts: p50 %s, p95 %s, max %s",
		len(dashboard.RefreshCalls("")), "~50k", p50.Round(time.Millisecond), p95.Round(time.Millisecond), times[len(times)-1].Round(time.Millisecond))
	if p95 > 10*time.Second {
		t.Errorf("a page refresh takes %s at p95", p95)
	}
}

// BenchmarkPageRefresh: go test ./dashboard -run '^$' -bench PageRefresh
func BenchmarkPageRefresh(b *testing.B) {
	f := newScenarioFixture(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := pageRefresh(f.srv.URL); err != nil {
			b.Fatal(err)
		}
	}
}
