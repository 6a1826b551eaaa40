package ingest_test

import (
	"context"
	"log/slog"
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/post"
)

// discard is a Writer that drops what it is given: the benchmark measures
// the publisher's own work (normalise, match, encode), not Kafka.
type discard struct{}

func (discard) WriteMessages(context.Context, ...kafka.Message) error { return nil }

// BenchmarkPublisherWork is the publisher's CPU cost per post on scenario
// posts in batches of 1,000, with a writer that does nothing.
func BenchmarkPublisherWork(b *testing.B) {
	tracker, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		b.Fatal(err)
	}
	pub := ingest.NewPublisher(ingest.PublisherConfig{Tracker: tracker, Logger: slog.New(slog.DiscardHandler)}, discard{}, discard{})
	var posts []post.Post
	for it := range scenario.Items(1) {
		posts = append(posts, it.Post)
		if len(posts) == 5000 {
			break
		}
	}
	batch := make([]post.Post, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i += len(batch) {
		off := (i / len(batch) * len(batch)) % len(posts)
		copy(batch, posts[off:off+len(batch)])
		if err := pub.Emit(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}
