package mastodon

import (
	"os"
	"strings"
	"testing"
	"time"
)

// BenchmarkStatusToPost: decode a documented status and convert it.
func BenchmarkStatusToPost(b *testing.B) {
	raw, err := os.ReadFile("testdata/status.json")
	if err != nil {
		b.Fatal(err)
	}
	now := time.Now()
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		st, err := decodeStatus(raw)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := toPost(st, "mastodon.example", now); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSSEStreamEndToEnd: statuses through a real local SSE stream,
// parsed, converted, deduped and emitted one by one.
func BenchmarkSSEStreamEndToEnd(b *testing.B) {
	f := newFake(b, testToken, time.Now)
	h := newHarness(b, Config{Instances: []string{f.URL()}, Hashtags: []string{"cned"}, DedupeSize: 1 << 20}, harnessOpts{})
	h.start()
	waitFor(b, "stream", func() bool { return f.openStreams() == 1 && len(f.timelineLog()) == 1 })
	tmpl := string(statusJSON("1", f.host(), statusSpec{uri: "URI", text: "Pronote en carafe, l'ENT ne répond plus", tags: []string{"cned", "pronote"}}))
	frames := make([]string, b.N)
	for i := range frames {
		frames[i] = "event: update\ndata: " + strings.Replace(tmpl, "URI", uri(i), 2) + "\n\n"
	}
	b.ResetTimer()
	go func() {
		for _, fr := range frames {
			f.mu.Lock()
			for sub := range f.subs {
				sub.frames <- fr
			}
			f.mu.Unlock()
		}
	}()
	for h.col.count() < b.N {
		time.Sleep(100 * time.Microsecond)
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}
