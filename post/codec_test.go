package post

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var now = time.Date(2021, 4, 6, 12, 0, 0, 0, time.UTC)

func valid() Post {
	return Post{ID: "42", Source: SourceX, CreatedAt: now.Add(-time.Hour), Text: "Pronote plante #ecolealamaison"}
}

func TestDecodePostRejectsBadInput(t *testing.T) {
	good, err := (&Post{ID: "1", Source: "x", CreatedAt: now, Text: "ok"}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := DecodePost(good, now); err != nil {
		t.Fatalf("good post refused: %v", err)
	}
	cases := map[string]struct {
		in   string
		want string
	}{
		"malformed":    {`{"id":`, "malformed JSON"},
		"invalid utf8": {"{\"id\":\"1\",\"text\":\"\xff\"}", "not valid UTF-8"},
		"missing id":   {`{"source":"x","created_at":"2021-04-06T09:00:00Z"}`, "missing id"},
		"missing date": {`{"id":"1","source":"x"}`, "missing created_at"},
		"year 1":       {`{"id":"1","source":"x","created_at":"0001-01-01T00:00:01Z"}`, "absurd created_at"},
		"year 9999":    {`{"id":"1","source":"x","created_at":"9999-12-31T23:59:59Z"}`, "in the future"},
		"mistyped":     {`{"id":1,"source":"x"}`, "malformed JSON"},
		"huge text":    {`{"id":"1","source":"x","created_at":"2021-04-06T09:00:00Z","text":"` + strings.Repeat("a", MaxTextBytes+1) + `"}`, "text of"},
		"huge message": {strings.Repeat(" ", MaxMessageBytes+1), "exceeds"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := DecodePost([]byte(c.in), now)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want ErrInvalid containing %q", err, c.want)
			}
		})
	}
}

func TestNormalizeSanitizes(t *testing.T) {
	p := valid()
	p.Text = "  a\x00b\u202ec\u2066d\x07e\nf\t  "
	p.AuthorLocation = " Lille\x1b "
	if err := Normalize(&p, now); err != nil {
		t.Fatal(err)
	}
	if p.Text != "abcde\nf" || p.AuthorLocation != "Lille" {
		t.Fatalf("text %q location %q", p.Text, p.AuthorLocation)
	}
	if s := "déjà vu ✓"; Sanitize(s) != s {
		t.Errorf("clean text changed: %q", Sanitize(s))
	}
}

func TestDecodeClassifiedChecksVocabulary(t *testing.T) {
	c := Classified{Post: valid(), Label: LabelOutage, Region: "FR-IDF"}
	b, _ := c.Marshal()
	if _, err := DecodeClassified(b, now); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []Classified{{Post: valid(), Label: "panic"}, {Post: valid(), Label: LabelOther, Region: "FR-XX"}} {
		b, _ := bad.Marshal()
		if _, err := DecodeClassified(b, now); !errors.Is(err, ErrInvalid) {
			t.Errorf("%+v accepted", bad)
		}
	}
}

func FuzzDecodePost(f *testing.F) {
	f.Add([]byte(`{"id":"1","source":"x","created_at":"2021-04-06T09:00:00Z","text":"<script>alert(1)</script>"}`))
	f.Add([]byte("{\"id\":\"1\",\"text\":\"\xff\"}"))
	f.Add([]byte(`{"id":"1","source":"x","created_at":"9999-12-31T23:59:59Z"}`))
	f.Add([]byte(`[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodePost(b, now)
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error not ErrInvalid: %v", err)
			}
			return
		}
		if err := Validate(&p, now); err != nil {
			t.Fatalf("decoded post does not validate: %v", err)
		}
	})
}
