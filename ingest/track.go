package ingest

import (
	"fmt"
	"strings"

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
	single map[string]string // folded word -> term as configured
	multi  [][2]string       // folded " w1 w2 " -> term
}

// NewTracker builds a tracker for terms (hashtags may be given with their '#').
func NewTracker(terms []string) (*Tracker, error) {
	t := &Tracker{single: map[string]string{}}
	for _, raw := range terms {
		words := fold.Words(strings.TrimPrefix(strings.TrimSpace(raw), "#"))
		switch len(words) {
		case 0:
			return nil, fmt.Errorf("track: empty term %q", raw)
		case 1:
			t.single[words[0]] = words[0]
		default:
			joined := strings.Join(words, " ")
			t.multi = append(t.multi, [2]string{" " + joined + " ", joined})
		}
	}
	return t, nil
}

// Match returns the tracked terms found in the post's text and hashtags, in
// folded form, each once.
func (t *Tracker) Match(p *post.Post) []string {
	var out []string
	seen := map[string]bool{}
	add := func(term string) {
		if !seen[term] {
			seen[term] = true
			out = append(out, term)
		}
	}
	words := fold.Words(p.Text)
	for _, h := range p.Hashtags {
		words = append(words, fold.Words(h)...)
	}
	for _, w := range words {
		if term, ok := t.single[w]; ok {
			add(term)
		}
	}
	if len(t.multi) > 0 {
		joined := " " + strings.Join(words, " ") + " "
		for _, m := range t.multi {
			if strings.Contains(joined, m[0]) {
				add(m[1])
			}
		}
	}
	return out
}
