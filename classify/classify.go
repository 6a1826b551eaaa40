package classify

import (
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/pemistahl/lingua-go"

	"github.com/vigie-edu/vigie/classify/labelmodel"
	"github.com/vigie-edu/vigie/post"
)

// Version is stored with every post classified with the default
// configuration (rules and the trained label model); bump it whenever
// rules, data or the model change.
const Version = "rules+lr-v0.3.0"

// RulesVersion is stored with posts classified by the rules alone
// (Config.RulesOnly).
const RulesVersion = "rules-v0.2.1"

// Tuning constants of the rules (version 0; see cues.go for the weights).
const (
	// labelThreshold is the evidence a label needs (score 1-e^-0.7 ≈ 0.50).
	labelThreshold = 0.7
	// platformThreshold is the evidence a platform needs.
	platformThreshold = 0.5
	// roleThreshold is the evidence a role needs.
	roleThreshold = 0.8
	// platformBoost is added to malfunction evidence when a platform is named.
	platformBoost = 0.3
	// targetBoost scales the target weight added to anger or demands.
	targetBoost = 0.4
	// angryEmojiWeight is the anger evidence of one angry emoji.
	angryEmojiWeight = 0.3
	// deadEmojiWeight is the malfunction evidence of 💀 or 💥 (once).
	deadEmojiWeight = 0.45
	// firstPersonCap and contextCap bound the weak testimony evidence.
	firstPersonCap = 0.5
	contextCap     = 0.4
	// rhetoricalWeight is the anger evidence of a question asked while
	// naming a target ("Qui a validé ça ?"), unless it asks for information.
	rhetoricalWeight = 0.3
	// rhetoricalTarget is the target weight a rhetorical question needs.
	rhetoricalTarget = 0.8
	// worksWindow is how many words after a platform's name a "works" cue
	// may stand ("Pronote ok", "l'ENT fonctionne").
	worksWindow = 2
	// newsDamping scales testimony of news-like posts and of media and
	// institution accounts.
	newsDamping = 0.5
	// negationWindow is how many words before a cue a negator may stand.
	negationWindow = 3
	// sentimentAlpha normalises summed polarity into [-1, 1]: s/sqrt(s²+α).
	sentimentAlpha = 4
	// maxEvidence bounds the evidence list of one post.
	maxEvidence = 24
	// maxLinguaRunes is how much of the text lingua sees.
	maxLinguaRunes = 300
	// defaultMinLangConfidence is the default of Config.MinLangConfidence.
	// lingua's confidences are a softmax over the configured languages:
	// with 8 languages a short French sentence often scores 0.45-0.7.
	defaultMinLangConfidence = 0.4
	// minLangLetters: below this many letters lingua is not asked.
	minLangLetters = 5
)

// defaultLanguages is the default Config.Languages.
func defaultLanguages() []string { return []string{"fr", "en", "es", "de", "it", "pt", "nl", "ar"} }

// defaultTrustedLangSources is the default Config.TrustedLangSources.
func defaultTrustedLangSources() []string { return []string{post.SourceX} }

// Config configures a Classifier.
type Config struct {
	// Languages to detect (ISO 639-1); nil => a default set: fr en es de it
	// pt nl ar (keep it small: speed and memory).
	Languages []string
	// MinLangConfidence below which Language is "" (unknown); 0 => a
	// sensible default (0.4).
	MinLangConfidence float64
	// HighAccuracy runs lingua in its high-accuracy mode (1- to 5-gram
	// models): about half the speed and +150 MB of heap for the 8 default
	// languages. The default low-accuracy mode (trigrams) got 449 of the
	// 450 gold posts right, high accuracy 448 (classify.TestLinguaModes).
	HighAccuracy bool
	// TrustedLangSources lists the post sources (post.Source*) whose own
	// language tag is taken as is when it names a configured language:
	// lingua is not run and LangSource is "source". nil => the default,
	// X only: X tags every post with its own detector, while Mastodon and
	// Bluesky tags are the author's client setting (often the UI
	// language). An empty non-nil slice trusts no source.
	TrustedLangSources []string
	// RulesOnly decides labels by the hand-written rules alone, without the
	// trained label model (version RulesVersion). It is how the model is
	// trained (the rules' scores are among its inputs) and compared.
	RulesOnly bool
	// LabelModel replaces the embedded label model (nil => embedded).
	LabelModel *labelmodel.Model
}

// Validate reports the first problem of the configuration.
func (c Config) Validate() error {
	_, err := c.languages()
	if err != nil {
		return err
	}
	if math.IsNaN(c.MinLangConfidence) || c.MinLangConfidence < 0 || c.MinLangConfidence > 1 {
		return fmt.Errorf("classify: config: MinLangConfidence %v outside [0, 1]", c.MinLangConfidence)
	}
	return nil
}

// languages resolves the configured ISO 639-1 codes to lingua languages.
func (c Config) languages() ([]lingua.Language, error) {
	codes := c.Languages
	if codes == nil {
		codes = defaultLanguages()
	}
	// lingua refuses (panics on) fewer than two languages.
	if len(codes) < 2 {
		return nil, fmt.Errorf("classify: config: need at least 2 languages, got %d", len(codes))
	}
	seen := make(map[lingua.Language]bool, len(codes))
	out := make([]lingua.Language, 0, len(codes))
	for _, code := range codes {
		iso := lingua.GetIsoCode639_1FromValue(strings.TrimSpace(code))
		lang := lingua.GetLanguageFromIsoCode639_1(iso)
		if iso == lingua.UnknownIsoCode639_1 || lang == lingua.Unknown {
			return nil, fmt.Errorf("classify: config: unknown language code %q (want ISO 639-1, e.g. \"fr\")", code)
		}
		if seen[lang] {
			return nil, fmt.Errorf("classify: config: language %q listed twice", code)
		}
		seen[lang] = true
		out = append(out, lang)
	}
	return out, nil
}

// Classifier labels posts. It is safe for concurrent use; build one per
// process with New (building preloads the language models, ~1 s).
type Classifier struct {
	det        lingua.LanguageDetector
	isoOf      map[lingua.Language]string // detected language -> ISO 639-1
	inSet      map[string]bool            // configured ISO 639-1 codes
	minConf    float64
	trusted    []string          // sources whose language tag is taken as is
	model      *labelmodel.Model // trained label model; nil => rules only
	version    string            // stamped on every output
	text       *lexicon          // cues searched in text, bio and names
	places     *lexicon          // gazetteer for Place and profile location
	deptRegion map[string]string // département code ("59", "2a", "974") -> region
	pool       sync.Pool         // *scratch
}

// New validates cfg, compiles the cue lists and the gazetteer, and builds
// the lingua detector with its models preloaded.
func New(cfg Config) (*Classifier, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	langs, err := cfg.languages()
	if err != nil {
		return nil, err
	}
	c := &Classifier{
		isoOf:   make(map[lingua.Language]string, len(langs)),
		inSet:   make(map[string]bool, len(langs)),
		minConf: cfg.MinLangConfidence,
	}
	if c.minConf == 0 {
		c.minConf = defaultMinLangConfidence
	}
	for _, l := range langs {
		iso := strings.ToLower(l.IsoCode639_1().String())
		c.isoOf[l] = iso
		c.inSet[iso] = true
	}
	if c.text, err = buildText(); err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	if c.places, c.deptRegion, err = buildPlaces(); err != nil {
		return nil, fmt.Errorf("classify: %w", err)
	}
	c.version = Version
	switch {
	case cfg.RulesOnly:
		c.version = RulesVersion
	case cfg.LabelModel != nil:
		c.model = cfg.LabelModel
	default:
		if c.model, err = embeddedModel(); err != nil {
			return nil, fmt.Errorf("classify: %w", err)
		}
	}
	if c.model != nil && (c.model.Classes() != len(post.Labels) || c.model.Dense() != denseFeatures) {
		return nil, fmt.Errorf("classify: label model has %d classes and %d dense features, want %d and %d",
			c.model.Classes(), c.model.Dense(), len(post.Labels), denseFeatures)
	}
	c.trusted = cfg.TrustedLangSources
	if c.trusted == nil {
		c.trusted = defaultTrustedLangSources()
	}
	b := lingua.NewLanguageDetectorBuilder().
		FromLanguages(langs...).
		WithPreloadedLanguageModels()
	if !cfg.HighAccuracy {
		b = b.WithLowAccuracyMode()
	}
	c.det = b.Build()
	c.pool.New = func() any { return new(scratch) }
	return c, nil
}

// scratch holds the reusable buffers of one classification.
type scratch struct {
	buf        []byte  // normalised text
	seps       []uint8 // separator flags of the normalised text (see normalize)
	breaks     []int32 // tokens that start a clause
	hits       []hit   // pattern occurrences
	negBefore  []int32 // last word of negators that negate what follows
	negAfter   []int32 // first word of negators that negate a verb before them
	possessive []int32 // last word of possessives
	arrondEnds []int32 // last word of Paris, Lyon, Marseille in a place field
	platHits   []platHit
	works      []int32 // first word of "works" cues that are not negated
	lingua     []byte  // text given to lingua
	model      labelmodel.Input
	text       []byte // normalised text (s.buf is reused for the profile)
	probs      [len(post.Labels)]float32
}

// platHit is one mention of a platform in the text.
type platHit struct {
	platform    int // index in post.Platforms
	first, last int32
}

// maxPooledBytes keeps a huge post from pinning its buffers in the pool
// (post.MaxTextBytes is 64 KB).
const maxPooledBytes = 128 << 10

func (c *Classifier) getScratch() *scratch { return c.pool.Get().(*scratch) }

func (c *Classifier) putScratch(s *scratch) {
	if cap(s.buf) > maxPooledBytes || cap(s.hits) > maxPooledBytes/8 {
		return
	}
	c.pool.Put(s)
}

// Classify decides everything about one post. It never panics: a bug in
// the rules yields the label "other" with the evidence "error:internal".
func (c *Classifier) Classify(p post.Post, now time.Time) (out post.Classified) {
	defer func() {
		if r := recover(); r != nil {
			out = post.Classified{
				Post: p, Label: post.LabelOther, Scores: post.Scores{Other: 1},
				Evidence: []string{"error:internal"}, Role: post.RoleUnknown,
				LangSource: "lingua", Classifier: c.version, ClassifiedAt: now,
			}
		}
	}()
	return c.classify(p, now)
}

// tally accumulates the evidence of one post.
type tally struct {
	// label evidence, in cue weight units
	outage, anger, demand, target float32
	testimony, firstPerson        float32
	context, news                 float32
	// summed polarity of the cues
	sent float32
	// platform evidence, and the word where each platform is first named
	platform   [len(post.Platforms)]float32
	platformAt [len(post.Platforms)]int32
	// role evidence: totals, the field being read, the first clue of each
	roles, fieldRoles [len(post.Roles)]float32
	roleEv            [len(post.Roles)]string
	evidence          []string
	// query: the text asks for information (its questions are not rhetorical)
	query bool
	// okayed[k]: every mention of platform k is followed by a "works" cue
	okayed [len(post.Platforms)]bool
}

func (t *tally) addEvidence(e string) {
	if e == "" || len(t.evidence) >= maxEvidence || slices.Contains(t.evidence, e) {
		return
	}
	t.evidence = append(t.evidence, e)
}

// addRole notes a role clue of the field being read. Within one field a
// role counts its strongest clue ("prof de 4e et 3e" is a teacher, not
// three pupil clues); fields add up (endRoleField).
func (t *tally) addRole(role string, w float32, ev string) {
	i := slices.Index(post.Roles[:], role)
	if i < 0 || role == post.RoleUnknown {
		return
	}
	if w > t.fieldRoles[i] {
		t.fieldRoles[i] = w
	}
	if t.roleEv[i] == "" {
		t.roleEv[i] = ev
	}
}

// endRoleField adds the role clues of a field to the totals.
func (t *tally) endRoleField() {
	for i, w := range t.fieldRoles {
		t.roles[i] += w
		t.fieldRoles[i] = 0
	}
}

// unescape decodes the HTML entities a source left in a text.
func unescape(text string) string {
	if strings.IndexByte(text, '&') >= 0 {
		return html.UnescapeString(text)
	}
	return text
}

func (c *Classifier) classify(p post.Post, now time.Time) post.Classified {
	s := c.getScratch()
	defer c.putScratch(s)
	out := post.Classified{Post: p, Classifier: c.version, ClassifiedAt: now}
	text := unescape(p.Text)
	letters := c.rules(s, &p, text, &out)
	out.Language, out.LangConfidence, out.LangSource = c.language(s, text, p.Lang, slices.Contains(c.trusted, p.Source), letters)
	return out
}

// rules fills everything but the language: label, scores, evidence,
// platform, region, role, sentiment. It returns the number of letters of
// the text.
func (c *Classifier) rules(s *scratch, p *post.Post, text string, out *post.Classified) (letters int) {
	var ns normStats
	var t tally
	s.buf = slices.Grow(s.buf[:0], len(text)+2)
	s.seps = slices.Grow(s.seps[:0], len(text)/4+2)
	s.buf = normalize(s.buf, text, &s.seps, &ns)
	s.hits = c.text.ac.scan(s.buf, s.hits[:0])
	textRegion := c.scoreText(s, &t)
	t.endRoleField()
	s.model.IDs = labelmodel.AppendText(s.model.IDs[:0], s.buf)
	s.text = append(s.text[:0], s.buf...)

	// Profile: roles from bio, display name and handle; a regional ENT or
	// an académie named there is a last-resort region clue.
	var bioRegion regionClue
	for _, f := range [...]struct {
		text string
		name bool
	}{{p.AuthorBio, false}, {p.AuthorName, true}, {p.Author, true}} {
		if f.text == "" {
			continue
		}
		r, ev := c.scoreProfile(s, f.text, f.name, &t)
		if !f.name {
			s.model.IDs = labelmodel.AppendField(s.model.IDs, s.buf)
		}
		if f.text == p.Author {
			handleRoles(f.text, &t)
		}
		t.endRoleField()
		if bioRegion.region == "" && r != "" {
			bioRegion = regionClue{r, ev}
		}
	}
	out.Role = decideRole(&t)

	// Label: the first of outage, complaint, testimony with enough
	// evidence, else other.
	plat, platScore := t.bestPlatform(false)
	oRaw := t.outage
	if ns.deadEmoj > 0 { // "pronote 💀"
		oRaw += deadEmojiWeight
	}
	if oRaw > 0 && platScore >= platformThreshold {
		oRaw += platformBoost
	}
	cRaw := t.anger + angryEmojiWeight*float32(ns.angryEmoj)
	if ns.questions > 0 && !t.query && t.target >= rhetoricalTarget {
		cRaw += rhetoricalWeight
		t.addEvidence("complaint:rhetorical-question")
	}
	if t.target > 0 && (cRaw > 0 || t.demand > 0) {
		cRaw += t.demand + targetBoost*t.target
	}
	ctx := t.context
	if platScore >= platformThreshold {
		ctx += 0.2
	}
	tRaw := t.testimony + min(t.firstPerson, firstPersonCap) + min(ctx, contextCap)
	if t.news >= 0.6 || out.Role == post.RoleMedia || out.Role == post.RoleInstitution {
		tRaw *= newsDamping
	}
	out.Scores = post.Scores{Outage: sat(oRaw), Complaint: sat(cRaw), Testimony: sat(tRaw)}
	top := max(out.Scores.Outage, out.Scores.Complaint, out.Scores.Testimony)
	out.Scores.Other = min(1, max(1-top, sat(t.news)))
	switch {
	case oRaw >= labelThreshold:
		out.Label = post.LabelOutage
	case cRaw >= labelThreshold:
		out.Label = post.LabelComplaint
	case tRaw >= labelThreshold:
		out.Label = post.LabelTestimony
	default:
		out.Label = post.LabelOther
	}
	s.model.Dense = appendDense(s.model.Dense[:0], out, platScore >= platformThreshold, &t, &ns)
	if c.model != nil {
		c.decideByModel(s, out, &t)
	}

	if out.Label == post.LabelOutage {
		// the platform reported failing, not one said to work
		plat, platScore = t.bestPlatform(true)
	}
	if platScore >= platformThreshold {
		out.Platform = plat
		t.addEvidence(platformEvidence(plat))
	}

	// Region, in order of trust: place, text, profile location, bio.
	out.Region, out.RegionSource = c.region(s, p, out.Role, textRegion, bioRegion, &t)

	if out.Role != post.RoleUnknown {
		t.addEvidence(t.roleEv[slices.Index(post.Roles[:], out.Role)])
	}
	total := t.sent + ns.emojiSent
	out.Sentiment = float32(float64(total) / math.Sqrt(float64(total)*float64(total)+sentimentAlpha))
	out.Evidence = t.evidence
	return ns.letters
}

// platformEvidence is the evidence of a decided platform.
func platformEvidence(platform string) string {
	switch platform {
	case post.PlatformPronote:
		return "platform:" + post.PlatformPronote
	case post.PlatformENT:
		return "platform:" + post.PlatformENT
	case post.PlatformCNED:
		return "platform:" + post.PlatformCNED
	case post.PlatformVisio:
		return "platform:" + post.PlatformVisio
	}
	return ""
}

// sat maps evidence (≥ 0) to a score in [0, 1).
func sat(x float32) float32 {
	if x <= 0 {
		return 0
	}
	return float32(1 - math.Exp(-float64(x)))
}

// scoreText tallies the cues found in the text (s.hits over s.buf) and
// returns the region named by a regional ENT or an académie, if only one is.
func (c *Classifier) scoreText(s *scratch, t *tally) regionClue {
	var region, regionEv string
	cues := c.text.cues
	s.negBefore, s.negAfter, s.possessive = s.negBefore[:0], s.negAfter[:0], s.possessive[:0]
	s.breaks = s.breaks[:0]
	for k, f := range s.seps {
		if f&sepBreak != 0 {
			s.breaks = append(s.breaks, int32(k+1)) // space k precedes token k+1
		}
	}
	for i := range s.hits {
		h := &s.hits[i]
		if h.dropped {
			continue
		}
		switch cu := &cues[h.pat]; cu.kind {
		case kindNegator:
			if cu.before {
				s.negBefore = append(s.negBefore, h.last)
			}
			if cu.after {
				s.negAfter = append(s.negAfter, h.first)
			}
		case kindPossessive:
			s.possessive = append(s.possessive, h.last)
		case kindBreak:
			s.breaks = append(s.breaks, h.last+1)
		}
	}
	// Hits are in order of end, so these are sorted (ties aside).
	slices.Sort(s.negBefore)
	slices.Sort(s.negAfter)
	slices.Sort(s.possessive)
	slices.Sort(s.breaks)
	// negated: a negator stands up to negationWindow words before the cue
	// starting at word first, in the same clause.
	negated := func(first int32) bool {
		i, _ := slices.BinarySearch(s.negBefore, first-negationWindow)
		for ; i < len(s.negBefore) && s.negBefore[i] < first; i++ {
			if !within(s.breaks, s.negBefore[i]+1, first) {
				return true
			}
		}
		return false
	}
	// negatedAfter: a post-verbal negator ("pas", "plus") follows the verb
	// ending at word last within two words, in the same clause.
	negatedAfter := func(last int32) bool {
		i, _ := slices.BinarySearch(s.negAfter, last+1)
		return i < len(s.negAfter) && s.negAfter[i] <= last+2 && !within(s.breaks, last+1, s.negAfter[i])
	}
	regionConflict := false
	s.platHits, s.works = s.platHits[:0], s.works[:0]
	for i := range s.hits {
		h := &s.hits[i]
		if h.dropped {
			continue
		}
		cu := &cues[h.pat]
		switch cu.kind {
		case kindOutage, kindAnger:
			if cu.negatable && negated(h.first) {
				continue
			}
			if cu.kind == kindOutage {
				t.outage += cu.w
			} else {
				t.anger += cu.w
			}
			t.sent += cu.sent
			t.addEvidence(cu.evidence)
		case kindOutageVerb:
			if negated(h.first) || negatedAfter(h.last) {
				t.outage += cu.w
				t.sent--
				t.addEvidence(cu.evidence)
			}
		case kindRestored:
			t.sent += cu.sent
			t.addEvidence(cu.evidence)
		case kindTestimony:
			t.testimony += cu.w
			t.sent += cu.sent
			t.addEvidence(cu.evidence)
		case kindNews:
			t.news += cu.w
			t.addEvidence(cu.evidence)
		case kindDemand:
			t.demand += cu.w
			t.addEvidence(cu.evidence)
		case kindTarget:
			t.target = max(t.target, cu.w)
			t.addEvidence(cu.evidence)
		case kindOwnNoun:
			if within(s.possessive, h.first-2, h.first-1) {
				t.testimony += cu.w
				t.addEvidence(cu.evidence)
				if cu.role != "" {
					t.addRole(cu.role, cu.roleW, cu.evText)
				}
			}
		case kindPossessive, kindFirstPerson:
			t.firstPerson += cu.w
		case kindContext:
			t.context += cu.w
		case kindPlatform:
			k := slices.Index(post.Platforms[:], cu.value)
			if t.platform[k] == 0 {
				t.platformAt[k] = h.first
			}
			t.platform[k] += cu.w
			t.addEvidence(cu.evidence)
			s.platHits = append(s.platHits, platHit{k, h.first, h.last})
		case kindQuery:
			t.query = true
		case kindWorks:
			if !negated(h.first) && !negatedAfter(h.last) {
				s.works = append(s.works, h.first)
			}
		case kindRegion:
			switch {
			case region == "":
				region, regionEv = cu.value, cu.evText
			case region != cu.value:
				regionConflict = true
			}
		case kindRoleText:
			t.addRole(cu.role, cu.w, cu.evText)
		case kindSentiment:
			v := cu.sent
			if cu.negatable && negated(h.first) {
				v = -0.7 * v
			}
			t.sent += v
		}
	}
	// A platform is okayed when every mention of it is followed by a
	// "works" cue ("Pronote ok, mais l'ENT est KO").
	slices.Sort(s.works)
	var mentioned, notOK [len(post.Platforms)]bool
	for _, ph := range s.platHits {
		mentioned[ph.platform] = true
		if !within(s.works, ph.last+1, ph.last+worksWindow) {
			notOK[ph.platform] = true
		}
	}
	for k := range t.okayed {
		t.okayed[k] = mentioned[k] && !notOK[k]
	}
	if regionConflict {
		return regionClue{}
	}
	return regionClue{region, regionEv}
}

// within reports whether the sorted list xs holds a value in [lo, hi].
func within(xs []int32, lo, hi int32) bool {
	i, _ := slices.BinarySearch(xs, lo)
	return i < len(xs) && xs[i] <= hi
}

// scoreProfile tallies the role cues of a bio (name=false) or a display
// name or handle (name=true), and returns the region of a regional ENT or
// académie named there, if only one is.
func (c *Classifier) scoreProfile(s *scratch, text string, name bool, t *tally) (region, regionEv string) {
	s.buf = normalize(s.buf, text, nil, nil)
	s.hits = c.text.ac.scan(s.buf, s.hits[:0])
	conflict := false
	for i := range s.hits {
		h := &s.hits[i]
		if h.dropped {
			continue
		}
		cu := &c.text.cues[h.pat]
		switch {
		case cu.kind == kindRoleProfile && !name:
			t.addRole(cu.role, cu.w, cu.evBio)
		case cu.kind == kindRoleProfile, cu.kind == kindRoleName && name:
			t.addRole(cu.role, cu.w, cu.evName)
		case cu.kind == kindRegion:
			switch {
			case region == "":
				region, regionEv = cu.value, cu.evProfile
			case region != cu.value:
				conflict = true
			}
		}
	}
	if conflict {
		return "", ""
	}
	return region, regionEv
}

// handleAffixes are role words glued to a name in a handle ("ericpapa",
// "profdelettres30"); roleHandleWeight is their role evidence.
var handleAffixes = []struct {
	word, role string
	suffix     bool // may also end the handle's word
}{
	{"papa", post.RoleParent, true}, {"maman", post.RoleParent, true}, {"mum", post.RoleParent, true},
	{"mom", post.RoleParent, true}, {"prof", post.RoleTeacher, false},
}

const roleHandleWeight = 0.8

// handleRoles looks for role words glued to other letters in a handle: a
// run of letters that starts (or, for family words, ends) with one. Runs
// that are the word itself are already read as words.
func handleRoles(handle string, t *tally) {
	lower := strings.ToLower(handle)
	for run := range strings.FieldsFuncSeq(lower, func(r rune) bool { return r < 'a' || r > 'z' }) {
		for _, a := range handleAffixes {
			if len(run) <= len(a.word)+1 {
				continue
			}
			if strings.HasPrefix(run, a.word) && !strings.HasPrefix(run, "profil") && !strings.HasPrefix(run, "profession") ||
				a.suffix && strings.HasSuffix(run, a.word) {
				t.addRole(a.role, roleHandleWeight, "role:handle:"+a.word)
			}
		}
	}
}

// decideRole picks the role with the most evidence, if it has enough. Ties
// go to the first role of the order institution, media, teacher, parent,
// pupil: an account's nature outweighs its author's.
func decideRole(t *tally) string {
	best, bestW := post.RoleUnknown, float32(0)
	for _, role := range [...]string{post.RoleInstitution, post.RoleMedia, post.RoleTeacher, post.RoleParent, post.RolePupil} {
		if w := t.roles[slices.Index(post.Roles[:], role)]; w > bestW {
			best, bestW = role, w
		}
	}
	if bestW < roleThreshold {
		return post.RoleUnknown
	}
	return best
}

// bestPlatform returns the platform with the most evidence (ties: the one
// named first) and its evidence. With failing set (an outage report), a
// platform said to work ("Pronote ok") gives way to another one named with
// enough evidence.
func (t *tally) bestPlatform(failing bool) (string, float32) {
	skipOK := false
	for k, w := range t.platform {
		if failing && w >= platformThreshold && !t.okayed[k] {
			skipOK = true
		}
	}
	best, bestW, bestAt := "", float32(0), int32(math.MaxInt32)
	for k, w := range t.platform {
		if skipOK && t.okayed[k] {
			continue
		}
		if w > bestW || (w == bestW && w > 0 && t.platformAt[k] < bestAt) {
			best, bestW, bestAt = post.Platforms[k], w, t.platformAt[k]
		}
	}
	return best, bestW
}
