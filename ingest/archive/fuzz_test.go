package archive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/vigie-edu/vigie/post"
)

// seedLines adds every line of a fixture as a seed.
func seedLines(f *testing.F, file string) {
	b, err := os.ReadFile("testdata/" + file)
	if err != nil {
		f.Fatal(err)
	}
	for _, l := range bytes.Split(b, []byte{'\n'}) {
		f.Add(l)
	}
}

// quirks are records that exercise the odd corners of every parser.
var quirks = []string{
	``, `null`, `[]`, `{}`, `"keep-alive"`, `{"data":null}`, `{"data":[]}`, `{"data":"x"}`, `{"data":[1,{"id":2}]}`,
	`{"id":1e400}`, `{"id":-1}`, `{"id":"1","created_at":"Tue Apr 06 07:58:12 +0000 2021"}`,
	`{"id_str":"1","retweeted_status":{"retweeted_status":{"text":"x"}}}`,
	`{"delete":{"status":{"id":1}}}`, `{"limit":{"track":1}}`,
	`{"id":"1","referenced_tweets":[{"type":"retweeted","id":"2"}],"includes":{"tweets":[{"id":"2"}]}}`,
	`{"did":"d","kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"r","record":{"createdAt":"2021-04-06T07:58:12Z","facets":[{"features":[{"tag":"x"}]}]}}}`,
	`{"did":"d","time_us":-5,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"r","record":{}}}`,
	`{"kind":"identity","identity":{"handle":"h"}}`,
	`{"id":"1","account":{"acct":"a","url":"::"},"content":"<a href=\"http://x\"><<<"}`,
	`{"id":"1","created_at":"2021-04-06T07:58:12Z","reblog":{"reblog":{"content":"<p>x"}}}`,
	"{\"id\":\"\xff\"}", `{"uri":"at://","record":{"text":"x"}}`, `{"id":"1","author_user":{"username":"UNKNOWN"}}`,
	`{"id":"1","geo":{"place":{"full_name":"x"}}}`, `{"id":"1","note_tweet":{"text":"","entities":{"hashtags":[{}]}}}`,
}

func addQuirks(f *testing.F) {
	for _, q := range quirks {
		f.Add([]byte(q))
	}
}

// fuzzParser checks that a parser never panics and returns only posts
// that either validate or carry a reason to fail validation.
func fuzzParser(f *testing.F, p func() parser, fixtures ...string) {
	for _, file := range fixtures {
		seedLines(f, file)
	}
	addQuirks(f)
	f.Fuzz(func(t *testing.T, rec []byte) {
		var res results
		err := p().parse(rec, &res)
		if err != nil && (len(res.posts) > 0) && !bytes.Contains(rec, []byte("data")) {
			t.Errorf("error %v with %d posts", err, len(res.posts))
		}
		if err != nil && err.Error() == "" {
			t.Error("empty rejection reason")
		}
		for i := range res.posts {
			p := res.posts[i]
			_ = post.Normalize(&p, testNow) // must not panic
		}
	})
}

func FuzzParseXv11(f *testing.F) {
	fuzzParser(f, func() parser { return v11Parser{} }, "x_v11_stream.jsonl")
}

func FuzzParseTwarc2(f *testing.F) {
	fuzzParser(f, func() parser { return twarc2Parser{} }, "twarc2_raw.jsonl")
}

func FuzzParseTwarc2Flat(f *testing.F) {
	fuzzParser(f, func() parser { return flatParser{} }, "twarc2_flat.jsonl")
}

func FuzzParseMastodon(f *testing.F) {
	fuzzParser(f, func() parser { return mastodonParser{} }, "mastodon_lines.jsonl")
}

func FuzzParseJetstream(f *testing.F) {
	fuzzParser(f, func() parser { return &jetstreamParser{} }, "jetstream.jsonl")
}

func FuzzParse4CAT(f *testing.F) {
	fuzzParser(f, func() parser { return fourCATParser{} }, "4cat.ndjson")
}

func FuzzParseVigie(f *testing.F) {
	fuzzParser(f, func() parser { return vigieParser{} }, "vigie.jsonl")
}

// fuzzCSV feeds a header and a record to a CSV parser.
func fuzzCSV(f *testing.F, file string, toPost func(csvRow) (post.Post, error), comma rune) {
	b, err := os.ReadFile("testdata/" + file)
	if err != nil {
		f.Fatal(err)
	}
	header, rest, _ := strings.Cut(strings.TrimPrefix(string(b), "\ufeff"), "\n")
	for _, row := range strings.Split(rest, "\n") {
		f.Add(header, row)
	}
	f.Add(header, `1,"unterminated`)
	f.Add(header, `"a""b",,,,`)
	f.Add("id,text,created_at,from_user_name,hashtags", `1e5,x,2021-04-06 07:58:12,u,"a; ;b;;"`)
	f.Add("id,text,created_at,entities.hashtags,author.username", `1,x,2021-04-06T07:58:12Z,"[1, {""tag"": 2}, ""#a""]",u`)
	f.Fuzz(func(t *testing.T, header, row string) {
		c := &csvParser{comma: comma, toPost: toPost}
		var res results
		_ = c.parse([]byte(header), &res)
		res.reset()
		if err := c.parse([]byte(row), &res); err == nil && len(res.posts) > 1 {
			t.Errorf("%d posts from one row", len(res.posts))
		}
	})
}

func FuzzParseTCAT(f *testing.F)     { fuzzCSV(f, "tcat.csv", tcatPost, ',') }
func FuzzParseTwarcCSV(f *testing.F) { fuzzCSV(f, "twarc.csv", twarcCSVPost, ',') }

// FuzzDetect: never panics; a format comes without error and vice versa.
func FuzzDetect(f *testing.F) {
	files, _ := os.ReadDir("testdata")
	for _, e := range files {
		b, _ := os.ReadFile("testdata/" + e.Name())
		f.Add(b)
		f.Add(b[:len(b)/3])
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(`{"id_str":"1","text":"x","user":{}}`))
	w.Close()
	f.Add(gz.Bytes())
	f.Add(gz.Bytes()[:15])
	addQuirks(f)
	f.Fuzz(func(t *testing.T, head []byte) {
		got, err := Detect(head)
		if (got == FormatUnknown) == (err == nil) {
			t.Errorf("Detect = %q, %v", got, err)
		}
	})
}

// FuzzReader runs the whole reader (detection, splitting, parsing,
// validation) on arbitrary input: it ends, never panics, returns only
// valid posts, and its counts match what it returned.
func FuzzReader(f *testing.F) {
	files, _ := os.ReadDir("testdata")
	for _, e := range files {
		b, _ := os.ReadFile("testdata/" + e.Name())
		f.Add(b)
		f.Add(b[:len(b)*2/3])
	}
	f.Add([]byte("[" + strings.Repeat(`{"id_str":"1"},`, 3) + "x]tail"))
	f.Add([]byte("{\n\"id_str\": \"1\",\n\"text\": \"}{\"\n}\n{\n\"id_str\":"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), WithClock(clock), WithMaxRecordBytes(4096))
		if err != nil {
			if !errors.Is(err, ErrUnknownFormat) {
				t.Fatalf("NewReader: %v", err)
			}
			return
		}
		var posts, rejected int64
		for i := 0; ; i++ {
			if i > len(data)+10 {
				t.Fatal("more records than bytes: the reader does not end")
			}
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if rec.Reject != nil {
				rejected++
				if rec.Reject.Reason == "" || rec.Line < 1 {
					t.Errorf("rejection without reason or line: %+v", rec)
				}
				continue
			}
			posts++
			if err := post.Validate(&rec.Post, testNow); err != nil {
				t.Errorf("invalid post returned: %v", err)
			}
		}
		if st := r.Stats(); st.Posts != posts || st.Rejected != rejected || st.BytesRead != int64(len(data)) {
			t.Errorf("stats %+v, returned %d posts %d rejections of %d bytes", st, posts, rejected, len(data))
		}
	})
}

// FuzzSplitValues: the JSON value splitter ends, and each value it cuts is
// a piece of the input, on a line that never goes backwards.
func FuzzSplitValues(f *testing.F) {
	f.Add([]byte(`[{"a":"}"},{"b":[1,2]}]`), true)
	f.Add([]byte("{\n}\n{\"x\":\"\\\"\"}"), false)
	f.Add([]byte(`[1, "two", nul, {]`), true)
	f.Fuzz(func(t *testing.T, data []byte, array bool) {
		s := newValueSplitter(bufio.NewReader(bytes.NewReader(data)), 64, array)
		prev := 1
		for i := 0; ; i++ {
			if i > len(data)+1 {
				t.Fatal("splitter does not end")
			}
			rec, line, _, err := s.next()
			if line < prev {
				t.Errorf("line %d after %d", line, prev)
			}
			prev = line
			if len(rec) > 64 {
				t.Errorf("record of %d bytes over the limit", len(rec))
			}
			if len(rec) > 0 && !bytes.Contains(data, rec) {
				t.Errorf("record %q not in the input", rec)
			}
			if err != nil && !errors.Is(err, errTooLong) {
				break
			}
		}
	})
}
