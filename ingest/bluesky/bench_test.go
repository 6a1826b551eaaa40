package bluesky

import (
	"context"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
)

// BenchmarkHandleFrame measures the per-event cost of the client-side
// filter (decode, map, match) on a typical non-matching post, the bulk of
// the Jetstream post collection.
func BenchmarkHandleFrame(b *testing.B) {
	src, err := New(Config{Endpoint: DefaultEndpoint}, ingest.Deps{}, (&rejects{}).reject)
	if err != nil {
		b.Fatal(err)
	}
	ev := postEvent(postSpec{rkey: "3ljqkz2r5kc2x", us: baseUS, text: "Just posted a photo of my cat sleeping on the keyboard again, third time this week #caturday #cats",
		facetTags: []string{"caturday", "cats"}})
	f := frame{typ: ev.typ, b: ev.raw}
	st := &cursorState{}
	ctx := context.Background()
	b.SetBytes(int64(len(ev.raw)))
	b.ReportAllocs()
	start := time.Now()
	for b.Loop() {
		if _, err := src.handleFrame(ctx, f, st); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "events/s")
}
