package classify

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestAutomatonBruteForce checks the automaton against a naive search on
// random texts over a tiny alphabet, where overlaps abound.
func TestAutomatonBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		n := 1 + rng.IntN(3)
		b := make([]byte, n)
		for i := range b {
			b[i] = "ab"[rng.IntN(2)]
		}
		return string(b)
	}
	for round := 0; round < 200; round++ {
		var pats []string
		for i := 0; i < 1+rng.IntN(8); i++ {
			p := word()
			if rng.IntN(3) == 0 {
				p += " " + word()
			}
			if rng.IntN(3) == 0 {
				p += "*"
			}
			pats = append(pats, p)
		}
		ac, err := newAutomaton(pats, make([]uint8, len(pats)), nil)
		if err != nil {
			t.Fatal(err)
		}
		var words []string
		for i := 0; i < rng.IntN(12); i++ {
			words = append(words, word())
		}
		text := " " + strings.Join(words, " ") + " "
		if len(words) == 0 {
			text = " "
		}
		type occ struct{ pat, start, end int32 }
		var got, want []occ
		for _, h := range ac.scan([]byte(text), nil) {
			got = append(got, occ{h.pat, h.start, h.end})
			// token indexes agree with the byte range
			if first := int32(strings.Count(text[:h.start], " ")); first != h.first {
				t.Fatalf("%q in %q: first word %d, want %d", pats[h.pat], text, h.first, first)
			}
			if last := int32(strings.Count(text[:h.end], " ")); last != h.last {
				t.Fatalf("%q in %q: last word %d, want %d", pats[h.pat], text, h.last, last)
			}
		}
		for id, p := range pats {
			s, _, _ := compilePattern(p)
			for i := 0; i+len(s) <= len(text); i++ {
				if text[i:i+len(s)] == s {
					end := int32(i + len(s))
					if !strings.HasSuffix(p, "*") {
						end--
					}
					want = append(want, occ{int32(id), int32(i + 1), end})
				}
			}
		}
		cmp := func(a, b occ) int {
			if a.start != b.start {
				return int(a.start - b.start)
			}
			if a.end != b.end {
				return int(a.end - b.end)
			}
			return int(a.pat - b.pat)
		}
		slices.SortFunc(got, cmp)
		slices.SortFunc(want, cmp)
		if !slices.Equal(got, want) {
			t.Fatalf("patterns %q in %q:\n got %v\nwant %v", pats, text, got, want)
		}
	}
}

func TestMasking(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		text       string
		kept, lost []string // evidence present / absent
	}{
		{"Ma classe à la maison plante", []string{"platform:cned:ma classe a la maison"}, []string{"testimony:own-classe"}},
		{"Pronote en panne", []string{"outage:en panne"}, []string{"outage:panne"}},
		{"le CNED a planté", []string{"platform:cned", "target:le cned"}, nil},
	}
	for _, tt := range tests {
		got := c.Classify(textPost(tt.text), testNow).Evidence
		for _, e := range tt.kept {
			if !slices.Contains(got, e) {
				t.Errorf("%q: evidence %v lacks %q", tt.text, got, e)
			}
		}
		for _, e := range tt.lost {
			if slices.Contains(got, e) {
				t.Errorf("%q: evidence %v has %q", tt.text, got, e)
			}
		}
	}
}
