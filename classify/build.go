package classify

import (
	"fmt"
	"strings"

	"github.com/vigie-edu/vigie/post"
)

// cueKind says what a matched pattern is evidence of.
type cueKind uint8

const (
	kindOutage      cueKind = iota + 1 // a malfunction
	kindOutageVerb                     // works/loads/connects: a malfunction when negated
	kindRestored                       // works again (evidence only)
	kindAnger                          // blame, anger, scorn
	kindDemand                         // a demand (counts with a target)
	kindTarget                         // a person or institution to blame
	kindTestimony                      // one's own situation
	kindOwnNoun                        // family or class noun, testimony after a possessive
	kindPossessive                     // mes, ma, my...
	kindFirstPerson                    // je, moi, I...
	kindContext                        // remote schooling context
	kindNews                           // news, official statements, ads, tips
	kindPlatform                       // a platform of the contract
	kindRegion                         // ENT or académie named in text or bio: a region
	kindRoleProfile                    // role clue in bio, name or handle
	kindRoleName                       // role clue in name or handle only
	kindRoleText                       // role clue in the text
	kindSentiment                      // polarity only
	kindNegator                        // ne, pas, not...
	kindBreak                          // a conjunction: negation does not reach over it
	kindPlace                          // gazetteer entry (places automaton only)
	kindOutageMask                     // hides the outage cues inside it, counts nothing
	kindQuery                          // asks for information: the question is not rhetorical
	kindWorks                          // a platform works (after its name)
)

// cue is what a pattern means. Pattern i of an automaton has cue i.
type cue struct {
	kind      cueKind
	w         float32 // evidence weight (label, platform, role)
	sent      float32 // sentiment polarity
	value     string  // platform, region code
	role      string  // role, for role cues and own-nouns
	roleW     float32 // role weight of an own-noun
	negatable bool    // a negator before it cancels it (flips its sentiment)
	before    bool    // negator: negates what follows
	after     bool    // negator: negates a verb just before it
	place     placeClass
	arrond    bool   // a city with numbered districts
	display   string // human name of a place, ENT or académie
	normWords string // the pattern as written in the tables

	// Evidence shown to journalists ("outage:plante"), and the evidence of
	// the same cue by where it was found.
	evidence                                  string
	evText, evProfile, evPlace, evBio, evName string
}

// placeClass is the kind of a gazetteer entry.
type placeClass uint8

const (
	placeName      placeClass = iota + 1 // a named place with a region
	placeNumber                          // a département number
	placeAmbiguous                       // hides its parts, gives nothing
	placeForeign                         // vetoes the field
)

// lexicon is a compiled cue list.
type lexicon struct {
	ac   *automaton
	cues []cue
}

func (l *lexicon) add(pat string, c cue) {
	c.normWords = pat
	l.cues = append(l.cues, c)
}

func (l *lexicon) compile(what string) error {
	pats := make([]string, len(l.cues))
	groups := make([]uint8, len(l.cues))
	weak := make([]bool, len(l.cues))
	for i, c := range l.cues {
		pats[i] = c.normWords
		groups[i], weak[i] = maskPolicy(c.kind)
	}
	ac, err := newAutomaton(pats, groups, weak)
	if err != nil {
		return fmt.Errorf("compile %s lexicon: %w", what, err)
	}
	l.ac = ac
	return nil
}

// Masking groups (maskAll, 0, is for names).
const (
	groupOutage uint8 = iota + 1
	groupComplaint
	groupTestimony
	groupNews
	groupRoleProfile
	groupRoleName
	groupFunction
)

// maskPolicy says which hits a hit of this kind hides (see automaton.scan):
// names hide everything inside them; phrases hide shorter cues of their own
// group; function words and weak cues are hidden by any longer hit.
func maskPolicy(k cueKind) (group uint8, weak bool) {
	switch k {
	case kindPlatform, kindRegion, kindPlace:
		return maskAll, false
	case kindOutage, kindOutageVerb, kindRestored, kindOutageMask:
		return groupOutage, false
	case kindAnger, kindDemand, kindTarget:
		return groupComplaint, false
	case kindTestimony, kindOwnNoun, kindRoleText:
		return groupTestimony, false
	case kindNews:
		return groupNews, false
	case kindRoleProfile:
		return groupRoleProfile, false
	case kindRoleName:
		return groupRoleName, false
	default: // negators, conjunctions, possessives, first person, context, sentiment
		return groupFunction, true
	}
}

// display is the human form of a pattern, for evidence strings.
func display(pat string) string { return strings.TrimSuffix(pat, "*") }

// buildText compiles every cue that is searched in free text, bio and names.
func buildText() (*lexicon, error) {
	l := &lexicon{}
	// negatable reports whether a cue can be negated: not when the phrase
	// carries its own negation ("ne repond pas", "pas normal", "can't log in").
	negatable := func(pat string) bool {
		n := string(normalize(nil, strings.TrimSuffix(pat, "*"), nil, nil))
		for _, neg := range negators {
			if strings.Contains(n, string(normalize(nil, neg.pat, nil, nil))) {
				return false
			}
		}
		return true
	}
	addW := func(list []w, kind cueKind, prefix string, canNegate bool) {
		for _, c := range list {
			l.add(c.pat, cue{kind: kind, w: c.w, sent: c.sent, evidence: prefix + display(c.pat),
				negatable: canNegate && negatable(c.pat)})
		}
	}
	addW(outageCues, kindOutage, "outage:", true)
	addW(outageVerbs, kindOutageVerb, "outage:not-", false)
	for _, h := range outageHashtags {
		l.add(h.pat, cue{kind: kindOutage, w: 1, sent: -1, evidence: "outage:#" + h.pat})
		l.add(h.pat, cue{kind: kindPlatform, w: 1, value: h.platform})
	}
	for _, m := range outageMasks {
		l.add(m, cue{kind: kindOutageMask})
	}
	addW(restoredCues, kindRestored, "restored:", false)
	addW(angerCues, kindAnger, "complaint:", true)
	addW(demandCues, kindDemand, "demand:", false)
	addW(targetCues, kindTarget, "target:", false)
	addW(testimonyCues, kindTestimony, "testimony:", false)
	addW(newsCues, kindNews, "news:", false)
	addW(sentimentWords, kindSentiment, "", true)
	for _, n := range ownNouns {
		l.add(n.pat, cue{kind: kindOwnNoun, w: n.w, role: n.role, roleW: n.roleW,
			evidence: "testimony:own-" + display(n.pat), evText: "role:text:own-" + display(n.pat)})
	}
	for _, p := range possessives {
		l.add(p, cue{kind: kindPossessive, w: 0.35})
	}
	for _, p := range firstPerson {
		l.add(p, cue{kind: kindFirstPerson, w: 0.35})
	}
	for _, p := range queryCues {
		l.add(p, cue{kind: kindQuery})
	}
	for _, p := range worksCues {
		l.add(p, cue{kind: kindWorks})
	}
	for _, p := range contextCues {
		l.add(p, cue{kind: kindContext, w: 0.2})
	}
	for _, n := range negators {
		l.add(n.pat, cue{kind: kindNegator, before: n.before, after: n.after})
	}
	for _, p := range clauseWords {
		l.add(p, cue{kind: kindBreak})
	}
	for _, p := range platformCues {
		ev := "platform:" + p.platform + ":" + display(p.pat)
		if display(p.pat) == p.platform {
			ev = "" // "platform:pronote" is added when the platform is decided
		}
		l.add(p.pat, cue{kind: kindPlatform, w: p.w, value: p.platform, evidence: ev})
	}
	for _, e := range entNames {
		for _, p := range e.pats {
			l.add(p, cue{kind: kindPlatform, w: 1, value: post.PlatformENT, evidence: "platform:ent:" + e.name})
			l.add(p, regionCue(e.region, e.name))
		}
	}
	for _, r := range regionNames {
		for _, n := range r.names {
			for _, p := range regionalENTPatterns(n) {
				l.add(p, cue{kind: kindPlatform, w: 1, value: post.PlatformENT, evidence: "platform:ent:ENT " + n})
				l.add(p, regionCue(r.region, "ENT "+n))
			}
		}
	}
	for _, d := range departements {
		if d.region == rGUA || d.region == rMTQ || d.region == rGUF || d.region == rREU || d.region == rMYT {
			for _, p := range regionalENTPatterns(d.name) {
				l.add(p, cue{kind: kindPlatform, w: 1, value: post.PlatformENT, evidence: "platform:ent:ENT " + d.name})
				l.add(p, regionCue(d.region, "ENT "+d.name))
			}
		}
	}
	for _, a := range regionalENTAdjectives {
		for _, p := range []string{"ENT " + a.adjective, "ENT " + a.adjective + "s"} {
			l.add(p, cue{kind: kindPlatform, w: 1, value: post.PlatformENT, evidence: "platform:ent:ENT " + a.adjective})
			l.add(p, regionCue(a.region, "ENT "+a.adjective))
		}
	}
	for _, a := range academies {
		for _, p := range academyPatterns(a.names) {
			l.add(p, regionCue(a.region, academyName(a.name)))
		}
	}
	for _, r := range profileRoles {
		l.add(r.pat, cue{kind: kindRoleProfile, w: r.w, role: r.role,
			evBio: "role:bio:" + display(r.pat), evName: "role:name:" + display(r.pat)})
	}
	for _, r := range nameRoles {
		l.add(r.pat, cue{kind: kindRoleName, w: r.w, role: r.role, evName: "role:name:" + display(r.pat)})
	}
	for _, r := range textRoles {
		l.add(r.pat, cue{kind: kindRoleText, w: r.w, role: r.role, evText: "role:text:" + display(r.pat)})
	}
	if err := l.compile("text"); err != nil {
		return nil, err
	}
	return l, nil
}

// regionCue is a regional ENT or académie named in text or bio.
func regionCue(region, name string) cue {
	return cue{kind: kindRegion, value: region, display: name,
		evText: "region:text:" + name, evProfile: "region:profile:" + name}
}

// placeCue is a gazetteer entry.
func placeCue(class placeClass, region, name string) cue {
	return cue{kind: kindPlace, place: class, value: region, display: name,
		evPlace: "region:place:" + name, evProfile: "region:profile:" + name}
}

// regionalENTPatterns spells "the ENT of region X".
func regionalENTPatterns(region string) []string {
	out := []string{"ENT " + region, "MonENT " + region}
	for _, link := range []string{"de", "des", "du", "de la", "de la région", "région"} {
		out = append(out, "ENT "+link+" "+region)
	}
	return out
}

// academyName is "académie de Lille", "académie d'Amiens".
func academyName(name string) string {
	n := normalize(nil, name, nil, nil)
	if len(n) > 1 && strings.IndexByte("aeiouy", n[1]) >= 0 {
		return "académie d'" + name
	}
	return "académie de " + name
}

// academyPatterns spells "académie de X" the ways people write it:
// "académie de Lille", "académie d'Amiens", "rectorat de Lille", "ac-lille".
func academyPatterns(names []string) []string {
	var out []string
	for _, n := range names {
		for _, head := range []string{"académie", "academy", "rectorat", "région académique"} {
			out = append(out, head+" de "+n, head+" d'"+n)
		}
		out = append(out, "ac-"+n, "ac "+n)
	}
	return out
}

// buildPlaces compiles the gazetteer for the Place field and the profile
// location.
func buildPlaces() (*lexicon, map[string]string, error) {
	l := &lexicon{}
	deptRegion := make(map[string]string, len(departements))
	for _, d := range departements {
		if !post.IsRegion(d.region) {
			return nil, nil, fmt.Errorf("département %s: unknown region %q", d.code, d.region)
		}
		code := strings.ToLower(d.code)
		if _, dup := deptRegion[code]; dup {
			return nil, nil, fmt.Errorf("département %s listed twice", d.code)
		}
		deptRegion[code] = d.region
		l.add(d.code, placeCue(placeNumber, d.region, d.code))
		if d.code != "86" { // "Vienne" alone is ambiguous (see ambiguousPlaces)
			l.add(d.name, placeCue(placeName, d.region, d.name))
		}
		for _, a := range d.alt {
			l.add(a, placeCue(placeName, d.region, a))
		}
	}
	if len(deptRegion) != 101 {
		return nil, nil, fmt.Errorf("gazetteer has %d départements, want 101", len(deptRegion))
	}
	for _, r := range regionNames {
		for _, n := range r.names {
			l.add(n, placeCue(placeName, r.region, n))
		}
	}
	arrond := map[string]bool{}
	for _, c := range arrondissementCities {
		arrond[c] = true
	}
	for _, c := range cities {
		region, ok := deptRegion[strings.ToLower(c.dept)]
		if !ok {
			return nil, nil, fmt.Errorf("city %s: unknown département %q", c.name, c.dept)
		}
		for _, v := range saintVariants(c.name) {
			pc := placeCue(placeName, region, c.name)
			pc.arrond = arrond[c.name]
			l.add(v, pc)
		}
	}
	for _, a := range academies {
		if !post.IsRegion(a.region) {
			return nil, nil, fmt.Errorf("académie %s: unknown region %q", a.name, a.region)
		}
		for _, p := range academyPatterns(a.names) {
			l.add(p, placeCue(placeName, a.region, academyName(a.name)))
		}
	}
	for _, e := range entNames {
		if !post.IsRegion(e.region) {
			return nil, nil, fmt.Errorf("ENT %s: unknown region %q", e.name, e.region)
		}
	}
	for _, a := range ambiguousPlaces {
		for _, v := range saintVariants(a) {
			l.add(v, placeCue(placeAmbiguous, "", a))
		}
	}
	for _, f := range foreignPlaces {
		for _, v := range saintVariants(f) {
			l.add(v, placeCue(placeForeign, "", f))
		}
	}
	if err := l.compile("places"); err != nil {
		return nil, nil, err
	}
	return l, deptRegion, nil
}

// saintVariants adds the "St-"/"Ste-" spellings of a saint's name.
func saintVariants(name string) []string {
	out := []string{name}
	switch {
	case strings.HasPrefix(name, "Saint-"):
		out = append(out, "St-"+strings.TrimPrefix(name, "Saint-"))
	case strings.HasPrefix(name, "Sainte-"):
		out = append(out, "Ste-"+strings.TrimPrefix(name, "Sainte-"))
	}
	if i := strings.Index(name, "-Saint-"); i > 0 {
		out = append(out, name[:i]+"-St-"+name[i+len("-Saint-"):])
	}
	return out
}
