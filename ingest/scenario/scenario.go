// Package scenario generates the built-in "April 2021" scenario: a
// deterministic day of social-media posts about the French school platforms
// on Tuesday 6 April 2021, the first day of remote teaching of the third
// lockdown, from 07:00 to 20:00 Paris time (05:00–18:00 UTC), about 50,000
// posts per copy. It is the demo source, the input of end-to-end tests and
// the load of benchmarks.
//
// The storyline, which the incident detector's tests rely on:
//
//   - From 07:00 the usual chatter: complaints about the minister and the
//     ministry, first-person testimonies of parents, teachers and pupils,
//     news, official statements, tips and jokes, from every region, at a rate
//     that follows the day (peak 08:30–10:00, lunch dip, afternoon plateau,
//     evening decline). Outage reports are rare and scattered.
//   - Regional ENT portals fail in the morning, each on its own windows:
//     Île-de-France (monlycee.net, MonCollège) 08:00–11:40 and again
//     13:30–14:45; Hauts-de-France 08:10–10:20 and 11:00–12:15; Occitanie
//     08:25–12:10; Normandie (L'Educ de Normandie) 08:40–10:05;
//     Centre-Val de Loire (NetO'Centre) 08:15–09:50 and 10:40–11:35;
//     Grand Est (Mon Bureau Numérique) 08:05–12:05; Nouvelle-Aquitaine
//     (Lycée connecté) 08:45–10:50. Outage reports come from that region and
//     name its ENT or just "l'ENT".
//   - The CNED ("Ma classe à la maison", its virtual classes) is down from
//     09:02 to 19:30: outage reports from all over France, many from
//     authors whose region cannot be told.
//   - Pronote is slow or unreachable from 10:30 to 12:30, nationwide.
//   - While outages last, complaints, testimonies and news rise with them.
//   - The other regions (ARA, BFC, BRE, COR, PDL, PAC and overseas) only see
//     the national outages and the rare scattered reports, so a detector
//     must find no regional incident there.
//
// All times above are Paris time. Every post carries its Truth: what the
// generator meant it to be (label, region, platform, role). The region is
// the one its clues (profile location, geotag, text) identify, "" when none
// does. With Scale N the scenario holds N independent copies of the day
// (different authors, texts and times, same storyline).
package scenario

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

// Name is the scenario's name in a source spec: "scenario:april2021".
const Name = "april2021"

// Config configures a scenario Source.
type Config struct {
	// Scale multiplies the number of posts (0 means 1). Scale 20 ≈ 1M posts.
	Scale int
	// Speed replays the day at Speed times real time; 0 = as fast as possible.
	Speed float64
	// BatchSize is the number of posts per Emit call (0 => 1000).
	BatchSize int
	// Clock gives IngestedAt and paces the replay; nil => time.Now.
	Clock func() time.Time

	// sleep waits for d or until ctx ends (tests replace it along with Clock).
	sleep func(ctx context.Context, d time.Duration) error
}

// Validate reports a configuration that cannot run.
func (c Config) Validate() error {
	switch {
	case c.Scale < 0:
		return fmt.Errorf("scenario %s: negative scale %d", Name, c.Scale)
	case c.Speed < 0:
		return fmt.Errorf("scenario %s: negative speed %g", Name, c.Speed)
	case c.BatchSize < 0:
		return fmt.Errorf("scenario %s: negative batch size %d", Name, c.BatchSize)
	}
	return nil
}

// Truth is what the generator meant a post to be (for tests and evaluation).
type Truth struct {
	Label    post.Label
	Region   string // ISO 3166-2:FR code or ""
	Platform string // post.Platform* or ""
	Role     string // post.Role*
}

// Item is one generated post with its truth.
type Item struct {
	Post  post.Post
	Truth Truth
}

func normScale(scale int) int { return max(scale, 1) }

// Count returns the exact number of posts Items(scale) yields, without
// generating them.
func Count(scale int) int {
	scale = normScale(scale)
	tl := newTimeline()
	var counts [nStreams]int
	n := 0
	for c := range scale {
		for m := range minutes {
			tl.counts(c, m, &counts)
			for _, k := range counts {
				n += k
			}
		}
	}
	return n
}

// slot is one post to generate: its time and its seed.
type slot struct {
	sec    int32
	copy   int32
	stream int32
	k      int32
}

func cmpSlot(a, b slot) int {
	switch {
	case a.sec != b.sec:
		return int(a.sec - b.sec)
	case a.copy != b.copy:
		return int(a.copy - b.copy)
	case a.stream != b.stream:
		return int(a.stream - b.stream)
	}
	return int(a.k - b.k)
}

func slotSeed(c, m, s, k int) uint64 {
	return hash4(uint64(c)<<32|uint64(m), uint64(s), uint64(k), 0x61707232303231)
}

// Items yields every post of the scenario in CreatedAt order,
// deterministically: the same scale always yields the same posts (same IDs,
// texts, times). Copy c of the day is the same whatever the scale. Posts are
// generated as they are consumed; IngestedAt is set to CreatedAt.
func Items(scale int) iter.Seq[Item] {
	scale = normScale(scale)
	return func(yield func(Item) bool) {
		tl := newTimeline()
		g := newGen(tl)
		seqs := make([]int, scale)
		var counts [nStreams]int
		var slots []slot
		for m := range minutes {
			slots = slots[:0]
			for c := range scale {
				tl.counts(c, m, &counts)
				for s, n := range counts {
					for k := range n {
						sec := mix64(slotSeed(c, m, s, k)) % 60
						slots = append(slots, slot{int32(sec), int32(c), int32(s), int32(k)})
					}
				}
			}
			slices.SortFunc(slots, cmpSlot)
			for _, sl := range slots {
				seqs[sl.copy]++
				if !yield(g.item(sl, m, seqs[sl.copy])) {
					return
				}
			}
		}
	}
}

// gen generates posts; it holds scratch buffers reused from post to post.
type gen struct {
	tl    *timeline
	track *ingest.Tracker
	t     []byte // the text being written
	tmp   []byte
	all   []byte // every string of the post, converted once
	fold  []byte
	pools [][]string // hashtag pools used in the current post
	r     rng
	c     pctx
}

func newGen(tl *timeline) *gen {
	return &gen{
		tl:    tl,
		track: defaultTracker(),
		t:     make([]byte, 0, 512),
		tmp:   make([]byte, 0, 512),
		all:   make([]byte, 0, 1024),
		fold:  make([]byte, 0, 512),
	}
}

// Role weights per label.
var (
	roleCumOutage    = cumulate([]float64{roleParent: 0.33, roleTeacher: 0.27, rolePupil: 0.25, roleUnknown: 0.10, roleInstitution: 0.03, roleMedia: 0.02})
	roleCumComplaint = cumulate([]float64{roleParent: 0.35, roleTeacher: 0.34, rolePupil: 0.08, roleUnknown: 0.23})
	roleCumTestimony = cumulate([]float64{roleParent: 0.42, roleTeacher: 0.33, rolePupil: 0.21, roleUnknown: 0.04})
	roleCumOther     = cumulate([]float64{roleParent: 0.10, roleTeacher: 0.10, rolePupil: 0.05, roleUnknown: 0.30, roleInstitution: 0.17, roleMedia: 0.28})
)

// plan decides the label, platform, region and role of the post.
func (g *gen) plan(m int) {
	c := &g.c
	r := &g.r
	c.incStart = -1
	c.region = wpick(r, regionCum)
	personsOnly := false
	switch {
	case c.stream == sBackground:
		x := r.float()
		switch {
		case x < 0.016:
			c.label = post.LabelOutage
			c.platform = [...]string{post.PlatformPronote, post.PlatformPronote, post.PlatformPronote, post.PlatformENT, post.PlatformENT,
				post.PlatformENT, post.PlatformCNED, post.PlatformCNED, post.PlatformVisio, post.PlatformVisio}[r.intn(10)]
			personsOnly = true
		case x < 0.32:
			c.label = post.LabelComplaint
		case x < 0.65:
			c.label = post.LabelTestimony
		default:
			c.label = post.LabelOther
		}
	case c.stream == sCNED:
		c.label, c.platform, c.incStart = post.LabelOutage, post.PlatformCNED, cnedStart
	case c.stream == sPronote:
		c.label, c.platform, c.incStart = post.LabelOutage, post.PlatformPronote, pronoteStart
	case c.stream >= sENT && c.stream < sENT+len(entIncidents):
		inc := &entIncidents[c.stream-sENT]
		c.label, c.platform, c.region = post.LabelOutage, post.PlatformENT, inc.region
		c.incStart = inc.start(c.paris)
	case c.stream == sReaction:
		// react to one of the current incidents, in proportion to its reports
		rates := &g.tl.rate[m]
		total := float64(rates[sReaction]) / reactionShare
		x := r.float() * total
		s := sCNED
		for ; s < sReaction-1; s++ {
			x -= float64(rates[s])
			if x < 0 {
				break
			}
		}
		switch {
		case s == sCNED:
			c.platform = post.PlatformCNED
		case s == sPronote:
			c.platform = post.PlatformPronote
		default:
			c.platform = post.PlatformENT
			c.region = entIncidents[s-sENT].region
		}
		switch x := r.float(); {
		case x < 0.58:
			c.label = post.LabelComplaint
		case x < 0.80:
			c.label = post.LabelTestimony
		default:
			c.label = post.LabelOther
		}
	}
	var cum []float64
	switch c.label {
	case post.LabelOutage:
		cum = roleCumOutage
	case post.LabelComplaint:
		cum = roleCumComplaint
	case post.LabelTestimony:
		cum = roleCumTestimony
	default:
		cum = roleCumOther
	}
	c.role = wpick(r, cum)
	if personsOnly && c.role >= roleInstitution {
		c.role = roleUnknown
	}
	if c.platform == post.PlatformVisio && c.role >= roleInstitution {
		c.role = roleUnknown
	}
	// accounts: regional or national
	switch c.role {
	case roleInstitution:
		national := r.chance(0.45)
		if c.label == post.LabelOutage && c.platform == post.PlatformENT {
			national = false
		}
		if national {
			c.region = rNational
			c.acctNational = true
			switch c.platform {
			case post.PlatformCNED:
				c.acct = &nationalInsts[r.intn(2)]
			case post.PlatformPronote:
				c.acct = &nationalInsts[2*r.intn(2)]
			default:
				if c.label == post.LabelOutage {
					c.acct = &nationalInsts[0]
				} else {
					c.acct = &nationalInsts[r.intn(len(nationalInsts))]
				}
			}
		} else {
			c.acct = &regions[c.region].insts[r.intn(len(regions[c.region].insts))]
		}
	case roleMedia:
		if r.chance(0.5) {
			c.acct = &nationalMedia[r.intn(len(nationalMedia))]
			c.acctNational = true
			if c.label != post.LabelOutage || c.platform != post.PlatformENT {
				c.region = rNational
			}
		} else {
			c.acct = &regions[c.region].media[r.intn(len(regions[c.region].media))]
		}
	}
	if c.label == post.LabelOutage {
		g.choosePlatform(c.platform, 0.55)
	}
}

// item generates one post.
func (g *gen) item(sl slot, m, seq int) Item {
	g.r = rng{slotSeed(int(sl.copy), m, int(sl.stream), int(sl.k))}
	r := &g.r
	g.c = pctx{stream: int(sl.stream), paris: firstParis + m}
	g.pools = g.pools[:0]
	c := &g.c
	g.plan(m)

	// the author
	aref := authorRef{copy: int(sl.copy), region: c.region, role: c.role}
	if c.acct == nil {
		if c.region == rNational {
			c.region = wpick(r, regionCum)
			aref.region = c.region
		}
		aref = pickPerson(r, int(sl.copy), c.region, c.role)
		c.per = aref.person()
	} else {
		c.per = person{fem: r.chance(0.5), kids: 2, class: "3e"}
	}
	c.casual = r.chance([nRoles]float64{0.4, 0.22, 0.8, 0.5, 0, 0}[c.role])
	c.frSpace = c.role >= roleInstitution || r.chance(0.45)

	g.all = g.all[:0]
	idSpan := g.idInto(int(sl.copy), seq)
	handle, name, bio, loc, idRegion := g.authorStrings(aref, c.acct, c.acctNational, &c.per)

	// language
	c.lang = "fr"
	if c.acct == nil || c.role == roleMedia {
		x := r.float()
		nonFR := c.label == post.LabelOutage || c.label == post.LabelOther
		switch {
		case x < 0.021:
			c.lang = "en"
		case x < 0.0235 && nonFR:
			c.lang = "es"
		case x < 0.025 && nonFR:
			c.lang = "de"
		}
		if c.lang == "es" || c.lang == "de" {
			c.casual = false
		}
	}

	// the text
	g.t = g.t[:0]
	g.write()
	g.polish()
	matched := make([]string, 0, 2)
	matched, g.fold = g.track.MatchText(matched, g.t, g.fold)
	if len(matched) == 0 {
		g.t = append(g.t, ' ', '#')
		tags := tagsEcole
		if c.platform == post.PlatformCNED || c.platform == post.PlatformPronote {
			tags = platformTags(c.platform)
		}
		g.t = append(g.t, pick(r, tags)...)
		matched, g.fold = g.track.MatchText(matched, g.t, g.fold)
	}

	// geotag
	var place span
	if c.acct == nil && r.chance(0.025) {
		city := pick(r, regions[c.region].cities)
		a := len(g.all)
		g.all = append(g.all, city...)
		if !containsByte(city, ',') {
			g.all = append(g.all, ", France"...)
		}
		place = span{a, len(g.all)}
		c.clue = true
	}
	// URL: https://scenario.vigie.invalid/@handle/id
	ua := len(g.all)
	g.all = append(g.all, "https://scenario.vigie.invalid/@"...)
	g.all = append(g.all, g.all[handle.a:handle.b]...)
	g.all = append(g.all, '/')
	g.all = append(g.all, g.all[idSpan.a:idSpan.b]...)
	url := span{ua, len(g.all)}
	ta := len(g.all)
	g.all = append(g.all, g.t...)
	text := span{ta, len(g.all)}

	all := string(g.all)
	get := func(s span) string { return all[s.a:s.b] }
	p := post.Post{
		ID:             get(idSpan),
		Source:         post.SourceScenario,
		CreatedAt:      dayStart.Add(time.Duration(m)*time.Minute + time.Duration(sl.sec)*time.Second),
		Author:         get(handle),
		AuthorName:     get(name),
		AuthorLocation: get(loc),
		AuthorBio:      get(bio),
		Text:           get(text),
		Place:          get(place),
		URL:            get(url),
		Matched:        matched,
	}
	p.IngestedAt = p.CreatedAt
	p.Hashtags = extractHashtags(p.Text)
	if r.float() >= 0.3 {
		p.Lang = c.lang
	}
	truth := Truth{Label: c.label, Platform: c.platform, Role: roleNames[c.role]}
	if c.region != rNational && (idRegion >= 0 || c.clue) {
		truth.Region = regions[c.region].code
	}
	return Item{Post: p, Truth: truth}
}

func containsByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

func (g *gen) idInto(copy, seq int) span {
	a := len(g.all)
	g.all = append(g.all, "apr2021-"...)
	g.all = strconv.AppendInt(g.all, int64(copy), 10)
	g.all = append(g.all, '-')
	g.all = strconv.AppendInt(g.all, int64(seq), 10)
	return span{a, len(g.all)}
}

// write writes the text of the post into g.t.
func (g *gen) write() {
	c := &g.c
	switch c.lang {
	case "en":
		switch c.label {
		case post.LabelOutage:
			g.outageEN()
		case post.LabelComplaint:
			c.platform = ""
			g.w(pick(&g.r, enComplaint))
			g.hashtags(g.tagCount(), tagsBlame, tagsEcole)
		case post.LabelTestimony:
			c.platform = ""
			g.w(pick(&g.r, enTestimony[min(c.role, roleUnknown)]))
			g.hashtags(g.tagCount(), tagsEcole)
		default:
			c.platform = ""
			g.w(pick(&g.r, enOther))
			g.link()
			g.hashtags(g.tagCount(), tagsEcole, tagsMisc)
		}
		return
	case "es", "de":
		out, other := esOutage, esOther
		if c.lang == "de" {
			out, other = deOutage, deOther
		}
		if c.label == post.LabelOutage {
			// these lines name the CNED or Pronote
			c.platform = post.PlatformCNED
			line := pick(&g.r, out)
			if strings.Contains(line, "Pronote") {
				c.platform = post.PlatformPronote
			}
			g.w(line)
			if g.r.chance(0.5) {
				g.link()
			}
			g.w("#")
			g.t = append(g.t, pick(&g.r, platformTags(c.platform))...)
			return
		}
		c.platform = ""
		g.foreign(other, tagsEcole)
		return
	}
	switch c.label {
	case post.LabelOutage:
		switch c.role {
		case roleInstitution:
			g.outageInstitution()
		case roleMedia:
			g.outageMedia()
		default:
			g.outageFR()
		}
	case post.LabelComplaint:
		if c.stream == sReaction {
			g.complaintFR(0.55)
		} else {
			c.platform = pick(&g.r, []string{post.PlatformCNED, post.PlatformPronote, post.PlatformENT})
			g.complaintFR(0.1)
		}
	case post.LabelTestimony:
		if c.stream == sReaction {
			g.testimonyFR(0)
		} else {
			c.platform = ""
			g.testimonyFR(0.15)
		}
	default:
		if c.stream != sReaction {
			c.platform = ""
		}
		g.otherFR(0.12)
	}
}

// extractHashtags returns the hashtags of text, as written, without '#'.
func extractHashtags(text string) []string {
	var tags []string
	for i := 0; i < len(text); i++ {
		if text[i] != '#' || (i > 0 && text[i-1] != ' ' && text[i-1] != '\n' && text[i-1] != '(') {
			continue
		}
		j := i + 1
		for j < len(text) {
			r, n := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
				break
			}
			j += n
		}
		if j > i+1 {
			if tags == nil {
				tags = make([]string, 0, 4)
			}
			tags = append(tags, text[i+1:j])
		}
		i = j - 1
	}
	return tags
}

// Source is the scenario as an ingest.Source.
type Source struct {
	cfg Config
}

var _ ingest.Source = (*Source)(nil)

// NewSource returns the scenario source configured by cfg.
func NewSource(cfg Config) *Source {
	if cfg.Scale <= 0 {
		cfg.Scale = 1
	}
	if cfg.BatchSize <= 0 {
		cfg.BatchSize = 1000
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.sleep == nil {
		cfg.sleep = sleepCtx
	}
	return &Source{cfg: cfg}
}

// Name implements ingest.Source: "scenario:april2021".
func (s *Source) Name() string { return post.SourceScenario + ":" + Name }

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// Run implements ingest.Source: it emits every post of the scenario in
// CreatedAt order, in batches of at most BatchSize. With Speed > 0, a post
// created at scenario time t is emitted no earlier than
// start + (t - first)/Speed; the current batch is flushed whenever the next
// post is not due yet, so no due post waits for a batch to fill.
func (s *Source) Run(ctx context.Context, emit ingest.Emit) error {
	if err := s.cfg.Validate(); err != nil {
		return err
	}
	cfg := s.cfg
	batch := make([]post.Post, 0, cfg.BatchSize)
	var start time.Time
	var first time.Time
	sent := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := emit(ctx, batch); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fmt.Errorf("scenario %s: emit batch of %d posts after %d sent: %w", Name, len(batch), sent, err)
		}
		sent += len(batch)
		batch = make([]post.Post, 0, cfg.BatchSize)
		return nil
	}
	for it := range Items(cfg.Scale) {
		if err := ctx.Err(); err != nil {
			return err
		}
		p := it.Post
		if cfg.Speed > 0 {
			if first.IsZero() {
				first, start = p.CreatedAt, cfg.Clock()
			}
			due := start.Add(time.Duration(float64(p.CreatedAt.Sub(first)) / cfg.Speed))
			if wait := due.Sub(cfg.Clock()); wait > 0 {
				if err := flush(); err != nil {
					return err
				}
				// the flush took time: wait only for what remains
				if wait = due.Sub(cfg.Clock()); wait > 0 {
					if err := cfg.sleep(ctx, wait); err != nil {
						return err
					}
				}
			}
		}
		p.IngestedAt = cfg.Clock()
		batch = append(batch, p)
		if len(batch) >= cfg.BatchSize {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}
