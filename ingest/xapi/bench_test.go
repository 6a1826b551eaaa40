package xapi

import (
	"bytes"
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// BenchmarkHandleLine decodes and maps the recorded stream messages (a
// post with place, a long post, a retweet with its original, a post of a
// suspended author), as the stream consumer does for every line.
func BenchmarkHandleLine(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "stream.ndjson"))
	if err != nil {
		b.Fatal(err)
	}
	var lines [][]byte
	for _, l := range bytes.Split(raw, []byte("\r\n")) {
		if len(l) > 0 && bytes.HasPrefix(l, []byte(`{"data"`)) {
			lines = append(lines, l)
		}
	}
	s := &Source{now: time.Now, log: slog.New(slog.DiscardHandler)}
	r := &run{s: s}
	var end streamEnd
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, _, _, err := r.handleLine(context.Background(), lines[i%len(lines)], &end)
		if err != nil || p == nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIDSet measures the dedupe set at its default bound.
func BenchmarkIDSet(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	s := newIDSet(100_000)
	for i := 0; i < 100_000; i++ {
		s.add(uint64(i) * 7919)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perID := float64(after.HeapAlloc-before.HeapAlloc) / 100_000
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.add(uint64(i)*7919 + 1)
	}
	b.ReportMetric(perID, "heap-bytes/id")
}
