package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/post"
)

// memWriter keeps what it is given; it fails while failing is set.
type memWriter struct {
	mu      sync.Mutex
	calls   int
	keys    map[string]int
	failing bool
}

func (w *memWriter) WriteMessages(ctx context.Context, msgs ...kafka.Message) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls++
	if w.failing {
		return errors.New("broker gone")
	}
	if w.keys == nil {
		w.keys = map[string]int{}
	}
	for _, m := range msgs {
		w.keys[string(m.Key)]++
	}
	return nil
}

func manyPosts(n int) []post.Post {
	at := time.Date(2021, 4, 6, 9, 0, 0, 0, time.UTC)
	out := make([]post.Post, n)
	for i := range out {
		out[i] = post.Post{ID: fmt.Sprint(i), Source: post.SourceX, CreatedAt: at, Text: "Pronote en panne #ecolealamaison"}
	}
	return out
}

// TestEmitWritesEverySliceOnce: a batch larger than a write slice is
// written in several calls (overlapping the encoding), each post exactly
// once, and counted once it is all acknowledged.
func TestEmitWritesEverySliceOnce(t *testing.T) {
	raw, dlq := &memWriter{}, &memWriter{}
	pub := NewPublisher(PublisherConfig{KeepUnmatched: true, Logger: slog.New(slog.DiscardHandler)}, raw, dlq)
	batch := manyPosts(3*writeSlice + 17)
	batch[5].ID = "" // one dead letter among them
	if !pub.Stats().FirstWrite.IsZero() {
		t.Fatal("first write set before any")
	}
	before := time.Now()
	if err := pub.Emit(context.Background(), batch); err != nil {
		t.Fatal(err)
	}
	if fw := pub.Stats().FirstWrite; fw.Before(before) || fw.After(time.Now()) {
		t.Errorf("first write at %s, want during Emit (from %s)", fw, before)
	}
	if raw.calls != 4 {
		t.Errorf("%d writes for %d posts, want 4 slices", raw.calls, len(batch))
	}
	if len(raw.keys) != len(batch)-1 {
		t.Errorf("%d distinct posts written, want %d", len(raw.keys), len(batch)-1)
	}
	for k, n := range raw.keys {
		if n != 1 {
			t.Errorf("post %s written %d times", k, n)
		}
	}
	if s := pub.Stats(); s.Published != int64(len(batch)-1) || s.DeadLettered != 1 {
		t.Errorf("stats %+v", s)
	}
}

// TestEmitFailsWhenASliceCannotBeWritten: a write that keeps failing until
// the context ends makes Emit fail (the caller emits the batch again) and
// counts nothing as published.
func TestEmitFailsWhenASliceCannotBeWritten(t *testing.T) {
	raw := &memWriter{failing: true}
	pub := NewPublisher(PublisherConfig{KeepUnmatched: true, Logger: slog.New(slog.DiscardHandler)}, raw, &memWriter{})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	err := pub.Emit(ctx, manyPosts(2*writeSlice))
	if err == nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("Emit = %v, want the write error and the context's", err)
	}
	if s := pub.Stats(); s.Published != 0 {
		t.Errorf("published %d posts that were never acknowledged", s.Published)
	}
}
