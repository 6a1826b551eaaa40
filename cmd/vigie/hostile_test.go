package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/internal/hostiletest"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// TestImportHostileCorpus imports the hostile corpus (testdata/hostile)
// through the real pipeline (embedded broker, local ClickHouse): Vigie JSON
// Lines and Jetstream NDJSON files where every hostile record and frame
// (malformed, truncated, invalid UTF-8, 10 MB lines, 100,000 levels of
// nesting, mistyped and missing fields, year-1 and year-9999 dates, NUL,
// control and bidi characters, script and SQL text in every text field)
// sits between two good records. Every good record is stored (exact count
// in ClickHouse, sanitized, hostile text kept as plain text), every bad one
// is in vigie.dlq with a reason, nothing panics or stalls, and the heap
// stays bounded.
func TestImportHostileCorpus(t *testing.T) {
	corpus := hostiletest.Load(t)
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	type file struct {
		format string
		path   string
		cases  []hostiletest.Case
	}
	var files []file
	frameReasons := map[string]map[string]string{
		"vigie": {"truncated": "truncated", "invalid-utf8": "not valid UTF-8", "nul-bytes": "malformed JSON",
			"control-bytes": "malformed JSON", "empty-object": "missing id", "null": "missing id", "number": "malformed",
			"string": "malformed", "array": "malformed", "deep-array": "malformed", "deep-object": "exceeded max depth",
			"ten-mb-line": "exceeds", "many-keys": "missing id", "malformed-json": "looking for beginning of object key"},
		"jetstream": {"truncated": "truncated", "invalid-utf8": "not valid UTF-8", "nul-bytes": "malformed JSON",
			"control-bytes": "malformed JSON", "empty-object": "", "null": "", "number": "malformed",
			"string": "malformed", "array": "malformed", "deep-array": "malformed", "deep-object": "exceeded max depth",
			"ten-mb-line": "", "many-keys": "", "malformed-json": "looking for beginning of object key"},
	}
	// Where the archive readers differ from the live connectors (the
	// corpus states the connectors' outcome): a Jetstream archive record
	// without text is an empty post, one without createdAt has no date
	// (no stream time to fall back on), one without did has no id, and
	// records that are not post commits are skipped (counted, as delete
	// notices are), not dead-lettered.
	importOutcome := map[string]map[string][2]string{
		"vigie": {"ten-mb-line": {"dlq", "missing source"}},
		"jetstream": {"missing-did": {"dlq", "missing id"}, "missing-text": {"stored", ""},
			"missing-created-at": {"dlq", "missing created_at"}, "operation-1mb": {"skipped", ""},
			"empty-object": {"skipped", ""}, "null": {"skipped", ""}, "ten-mb-line": {"skipped", ""}, "many-keys": {"skipped", ""}},
	}
	for _, format := range []string{"vigie", "jetstream"} {
		fm := corpus.Formats[format]
		cases := corpus.Cases(t, format, 1000)
		for i, c := range cases {
			if o, ok := importOutcome[format][c.Name]; ok {
				cases[i].Expect, cases[i].Reason = o[0], o[1]
			}
		}
		var b bytes.Buffer
		for _, c := range cases {
			b.Write(c.Raw)
			b.WriteByte('\n')
		}
		n := 5000
		var last []byte
		for _, f := range corpus.Frames {
			raw := f.Bytes()
			if f.Name == "truncated" { // a truncated record is the last line of a file
				last = raw
				continue
			}
			b.Write(raw)
			b.WriteByte('\n')
			fc := hostiletest.Case{Name: "frame " + f.Name, Expect: hostiletest.DLQ, Reason: frameReasons[format][f.Name]}
			if o, ok := importOutcome[format][f.Name]; ok {
				fc.Expect, fc.Reason = o[0], o[1]
			}
			cases = append(cases, fc)
			cases = append(cases, hostiletest.Case{Name: "good after frame", Raw: fm.Record(t, n, nil), ID: fm.ID(n), Expect: hostiletest.Stored})
			b.Write(cases[len(cases)-1].Raw)
			b.WriteByte('\n')
			n++
		}
		b.Write(last)
		cases = append(cases, hostiletest.Case{Name: "frame truncated", Expect: hostiletest.DLQ, Reason: "truncated"})
		path := filepath.Join(dir, format+".jsonl")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, file{format, path, cases})
	}
	var all []hostiletest.Case
	for _, f := range files {
		all = append(all, f.cases...)
	}
	wantStored, wantDLQ, wantSkipped := 0, 0, 0
	for _, c := range all {
		switch c.Expect {
		case hostiletest.Stored:
			wantStored++
		case hostiletest.DLQ:
			wantDLQ++
		default:
			wantSkipped++
		}
	}

	// Peak heap and RSS of this process (the import runs in it; ClickHouse
	// is a child process), sampled while the import runs.
	heap := hostiletest.WatchHeap()
	start := time.Now()
	args := []string{"import", "--data", data, "--partitions", "2", "--progress", "log", "--progress-every", "1h"}
	for _, f := range files {
		args = append(args, f.path)
	}
	stdout, stderr, err := runCLI(t, args...)
	took := time.Since(start)
	peaks := heap.Stop()
	if err != nil {
		t.Fatalf("import: %v\n%s", err, clipLog(stderr))
	}
	var sum importSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("summary %q: %v", stdout, err)
	}
	t.Logf("imported %d files in %v: %s", len(files), took.Round(time.Millisecond), strings.TrimSpace(stdout))
	t.Logf("peak Go heap in use %.0f MiB, peak RSS %.0f MiB (classifier models included)",
		float64(peaks.Heap)/(1<<20), float64(peaks.RSS)/(1<<20))
	if peaks.Heap > 1536<<20 {
		t.Errorf("peak heap %d MiB: hostile input is buffered without bound", peaks.Heap>>20)
	}
	if want := fmt.Sprintf("posts=%d rejected=%d skipped=%d", wantStored, wantDLQ, wantSkipped); !strings.Contains(stderr, want) {
		t.Errorf("no progress line with %q on stderr:\n%s", want, clipLog(stderr))
	}
	if strings.Contains(stderr, strings.Repeat("lorem ", 50)) || strings.Contains(stderr, strings.Repeat("x", 1000)) {
		t.Error("a hostile record was copied into the logs")
	}
	if sum.Ingested != wantStored || sum.Stored != wantStored || sum.DistinctPosts != wantStored || sum.DLQ != wantDLQ {
		t.Errorf("summary %+v, want %d ingested, stored and distinct, %d dead letters", sum, wantStored, wantDLQ)
	}

	// What is in ClickHouse: every good record, once, sanitized.
	db := chtest.Attach(t, data)
	stored := map[string]post.Classified{}
	if err := db.ScanPosts(context.Background(), store.PostFilter{}, func(p post.Classified) error {
		if _, dup := stored[p.ID]; dup {
			t.Errorf("post %s stored twice", p.ID)
		}
		stored[p.ID] = p
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(stored) != wantStored {
		t.Errorf("%d posts in ClickHouse, want %d", len(stored), wantStored)
	}
	for _, c := range all {
		p, ok := stored[c.ID]
		switch {
		case c.Expect == hostiletest.Stored && !ok:
			t.Errorf("%s (%s) not stored", c.Name, c.ID)
		case c.Expect != hostiletest.Stored && ok && c.ID != "":
			t.Errorf("%s (%s) stored, want it dead-lettered (%s)", c.Name, c.ID, c.Reason)
		case ok:
			fields := []string{p.Text, p.Author, p.AuthorName, p.AuthorLocation, p.AuthorBio, p.Place, p.URL}
			hostiletest.CheckStored(t, c.Name, append(fields, p.Hashtags...), c.Stored)
		}
	}

	// What is in vigie.dlq: one message per bad record, with its reason.
	dead := readDLQ(t, data)
	if len(dead) != wantDLQ {
		t.Errorf("%d messages in %s, want %d", len(dead), kafkax.TopicDLQ, wantDLQ)
	}
	byReason := map[string]int{}
	var reasons []string
	for _, m := range dead {
		reason := kafkax.Header(m, kafkax.HeaderReason)
		reasons = append(reasons, reason)
		byReason[reasonClass(reason)]++
		if len(m.Value) > rawjson.MaxRawBytes || len(reason) > 2*rawjson.MaxReasonBytes {
			t.Errorf("dead letter of %d bytes, reason of %d bytes: unbounded", len(m.Value), len(reason))
		}
		if kafkax.Header(m, kafkax.HeaderStage) != "ingest" || kafkax.Header(m, kafkax.HeaderOrigin) == "" {
			t.Errorf("dead letter headers %v", m.Headers)
		}
	}
	var want []hostiletest.Case
	for _, c := range all {
		if c.Expect == hostiletest.DLQ && c.Reason != "" {
			want = append(want, c)
		}
	}
	for _, i := range unmatchedReasons(want, reasons) {
		t.Errorf("%s: no dead letter with a reason containing %q", want[i].Name, want[i].Reason)
	}
	var classes []string
	for k := range byReason {
		classes = append(classes, k)
	}
	sort.Strings(classes)
	var table strings.Builder
	for _, k := range classes {
		fmt.Fprintf(&table, "\n%4d  %s", byReason[k], k)
	}
	t.Logf("%d dead letters by reason:%s", len(dead), table.String())
}

// unmatchedReasons pairs each wanted case with a distinct reason that
// contains its expected substring (a maximum bipartite matching, so that a
// generic expectation never takes the reason a specific one needs) and
// returns the indexes of the cases left without one.
func unmatchedReasons(want []hostiletest.Case, reasons []string) []int {
	owner := make([]int, len(reasons))
	for i := range owner {
		owner[i] = -1
	}
	var try func(c int, seen []bool) bool
	try = func(c int, seen []bool) bool {
		for r, reason := range reasons {
			if seen[r] || !strings.Contains(reason, want[c].Reason) {
				continue
			}
			seen[r] = true
			if owner[r] < 0 || try(owner[r], seen) {
				owner[r] = c
				return true
			}
		}
		return false
	}
	var missing []int
	for c := range want {
		if !try(c, make([]bool, len(reasons))) {
			missing = append(missing, c)
		}
	}
	return missing
}

// readDLQ reopens the embedded broker of a data folder and reads every
// message of the dead-letter topic.
func readDLQ(t *testing.T, data string) []kafka.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	e, err := kafkax.StartEmbedded(filepath.Join(data, "kafka"), 0, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	broker := e.Brokers()[0]
	conn, err := kafka.DialContext(ctx, "tcp", broker)
	if err != nil {
		t.Fatal(err)
	}
	parts, err := conn.ReadPartitions(kafkax.TopicDLQ)
	conn.Close()
	if err != nil {
		t.Fatal(err)
	}
	var out []kafka.Message
	for _, p := range parts {
		lc, err := kafka.DialLeader(ctx, "tcp", broker, kafkax.TopicDLQ, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		first, last, err := lc.ReadOffsets()
		lc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if last <= first {
			continue
		}
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: kafkax.TopicDLQ, Partition: p.ID, MaxBytes: 8 << 20})
		r.SetOffset(first)
		for off := first; off < last; off++ {
			m, err := r.ReadMessage(ctx)
			if err != nil {
				r.Close()
				t.Fatalf("read %s/%d at %d: %v", kafkax.TopicDLQ, p.ID, off, err)
			}
			out = append(out, m)
			off = m.Offset
		}
		r.Close()
	}
	return out
}

var reasonDigits = regexp.MustCompile(`[0-9]+`)

// reasonClass groups reasons: numbers and quoted values out, first 90 bytes.
func reasonClass(r string) string {
	r = reasonDigits.ReplaceAllString(r, "N")
	if i := strings.Index(r, " at line N"); i > 0 {
		r = r[:i]
	}
	if len(r) > 90 {
		r = r[:90] + "…"
	}
	return r
}

func clipLog(s string) string {
	if len(s) > 8000 {
		return s[len(s)-8000:]
	}
	return s
}
