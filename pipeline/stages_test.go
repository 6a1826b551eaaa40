package pipeline

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/post"
)

// echoClassifier labels every post "other", with the post's id as its
// classifier name, so a test can tell which result belongs to which post.
type echoClassifier struct{}

func (echoClassifier) Classify(p post.Post, now time.Time) post.Classified {
	return post.Classified{Post: p, Label: post.LabelOther, Classifier: "echo-" + p.ID, ClassifiedAt: now}
}

type sliceWriter struct {
	mu   sync.Mutex
	msgs []kafka.Message
}

func (w *sliceWriter) WriteMessages(ctx context.Context, msgs ...kafka.Message) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.msgs = append(w.msgs, msgs...)
	return nil
}

// TestClassifyHandlerKeepsOrder: whatever the number of workers (more than
// the posts, fewer), every post is classified once and published in the
// batch's order; a message that does not decode is poison.
func TestClassifyHandlerKeepsOrder(t *testing.T) {
	at := time.Date(2021, 4, 6, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ posts, workers int }{{3, 8}, {100, 2}, {1, 1}} {
		t.Run(fmt.Sprintf("%d posts, %d workers", tc.posts, tc.workers), func(t *testing.T) {
			batch := make([]kafka.Message, tc.posts)
			for i := range batch {
				p := post.Post{ID: fmt.Sprint(i), Source: post.SourceX, CreatedAt: at, Text: "Pronote en panne"}
				b, err := p.Marshal()
				if err != nil {
					t.Fatal(err)
				}
				batch[i] = kafka.Message{Key: []byte(p.Key()), Value: b}
			}
			batch[0].Value = []byte("{not json")
			out := &sliceWriter{}
			var done Counter
			h := ClassifyHandler(echoClassifier{}, out, tc.workers, func() time.Time { return at.Add(time.Hour) }, &done)
			poison, err := h(context.Background(), batch)
			if err != nil {
				t.Fatal(err)
			}
			if len(poison) != 1 || string(poison[0].Msg.Value) != "{not json" {
				t.Fatalf("poison %+v, want the first message", poison)
			}
			if len(out.msgs) != tc.posts-1 || done.Load() != int64(tc.posts-1) {
				t.Fatalf("%d published, %d counted, want %d", len(out.msgs), done.Load(), tc.posts-1)
			}
			for i, m := range out.msgs {
				c, err := post.DecodeClassified(m.Value, at.Add(time.Hour))
				if err != nil {
					t.Fatal(err)
				}
				if want := fmt.Sprint("echo-", i+1); c.Classifier != want || c.ID != fmt.Sprint(i+1) {
					t.Errorf("message %d is post %s classified by %s, want post %d", i, c.ID, c.Classifier, i+1)
				}
			}
		})
	}
}

type nopInserter struct{}

func (nopInserter) InsertPosts(ctx context.Context, posts []post.Classified) error { return nil }
func (nopInserter) MarkDirty(ctx context.Context, times []time.Time) error         { return nil }

// TestTimedInserterWindow: the end-to-end window starts at the first
// publish, or at the first insert when a backlog left by an earlier run was
// stored before anything was published, and ends at the last insert.
func TestTimedInserterWindow(t *testing.T) {
	ti := &timedInserter{PostInserter: nopInserter{}}
	if from, to := ti.window(time.Now()); !from.IsZero() || !to.IsZero() {
		t.Fatalf("nothing stored: window %s - %s, want zero", from, to)
	}
	one := []post.Classified{{}}
	if err := ti.InsertPosts(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if from, _ := ti.window(time.Now()); !from.IsZero() {
		t.Fatal("an empty insert opened the window")
	}
	published := time.Now()
	time.Sleep(time.Millisecond)
	if err := ti.InsertPosts(context.Background(), one); err != nil {
		t.Fatal(err)
	}
	firstInsert := *ti.first.Load()
	time.Sleep(time.Millisecond)
	if err := ti.InsertPosts(context.Background(), one); err != nil {
		t.Fatal(err)
	}
	last := *ti.last.Load()
	if from, to := ti.window(published); !from.Equal(published) || !to.Equal(last) || !last.After(firstInsert) {
		t.Errorf("window %s - %s, want %s - %s", from, to, published, last)
	}
	// A backlog: the first insert came before the first publish.
	if from, _ := ti.window(last.Add(time.Second)); !from.Equal(firstInsert) {
		t.Errorf("window starts %s, want the first insert %s", from, firstInsert)
	}
	if from, _ := ti.window(time.Time{}); !from.Equal(firstInsert) {
		t.Errorf("nothing published: window starts %s, want the first insert %s", from, firstInsert)
	}
}
