package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest/archive"
)

type importSummary struct {
	Ingested, Classified, Stored, DLQ int
	DistinctPosts                     int            `json:"distinct_posts"`
	ByLabel                           map[string]int `json:"by_label"`
}

// TestImportThroughPipeline imports three archives of three formats (one
// gzip-compressed) through the embedded broker and a local ClickHouse:
// exact counts stored, bad records dead-lettered, and a second import of
// the same files changes no count.
func TestImportThroughPipeline(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	v11 := filepath.Join(archiveFixtures, "x_v11_stream.jsonl") // 5 posts, 4 rejected, 3 notices
	jet := filepath.Join(archiveFixtures, "jetstream.jsonl")    // 4 posts (one tracks nothing), 1 rejected
	plain, err := os.ReadFile(filepath.Join(archiveFixtures, "mastodon_statuses.json"))
	if err != nil {
		t.Fatal(err)
	}
	masto := filepath.Join(dir, "statuses.json.gz") // 3 posts, 1 rejected
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	if err := os.WriteFile(masto, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	run := func() importSummary {
		t.Helper()
		start := time.Now()
		stdout, stderr, err := runCLI(t, "import", "--data", data, "--partitions", "2", "--progress-every", "1ms", v11, jet, masto)
		if err != nil {
			t.Fatalf("import: %v\n%s", err, stderr)
		}
		t.Logf("import took %v: %s", time.Since(start).Round(time.Millisecond), stdout)
		var sum importSummary
		if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
			t.Fatalf("summary %q: %v", stdout, err)
		}
		if !strings.Contains(stderr, "files read") || !strings.Contains(stderr, "posts=12 rejected=6 skipped=8") {
			t.Errorf("no final progress line with the counts on stderr:\n%s", stderr)
		}
		for _, f := range []string{"x-v1.1", "jetstream", "mastodon"} {
			if !strings.Contains(stderr, "format="+f) {
				t.Errorf("format %s not reported:\n%s", f, stderr)
			}
		}
		return sum
	}
	first := run()
	// 12 posts read, all stored: an archive is imported whole (its collector
	// already filtered it), including the Jetstream reply that matches no
	// tracked term (#ENT); --only-tracked would drop it.
	if first.Ingested != 12 || first.Classified != 12 || first.Stored != 12 || first.DistinctPosts != 12 || first.DLQ != 6 {
		t.Errorf("first import: %+v, want 12 ingested, classified, stored and distinct, 6 dead letters", first)
	}
	total := 0
	for _, n := range first.ByLabel {
		total += n
	}
	if total != 12 {
		t.Errorf("by_label sums to %d: %+v", total, first.ByLabel)
	}

	out, stderr, err := runCLI(t, "sql", "--data", data, "-q", "SELECT source, count() AS n FROM posts FINAL GROUP BY source ORDER BY source")
	if err != nil {
		t.Fatalf("sql: %v\n%s", err, stderr)
	}
	if want := "source\tn\nbluesky\t4\nmastodon\t3\nx\t5\n"; out != want {
		t.Errorf("stored by source %q, want %q", out, want)
	}
	out, _, err = runCLI(t, "sql", "--data", data, "-q", "SELECT id, author, author_location FROM posts FINAL WHERE id = '1379338552210440193'")
	if err != nil || !strings.Contains(out, "1379338552210440193\tjulie_svt_59\tLille, Hauts-de-France") {
		t.Errorf("v1.1 post as stored: %q %v", out, err)
	}

	again := run()
	if again.Ingested != 12 || again.DistinctPosts != first.DistinctPosts || again.DLQ != 6 {
		t.Errorf("second import: %+v, want 12 ingested again and distinct_posts still %d", again, first.DistinctPosts)
	}
	for l, n := range first.ByLabel {
		if again.ByLabel[l] != n {
			t.Errorf("by_label[%s] %d after the second import, %d before", l, again.ByLabel[l], n)
		}
	}
}

// TestImportChecksFilesFirst: a missing file or one of no known format
// fails before anything starts.
func TestImportChecksFilesFirst(t *testing.T) {
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("mes notes\n"), 0o644)
	for _, args := range [][]string{
		{"import", "--data", dir},
		{"import", "--data", dir, filepath.Join(dir, "missing.jsonl")},
		{"import", "--data", dir, filepath.Join(archiveFixtures, "tcat.csv"), notes},
		{"import", "--data", dir, "--progress", "fancy", filepath.Join(archiveFixtures, "tcat.csv")},
	} {
		start := time.Now()
		_, _, err := runCLI(t, args...)
		if err == nil {
			t.Errorf("%q accepted", args)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("%q took %v: it started the pipeline", args, time.Since(start))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "clickhouse")); err == nil {
		t.Error("a failed check started ClickHouse")
	}
}

// TestImportProgressDisplay: log lines are paced by the clock and add up
// the files; the bar writes rate and counts.
func TestImportProgressDisplay(t *testing.T) {
	clk := time.Date(2021, 4, 6, 8, 0, 0, 0, time.UTC)
	now := func() time.Time { return clk }
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	p, err := newImportProgress("log", &logs, log, 2, 2000, 5*time.Second, now)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 10; i++ {
		clk = clk.Add(time.Second)
		p.update(archive.Progress{Path: "a", BytesRead: int64(100 * i), TotalBytes: 1000, Records: int64(10 * i), Done: i == 10})
		p.update(archive.Progress{Path: "b", BytesRead: int64(50 * i), TotalBytes: 1000, Records: int64(5 * i), Rejected: 1, Done: i == 10})
	}
	p.finish()
	p.update(archive.Progress{Path: "a", Records: 99999}) // after finish: ignored
	lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
	if len(lines) != 3 { // at 5 s, at 10 s, and once both files are read
		t.Fatalf("%d log lines, want 3:\n%s", len(lines), logs.String())
	}
	if !strings.Contains(lines[0], "posts=70 rejected=1") || !strings.Contains(lines[0], "percent=35.0") || !strings.Contains(lines[0], "eta=") {
		t.Errorf("first line %q", lines[0])
	}
	if !strings.Contains(lines[2], "files read") || !strings.Contains(lines[2], "posts=150") || !strings.Contains(lines[2], "posts_per_s=15") {
		t.Errorf("last line %q", lines[2])
	}

	// Stopped part-way: the last line says so.
	logs.Reset()
	p, _ = newImportProgress("log", &logs, log, 1, 2000, time.Hour, now)
	p.update(archive.Progress{Path: "a", BytesRead: 10, Records: 3})
	p.finish()
	if !strings.Contains(logs.String(), "stopped before the files were read") || !strings.Contains(logs.String(), "posts=3") {
		t.Errorf("interrupted import: %q", logs.String())
	}

	var bar bytes.Buffer
	p, err = newImportProgress("bar", &bar, log, 1, 1000, time.Second, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	p.update(archive.Progress{Path: "a", BytesRead: 500, TotalBytes: 1000, Records: 42})
	p.update(archive.Progress{Path: "a", BytesRead: 1000, TotalBytes: 1000, Records: 84, Done: true})
	p.finish()
	if s := bar.String(); !strings.Contains(s, "84 posts") || !strings.Contains(s, "100%") {
		t.Errorf("bar output %q", s)
	}
	if _, err := newImportProgress("fancy", &bar, log, 1, 1, time.Second, time.Now); err == nil {
		t.Error("unknown progress mode accepted")
	}
}
