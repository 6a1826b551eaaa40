package archive

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

// sink records what a Source emits and rejects.
type sink struct {
	mu      sync.Mutex
	batches [][]post.Post
	dead    []kafka.Message
	failAt  int // fail the n-th emit (1-based), 0 never
}

func (s *sink) emit(_ context.Context, batch []post.Post) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failAt > 0 && len(s.batches)+1 == s.failAt {
		return errors.New("kafka down")
	}
	s.batches = append(s.batches, append([]post.Post(nil), batch...))
	return nil
}

func (s *sink) reject(_ context.Context, dead ...kafka.Message) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dead = append(s.dead, dead...)
	return nil
}

func (s *sink) posts() int {
	n := 0
	for _, b := range s.batches {
		n += len(b)
	}
	return n
}

// fakeClock advances by step at each reading.
type fakeClock struct {
	mu   sync.Mutex
	t    time.Time
	step time.Duration
}

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(c.step)
	return c.t
}

func TestSourceFixtures(t *testing.T) {
	for _, tc := range fixtureCases {
		t.Run(tc.file, func(t *testing.T) {
			var s sink
			path := filepath.Join("testdata", tc.file)
			var last Progress
			src := NewSource(path, s.reject, WithClock(clock), WithBatchSize(2), WithProgress(func(p Progress) { last = p }))
			if src.Name() != "file:"+path {
				t.Errorf("name %q", src.Name())
			}
			if err := src.Run(context.Background(), s.emit); err != nil {
				t.Fatal(err)
			}
			if s.posts() != tc.posts || len(s.dead) != tc.rejects {
				t.Fatalf("%d posts emitted, %d dead letters; want %d, %d", s.posts(), len(s.dead), tc.posts, tc.rejects)
			}
			for _, b := range s.batches {
				if len(b) > 2 {
					t.Errorf("batch of %d posts, want at most 2", len(b))
				}
			}
			for i, d := range s.dead {
				w := tc.rejected[i]
				reason := kafkax.Header(d, kafkax.HeaderReason)
				origin := kafkax.Header(d, kafkax.HeaderOrigin)
				if !strings.HasSuffix(reason, " at line "+itoa(w.line)) || origin != path+":"+itoa(w.line) ||
					kafkax.Header(d, kafkax.HeaderStage) != "ingest" || len(d.Value) == 0 {
					t.Errorf("dead letter %d: reason %q origin %q, want line %d", i, reason, origin, w.line)
				}
			}
			fi, _ := os.Stat(path)
			want := Progress{Path: path, Format: tc.format, BytesRead: fi.Size(), TotalBytes: fi.Size(),
				Records: int64(tc.posts), Rejected: int64(tc.rejects), Skipped: int64(tc.skipped), Done: true}
			if last != want {
				t.Errorf("last progress %+v, want %+v", last, want)
			}
		})
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestSourceProgressPacing: progress comes at most once per interval of
// the source's clock, and ends with a Done report.
func TestSourceProgressPacing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "big.jsonl")
	var b strings.Builder
	for i := 0; i < 3000; i++ {
		b.WriteString(`{"id_str":"` + itoa(1000+i) + `","created_at":"Tue Apr 06 08:00:00 +0000 2021","text":"CNED en panne #cned"}` + "\n")
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	clk := &fakeClock{t: testNow, step: 10 * time.Millisecond}
	var reports []Progress
	var at []time.Time
	var s sink
	src := NewSource(path, s.reject, WithClock(clk.now), WithProgressInterval(time.Second),
		WithProgress(func(p Progress) { reports = append(reports, p); at = append(at, clk.t) }))
	if err := src.Run(context.Background(), s.emit); err != nil {
		t.Fatal(err)
	}
	if s.posts() != 3000 || len(s.batches) != 3 {
		t.Errorf("%d posts in %d batches, want 3000 in 3", s.posts(), len(s.batches))
	}
	if len(reports) < 3 {
		t.Fatalf("only %d progress reports", len(reports))
	}
	for i := 2; i < len(reports)-1; i++ {
		if gap := at[i].Sub(at[i-1]); gap < time.Second {
			t.Errorf("reports %d and %d only %v apart", i-1, i, gap)
		}
		if reports[i].BytesRead < reports[i-1].BytesRead || reports[i].Records < reports[i-1].Records {
			t.Errorf("progress went backwards: %+v then %+v", reports[i-1], reports[i])
		}
	}
	if end := reports[len(reports)-1]; !end.Done || end.Records != 3000 || end.BytesRead != end.TotalBytes {
		t.Errorf("last report %+v", end)
	}
	if reports[0].Done || reports[len(reports)-2].Done {
		t.Error("Done before the end")
	}
}

// TestSourceProgressFromContext: a caller that does not build the source
// gets progress through the context.
func TestSourceProgressFromContext(t *testing.T) {
	var got []Progress
	ctx := ContextWithProgress(context.Background(), func(p Progress) { got = append(got, p) })
	var s sink
	if err := NewSource("testdata/tcat.csv", s.reject, WithClock(clock)).Run(ctx, s.emit); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || !got[len(got)-1].Done || got[len(got)-1].Records != 5 {
		t.Errorf("progress through the context: %+v", got)
	}
}

// TestSourceJSONLCompat: the lines the old JSONL source was tested with
// still import, and their bad lines still go to the dead-letter topic.
func TestSourceJSONLCompat(t *testing.T) {
	good := func(id string) string {
		p := post.Post{ID: id, Source: post.SourceArchive, CreatedAt: time.Date(2021, 4, 6, 9, 30, 0, 0, time.UTC),
			Text: "Le site du CNED est en panne #ecolealamaison", AuthorLocation: "Lille"}
		b, _ := json.Marshal(p)
		return string(b)
	}
	lines := good("1") + "\n" +
		"{not json\n" +
		good("2") + "\n" +
		"{\"id\":\"3\",\"source\":\"archive\",\"text\":\"\xff\xfe\"}\n" +
		`{"source":"archive","created_at":"2021-04-06T09:00:00Z","text":"pas d'id #cned"}` + "\n" +
		`{"id":"5","source":"archive","created_at":"0001-01-01T00:00:01Z","text":"date absurde #cned"}` + "\n" +
		good("3") + "\n" +
		`{"id":"6","source":"archive","created_at":"2021-04-06T09:00:00Z","text":"aucun terme suivi"}` + "\n" +
		`{"id":"7","source":"arch`
	path := filepath.Join(t.TempDir(), "archive.jsonl")
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var s sink
	if err := NewSource(path, s.reject, WithClock(clock)).Run(context.Background(), s.emit); err != nil {
		t.Fatal(err)
	}
	if s.posts() != 4 || len(s.dead) != 5 {
		t.Errorf("%d posts, %d dead letters; want 4 (the tracker drops #6 later), 5", s.posts(), len(s.dead))
	}
}

func TestSourceErrors(t *testing.T) {
	var s sink
	err := NewSource(filepath.Join(t.TempDir(), "nope.jsonl"), s.reject).Run(context.Background(), s.emit)
	if err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}

	// Content of no known format: one dead letter, no error.
	path := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(path, []byte("mes notes de réunion\npas un export\n"), 0o644)
	s = sink{}
	if err := NewSource(path, s.reject).Run(context.Background(), s.emit); err != nil {
		t.Fatal(err)
	}
	if len(s.dead) != 1 || !strings.Contains(kafkax.Header(s.dead[0], kafkax.HeaderReason), "unknown archive format") ||
		string(s.dead[0].Value) != "mes notes de réunion\npas un export\n" {
		t.Errorf("unknown format: %+v", s.dead)
	}

	// Emit failing stops the source with the error.
	s = sink{failAt: 1}
	err = NewSource("testdata/x_v11_stream.jsonl", s.reject, WithClock(clock), WithBatchSize(1)).Run(context.Background(), s.emit)
	if err == nil || !strings.Contains(err.Error(), "kafka down") {
		t.Errorf("emit failure: %v", err)
	}

	// A cancelled context stops it.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s = sink{}
	err = NewSource("testdata/x_v11_stream.jsonl", s.reject, WithClock(clock), WithBatchSize(1)).Run(ctx, s.emit)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}
