package scenario

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/post"
)

// pctx is what the generator decided about the post being written.
type pctx struct {
	stream   int
	paris    int // Paris minute of day
	label    post.Label
	platform string
	pf       pform
	sym      symptom
	region   int  // the region the post belongs to; rNational when none
	clue     bool // the text or the geotag names the region
	role     int
	acct     *account
	// acctNational: the account has no region of its own
	acctNational bool
	per          person
	incStart     int // Paris minute the incident began, -1 if none
	lang         string
	casual       bool
	frSpace      bool // French spacing before ? ! :
}

// --- low-level writing ---------------------------------------------------

// w appends a fragment, separated by a space from what precedes.
func (g *gen) w(s string) {
	if s == "" {
		return
	}
	if n := len(g.t); n > 0 && g.t[n-1] != ' ' && g.t[n-1] != '\n' {
		g.t = append(g.t, ' ')
	}
	g.tpl(s)
}

// p appends a fragment glued to what precedes (punctuation).
func (g *gen) p(s string) { g.tpl(s) }

func (g *gen) num(n int) { g.t = strconv.AppendInt(g.t, int64(n), 10) }

// clock appends a Paris time of day: "9h", "9h05".
func (g *gen) clock(p int) {
	g.num(p / 60)
	g.t = append(g.t, 'h')
	if m := p % 60; m != 0 {
		g.t = append(g.t, byte('0'+m/10), byte('0'+m%10))
	}
}

// since returns minutes since the incident began (at least 3).
func (g *gen) since() int {
	c := &g.c
	if c.incStart < 0 || c.paris-c.incStart < 3 {
		return g.r.between(5, 50)
	}
	return c.paris - c.incStart
}

// tpl appends s, expanding the markers documented in fragments.go.
func (g *gen) tpl(s string) {
	c := &g.c
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b == '~' {
			g.link()
			continue
		}
		if b != 0xC2 || i+1 >= len(s) {
			g.t = append(g.t, b)
			continue
		}
		switch s[i+1] {
		case 0xA7: // §
			g.t = append(g.t, pick(&g.r, targets)...)
		case 0xA4: // ¤
			g.t = append(g.t, c.pf.subj...)
		case 0xA2: // ¢
			g.t = append(g.t, c.pf.obj...)
		case 0xA6: // ¦
			g.symptom(c.sym)
		case 0xA3: // £
			p := c.paris
			if g.r.chance(0.5) {
				p -= p % 5
			}
			g.clock(p)
		case 0xA8: // ¨
			if c.incStart >= 0 {
				g.clock(c.incStart)
			} else {
				g.clock(c.paris - c.paris%60)
			}
		case 0xA5: // ¥
			n := g.since()
			if n > 20 {
				n -= n % 5
			}
			g.num(n)
		case 0xA9: // ©
			g.t = append(g.t, c.per.class...)
		case 0xAE: // ®
			g.num(c.per.kids)
		case 0xAA: // ª
			if c.per.fem {
				g.t = append(g.t, 'e')
			}
		case 0xAC: // ¬
			g.t = append(g.t, subjects[c.per.subj].prep...)
		case 0xB1: // ±
			g.t = append(g.t, g.city()...)
		case 0xB5: // µ
			g.num(24 + int(mix64(uint64(c.per.subj)+uint64(len(c.per.last))*31)%12))
		case 0xB9: // ¹
			g.num(g.r.between(4, 22))
		case 0xAF: // ¯
			g.w(pick(&g.r, mediaWhens))
		case 0xB3: // ³
			if c.platform == "" {
				c.platform = post.PlatformVisio
			}
		default:
			g.t = append(g.t, b, s[i+1])
		}
		i++
	}
}

func (g *gen) symptom(s symptom) {
	i := 0
	switch g.c.pf.g {
	case 'f':
		i = 1
	case 'p':
		i = 2
	}
	g.tpl(s[i])
}

// city names a city of the post's region and marks the region as named.
func (g *gen) city() string {
	c := &g.c
	if c.region == rNational {
		c.region = wpick(&g.r, regionCum)
	}
	c.clue = true
	return pick(&g.r, regions[c.region].cities)
}

const base62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"

// link appends a made-up link.
func (g *gen) link() {
	if n := len(g.t); n > 0 && g.t[n-1] != ' ' {
		g.t = append(g.t, ' ')
	}
	host := pick(&g.r, foreignHosts)
	g.t = append(g.t, host...)
	n := 10
	if host[len(host)-2] != 'o' || host[len(host)-3] != 'c' { // not t.co
		n = 8
		if host[8] == 'w' && g.r.chance(0.5) { // a newspaper: https://www.
			g.num(g.r.between(1000000, 9999999))
			g.t = append(g.t, '/')
		}
	}
	for range n {
		g.t = append(g.t, base62[g.r.intn(62)])
	}
}

// closer appends a closing word; punctuation closers replace a final period.
func (g *gen) closer(s string) {
	if s == "" {
		return
	}
	if s[0] == '.' || s[0] == '!' {
		for n := len(g.t); n > 0 && (g.t[n-1] == '.' || g.t[n-1] == ' '); n = len(g.t) {
			g.t = g.t[:n-1]
		}
		g.p(s)
		return
	}
	g.w(s)
}

// end closes a sentence, according to the author's style.
func (g *gen) end() {
	n := len(g.t)
	if n == 0 {
		return
	}
	last := g.t[n-1]
	if last == '.' || last == '!' || last == '?' || last == ':' || last == ',' || last >= 0x80 || last == ')' {
		return
	}
	x := g.r.float()
	if g.c.casual {
		switch {
		case x < 0.45:
			g.t = append(g.t, ' ')
		case x < 0.7:
			g.t = append(g.t, ". "...)
		case x < 0.85:
			g.t = append(g.t, " !"...)
		default:
			g.t = append(g.t, "... "...)
		}
		return
	}
	switch {
	case x < 0.75:
		g.t = append(g.t, '.')
	case x < 0.95:
		g.t = append(g.t, " !"...)
	default:
		g.t = append(g.t, "..."...)
	}
}

// hashtags appends up to n hashtags drawn from the pools, never two from
// the same pool in one post (so never #ecolealamaison in two spellings).
func (g *gen) hashtags(n int, pools ...[]string) {
	for k := 0; k < n; k++ {
		pool := pools[g.r.intn(len(pools))]
		if g.usedPool(pool) {
			continue
		}
		g.w("#")
		g.t = append(g.t, pick(&g.r, pool)...)
	}
}

// usedPool reports whether a hashtag of pool was already written in this
// post, and records it.
func (g *gen) usedPool(pool []string) bool {
	for _, p := range g.pools {
		if &p[0] == &pool[0] {
			return true
		}
	}
	g.pools = append(g.pools, pool)
	return false
}

func (g *gen) tagCount() int {
	x := g.r.float()
	switch {
	case x < 0.28:
		return 0
	case x < 0.68:
		return 1
	case x < 0.9:
		return 2
	}
	return 3
}

func platformTags(platform string) []string {
	switch platform {
	case post.PlatformCNED:
		return tagsCNED
	case post.PlatformPronote:
		return tagsPronote
	case post.PlatformENT:
		return tagsENT
	}
	return tagsEcole
}

// --- platform forms ------------------------------------------------------

// choosePlatform sets the platform form of the post; ENT forms name the
// region (a clue) when the region has its own ENT and the dice say so.
func (g *gen) choosePlatform(platform string, named float64) {
	c := &g.c
	c.platform = platform
	switch platform {
	case post.PlatformCNED:
		c.pf = pick(&g.r, cnedForms)
	case post.PlatformPronote:
		c.pf = pick(&g.r, pronoteForms)
	case post.PlatformVisio:
		c.pf = pick(&g.r, visioForms)
	case post.PlatformENT:
		if c.region != rNational && regions[c.region].ents != nil && g.r.chance(named) {
			c.pf = pick(&g.r, regions[c.region].ents)
			c.clue = true
		} else {
			c.pf = pick(&g.r, entGeneric)
		}
	}
}

// --- outage reports ------------------------------------------------------

func (g *gen) outageFR() {
	c := &g.c
	r := &g.r
	c.sym = pick(r, symptoms)
	lead := ""
	if r.chance(0.06) {
		lead = pick(r, []string{"@CNED", "@education_gouv", "@jmblanquer", "@IndexEducation"})
		if c.platform == post.PlatformENT && c.region != rNational {
			lead = "@" + regions[c.region].insts[0].handle
		}
		g.w(lead)
	}
	if r.chance(0.08) {
		g.hashtags(1, platformTags(c.platform), tagsEcole)
	}
	v := r.intn(24)
	switch {
	case v < 5: // [opener] X symptom [since].
		if r.chance(0.45) {
			g.w(pick(r, outageOpeners))
		}
		g.w("¤ ¦")
		if r.chance(0.6) {
			g.w(pick(r, timeRefs))
		}
		if r.chance(0.12) {
			g.w("ici à ±")
		}
		g.end()
	case v < 9: // impossible de se connecter...
		if r.chance(0.35) {
			g.w(pick(r, outageOpeners))
		}
		g.w(pick(r, connectFails))
		if r.chance(0.5) {
			g.w(pick(r, timeRefs))
		}
		g.end()
	case v < 12: // a question
		if r.chance(0.2) {
			g.w(pick(r, []string{"question :", "petite question", "hello", "bonjour", "svp"}))
		}
		g.w(pick(r, outageQuestions))
	case v < 14: // the symptom alone
		if r.chance(0.3) {
			g.w(pick(r, outageOpeners))
		}
		g.w(pick(r, symptomPhrases))
		if r.chance(0.5) {
			g.w(pick(r, timeRefs))
		}
		g.end()
	case v < 15: // very short
		g.w("¤")
		g.w(pick(r, shortSymptoms))
		g.end()
	case v < 17: // sarcasm
		g.w("¤ qui ¦")
		if r.chance(0.5) {
			g.p(",")
		}
		g.w(pick(r, sarcasmTails))
		g.end()
	case v < 18: // how long
		g.w(pick(r, durationPhrases))
		g.end()
	case v < 19: // an error message
		g.w(pick(r, errorQuotes))
		g.w(pick(r, []string{"¢", "¢ depuis ¨", "en essayant de me connecter ¢", "¢, encore", "¢ et rien d'autre"}))
		g.end()
	default: // the author's own situation
		switch c.role {
		case roleTeacher:
			g.w(pick(r, teacherFrames))
		case roleParent:
			g.w(pick(r, parentFrames))
		case rolePupil:
			g.w(pick(r, pupilFrames))
		default:
			g.w("¤ ¦")
			g.w(pick(r, timeRefs))
		}
		g.end()
	}
	if r.chance(0.45) {
		g.w(pick(r, consequences[min(c.role, roleUnknown)]))
		g.end()
	}
	if r.chance(0.12) && (v < 15 || v >= 17) { // not after sarcasm
		g.w(pick(r, outageComplaintTails))
		g.end()
	}
	g.closer(pick(r, outageClosers))
	if r.chance(0.05) && lead == "" {
		g.w(pick(r, []string{"@CNED", "@education_gouv", "@jmblanquer"}))
	}
	g.hashtags(g.tagCount(), tagsEcole, platformTags(c.platform), tagsMisc, tagsEcole)
}

func (g *gen) outageInstitution() {
	c := &g.c
	r := &g.r
	g.w(pick(r, instAlerts))
	subj := c.pf
	switch c.platform {
	case post.PlatformCNED:
		subj = pick(r, officialCNED)
	case post.PlatformENT:
		if o := regions[c.region].official; o != "" && c.region != rNational {
			subj = pform{subj: o, g: 'm'}
			if o[0] == 'l' && o[1] == '\'' && o[2] == 'E' && o[3] == 'd' {
				subj.g = 'f'
			}
			c.clue = true
		}
	case post.PlatformPronote:
		subj = pform{subj: pick(r, []string{"Pronote", "PRONOTE", "l'accès à Pronote"}), g: 'm'}
	}
	c.pf = subj
	g.w("¤")
	gi := 0
	switch subj.g {
	case 'f':
		gi = 1
	case 'p':
		gi = 2
	}
	g.w(pick(r, instTroubles[gi]))
	if c.platform == post.PlatformCNED && r.chance(0.5) {
		g.w(pick(r, instCNEDCauses))
	} else {
		g.w(pick(r, instCauses))
	}
	g.p(".")
	g.w(pick(r, instActions))
	g.w(pick(r, instThanks))
	g.hashtags(r.between(1, 2), platformTags(c.platform), []string{"continuitépédagogique", "ContinuitéPédagogique"}, tagsEcole)
}

func (g *gen) outageMedia() {
	c := &g.c
	r := &g.r
	city := false
	switch c.platform {
	case post.PlatformCNED:
		c.pf = pick(r, []pform{{"le site du CNED", "sur le site du CNED", 'm'}, {"la plateforme « Ma classe à la maison »", "sur la plateforme « Ma classe à la maison »", 'f'},
			{"les classes virtuelles du CNED", "sur les classes virtuelles du CNED", 'p'}, {"le CNED", "sur le CNED", 'm'}, {"le Cned", "sur le Cned", 'm'}})
	case post.PlatformENT:
		if o := regions[c.region].official; o != "" && c.region != rNational && r.chance(0.8) {
			c.pf = pform{subj: o, obj: "sur " + o, g: 'm'}
			c.clue = true
		} else if c.region != rNational {
			c.pf = pform{"les ENT", "sur les ENT", 'p'}
			city = r.chance(0.5)
		}
	}
	c.sym = pick(r, mediaSymptoms)
	g.t = append(g.t, pick(r, mediaPrefixes)...)
	if city {
		g.w("±")
		g.p(" :")
	}
	g.w(pick(r, mediaHeadlines))
	g.link()
	g.hashtags(r.between(0, 2), platformTags(c.platform), tagsEcole)
}

func (g *gen) outageEN() {
	c := &g.c
	r := &g.r
	var subj string
	switch c.platform {
	case post.PlatformCNED:
		subj = pick(r, []string{"the CNED website", "France's CNED platform", "CNED", "Ma classe à la maison", "the CNED virtual classroom"})
	case post.PlatformPronote:
		subj = pick(r, []string{"Pronote", "Pronote", "the Pronote app"})
	case post.PlatformENT:
		subj = pick(r, []string{"the school ENT", "our regional ENT", "the ENT portal"})
	default:
		subj = pick(r, []string{"Zoom", "Teams", "the video class"})
	}
	g.w(pick(r, enOpeners))
	g.w(subj)
	g.w(pick(r, enSymptoms))
	g.w(pick(r, enTails))
	g.p(pick(r, []string{".", "!", "", " 🙄", " 😩"}))
	g.hashtags(g.tagCount(), tagsEcole, platformTags(c.platform))
}

func (g *gen) foreign(lines []string, tags []string) {
	g.w(pick(&g.r, lines))
	if g.r.chance(0.5) {
		g.link()
	}
	g.w("#")
	g.t = append(g.t, pick(&g.r, tags)...)
}

// --- complaints ----------------------------------------------------------

func (g *gen) complaintFR(platformChance float64) {
	c := &g.c
	r := &g.r
	if r.chance(0.08) {
		g.w(pick(r, complaintMentions))
	}
	g.w(pick(r, complaintPrefixes[min(c.role, roleUnknown)]))
	if c.platform != "" && r.chance(platformChance) {
		g.choosePlatform(c.platform, 0.5)
		g.w(pick(r, complaintPlatformClaims))
	} else {
		c.platform = ""
		g.w(pick(r, complaintClaims))
	}
	g.end()
	if r.chance(0.5) {
		g.w(pick(r, complaintClaims))
		g.end()
	}
	if r.chance(0.45) {
		g.w(pick(r, complaintDemands))
		g.end()
	}
	g.w(pick(r, complaintClosers))
	n := g.tagCount()
	if r.chance(0.5) {
		n++
	}
	g.hashtags(n, tagsBlame, tagsEcole, tagsMisc, tagsBlame)
}

// --- testimonies ---------------------------------------------------------

func (g *gen) testimonyFR(platformChance float64) {
	c := &g.c
	r := &g.r
	opener := pick(r, testimonyOpeners)
	if c.paris >= hm(13, 0) && opener == "bilan de la matinée :" {
		opener = "bilan de la journée :"
	}
	g.w(opener)
	lines := testimonyLines[min(c.role, roleUnknown)]
	if c.platform == "" && r.chance(platformChance) {
		c.platform = pick(r, []string{post.PlatformPronote, post.PlatformVisio, post.PlatformVisio, post.PlatformENT, post.PlatformCNED})
	}
	line := ""
	if c.platform != "" && !g.down(c.platform) {
		line = g.roleLine(testimonyPlatformLines[c.platform])
	}
	if line != "" {
		g.choosePlatform(c.platform, 0.5)
	} else {
		c.platform = ""
		line = pick(r, lines)
	}
	g.w(line)
	if r.chance(0.07) {
		g.w("ici à ±")
	}
	g.end()
	if r.chance(0.55) {
		if l := pick(r, lines); l != line {
			g.w(l)
			g.end()
		}
	}
	g.w(pick(r, testimonyFeelings))
	g.hashtags(g.tagCount(), tagsEcole, tagsMisc, tagsEcole)
}

// roleLine picks a line the author's role may write ("T|...", "*|..."),
// without its prefix; "" if none came up.
func (g *gen) roleLine(lines []string) string {
	want := byte('*')
	switch g.c.role {
	case roleParent:
		want = 'P'
	case roleTeacher:
		want = 'T'
	case rolePupil:
		want = 'E'
	}
	for range 6 {
		l := pick(&g.r, lines)
		if l[0] == want || l[0] == '*' {
			return l[2:]
		}
	}
	return ""
}

// down reports whether platform is failing for this post at its time.
func (g *gen) down(platform string) bool {
	c := &g.c
	switch platform {
	case post.PlatformCNED:
		return c.paris >= cnedStart && c.paris < cnedEnd
	case post.PlatformPronote:
		return c.paris >= pronoteStart && c.paris < pronoteEnd
	case post.PlatformENT:
		for i := range entIncidents {
			if entIncidents[i].region == c.region {
				for _, w := range entIncidents[i].windows {
					if c.paris >= w.from-10 && c.paris < w.to+10 {
						return true
					}
				}
			}
		}
	}
	return false
}

// --- other ---------------------------------------------------------------

func (g *gen) otherFR(platformChance float64) {
	c := &g.c
	r := &g.r
	if c.platform == "" && r.chance(platformChance) {
		c.platform = pick(r, []string{post.PlatformPronote, post.PlatformVisio, post.PlatformENT, post.PlatformCNED})
	}
	if c.platform != "" && c.role != roleInstitution {
		for range 4 {
			g.choosePlatform(c.platform, 0.5)
			if c.pf.g != 'p' {
				break
			}
		}
		if c.pf.g == 'p' {
			c.pf = pform{"le CNED", "sur le CNED", 'm'}
		}
		if c.role == roleMedia {
			g.t = append(g.t, pick(r, mediaPrefixes)...)
		}
		g.w(pick(r, otherPlatformLines))
		g.hashtags(g.tagCount(), tagsEcole, platformTags(c.platform), tagsMisc)
		return
	}
	c.platform = ""
	switch c.role {
	case roleMedia:
		g.t = append(g.t, pick(r, mediaPrefixes)...)
		g.w(pick(r, newsHeadlines))
		g.link()
		g.hashtags(r.between(0, 2), tagsEcole, tagsMisc)
		return
	case roleInstitution:
		g.w(pick(r, []string{"📢", "ℹ️", "[Continuité pédagogique]", "", "", "#ContinuitéPédagogique |"}))
		g.w(pick(r, officialInfos))
		g.hashtags(r.between(0, 2), tagsEcole, []string{"continuitépédagogique", "ContinuitéPédagogique"})
		return
	}
	switch v := r.intn(10); {
	case v < 4:
		g.w(pick(r, jokes))
	case v < 7:
		g.w(pick(r, tips))
	case v < 8:
		g.w(pick(r, adTexts))
	default:
		g.w(pick(r, linkIntros))
		g.w(pick(r, newsHeadlines))
		g.link()
	}
	g.hashtags(g.tagCount(), tagsEcole, tagsMisc, tagsEcole)
}

// --- polishing -----------------------------------------------------------

// polish fixes sentence starts, French or English spacing, and for casual
// authors sometimes drops accents or swaps two letters.
func (g *gen) polish() {
	c := &g.c
	r := &g.r
	t := g.t
	// spacing before ? ! : and double spaces
	out := g.tmp[:0]
	for i := 0; i < len(t); i++ {
		b := t[i]
		if b == ' ' {
			if len(out) == 0 || out[len(out)-1] == ' ' || out[len(out)-1] == '\n' {
				continue
			}
			if !c.frSpace && i+1 < len(t) && (t[i+1] == '?' || t[i+1] == '!' || t[i+1] == ':') {
				continue
			}
		}
		out = append(out, b)
	}
	for len(out) > 0 && out[len(out)-1] == ' ' {
		out = out[:len(out)-1]
	}
	// sentence starts
	start := true
	for i := 0; i < len(out); {
		b := out[i]
		if start {
			rr, n := utf8.DecodeRune(out[i:])
			switch {
			case b == '@' || b == '#' || unicode.IsDigit(rr):
				start = false
			case unicode.IsLetter(rr) && rr < 0x2000:
				g.setCase(out, i)
				start = false
			default:
				i += n
				continue
			}
		}
		if (b == '.' || b == '!' || b == '?') && i+1 < len(out) && out[i+1] == ' ' && (i == 0 || out[i-1] != '.') {
			start = true
		}
		if b == '\n' {
			start = true
		}
		i++
	}
	if c.casual && r.chance(0.12) {
		out = stripAccents(out)
	}
	if c.casual && r.chance(0.08) {
		swapTypo(out, r, c.pf.subj)
	}
	g.tmp = t[:0]
	g.t = out
}

// setCase upper-cases (or, for casual authors, lower-cases) the letter at
// out[i] if it starts a plain word.
func (g *gen) setCase(out []byte, i int) {
	rr, n := utf8.DecodeRune(out[i:])
	if !unicode.IsLetter(rr) {
		return
	}
	for j := i; j < len(out) && out[j] != ' '; j++ {
		if (out[j] == '.' || out[j] == ':') && j+1 < len(out) && out[j+1] >= 'a' && out[j+1] <= 'z' {
			return // a link or a domain name: leave it as written
		}
	}
	var to rune
	if g.c.casual {
		// only plain Capitalised words: keep CNED, NetO'Centre, Jean-Michel...
		for j := i + n; j < len(out) && out[j] != ' '; {
			r2, m := utf8.DecodeRune(out[j:])
			if unicode.IsUpper(r2) {
				return
			}
			j += m
		}
		to = unicode.ToLower(rr)
	} else {
		to = unicode.ToUpper(rr)
	}
	if to != rr && utf8.RuneLen(to) == n {
		utf8.EncodeRune(out[i:], to)
	}
}

// stripAccents removes the accents of the common French letters, in place.
func stripAccents(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); {
		c := b[i]
		if c == 0xC3 && i+1 < len(b) {
			var x byte
			switch b[i+1] {
			case 0xA0, 0xA2: // à â
				x = 'a'
			case 0xA7: // ç
				x = 'c'
			case 0xA8, 0xA9, 0xAA, 0xAB: // è é ê ë
				x = 'e'
			case 0xAE, 0xAF: // î ï
				x = 'i'
			case 0xB4: // ô
				x = 'o'
			case 0xB9, 0xBB: // ù û
				x = 'u'
			case 0x89: // É
				x = 'E'
			}
			if x != 0 {
				out = append(out, x)
				i += 2
				continue
			}
		}
		out = append(out, c)
		i++
	}
	return out
}

// swapTypo swaps two inner letters of one plain lower-case word (never a
// hashtag, mention, link or platform name).
func swapTypo(b []byte, r *rng, keep string) {
	seen := 0
	pos := -1
	for i := 0; i < len(b); {
		if b[i] < 'a' || b[i] > 'z' {
			i++
			continue
		}
		j := i
		for j < len(b) && b[j] >= 'a' && b[j] <= 'z' {
			j++
		}
		prev := byte(' ')
		if i > 0 {
			prev = b[i-1]
		}
		next := byte(' ')
		if j < len(b) {
			next = b[j]
		}
		if j-i >= 5 && j-i <= 10 && (prev == ' ' || prev == '\'') && (next == ' ' || next == ',' || next == '.') &&
			!protected(string(b[i:j]), keep) {
			seen++
			if r.intn(seen) == 0 {
				pos = i + 1 + r.intn(j-i-3)
			}
		}
		i = j
	}
	if pos > 0 {
		b[pos], b[pos+1] = b[pos+1], b[pos]
	}
}

// protected reports whether w must not get a typo: part of a platform name
// or of a tracked term.
func protected(w, keep string) bool {
	switch w {
	case "pronote", "classe", "virtuelle", "maison", "ecole", "occitanie", "normandie", "connecte", "numerique":
		return true
	}
	return strings.Contains(keep, w)
}
