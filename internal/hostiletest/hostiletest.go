// Package hostiletest replays the hostile-input corpus in tests: it loads
// testdata/hostile/corpus.json from the module root, builds the hostile
// records and frames it describes (the big ones are described, not
// stored), and checks what became of them (every good record stored once
// and sanitized, every bad one dead-lettered with its reason and bounded,
// the heap bounded).
//
// It is a test helper: only _test.go files import it, never a program.
package hostiletest

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/post"
)

// CorpusPath is where the corpus lies, relative to the module root.
const CorpusPath = "testdata/hostile/corpus.json"

// What must become of a case.
const (
	Stored = "stored" // arrives once as a post
	DLQ    = "dlq"    // rejected to the dead-letter topic
)

// MaxHeap bounds the heap of a hostile run in a connector's tests: the fake
// server and the test hold a few copies of each 10 MB frame; the source
// must not add an unbounded buffer of its own.
const MaxHeap = 256 << 20

// Corpus is testdata/hostile/corpus.json: hostile strings, bad frames, and
// per wire format a good record with the paths of its text fields and its
// mutations.
type Corpus struct {
	Strings []String          `json:"strings"`
	Frames  []Frame           `json:"frames"`
	Formats map[string]Format `json:"formats"`
}

// String is a hostile value appended to every text field of a record, with
// what the stored post must hold of it.
type String struct {
	Name   string `json:"name"`
	Value  string `json:"value"`
	Stored string `json:"stored"`
}

// Frame is a record that is no valid post at all: raw text, hex bytes, or
// a big one described (Repeat, Fill) and built by Bytes.
type Frame struct {
	Name     string `json:"name"`
	Raw      string `json:"raw"`
	Hex      string `json:"hex"`      // spaces ignored
	Balanced bool   `json:"balanced"` // a JSON value whose brackets balance: it may sit inside an array
	Repeat   *struct {
		Head  string `json:"head"`
		Mid   string `json:"mid"`
		Tail  string `json:"tail"`
		Times int    `json:"times"`
	} `json:"repeat"`
	Fill *struct {
		Prefix string `json:"prefix"`
		Suffix string `json:"suffix"`
		Byte   string `json:"byte"`
		Bytes  int    `json:"bytes"`
	} `json:"fill"`
}

// Format is one wire format: a good record template ({N} is the record
// number), the paths whose numbers follow it (Seq), the post id pattern,
// the text fields and the mutations.
type Format struct {
	Template  json.RawMessage  `json:"template"`
	Seq       map[string]int64 `json:"seq"`
	IDPattern string           `json:"id"`
	Fields    []Field          `json:"fields"`
	Mutations []Mutation       `json:"mutations"`
}

// Field is the dotted path ("a.0.b") of a text field of a record; HTML
// fields take the hostile strings HTML-escaped.
type Field struct {
	Path string `json:"path"`
	HTML bool   `json:"html"`
}

// Mutation edits a good record (paths deleted, then set) and says what
// must become of it.
type Mutation struct {
	Name   string                     `json:"name"`
	Set    map[string]json.RawMessage `json:"set"`
	Delete []string                   `json:"delete"`
	Expect string                     `json:"expect"`
	Reason string                     `json:"reason"`
}

// Case is one record to send and what must become of it.
type Case struct {
	Name   string
	Raw    []byte
	ID     string // the post id it becomes when stored
	Expect string // Stored, DLQ, or what the test defines
	Reason string // for DLQ: a substring of the reason
	Stored string // for a hostile field: what the stored post must hold
}

// Load reads the corpus from the module root, found by walking up from the
// working directory (a test runs in its package's folder), then from this
// file's folder.
func Load(t testing.TB) *Corpus {
	t.Helper()
	path, err := locate(cwd())
	if err != nil {
		_, self, _, ok := runtime.Caller(0)
		if !ok {
			t.Fatal(err)
		}
		if path, err = locate(filepath.Dir(self)); err != nil {
			t.Fatal(err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, err := parse(b)
	if err != nil {
		t.Fatalf("%s: %v", CorpusPath, err)
	}
	return c
}

func cwd() string {
	d, err := os.Getwd()
	if err != nil {
		return "."
	}
	return d
}

// locate returns CorpusPath below dir or its nearest ancestor that has it.
func locate(dir string) (string, error) {
	for d := dir; ; {
		p := filepath.Join(d, CorpusPath)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("no %s in %s or above", CorpusPath, dir)
		}
		d = up
	}
}

// parse decodes a corpus and checks what Bytes relies on.
func parse(b []byte) (*Corpus, error) {
	var c Corpus
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, err
	}
	for _, f := range c.Frames {
		if f.Hex == "" {
			continue
		}
		if _, err := hex.DecodeString(strings.ReplaceAll(f.Hex, " ", "")); err != nil {
			return nil, fmt.Errorf("frame %s: %w", f.Name, err)
		}
	}
	for name, fm := range c.Formats {
		if !json.Valid([]byte(strings.ReplaceAll(string(fm.Template), "{N}", "1"))) {
			return nil, fmt.Errorf("format %s: template is not JSON", name)
		}
	}
	return &c, nil
}

// Bytes builds the frame. Its hex, if any, was checked by Load: a frame
// built otherwise with bad hex panics.
func (f Frame) Bytes() []byte {
	switch {
	case f.Hex != "":
		b, err := hex.DecodeString(strings.ReplaceAll(f.Hex, " ", ""))
		if err != nil {
			panic(fmt.Sprintf("hostile frame %s: %v", f.Name, err))
		}
		return b
	case f.Repeat != nil:
		r := f.Repeat
		return []byte(strings.Repeat(r.Head, r.Times) + r.Mid + strings.Repeat(r.Tail, r.Times))
	case f.Fill != nil:
		fl := f.Fill
		var b bytes.Buffer
		b.Grow(len(fl.Prefix) + fl.Bytes + len(fl.Suffix))
		b.WriteString(fl.Prefix)
		for b.Len() < len(fl.Prefix)+fl.Bytes {
			b.WriteString(fl.Byte)
		}
		b.WriteString(fl.Suffix)
		return b.Bytes()
	}
	return []byte(f.Raw)
}

// Frame builds the frame called name.
func (c *Corpus) Frame(t testing.TB, name string) []byte {
	t.Helper()
	for _, f := range c.Frames {
		if f.Name == name {
			return f.Bytes()
		}
	}
	t.Fatalf("no frame %q in the corpus", name)
	return nil
}

// FrameReasons builds the frames (balanced ones only when inArray) with
// the reason each must be rejected with: reasons[name], else dflt.
func (c *Corpus) FrameReasons(inArray bool, reasons map[string]string, dflt string) ([][]byte, []string) {
	var frames [][]byte
	var want []string
	for _, f := range c.Frames {
		if inArray && !f.Balanced {
			continue
		}
		frames = append(frames, f.Bytes())
		r, ok := reasons[f.Name]
		if !ok {
			r = dflt
		}
		want = append(want, r)
	}
	return frames, want
}

// Record builds record n of the format: the template with {N} replaced,
// the Seq paths set, then edit applied to the decoded record (nil: none).
func (fm Format) Record(t testing.TB, n int, edit func(v any)) []byte {
	t.Helper()
	tmpl := strings.ReplaceAll(string(fm.Template), "{N}", strconv.Itoa(n))
	v, err := decodeNumbers([]byte(tmpl))
	if err != nil {
		t.Fatalf("template: %v", err)
	}
	for path, base := range fm.Seq {
		set(v, path, json.Number(strconv.FormatInt(base+int64(n)*1000, 10)))
	}
	if edit != nil {
		edit(v)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimRight(b.Bytes(), "\n")
}

// ID is the post id record n becomes.
func (fm Format) ID(n int) string { return strings.ReplaceAll(fm.IDPattern, "{N}", strconv.Itoa(n)) }

// Append appends " "+s to the field in a decoded record (given to Record's
// edit).
func (f Field) Append(v any, s string) {
	orig, _ := get(v, f.Path).(string)
	set(v, f.Path, orig+" "+s)
}

// Apply applies the mutation to a decoded record (given to Record's edit):
// its paths deleted, then set. A set value {"fill": N, "suffix": S} is a
// string of N bytes (then S), {"list": N} a list of N tags, anything else
// itself.
func (m Mutation) Apply(t testing.TB, v any) {
	t.Helper()
	for _, p := range m.Delete {
		del(v, p)
	}
	for p, rv := range m.Set {
		g, err := generated(rv)
		if err != nil {
			t.Fatalf("mutation %s, %s: %v", m.Name, p, err)
		}
		set(v, p, g)
	}
}

// Cases returns the records of format, numbered from first: a good record
// before and after every hostile one (each text field with each hostile
// string appended, then each mutation).
func (c *Corpus) Cases(t testing.TB, format string, first int) []Case {
	t.Helper()
	fm, ok := c.Formats[format]
	if !ok {
		t.Fatalf("no format %q in the corpus", format)
	}
	n := first
	var out []Case
	add := func(cs Case, edit func(v any)) {
		cs.Raw, cs.ID = fm.Record(t, n, edit), fm.ID(n)
		out = append(out, cs)
		n++
	}
	good := func() { add(Case{Name: "good", Expect: Stored}, nil) }
	good()
	for _, f := range fm.Fields {
		for _, s := range c.Strings {
			val := s.Value
			if f.HTML {
				val = html.EscapeString(val)
			}
			add(Case{Name: f.Path + "=" + s.Name, Expect: Stored, Stored: s.Stored}, func(v any) { f.Append(v, val) })
			good()
		}
	}
	for _, m := range fm.Mutations {
		add(Case{Name: m.Name, Expect: m.Expect, Reason: m.Reason}, func(v any) { m.Apply(t, v) })
		good()
	}
	return out
}

// Count returns how many cases must be stored and how many rejected
// (every case not Stored, plus the extra rejections).
func Count(cases []Case, extra []string) (stored, rejected int) {
	rejected = len(extra)
	for _, c := range cases {
		if c.Expect == Stored {
			stored++
		} else {
			rejected++
		}
	}
	return stored, rejected
}

func decodeNumbers(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// generated decodes a mutation's set value (see Mutation.Apply).
func generated(rv json.RawMessage) (any, error) {
	var g struct {
		Fill   *int   `json:"fill"`
		Suffix string `json:"suffix"`
		List   *int   `json:"list"`
	}
	if json.Unmarshal(rv, &g) == nil {
		switch {
		case g.Fill != nil:
			if *g.Fill < 0 {
				return nil, errors.New("negative fill")
			}
			return strings.Repeat("lorem ", *g.Fill/6+1)[:*g.Fill] + g.Suffix, nil
		case g.List != nil:
			if *g.List < 0 {
				return nil, errors.New("negative list")
			}
			tags := make([]any, *g.List)
			for i := range tags {
				tags[i] = "tag" + strconv.Itoa(i)
			}
			return tags, nil
		}
	}
	return decodeNumbers(rv)
}

// get, set and del walk dotted paths ("a.0.b") in decoded JSON; a path
// that leads nowhere is ignored.
func get(v any, path string) any {
	for _, k := range strings.Split(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[k]
		case []any:
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func set(v any, path string, val any) {
	parent, last := parentOf(v, path)
	switch x := parent.(type) {
	case map[string]any:
		x[last] = val
	case []any:
		if i, err := strconv.Atoi(last); err == nil && i >= 0 && i < len(x) {
			x[i] = val
		}
	}
}

func del(v any, path string) {
	p, last := parentOf(v, path)
	if m, ok := p.(map[string]any); ok {
		delete(m, last)
	}
}

func parentOf(v any, path string) (any, string) {
	keys := strings.Split(path, ".")
	if len(keys) > 1 {
		v = get(v, strings.Join(keys[:len(keys)-1], "."))
	}
	return v, keys[len(keys)-1]
}

// Leftovers reports, in a stored string, what sanitizing must have
// removed: NUL and other control characters (but newline and tab), bidi
// overrides and isolates, invalid UTF-8. It is "" for a clean string.
func Leftovers(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return "control character " + strconv.QuoteRune(r)
		case (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069):
			return "bidi character " + strconv.QuoteRune(r)
		}
	}
	return ""
}

// CheckStored reports, as errors of t, a stored post field (given in
// fields) that keeps what sanitizing must remove, or, when want is not "",
// fields none of which holds want.
func CheckStored(t testing.TB, name string, fields []string, want string) {
	t.Helper()
	for _, f := range fields {
		if bad := Leftovers(f); bad != "" {
			t.Errorf("%s: stored field %q keeps a %s", name, f, bad)
		}
	}
	if want != "" && !strings.Contains(strings.Join(fields, "\x1f"), want) {
		t.Errorf("%s: no stored field holds %q: %q", name, want, fields)
	}
}

// Check checks what became of every case: each Stored one arrived once,
// sanitized (no control or bidi character in any field, the hostile text
// kept as plain text), each DLQ one was rejected with its reason, in order
// among the rejections, and nothing else was rejected but extra (whose
// reasons come after those of the cases); every rejection is bounded.
func Check(t testing.TB, cases []Case, posts []post.Post, rejects []kafka.Message, extra []string) {
	t.Helper()
	byID := map[string][]post.Post{}
	for _, p := range posts {
		byID[p.ID] = append(byID[p.ID], p)
	}
	stored := 0
	var wantReasons []string
	for _, c := range cases {
		got := byID[c.ID]
		switch c.Expect {
		case Stored:
			stored++
			if len(got) != 1 {
				t.Errorf("%s (%s): arrived %d times, want once", c.Name, c.ID, len(got))
				continue
			}
			p := got[0]
			fields := []string{p.ID, p.Text, p.Author, p.AuthorName, p.AuthorLocation, p.AuthorBio, p.Place, p.URL, p.Lang}
			CheckStored(t, c.Name, append(fields, p.Hashtags...), c.Stored)
		case DLQ:
			if len(got) != 0 {
				t.Errorf("%s: arrived as a post, want it rejected (%s)", c.Name, c.Reason)
			}
			wantReasons = append(wantReasons, c.Reason)
		}
	}
	if len(posts) != stored {
		t.Errorf("%d posts arrived, want %d", len(posts), stored)
	}
	wantReasons = append(wantReasons, extra...)
	if len(rejects) != len(wantReasons) {
		var got []string
		for _, m := range rejects {
			got = append(got, kafkax.Header(m, kafkax.HeaderReason))
		}
		t.Fatalf("%d rejections, want %d:\n%s\nwant reasons containing:\n%s", len(rejects), len(wantReasons),
			strings.Join(got, "\n"), strings.Join(wantReasons, "\n"))
	}
	for i, m := range rejects {
		reason := kafkax.Header(m, kafkax.HeaderReason)
		if !strings.Contains(reason, wantReasons[i]) {
			t.Errorf("rejection %d: reason %q, want it to contain %q", i, reason, wantReasons[i])
		}
		if len(reason) > 2*rawjson.MaxReasonBytes || len(m.Value) > rawjson.MaxRawBytes {
			t.Errorf("rejection %d: reason of %d bytes, raw of %d bytes: unbounded", i, len(reason), len(m.Value))
		}
	}
}

// SortRejects reorders rejections to the order of the expected reasons
// (those of the DLQ cases, then extra), matching each expected reason to
// the first unused rejection that contains it; unmatched ones stay at the
// end, in their order.
func SortRejects(rejects []kafka.Message, cases []Case, extra []string) {
	var want []string
	for _, c := range cases {
		if c.Expect == DLQ {
			want = append(want, c.Reason)
		}
	}
	want = append(want, extra...)
	used := make([]bool, len(rejects))
	out := make([]kafka.Message, 0, len(rejects))
	for _, w := range want {
		for i, m := range rejects {
			if !used[i] && strings.Contains(kafkax.Header(m, kafkax.HeaderReason), w) {
				used[i] = true
				out = append(out, m)
				break
			}
		}
	}
	for i, m := range rejects {
		if !used[i] {
			out = append(out, m)
		}
	}
	copy(rejects, out)
}

// Peaks are the largest Go heap in use and resident set size seen.
type Peaks struct {
	Heap uint64
	RSS  uint64 // 0 where /proc/self/statm cannot be read
}

// HeapWatch samples the Go heap in use and the resident set size of this
// process every few milliseconds until Stop, keeping the peaks: the bound
// a hostile test asserts is on what this process held, 10 MB frames
// included.
type HeapWatch struct {
	quit  chan struct{}
	peaks chan Peaks
}

// WatchHeap collects garbage, then starts sampling.
func WatchHeap() *HeapWatch {
	runtime.GC()
	w := &HeapWatch{quit: make(chan struct{}), peaks: make(chan Peaks, 1)}
	go func() {
		var p Peaks
		var ms runtime.MemStats
		sample := func() {
			runtime.ReadMemStats(&ms)
			p.Heap = max(p.Heap, ms.HeapInuse)
			p.RSS = max(p.RSS, rssBytes())
		}
		tk := time.NewTicker(5 * time.Millisecond)
		defer tk.Stop()
		for {
			sample()
			select {
			case <-w.quit:
				sample() // what is held at Stop counts too
				w.peaks <- p
				return
			case <-tk.C:
			}
		}
	}()
	return w
}

// Stop ends the sampling and returns the peaks. Call it once.
func (w *HeapWatch) Stop() Peaks {
	close(w.quit)
	return <-w.peaks
}

// CheckHeap logs the peak heap of what (a transport, a path) and reports
// one above MaxHeap as an error of t.
func (p Peaks) CheckHeap(t testing.TB, what string) {
	t.Helper()
	t.Logf("%s: peak heap in use %.1f MiB", what, float64(p.Heap)/(1<<20))
	if p.Heap > MaxHeap {
		t.Errorf("%s: peak heap %d MiB, want at most %d MiB", what, p.Heap>>20, MaxHeap>>20)
	}
}

// rssBytes is this process's resident set size (0 when unknown).
func rssBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}
