package rawjson

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// deep is a well-formed array nested one level deeper than encoding/json
// allows.
var deep = strings.Repeat("[", 10001) + strings.Repeat("]", 10001)

func TestClipRaw(t *testing.T) {
	for _, c := range []struct {
		name string
		n    int
		want int
	}{
		{"empty", 0, 0},
		{"short", 10, 10},
		{"at the bound", MaxRawBytes, MaxRawBytes},
		{"over the bound", MaxRawBytes + 1, MaxRawBytes},
		{"10 MB", 10 << 20, MaxRawBytes},
	} {
		t.Run(c.name, func(t *testing.T) {
			b := []byte(strings.Repeat("x", c.n))
			got := ClipRaw(b)
			if len(got) != c.want {
				t.Fatalf("%d bytes, want %d", len(got), c.want)
			}
			if c.n > 0 && &got[0] != &b[0] {
				t.Error("ClipRaw copied its input")
			}
		})
	}
}

func TestClipReason(t *testing.T) {
	long := strings.Repeat("a", MaxReasonBytes+10)
	// "é" is two bytes: one starts at MaxReasonBytes-1 and straddles the bound.
	straddle := strings.Repeat("a", MaxReasonBytes-1) + "éé"
	for _, c := range []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"short", "malformed JSON", "malformed JSON"},
		{"at the bound", long[:MaxReasonBytes], long[:MaxReasonBytes]},
		{"over the bound", long, long[:MaxReasonBytes] + "…"},
		{"rune across the bound", straddle, straddle[:MaxReasonBytes-1] + "…"},
		{"invalid UTF-8 kept as it is when short", "bad \xff", "bad \xff"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := ClipReason(c.in)
			if got != c.want {
				t.Fatalf("ClipReason = %q (%d bytes), want %q (%d bytes)", clipForLog(got), len(got), clipForLog(c.want), len(c.want))
			}
			if len(got) > MaxReasonBytes+len("…") {
				t.Errorf("%d bytes: unbounded", len(got))
			}
			if utf8.ValidString(c.in) && !utf8.ValidString(got) {
				t.Error("cut inside a rune")
			}
		})
	}
}

func clipForLog(s string) string {
	if len(s) > 40 {
		return s[:20] + "…" + s[len(s)-20:]
	}
	return s
}

func TestTooDeep(t *testing.T) {
	var v any
	deepErr := json.Unmarshal([]byte(deep), &v)
	syntaxErr := json.Unmarshal([]byte(`[1,`), &v)
	for _, c := range []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"too deep", deepErr, true},
		{"wrapped", errors.Join(errors.New("page"), deepErr), true},
		{"syntax", syntaxErr, false},
		{"other", errors.New("boom"), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := TooDeep(c.err); got != c.want {
				t.Fatalf("TooDeep(%v) = %v, want %v", c.err, got, c.want)
			}
		})
	}
}

func TestElements(t *testing.T) {
	for _, c := range []struct {
		name    string
		in      string
		want    []string
		wantErr string
	}{
		{name: "empty", in: `[]`, want: nil},
		{name: "values", in: ` [ {"id":"1"} , "a" ,null,2.5e3,[[]] ] `, want: []string{`{"id":"1"}`, `"a"`, `null`, `2.5e3`, `[[]]`}},
		{name: "brackets in strings", in: `[{"a":"]}\"["},"\\"]`, want: []string{`{"a":"]}\"["}`, `"\\"`}},
		{name: "one element too deep", in: `[{"id":"1"},` + deep + `,{"id":"2"}]`, want: []string{`{"id":"1"}`, deep, `{"id":"2"}`}},
		{name: "too deep inside an object", in: `[{"a":` + deep + `},3]`, want: []string{`{"a":` + deep + `}`, `3`}},
		{name: "too deep then malformed element", in: `[` + deep + `,{"a":}]`, wantErr: "invalid character"},
		{name: "too deep then cut", in: `[` + deep + `,{"a":1`, wantErr: "exceeded max depth"},
		{name: "too deep then trailing data", in: `[` + deep + `] x`, wantErr: "exceeded max depth"},
		{name: "malformed", in: `[{]`, wantErr: "invalid character"},
		{name: "not an array", in: `{"id":"1"}`, wantErr: "cannot unmarshal object"},
		{name: "cut", in: `[{"id":"1"},`, wantErr: "unexpected end of JSON input"},
		{name: "nothing", in: ``, wantErr: "unexpected end of JSON input"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Elements([]byte(c.in))
			if wantError(t, err, c.wantErr, got == nil) {
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("%d elements, want %d", len(got), len(c.want))
			}
			for i := range got {
				if string(got[i]) != c.want[i] {
					t.Errorf("element %d = %q, want %q", i, clipForLog(string(got[i])), clipForLog(c.want[i]))
				}
			}
		})
	}
}

// wantError checks err against want (a substring, "" for no error) and
// reports whether an error was wanted; with an error, the result must be
// empty (empty tells).
func wantError(t *testing.T, err error, want string, empty bool) bool {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Fatal(err)
		}
		return false
	}
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v, want one containing %q", err, want)
	}
	if !empty {
		t.Error("a result returned with an error")
	}
	return true
}

func TestSplitArrayErrors(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"no bracket", `{"a":1}`, "does not start with '['"},
		{"unterminated", `[1,2`, "unterminated array"},
		{"data after", `[1] [2]`, "data after the array at byte 4"},
		{"value cut", `[[1,2`, "value at byte 1 is cut"},
		{"string cut", `["abc`, "string at byte 1 is cut"},
		{"stray closer", `[1,}]`, `unexpected '}' at byte 3`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := splitArray([]byte(c.in))
			if !errors.Is(err, errSplit) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want errSplit containing %q", err, c.want)
			}
		})
	}
}

func TestMembers(t *testing.T) {
	page := `{"posts":[{"id":"1"},` + deep + `],"cursor":"abc","n":3}`
	for _, c := range []struct {
		name    string
		in      string
		want    map[string]string
		wantErr string
	}{
		{name: "empty", in: ` { } `, want: map[string]string{}},
		{name: "page with a deep post", in: page, want: map[string]string{"posts": `[{"id":"1"},` + deep + `]`, "cursor": `"abc"`, "n": `3`}},
		{name: "escaped key", in: `{"a\"b":true}`, want: map[string]string{`a"b`: `true`}},
		{name: "repeated key keeps the last", in: `{"a":1,"a":2}`, want: map[string]string{"a": `2`}},
		{name: "not an object", in: `[1]`, wantErr: "not a JSON object"},
		{name: "unterminated", in: `{"a":1`, wantErr: "unterminated object"},
		{name: "no value", in: `{"a":`, wantErr: "unterminated object"},
		{name: "data after", in: `{"a":1} x`, wantErr: "data after the object at byte 8"},
		{name: "key not a string", in: `{a:1}`, wantErr: "want a key"},
		{name: "no colon", in: `{"a" 1}`, wantErr: `no ':' after key "a"`},
		{name: "no value before the brace", in: `{"a":}`, wantErr: "want a value"},
		{name: "malformed member", in: `{"posts":[` + deep + `],"cursor":tru}`, wantErr: `member "cursor"`},
		{name: "cut member", in: `{"posts":[{"id":"1"}`, wantErr: "value at byte 9 is cut"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := Members([]byte(c.in))
			if wantError(t, err, c.wantErr, got == nil) {
				return
			}
			if len(got) != len(c.want) {
				t.Fatalf("%d members, want %d", len(got), len(c.want))
			}
			for k, v := range c.want {
				if string(got[k]) != v {
					t.Errorf("member %q = %q, want %q", k, clipForLog(string(got[k])), clipForLog(v))
				}
			}
		})
	}
}

// TestMembersThenElements is how a connector reads a search page that
// encoding/json refuses whole: the good posts around the deep one remain.
func TestMembersThenElements(t *testing.T) {
	page := []byte(`{"data":[{"id":"1"},{"x":` + deep + `},{"id":"3"}],"meta":{"result_count":3}}`)
	var whole struct{ Data []json.RawMessage }
	jerr := json.Unmarshal(page, &whole)
	if !TooDeep(jerr) {
		t.Fatalf("encoding/json: %v, want a too-deep error", jerr)
	}
	members, err := Members(page)
	if err != nil {
		t.Fatal(err)
	}
	posts, err := Elements(members["data"])
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range posts {
		var v struct{ ID string }
		if err := json.Unmarshal(p, &v); err != nil {
			if !TooDeep(err) {
				t.Errorf("post %q: %v", clipForLog(string(p)), err)
			}
			continue
		}
		ids = append(ids, v.ID)
	}
	if strings.Join(ids, ",") != "1,3" {
		t.Errorf("decoded ids %q, want 1 and 3", ids)
	}
}

// FuzzElements feeds arbitrary arrays to Elements and Members: no input
// may panic, and when Elements accepts an array that encoding/json decodes,
// its elements are exactly those encoding/json sees.
func FuzzElements(f *testing.F) {
	for _, s := range []string{`[]`, `[{"id":"1"},{"id":"2"}]`, `[1,"a",null,[[]],{"a":{"b":[1,2]}}]`, `[{"a":"\"]"}]`,
		`[[[[[[[[[[]]]]]]]]]]`, `[{]`, `[,,]`, `["\\"]`, `[}`, `{"a":[1],"b":"}"}`, `{"a" 1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = Members(b)
		_, _ = splitArray(b)
		items, err := Elements(b)
		if err != nil {
			return
		}
		var want []json.RawMessage
		if json.Unmarshal(b, &want) == nil {
			if len(want) != len(items) {
				t.Fatalf("%q: %d elements, encoding/json sees %d", b, len(items), len(want))
			}
			for i := range want {
				if string(want[i]) != string(items[i]) {
					t.Fatalf("%q: element %d is %q, encoding/json sees %q", b, i, items[i], want[i])
				}
			}
		}
	})
}

// TestTrackerFindsTheEnd: brackets inside strings and escaped quotes do not
// end a value; the closing bracket or quote does, and nothing before it.
func TestTrackerFindsTheEnd(t *testing.T) {
	for _, v := range []string{
		`{"a":"}]\"{","b":[1,{"c":"\\"}]}`,
		`["\\\"]", [[]], {}]`,
		`"a \"quoted\" ] } string\\"`,
		`{}`,
	} {
		tr := NewTracker(v[0])
		for i := 1; i < len(v); i++ {
			if end := tr.Next(v[i]); end != (i == len(v)-1) {
				t.Fatalf("%s: end=%v at byte %d of %d", v, end, i, len(v))
			}
		}
	}
}
