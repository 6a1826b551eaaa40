package classify

import (
	"strings"

	"github.com/vigie-edu/vigie/post"
)

// regionClue is a region found in one field, with the evidence for it.
type regionClue struct {
	region, evidence string
}

// region decides the region of p, in order of trust: the explicit place,
// a regional ENT or académie named in the text, the profile location, a
// regional ENT or académie named in the bio or name. Within one field,
// clues that disagree cancel each other: a wrong region is worse than none.
func (c *Classifier) region(s *scratch, p *post.Post, role string, text, bio regionClue, t *tally) (region, source string) {
	if r := c.placeRegion(s, p.Place, true, t); r != "" {
		return r, "place"
	}
	if text.region != "" {
		t.addEvidence(text.evidence)
		return text.region, "text"
	}
	var loc tally // evidence kept apart until the location is trusted
	if r := c.placeRegion(s, p.AuthorLocation, false, &loc); r != "" && !c.nationalAccount(s, p, role, r, bio) {
		for _, e := range loc.evidence {
			t.addEvidence(e)
		}
		return r, "profile"
	}
	if bio.region != "" {
		t.addEvidence(bio.evidence)
		return bio.region, "profile"
	}
	return "", ""
}

// nationalAccount reports a media or institution account located in
// Paris whose name and bio say nothing of Paris or Île-de-France: the
// newsrooms and ministries of the whole country sit there, so "Paris"
// tells nothing about the region their posts are about.
func (c *Classifier) nationalAccount(s *scratch, p *post.Post, role, region string, bio regionClue) bool {
	if region != rIDF || (role != post.RoleMedia && role != post.RoleInstitution) || bio.region == rIDF {
		return false
	}
	if !containsWord(normalize(s.buf, p.AuthorLocation, nil, nil), " paris ") {
		return false
	}
	var discard tally
	return c.placeRegion(s, p.AuthorBio, false, &discard) != rIDF &&
		c.placeRegion(s, p.AuthorName, false, &discard) != rIDF
}

// containsWord reports whether the normalised text holds the normalised
// word (with its boundary spaces).
func containsWord(norm []byte, word string) bool {
	return strings.Contains(string(norm), word)
}

// placeRegion reads a place name or a profile location: cities,
// départements by name, number or postal code, regions, académies. It
// returns the region when every clue agrees (and adds the evidence to t),
// "" when there is none, a disagreement or a foreign place.
//
// A name hyphen-joined to another word is part of a longer name the
// gazetteer does not know ("Marne-la-Vallée" is not the Marne), and a
// number right after Paris, Lyon or Marseille is a district ("Paris 16").
func (c *Classifier) placeRegion(s *scratch, field string, isPlace bool, t *tally) string {
	if field == "" {
		return ""
	}
	s.buf = normalize(s.buf, field, &s.seps, nil)
	s.hits = c.places.ac.scan(s.buf, s.hits[:0])
	cues := c.places.cues
	joined := func(h *hit) bool {
		return int(h.last) < len(s.seps) && (s.seps[h.first-1]|s.seps[h.last])&sepHyphen != 0
	}
	// Words that end "Paris", "Lyon" or "Marseille" (hits come in order of end).
	s.arrondEnds = s.arrondEnds[:0]
	for i := range s.hits {
		if h := &s.hits[i]; !h.dropped && cues[h.pat].arrond {
			s.arrondEnds = append(s.arrondEnds, h.last)
		}
	}
	district := func(h *hit) bool { return within(s.arrondEnds, h.first-1, h.first-1) }
	region := ""
	agree := true
	consider := func(r string) {
		switch {
		case region == "":
			region = r
		case region != r:
			agree = false
		}
	}
	for i := range s.hits {
		h := &s.hits[i]
		if h.dropped {
			continue
		}
		switch cu := &cues[h.pat]; cu.place {
		case placeForeign:
			if !joined(h) {
				return ""
			}
		case placeName:
			if !joined(h) {
				consider(cu.value)
			}
		case placeNumber:
			if !district(h) {
				consider(cu.value)
			}
		}
	}
	postal := ""
	forEachToken(s.buf, func(tok []byte) {
		if r := c.postalRegion(tok); r != "" {
			consider(r)
			if postal == "" {
				postal = string(tok)
			}
		}
	})
	if region == "" || !agree {
		return ""
	}
	for i := range s.hits {
		h := &s.hits[i]
		cu := &cues[h.pat]
		if h.dropped || cu.value == "" || (cu.place == placeName && joined(h)) ||
			(cu.place == placeNumber && district(h)) {
			continue
		}
		if isPlace {
			t.addEvidence(cu.evPlace)
		} else {
			t.addEvidence(cu.evProfile)
		}
	}
	if postal != "" {
		if isPlace {
			t.addEvidence("region:place:" + postal)
		} else {
			t.addEvidence("region:profile:" + postal)
		}
	}
	return region
}

// postalRegion maps a five-digit French postal code to its region.
func (c *Classifier) postalRegion(tok []byte) string {
	if len(tok) != 5 {
		return ""
	}
	for _, b := range tok {
		if b < '0' || b > '9' {
			return ""
		}
	}
	switch {
	case tok[0] == '9' && tok[1] == '7':
		return c.deptRegion[string(tok[:3])]
	case tok[0] == '2' && tok[1] == '0': // Corsica: 200xx-201xx 2A, 202xx-206xx 2B
		if tok[2] <= '1' {
			return c.deptRegion["2a"]
		}
		return c.deptRegion["2b"]
	}
	return c.deptRegion[string(tok[:2])]
}

// forEachToken calls fn with every token of a normalised text.
func forEachToken(buf []byte, fn func(tok []byte)) {
	start := -1
	for i, b := range buf {
		switch {
		case b != ' ' && start < 0:
			start = i
		case b == ' ' && start >= 0:
			fn(buf[start:i])
			start = -1
		}
	}
	if start >= 0 {
		fn(buf[start:])
	}
}
