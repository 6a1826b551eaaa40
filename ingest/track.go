package ingest

import (
	"bytes"
	"fmt"

	"github.com/vigie-edu/vigie/internal/fold"
	"github.com/vigie-edu/vigie/post"
)

// DefaultTerms are the hashtags and keywords of the April 2021 disruption.
var DefaultTerms = []string{
	"ecolealamaison", "blanquerment", "blanquerdemission", "pronote", "cned",
	"continuitepedagogique", "ma classe a la maison", "classe virtuelle",
}

// Tracker decides which tracked terms a post matches. Matching folds case and
// accents: #ÉcoleÀlaMaison matches the term "ecolealamaison". A one-word term
// matches a word or a hashtag; a several-word term matches those words in a
// row.
type Tracker struct {
	single map[string]string
	lens   [64]bool // lengths of the one-word terms, to skip map lookups
	multi  []multiTerm
	terms  []string
}

type multiTerm struct {
	pattern []byte // " w1 w2 "
	term    string // "w1 w2"
}

// NewTracker builds a tracker for terms (hashtags may be given with their '#').
func NewTracker(terms []string) (*Tracker, error) {
	t := &Tracker{single: map[string]string{}}
	for _, raw := range terms {
		words := bytes.Fields(fold.AppendWords(nil, []byte(raw)))
		switch len(words) {
		case 0:
			return nil, fmt.Errorf("track: empty term %q", raw)
		case 1:
			w := string(words[0])
			t.single[w] = w
			t.lens[min(len(w), len(t.lens)-1)] = true
			t.terms = append(t.terms, w)
		default:
			j := string(bytes.Join(words, []byte{' '}))
			t.multi = append(t.multi, multiTerm{[]byte(" " + j + " "), j})
			t.terms = append(t.terms, j)
		}
	}
	return t, nil
}

// Terms returns the tracked terms, folded.
func (t *Tracker) Terms() []string { return t.terms }

// Match returns the tracked terms found in the post's text and hashtags, in
// folded form, each once.
func (t *Tracker) Match(p *post.Post) []string {
	return t.MatchPost(p, new(MatchBuffers))
}

// MatchBuffers are the reusable buffers of MatchPost; the zero value is
// ready. One goroutine at a time may use them.
type MatchBuffers struct{ text, folded []byte }

// MatchPost is Match with reusable buffers, for hot paths.
func (t *Tracker) MatchPost(p *post.Post, b *MatchBuffers) []string {
	b.text = append(b.text[:0], p.Text...)
	for _, h := range p.Hashtags {
		b.text = append(b.text, ' ')
		b.text = append(b.text, h...)
	}
	var out []string
	out, b.folded = t.MatchText(nil, b.text, b.folded)
	return out
}

// MatchText appends to dst the terms found in text, each once. scratch is
// a reusable buffer, returned grown: hot paths pass it back to avoid
// allocating.
func (t *Tracker) MatchText(dst []string, text, scratch []byte) ([]string, []byte) {
	scratch = append(scratch[:0], ' ')
	scratch = fold.AppendWords(scratch, text)
	add := func(term string) {
		for _, x := range dst {
			if x == term {
				return
			}
		}
		dst = append(dst, term)
	}
	for w := scratch[1:]; len(w) > 0; {
		i := bytes.IndexByte(w, ' ')
		if t.lens[min(i, len(t.lens)-1)] {
			if term, ok := t.single[string(w[:i])]; ok {
				add(term)
			}
		}
		w = w[i+1:]
	}
	for _, m := range t.multi {
		if bytes.Contains(scratch, m.pattern) {
			add(m.term)
		}
	}
	return dst, scratch
}
