package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

func TestTrackerFoldsCaseAndAccents(t *testing.T) {
	tr, err := NewTracker([]string{"#EcoleALaMaison", "pronote", "ma classe à la maison"})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		tags []string
		want []string
	}{
		{"Rien ne marche #ÉcoleÀlaMaison", nil, []string{"ecolealamaison"}},
		{"PRONOTE rame", nil, []string{"pronote"}},
		{"Ma Classe à la Maison est HS", nil, []string{"ma classe a la maison"}},
		{"pronotes et école à la maison", nil, nil}, // whole words only
		{"encore", []string{"Pronote"}, []string{"pronote"}},
	}
	for _, c := range cases {
		p := post.Post{Text: c.text, Hashtags: c.tags}
		if got := tr.Match(&p); !slices.Equal(got, c.want) {
			t.Errorf("Match(%q, %v) = %v, want %v", c.text, c.tags, got, c.want)
		}
	}
	if _, err := NewTracker([]string{"#"}); err == nil {
		t.Error("empty term accepted")
	}
}

func TestLineReaderSkipsOverlongLines(t *testing.T) {
	in := "short\n" + strings.Repeat("x", 100) + "\nafter\r\nlast"
	r := NewLineReader(strings.NewReader(in), 50)
	var got []string
	for {
		line, n, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.Is(err, ErrLineTooLong) {
			got = append(got, "TOO LONG@"+string(rune('0'+n)))
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, string(line))
	}
	want := []string{"short", "TOO LONG@2", "after", "last"}
	if !slices.Equal(got, want) {
		t.Fatalf("lines = %q, want %q", got, want)
	}
}

// TestPublisherDeadLettersInvalidPosts publishes through a real (embedded)
// broker: good posts reach the raw topic keyed by post key, invalid ones the
// dead-letter topic with their reason.
func TestPublisherDeadLettersInvalidPosts(t *testing.T) {
	broker, err := kafkax.StartEmbedded(t.TempDir(), 0, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer broker.Close()
	cfg := kafkax.Config{Brokers: broker.Brokers(), Partitions: 2, ReplicationFactor: 1}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := kafkax.EnsureTopics(ctx, cfg); err != nil {
		t.Fatal(err)
	}
	raw, dlq := kafkax.NewWriter(cfg, kafkax.TopicRaw), kafkax.NewWriter(cfg, kafkax.TopicDLQ)
	defer raw.Close()
	defer dlq.Close()
	tr, _ := NewTracker(DefaultTerms)
	pub := NewPublisher(PublisherConfig{Tracker: tr}, raw, dlq)
	at := time.Date(2021, 4, 6, 9, 0, 0, 0, time.UTC)
	batch := []post.Post{
		{ID: "1", Source: "x", CreatedAt: at, Text: "Pronote HS <script>alert(1)</script>"},
		{ID: "", Source: "x", CreatedAt: at, Text: "pas d'id #cned"},
		{ID: "3", Source: "x", CreatedAt: at, Text: "sans rapport"},
		{ID: "4", Source: "x", CreatedAt: time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC), Text: "#cned"},
	}
	if err := pub.Emit(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if s := pub.Stats(); s.Published != 1 || s.DeadLettered != 2 || s.Unmatched != 1 {
		t.Fatalf("stats = %+v", s)
	}
	got := read(t, cfg, kafkax.TopicRaw, 1)
	if string(got[0].Key) != "x:1" || !bytes.Contains(got[0].Value, []byte(`"matched":["pronote"]`)) {
		t.Errorf("raw message %s = %s", got[0].Key, got[0].Value)
	}
	dead := read(t, cfg, kafkax.TopicDLQ, 2)
	reasons := []string{kafkax.Header(dead[0], kafkax.HeaderReason), kafkax.Header(dead[1], kafkax.HeaderReason)}
	slices.Sort(reasons)
	if !strings.Contains(reasons[0], "absurd created_at") || !strings.Contains(reasons[1], "missing id") {
		t.Errorf("reasons = %q", reasons)
	}
}

func read(t *testing.T, cfg kafkax.Config, topic string, n int) []kafka.Message {
	t.Helper()
	r := kafka.NewReader(kafkax.ReaderConfig(cfg, "test-"+topic, topic, 10))
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var out []kafka.Message
	for len(out) < n {
		m, err := r.FetchMessage(ctx)
		if err != nil {
			t.Fatalf("read %s: %d of %d: %v", topic, len(out), n, err)
		}
		out = append(out, m)
	}
	return out
}

func TestFileCheckpointsSurviveReopen(t *testing.T) {
	path := t.TempDir() + "/sub/checkpoints.json"
	c, err := OpenFileCheckpoints(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := c.Load("x"); ok {
		t.Fatal("empty checkpoints returned a value")
	}
	if err := c.Save("bluesky", "1712345678000000"); err != nil {
		t.Fatal(err)
	}
	c2, err := OpenFileCheckpoints(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok, _ := c2.Load("bluesky"); !ok || v != "1712345678000000" {
		t.Fatalf("after reopen: %q %v", v, ok)
	}
}

func TestBackoffGrowsWithinBounds(t *testing.T) {
	b := Backoff{Min: 10 * time.Millisecond, Max: 80 * time.Millisecond}
	for i := 0; i < 10; i++ {
		d := b.Next()
		if d < b.Min || d > b.Max {
			t.Fatalf("attempt %d: %v outside [%v, %v]", i, d, b.Min, b.Max)
		}
	}
	b.Reset()
	if d := b.Next(); d > 20*time.Millisecond {
		t.Fatalf("after reset: %v", d)
	}
}
