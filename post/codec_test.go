package post

import (
	stdjson "encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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

// TestNormalizeCleansEveryField: the hashtags, URL and language are
// cleaned as the text is (control, NUL and bidi characters removed,
// invalid UTF-8 replaced by U+FFFD, so a post is never refused for it),
// and what was clean is left as it is.
func TestNormalizeCleansEveryField(t *testing.T) {
	cases := []struct {
		name      string
		edit      func(p *Post)
		text, url string
		lang      string
		hashtags  []string
		sameSlice bool // the result must be the very slice given
	}{
		{
			name: "clean", edit: func(p *Post) {
				p.Hashtags, p.URL, p.Lang = []string{"ecolealamaison", "déjà"}, "https://mastodon.social/@a/1", "fr"
			},
			text: "Pronote plante #ecolealamaison", url: "https://mastodon.social/@a/1", lang: "fr",
			hashtags: []string{"ecolealamaison", "déjà"}, sameSlice: true,
		},
		{
			name: "NUL and control characters", edit: func(p *Post) {
				p.Text = "a\x00b\x1bc"
				p.Hashtags = []string{"cn\x00ed", "pro\x07note", "ok"}
				p.URL = "https://x.com/a/status/1\x00\u009b"
				p.Lang = "f\x00r\x7f"
			},
			text: "abc", url: "https://x.com/a/status/1", lang: "fr", hashtags: []string{"cned", "pronote", "ok"},
		},
		{
			name: "bidi overrides and isolates", edit: func(p *Post) {
				p.Text = "\u202etxt.exe"
				p.Hashtags = []string{"\u202ednec", "ent\u2066\u2069"}
				p.URL = "https://bsky.app/\u202eprofile"
				p.Lang = "\u2067fr"
			},
			text: "txt.exe", url: "https://bsky.app/profile", lang: "fr", hashtags: []string{"dnec", "ent"},
		},
		{
			name: "surrounding blanks", edit: func(p *Post) {
				p.Hashtags = []string{" cned\n", "\tent"}
				p.URL = "  https://a.example/1 \n"
			},
			text: "Pronote plante #ecolealamaison", url: "https://a.example/1", hashtags: []string{"cned", "ent"},
		},
		{
			name: "invalid UTF-8 replaced as in the text", edit: func(p *Post) {
				p.Text = "caf\xe9"
				p.Hashtags = []string{"caf\xe9", "\xff\xfe"}
				p.URL = "https://a.example/caf\xe9"
				p.Lang = "f\xffr"
			},
			text: "caf\ufffd", url: "https://a.example/caf\ufffd", lang: "f\ufffdr", hashtags: []string{"caf\ufffd", "\ufffd\ufffd"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := valid()
			c.edit(&p)
			given := p.Hashtags
			before := append([]string(nil), given...)
			if err := Normalize(&p, now); err != nil {
				t.Fatalf("Normalize: %v", err)
			}
			if p.Text != c.text || p.URL != c.url || p.Lang != c.lang {
				t.Errorf("text %q url %q lang %q, want %q %q %q", p.Text, p.URL, p.Lang, c.text, c.url, c.lang)
			}
			if strings.Join(p.Hashtags, "|") != strings.Join(c.hashtags, "|") || len(p.Hashtags) != len(c.hashtags) {
				t.Errorf("hashtags %q, want %q", p.Hashtags, c.hashtags)
			}
			if strings.Join(given, "|") != strings.Join(before, "|") {
				t.Errorf("the caller's hashtags changed: %q, were %q", given, before)
			}
			if same := len(given) > 0 && &p.Hashtags[0] == &given[0]; same != c.sameSlice {
				t.Errorf("hashtags slice reused = %v, want %v", same, c.sameSlice)
			}
			if err := Validate(&p, now); err != nil {
				t.Errorf("normalized post does not validate: %v", err)
			}
		})
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

// busy is a classified post as the pipeline carries it: every field set,
// accents, an emoji, characters JSON escapes.
func busy() Classified {
	t := time.Date(2021, 4, 6, 9, 12, 3, 456000000, time.UTC)
	return Classified{
		Post: Post{ID: "1379312312312312312", Source: SourceX, CreatedAt: t, Author: "prof_lille", AuthorName: "Mme Durand 📚",
			AuthorLocation: "Lille, Hauts-de-France", AuthorBio: "Professeure de maths. <b>Syndiquée</b> & fière \"enfin\"",
			Text: "Impossible de se connecter à l'ENT ce matin,\n#Pronote ne répond plus depuis 8h <script>alert(1)</script> \u2028 #ecolealamaison",
			Lang: "fr", Hashtags: []string{"Pronote", "ecolealamaison"}, Place: "Lille", URL: "https://x.com/prof_lille/status/1?a=1&b=2",
			Matched: []string{"#pronote"}, IngestedAt: t.Add(time.Second)},
		Label: LabelOutage, Scores: Scores{Outage: 0.93, Complaint: 0.4, Testimony: 0.1, Other: 0.01},
		Evidence: []string{"model:outage_report=0.93", "word:connecter"}, Platform: "pronote", Region: "FR-HDF",
		RegionSource: "author_location", Language: "fr", LangConfidence: 0.98, LangSource: "source", Role: "teacher",
		Sentiment: -0.6, Classifier: "rules+lr-v0.3.0", ClassifiedAt: t.Add(2 * time.Second),
	}
}

// TestCodecMatchesEncodingJSON: the topics carry the JSON encoding/json
// writes, so other consumers (and messages written by other producers)
// keep working: each side reads what the other writes, to the same value.
func TestCodecMatchesEncodingJSON(t *testing.T) {
	c := busy()
	ours, err := c.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	std, err := stdjson.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	if string(ours) != string(std) {
		t.Errorf("encodings differ:\nours %s\nstd  %s", ours, std)
	}
	var fromStd Classified
	if err := stdjson.Unmarshal(ours, &fromStd); err != nil {
		t.Fatal(err)
	}
	got, err := DecodeClassified(std, now.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, fromStd) || !reflect.DeepEqual(got, c) {
		t.Errorf("decoded values differ:\nours %+v\nstd  %+v\nwant %+v", got, fromStd, c)
	}
}

// BenchmarkCodec compares, side by side, one post's trip through the
// topics (encode and decode of the raw post, then of the classified one)
// with encoding/json doing the same.
func BenchmarkCodec(b *testing.B) {
	c := busy()
	rawMsg, _ := c.Post.Marshal()
	clMsg, _ := c.Marshal()
	b.Run("vigie", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.Post.Marshal(); err != nil {
				b.Fatal(err)
			}
			if _, err := DecodePost(rawMsg, now.Add(time.Hour)); err != nil {
				b.Fatal(err)
			}
			if _, err := c.Marshal(); err != nil {
				b.Fatal(err)
			}
			if _, err := DecodeClassified(clMsg, now.Add(time.Hour)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var p Post
			var cl Classified
			if _, err := stdjson.Marshal(&c.Post); err != nil {
				b.Fatal(err)
			}
			if err := stdjson.Unmarshal(rawMsg, &p); err != nil {
				b.Fatal(err)
			}
			if _, err := stdjson.Marshal(&c); err != nil {
				b.Fatal(err)
			}
			if err := stdjson.Unmarshal(clMsg, &cl); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// FuzzDecodeMatchesEncodingJSON: other producers may write the topics with
// encoding/json, so every message encoding/json reads as a classified post,
// the pipeline reads to the same post (or refuses it for a reason of its
// own, such as a missing id: never as malformed JSON).
func FuzzDecodeMatchesEncodingJSON(f *testing.F) {
	c := busy()
	b, _ := stdjson.Marshal(&c)
	f.Add(b)
	f.Add([]byte(`{"id":"1","ID":"2","source":"x","created_at":"2021-04-06T09:00:00+02:00","label":"other","text":"\ud800 \u00e9"}`))
	f.Add([]byte(`{"id":"1","source":"x","created_at":"2021-04-06T09:00:00Z","label":"other","classified_at":null,"hashtags":null,"Scores":{"Other":1}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var want Classified
		if len(b) > MaxMessageBytes || !utf8.Valid(b) || stdjson.Unmarshal(b, &want) != nil {
			return
		}
		got, err := DecodeClassified(b, now)
		if err != nil {
			if strings.Contains(err.Error(), "malformed JSON") || strings.Contains(err.Error(), "decoder failed") {
				t.Fatalf("encoding/json reads %q, the pipeline does not: %v", b, err)
			}
			return
		}
		// Compared through encoding/json's own encoding: time zones
		// decoded twice are equal instants but distinct *time.Location.
		g, _ := stdjson.Marshal(&got)
		w, _ := stdjson.Marshal(&want)
		if string(g) != string(w) {
			t.Fatalf("input %q\npipeline reads      %s\nencoding/json reads %s", b, g, w)
		}
	})
}
