package hostiletest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/post"
)

func TestLocate(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "testdata", "hostile"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, CorpusPath), []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	deep := filepath.Join(root, "ingest", "mastodon")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, dir string
		ok        bool
	}{
		{"module root", root, true},
		{"package folder", deep, true},
		{"elsewhere", t.TempDir(), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := locate(c.dir)
			if !c.ok {
				if err == nil {
					t.Fatalf("found %s, want an error", got)
				}
				return
			}
			if err != nil || got != filepath.Join(root, CorpusPath) {
				t.Fatalf("locate = %q, %v", got, err)
			}
		})
	}
}

func TestParseRefusesABrokenCorpus(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"not JSON", `{`, "unexpected end"},
		{"bad hex", `{"frames":[{"name":"f","hex":"zz"}]}`, "frame f"},
		{"no template", `{"formats":{"x":{"id":"{N}"}}}`, "format x: template is not JSON"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if _, err := parse([]byte(c.in)); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestLoad loads the real corpus (from this package's folder, as any
// test does) and checks the frames it builds.
func TestLoad(t *testing.T) {
	c := Load(t)
	if len(c.Strings) == 0 || len(c.Frames) == 0 {
		t.Fatalf("%d strings, %d frames", len(c.Strings), len(c.Frames))
	}
	for _, f := range []string{"vigie", "mastodon", "jetstream", "xstream"} {
		if _, ok := c.Formats[f]; !ok {
			t.Errorf("no format %s", f)
		}
	}
	for _, w := range []struct {
		frame string
		check func(b []byte) error
	}{
		{"nul-bytes", func(b []byte) error { return want(string(b) == "\x00\x00\x00\x00", "%q", b) }},
		{"null", func(b []byte) error { return want(string(b) == "null", "%q", b) }},
		{"deep-array", func(b []byte) error {
			return want(len(b) == 200000 && b[0] == '[' && b[len(b)-1] == ']', "%d bytes", len(b))
		}},
		{"deep-object", func(b []byte) error {
			var v any
			return want(rawjson.TooDeep(json.Unmarshal(b, &v)), "%.20q… is not too deep for encoding/json", b)
		}},
		{"ten-mb-line", func(b []byte) error {
			return want(len(b) >= 10<<20 && len(b) < 10<<20+100 && json.Valid(b), "%d bytes", len(b))
		}},
		{"many-keys", func(b []byte) error { return want(len(b) > 2000000 && json.Valid(b), "%d bytes", len(b)) }},
	} {
		t.Run(w.frame, func(t *testing.T) {
			if err := w.check(c.Frame(t, w.frame)); err != nil {
				t.Error(err)
			}
		})
	}
}

func want(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return fmt.Errorf("unexpected frame: "+format, args...)
}

func TestCases(t *testing.T) {
	c := Load(t)
	for name, fm := range c.Formats {
		t.Run(name, func(t *testing.T) {
			cases := c.Cases(t, name, 1000)
			hostile := len(fm.Fields)*len(c.Strings) + len(fm.Mutations)
			if len(cases) != 2*hostile+1 {
				t.Fatalf("%d cases, want %d", len(cases), 2*hostile+1)
			}
			ids := map[string]bool{}
			for i, cs := range cases {
				if i%2 == 0 && (cs.Name != "good" || cs.Expect != Stored) {
					t.Errorf("case %d is %s (%s), want a good record", i, cs.Name, cs.Expect)
				}
				if ids[cs.ID] {
					t.Errorf("case %d: id %s repeats", i, cs.ID)
				}
				ids[cs.ID] = true
				if cs.Expect != Stored && cs.Expect != DLQ {
					t.Errorf("%s: expect %q", cs.Name, cs.Expect)
				}
				if !json.Valid(cs.Raw) && cs.Expect == Stored {
					t.Errorf("%s: stored record is not JSON: %.80s", cs.Name, cs.Raw)
				}
			}
			// The first hostile case carries the first string in the first field.
			f, s := fm.Fields[0], c.Strings[0]
			v, err := decodeNumbers(cases[1].Raw)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := get(v, f.Path).(string)
			if !strings.HasSuffix(got, " "+s.Value) && !f.HTML {
				t.Errorf("%s = %q, want it to end with %q", f.Path, got, s.Value)
			}
			if cases[1].Name != f.Path+"="+s.Name || cases[1].Stored != s.Stored {
				t.Errorf("case 1: %+v", cases[1])
			}
		})
	}
}

func TestPaths(t *testing.T) {
	doc := func() any {
		v, _ := decodeNumbers([]byte(`{"a":{"b":[{"c":"x"},2]},"d":1}`))
		return v
	}
	for _, c := range []struct {
		name string
		edit func(v any)
		want string
	}{
		{"set in an object", func(v any) { set(v, "a.b.0.c", "y") }, `{"a":{"b":[{"c":"y"},2]},"d":1}`},
		{"set in an array", func(v any) { set(v, "a.b.1", 3) }, `{"a":{"b":[{"c":"x"},3]},"d":1}`},
		{"set a new key", func(v any) { set(v, "a.e", true) }, `{"a":{"b":[{"c":"x"},2],"e":true},"d":1}`},
		{"set out of range", func(v any) { set(v, "a.b.7", 3); set(v, "a.b.-1", 3) }, `{"a":{"b":[{"c":"x"},2]},"d":1}`},
		{"set below a scalar", func(v any) { set(v, "d.x", 3) }, `{"a":{"b":[{"c":"x"},2]},"d":1}`},
		{"delete", func(v any) { del(v, "a.b.0.c"); del(v, "d") }, `{"a":{"b":[{},2]}}`},
		{"append", func(v any) { Field{Path: "a.b.0.c"}.Append(v, "[b]") }, `{"a":{"b":[{"c":"x [b]"},2]},"d":1}`},
		{"append to nothing", func(v any) { Field{Path: "z"}.Append(v, "s") }, `{"a":{"b":[{"c":"x"},2]},"d":1,"z":" s"}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := doc()
			c.edit(v)
			b, _ := json.Marshal(v)
			if string(b) != c.want {
				t.Fatalf("%s, want %s", b, c.want)
			}
		})
	}
}

func TestMutationApply(t *testing.T) {
	for _, c := range []struct {
		name string
		m    Mutation
		want string
	}{
		{"delete then set", Mutation{Delete: []string{"a"}, Set: map[string]json.RawMessage{"b": json.RawMessage(`[1,{"x":null}]`)}}, `{"b":[1,{"x":null}]}`},
		{"fill", Mutation{Set: map[string]json.RawMessage{"a": json.RawMessage(`{"fill":8,"suffix":"!"}`)}}, `{"a":"lorem lo!"}`},
		{"list", Mutation{Set: map[string]json.RawMessage{"a": json.RawMessage(`{"list":3}`)}}, `{"a":["tag0","tag1","tag2"]}`},
		{"big number kept", Mutation{Set: map[string]json.RawMessage{"a": json.RawMessage(`123456789012345678901`)}}, `{"a":123456789012345678901}`},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := map[string]any{"a": "x"}
			c.m.Apply(t, v)
			b, _ := json.Marshal(v)
			if string(b) != c.want {
				t.Fatalf("%s, want %s", b, c.want)
			}
		})
	}
}

func TestLeftovers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"déjà vu\n\t✓ <script>", ""},
		{"a\x00b", "control character '\\x00'"},
		{"a\u0085", "control character '\\u0085'"},
		{"\x7f", "control character '\\x7f'"},
		{"a\u202eb", "bidi character '\\u202e'"},
		{"\u2069", "bidi character '\\u2069'"},
		{"caf\xe9", "invalid UTF-8"},
	} {
		if got := Leftovers(c.in); got != c.want {
			t.Errorf("Leftovers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper()                   {}
func (r *recorder) Logf(string, ...any)       {}
func (r *recorder) Errorf(f string, a ...any) { r.errs = append(r.errs, fmt.Sprintf(f, a...)) }
func (r *recorder) Fatalf(f string, a ...any) {
	r.errs = append(r.errs, fmt.Sprintf(f, a...))
	runtime.Goexit()
}

// run calls f with a recorder, as a test would, and returns its failures.
func run(f func(t testing.TB)) []string {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.errs
}

func reject(reason string, raw []byte) kafka.Message {
	return kafka.Message{Value: raw, Headers: []kafka.Header{{Key: kafkax.HeaderReason, Value: []byte(reason)}}}
}

func TestCheck(t *testing.T) {
	cases := []Case{
		{Name: "good", ID: "1", Expect: Stored},
		{Name: "text=bidi", ID: "2", Expect: Stored, Stored: "alert(1)"},
		{Name: "missing-id", ID: "3", Expect: DLQ, Reason: "missing id"},
		{Name: "good", ID: "4", Expect: Stored},
	}
	goodPosts := []post.Post{{ID: "1", Text: "ok"}, {ID: "2", Text: "ok alert(1)"}, {ID: "4", Text: "ok"}}
	goodRejects := []kafka.Message{reject("mastodon: missing id", []byte("{}")), reject("binary frame", nil)}
	extra := []string{"binary frame"}
	for _, c := range []struct {
		name    string
		posts   []post.Post
		rejects []kafka.Message
		want    string // a substring of the first failure, "" for none
	}{
		{"all as expected", goodPosts, goodRejects, ""},
		{"a good post lost", goodPosts[:2], goodRejects, "(4): arrived 0 times"},
		{"a post twice", append(goodPosts, goodPosts[0]), goodRejects, "(1): arrived 2 times"},
		{"a bad one stored", append(goodPosts, post.Post{ID: "3"}), goodRejects, "missing-id: arrived as a post"},
		{"a control character kept", []post.Post{{ID: "1", Text: "ok"}, {ID: "2", Text: "ok alert(1)\u202e"}, {ID: "4", Lang: "f\x00r"}}, goodRejects, "keeps a bidi character"},
		{"hostile text lost", []post.Post{{ID: "1"}, {ID: "2", Text: "ok"}, {ID: "4"}}, goodRejects, `no stored field holds "alert(1)"`},
		{"a rejection missing", goodPosts, goodRejects[:1], "1 rejections, want 2"},
		{"wrong reason", goodPosts, []kafka.Message{reject("malformed", nil), goodRejects[1]}, `want it to contain "missing id"`},
		{"unbounded raw", goodPosts, []kafka.Message{reject("missing id", make([]byte, rawjson.MaxRawBytes+1)), goodRejects[1]}, "unbounded"},
		{"unbounded reason", goodPosts, []kafka.Message{reject("missing id"+strings.Repeat("x", 2*rawjson.MaxReasonBytes), nil), goodRejects[1]}, "unbounded"},
	} {
		t.Run(c.name, func(t *testing.T) {
			errs := run(func(tb testing.TB) { Check(tb, cases, c.posts, c.rejects, extra) })
			switch {
			case c.want == "" && len(errs) > 0:
				t.Fatalf("failures %q, want none", errs)
			case c.want != "" && (len(errs) == 0 || !strings.Contains(errs[0], c.want)):
				t.Fatalf("failures %q, want one containing %q", errs, c.want)
			}
		})
	}
}

func TestSortRejects(t *testing.T) {
	cases := []Case{{Expect: DLQ, Reason: "too deep"}, {Expect: Stored}, {Expect: DLQ, Reason: "missing"}}
	rejects := []kafka.Message{reject("x", nil), reject("missing id", nil), reject("binary", nil), reject("too deep: 1", nil)}
	SortRejects(rejects, cases, []string{"binary"})
	var got []string
	for _, m := range rejects {
		got = append(got, kafkax.Header(m, kafkax.HeaderReason))
	}
	if want := "too deep: 1|missing id|binary|x"; strings.Join(got, "|") != want {
		t.Fatalf("order %q, want %q", got, want)
	}
}

func TestCount(t *testing.T) {
	stored, rejected := Count([]Case{{Expect: Stored}, {Expect: DLQ}, {Expect: "skipped"}, {Expect: Stored}}, []string{"binary"})
	if stored != 2 || rejected != 3 {
		t.Fatalf("stored %d rejected %d, want 2 and 3", stored, rejected)
	}
}

func TestHeapWatch(t *testing.T) {
	w := WatchHeap()
	buf := make([]byte, 64<<20)
	for i := range buf {
		buf[i] = byte(i)
	}
	p := w.Stop()
	runtime.KeepAlive(buf)
	if p.Heap < 64<<20 {
		t.Errorf("peak heap %d MiB, want at least the 64 MiB held", p.Heap>>20)
	}
	if _, err := os.Stat("/proc/self/statm"); err == nil && p.RSS < 64<<20 {
		t.Errorf("peak RSS %d MiB, want at least the 64 MiB touched", p.RSS>>20)
	}
	errs := run(func(tb testing.TB) { Peaks{Heap: MaxHeap + 1}.CheckHeap(tb, "stream") })
	if len(errs) != 1 || !strings.Contains(errs[0], "stream: peak heap") {
		t.Errorf("CheckHeap over the bound: %q", errs)
	}
	if errs := run(func(tb testing.TB) { Peaks{Heap: MaxHeap}.CheckHeap(tb, "stream") }); len(errs) != 0 {
		t.Errorf("CheckHeap at the bound: %q", errs)
	}
}
