package classify

import (
	"fmt"
	"strings"
)

// automaton is a small Aho–Corasick matcher over normalised text (see
// normalize.go), compiled to a full DFA on a 38-symbol alphabet: space,
// a–z, 0–9 and '_'. One pass over the bytes finds every occurrence of every
// pattern, whatever the number of patterns.
//
// A pattern is a normalised phrase. Written "en panne" it matches the
// whole words only; written "plant*" it matches any word starting with
// "plant". Several patterns may be identical: each keeps its own id.
type automaton struct {
	delta    []int32 // delta[state*alphabet+symbol] = next state
	outStart []int32 // outputs of state s: outs[outStart[s]:outStart[s+1]]
	outs     []int32 // pattern ids, longest first
	pats     []patInfo
}

type patInfo struct {
	size    int32 // bytes of the pattern including its boundary spaces
	ntok    int32 // tokens in the pattern
	bounded bool  // ends with a word boundary (false for prefix patterns)
	group   uint8 // masking group (see scan)
	weak    bool  // hidden by any longer hit around it
}

// maskAll is the group of hits that hide every shorter hit inside them.
const maskAll = 0

// hit is one occurrence of a pattern in a normalised text.
type hit struct {
	pat         int32
	start, end  int32 // byte range of the matched words (no boundary spaces)
	first, last int32 // token indexes (1-based) of the first and last matched word
	dropped     bool  // inside a longer hit: ignored
}

const alphabet = 38

// symbols maps a byte of normalised text to its symbol (0 = space).
var symbols = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = uint8(1 + c - 'a')
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = uint8(27 + c - '0')
	}
	t['_'] = 37
	return t
}()

// compilePattern turns a human-written pattern into its normalised,
// boundary-marked form: "Plant*" -> " plant", "L'Educ de Normandie" ->
// " l educ de normandie ".
func compilePattern(p string) (string, patInfo, error) {
	prefix := strings.HasSuffix(p, "*")
	p = strings.TrimSuffix(p, "*")
	n := normalize(nil, p, nil, nil)
	if len(n) < 3 {
		return "", patInfo{}, fmt.Errorf("pattern %q has no word", p)
	}
	s := string(n)
	if prefix {
		s = s[:len(s)-1]
	}
	info := patInfo{
		size:    int32(len(s)),
		ntok:    int32(strings.Count(strings.TrimSpace(s), " ") + 1),
		bounded: !prefix,
	}
	return s, info, nil
}

// newAutomaton compiles patterns; pattern i gets id i, masking group
// groups[i] and weakness weak[i] (nil: all maskAll, none weak).
func newAutomaton(patterns []string, groups []uint8, weak []bool) (*automaton, error) {
	a := &automaton{pats: make([]patInfo, len(patterns))}
	// Trie, with -1 for missing edges, built directly in delta.
	a.delta = make([]int32, alphabet)
	for i := range a.delta {
		a.delta[i] = -1
	}
	own := [][]int32{nil} // patterns ending at each state
	for id, p := range patterns {
		s, info, err := compilePattern(p)
		if err != nil {
			return nil, err
		}
		if groups != nil {
			info.group = groups[id]
		}
		if weak != nil {
			info.weak = weak[id]
		}
		a.pats[id] = info
		st := int32(0)
		for i := 0; i < len(s); i++ {
			sym := int32(symbols[s[i]])
			next := a.delta[st*alphabet+sym]
			if next < 0 {
				next = int32(len(own))
				a.delta[st*alphabet+sym] = next
				own = append(own, nil)
				for j := 0; j < alphabet; j++ {
					a.delta = append(a.delta, -1)
				}
			}
			st = next
		}
		own[st] = append(own[st], int32(id))
	}
	n := len(own)
	// Breadth-first: failure links, completed transitions, merged outputs.
	fail := make([]int32, n)
	outputs := make([][]int32, n)
	queue := make([]int32, 0, n)
	for sym := 0; sym < alphabet; sym++ {
		next := a.delta[sym]
		if next < 0 {
			a.delta[sym] = 0
			continue
		}
		fail[next] = 0
		queue = append(queue, next)
	}
	outputs[0] = own[0]
	for len(queue) > 0 {
		st := queue[0]
		queue = queue[1:]
		// Own patterns are longer than inherited ones: keep them first.
		outputs[st] = append(append([]int32(nil), own[st]...), outputs[fail[st]]...)
		for sym := int32(0); sym < alphabet; sym++ {
			next := a.delta[st*alphabet+sym]
			if next < 0 {
				a.delta[st*alphabet+sym] = a.delta[fail[st]*alphabet+sym]
				continue
			}
			fail[next] = a.delta[fail[st]*alphabet+sym]
			queue = append(queue, next)
		}
	}
	a.outStart = make([]int32, n+1)
	for st := 0; st < n; st++ {
		a.outStart[st+1] = a.outStart[st] + int32(len(outputs[st]))
		a.outs = append(a.outs, outputs[st]...)
	}
	return a, nil
}

// scan appends to hits every occurrence of every pattern in buf, a
// normalised text, in order of end position. A hit lying strictly inside a
// longer hit is marked dropped when the longer one is of group maskAll (a
// name: "ma classe à la maison", the CNED service, is not "ma classe";
// "Seine-Saint-Denis" is not "Saint-Denis"), of the same group ("en panne"
// counts once, not also as "panne"), or when the shorter one is weak (a
// function word such as the "pas" of "ne répond pas").
func (a *automaton) scan(buf []byte, hits []hit) []hit {
	st := int32(0)
	spaces := int32(0)
	for i := 0; i < len(buf); i++ {
		b := buf[i]
		if b == ' ' {
			spaces++
		}
		st = a.delta[st*alphabet+int32(symbols[b])]
		lo, hi := a.outStart[st], a.outStart[st+1]
		if lo == hi {
			continue
		}
		mark := len(hits)
		for _, id := range a.outs[lo:hi] {
			p := a.pats[id]
			end := int32(i + 1)
			h := hit{pat: id, start: end - p.size + 1, end: end, last: spaces}
			if p.bounded {
				h.end--
				h.last--
			}
			h.first = h.last - p.ntok + 1
			hits = append(hits, h)
		}
		// Hits ending here may contain earlier (or same-place) shorter hits.
		for k := mark; k < len(hits); k++ {
			m := hits[k]
			for j := len(hits) - 1; j >= 0; j-- {
				h := &hits[j]
				if j != k && h.start >= m.start && h.end <= m.end && h.end-h.start < m.end-m.start {
					mg, hp := a.pats[m.pat].group, a.pats[h.pat]
					if mg == maskAll || mg == hp.group || hp.weak {
						h.dropped = true
					}
				}
				if h.end < m.start {
					break
				}
			}
		}
	}
	return hits
}
