package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/archive"
	"github.com/vigie-edu/vigie/post"
)

// archiveFixtures are the archive package's fixtures and the posts each holds.
const archiveFixtures = "../../ingest/archive/testdata"

var fixturePosts = map[string]int{
	"x_v11_stream.jsonl": 5, "x_v11_rest.json": 3, "x_v11_pretty.json": 2, "twarc2_raw.jsonl": 5, "twarc2_flat.jsonl": 5,
	"mastodon_statuses.json": 3, "mastodon_lines.jsonl": 2, "jetstream.jsonl": 4, "4cat.ndjson": 5,
	"tcat.csv": 5, "tcat.tsv": 1, "twarc.csv": 3, "vigie.jsonl": 3,
}

var (
	testClassifierOnce sync.Once
	testClassifier     *classify.Classifier
	testClassifierErr  error
)

func sharedClassifier(t *testing.T) *classify.Classifier {
	t.Helper()
	testClassifierOnce.Do(func() { testClassifier, testClassifierErr = classify.New(classify.Config{}) })
	if testClassifierErr != nil {
		t.Fatal(testClassifierErr)
	}
	return testClassifier
}

func testLabeller(t *testing.T, workers int, log *slog.Logger) labeller {
	tracker, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		t.Fatal(err)
	}
	return labeller{classifier: sharedClassifier(t), tracker: tracker, workers: workers, log: log, name: "test"}
}

// checkLabelLines decodes label output and checks every line's fields.
func checkLabelLines(t *testing.T, out string) []labelLine {
	t.Helper()
	var lines []labelLine
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" {
			continue
		}
		var keys map[string]json.RawMessage
		if err := json.Unmarshal([]byte(l), &keys); err != nil {
			t.Fatalf("line %d: %v: %s", i+1, err, l)
		}
		for _, k := range []string{"id", "label", "scores", "platform", "region", "lang", "role", "sentiment", "classifier", "source", "created_at", "evidence", "matched"} {
			if _, ok := keys[k]; !ok {
				t.Errorf("line %d lacks %q: %s", i+1, k, l)
			}
		}
		var ll labelLine
		if err := json.Unmarshal([]byte(l), &ll); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		switch {
		case ll.ID == "" || keys["id"][0] != '"':
			t.Errorf("line %d: id %s is not a non-empty string", i+1, keys["id"])
		case !slices.Contains(post.Labels[:], ll.Label):
			t.Errorf("line %d: label %q", i+1, ll.Label)
		case ll.Region != "" && !post.IsRegion(ll.Region):
			t.Errorf("line %d: region %q", i+1, ll.Region)
		case ll.Platform != "" && !slices.Contains(post.Platforms[:], ll.Platform):
			t.Errorf("line %d: platform %q", i+1, ll.Platform)
		case ll.Lang != "" && len(ll.Lang) != 2:
			t.Errorf("line %d: lang %q is not ISO 639-1", i+1, ll.Lang)
		case !slices.Contains(post.Roles[:], ll.Role):
			t.Errorf("line %d: role %q", i+1, ll.Role)
		case ll.Classifier != classify.Version:
			t.Errorf("line %d: classifier %q", i+1, ll.Classifier)
		case ll.Sentiment < -1 || ll.Sentiment > 1:
			t.Errorf("line %d: sentiment %v", i+1, ll.Sentiment)
		}
		lines = append(lines, ll)
	}
	return lines
}

// TestLabelEveryFormat labels each fixture: one line per post, in input
// order, with every required field.
func TestLabelEveryFormat(t *testing.T) {
	for file, want := range fixturePosts {
		t.Run(file, func(t *testing.T) {
			r, err := archive.Open(filepath.Join(archiveFixtures, file))
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			var out, logs bytes.Buffer
			st, err := labelRecords(context.Background(), testLabeller(t, 3, slog.New(slog.NewTextHandler(&logs, nil))), r, &out)
			if err != nil {
				t.Fatal(err)
			}
			lines := checkLabelLines(t, out.String())
			if len(lines) != want || st.Posts != int64(want) {
				t.Errorf("%d lines (%d posts read), want %d", len(lines), st.Posts, want)
			}
			for i := 1; i < len(lines); i++ {
				if lines[i].Line < lines[i-1].Line {
					t.Errorf("output out of input order: line %d after %d", lines[i].Line, lines[i-1].Line)
				}
			}
			if got := strings.Count(logs.String(), "record rejected"); got != int(st.Rejected) {
				t.Errorf("%d rejections logged, %d counted:\n%s", got, st.Rejected, logs.String())
			}
		})
	}
}

// TestLabelKeepsOrder: many posts on several workers come out in input
// order, and the labels are those of a plain sequential classification.
func TestLabelKeepsOrder(t *testing.T) {
	texts := []string{
		"Impossible de se connecter à Pronote ce matin, erreur 503 #pronote",
		"Merci le ministère, rien n'est prêt, c'est honteux #BlanquerMent",
		"Journée à la maison avec mes trois enfants et un seul ordinateur #ecolealamaison",
		"Le CNED publie ses horaires de classe virtuelle #CNED",
	}
	var in bytes.Buffer
	for i := 0; i < 2000; i++ {
		fmt.Fprintf(&in, `{"id_str":"%d","created_at":"Tue Apr 06 %02d:%02d:00 +0000 2021","text":%q,"user":{"screen_name":"u%d","location":"Lille"},"lang":"fr"}`+"\n",
			100000+i, 6+i/60%12, i%60, texts[i%len(texts)], i)
	}
	r, err := archive.NewReader(bytes.NewReader(in.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := labelRecords(context.Background(), testLabeller(t, 4, slog.New(slog.DiscardHandler)), r, &out); err != nil {
		t.Fatal(err)
	}
	lines := checkLabelLines(t, out.String())
	if len(lines) != 2000 {
		t.Fatalf("%d lines, want 2000", len(lines))
	}
	c := sharedClassifier(t)
	for i, l := range lines {
		if l.ID != fmt.Sprint(100000+i) || l.Line != i+1 {
			t.Fatalf("line %d holds post %s (input line %d)", i+1, l.ID, l.Line)
		}
		want := c.Classify(post.Post{ID: l.ID, Source: post.SourceX, Text: texts[i%len(texts)], AuthorLocation: "Lille", Lang: "fr", Author: fmt.Sprintf("u%d", i)}, l.CreatedAt)
		if l.Label != want.Label || l.Region != want.Region || l.Platform != want.Platform {
			t.Errorf("post %s: %s/%s/%s, sequential classification says %s/%s/%s", l.ID, l.Label, l.Region, l.Platform, want.Label, want.Region, want.Platform)
		}
	}
}

// failingWriter fails after n bytes.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n -= len(p); w.n < 0 {
		return 0, io.ErrShortWrite
	}
	return len(p), nil
}

func TestLabelWriteErrorStops(t *testing.T) {
	var in bytes.Buffer
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&in, `{"id_str":"%d","created_at":"Tue Apr 06 08:00:00 +0000 2021","text":"Pronote HS #pronote"}`+"\n", i+1)
	}
	r, err := archive.NewReader(&in)
	if err != nil {
		t.Fatal(err)
	}
	_, err = labelRecords(context.Background(), testLabeller(t, 2, slog.New(slog.DiscardHandler)), r, &failingWriter{n: 1000})
	if err == nil || !strings.Contains(err.Error(), "write") {
		t.Errorf("write error: %v", err)
	}
}

// TestLabelCLI runs the command: file in, file out; gzip on stdin, stdout
// out; rejections on stderr with their line; unreadable input fails.
func TestLabelCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(archiveFixtures, "x_v11_stream.jsonl")
	out := filepath.Join(dir, "labels.jsonl")
	stdout, stderr, err := runCLI(t, "label", "--in", in, "--out", out, "--workers", "2")
	if err != nil {
		t.Fatalf("label: %v\n%s", err, stderr)
	}
	b, _ := os.ReadFile(out)
	if lines := checkLabelLines(t, string(b)); len(lines) != 5 || stdout != "" {
		t.Errorf("%d lines in the file, stdout %q", len(lines), stdout)
	}
	for _, line := range []string{":8 ", ":9 ", ":10 ", ":13 "} {
		if !strings.Contains(stderr, "x_v11_stream.jsonl"+line) {
			t.Errorf("stderr does not report line %s:\n%s", line, stderr)
		}
	}
	if !strings.Contains(stderr, "posts=5 rejected=4 skipped=3") {
		t.Errorf("stderr lacks the counts:\n%s", stderr)
	}

	// gzip on stdin, labels on stdout.
	plain, _ := os.ReadFile(filepath.Join(archiveFixtures, "mastodon_statuses.json"))
	gzPath := filepath.Join(dir, "statuses.json.gz")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	os.WriteFile(gzPath, gz.Bytes(), 0o644)
	f, err := os.Open(gzPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	saved := os.Stdin
	os.Stdin = f
	t.Cleanup(func() { os.Stdin = saved })
	stdout, stderr, err = runCLI(t, "label", "--in", "-", "--out", "-")
	os.Stdin = saved
	if err != nil {
		t.Fatalf("label stdin: %v\n%s", err, stderr)
	}
	lines := checkLabelLines(t, stdout)
	if len(lines) != 3 || lines[0].Source != post.SourceMastodon || !strings.Contains(stderr, "stdin:77") {
		t.Errorf("stdin: %d lines %+v\n%s", len(lines), lines, stderr)
	}

	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("des notes, pas un export\n"), 0o644)
	for _, args := range [][]string{
		{"label", "--in", notes},
		{"label", "--in", filepath.Join(dir, "missing.jsonl")},
		{"label", "--in", in, "--format", "nosuch"},
		{"label", "stray-arg"},
	} {
		if _, _, err := runCLI(t, args...); err == nil {
			t.Errorf("%q accepted", args)
		}
	}
	// A forced format.
	stdout, _, err = runCLI(t, "label", "--in", filepath.Join(archiveFixtures, "tcat.csv"), "--format", "tcat-csv")
	if err != nil || len(checkLabelLines(t, stdout)) != 5 {
		t.Errorf("forced format: %v", err)
	}
}
