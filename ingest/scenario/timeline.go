package scenario

import "time"

// The scenario day: 6 April 2021, 07:00–20:00 Paris time (UTC+2), one
// minute per slot.
const (
	minutes     = 13 * 60
	parisOffset = 2 * time.Hour
	firstParis  = 7 * 60 // Paris minute-of-day of slot 0
)

// dayStart is 07:00 Paris time on 6 April 2021, in UTC.
var dayStart = time.Date(2021, time.April, 6, 5, 0, 0, 0, time.UTC)

// hm is a Paris time of day in minutes.
func hm(h, m int) int { return h*60 + m }

// Streams: each minute of the day, every stream contributes a number of
// posts following its own rate curve.
const (
	sBackground = iota // ordinary posts everywhere: complaints, testimonies, other, rare outage reports
	sCNED              // the national CNED outage
	sPronote           // the national Pronote slowdown
	sENT               // sENT+i: the ENT outage of disrupted region i (entIncidents[i])
	sReaction   = sENT + 7
	nStreams    = sReaction + 1
)

type knot struct {
	at int // Paris minute of day
	v  float64
}

// interp evaluates a piecewise-linear curve; zero outside its knots.
func interp(ks []knot, p float64) float64 {
	if p < float64(ks[0].at) || p >= float64(ks[len(ks)-1].at) {
		return 0
	}
	for i := 1; i < len(ks); i++ {
		a, b := ks[i-1], ks[i]
		if p < float64(b.at) {
			f := (p - float64(a.at)) / float64(b.at-a.at)
			return a.v + f*(b.v-a.v)
		}
	}
	return 0
}

// Rates are posts per minute at scale 1.
var (
	backgroundCurve = []knot{
		{hm(7, 0), 12.6}, {hm(7, 45), 27.2}, {hm(8, 15), 44.6}, {hm(8, 30), 52.4}, {hm(10, 0), 52.4},
		{hm(10, 30), 43.6}, {hm(12, 0), 35.9}, {hm(12, 30), 25.2}, {hm(13, 30), 25.2}, {hm(14, 0), 32},
		{hm(16, 30), 32}, {hm(17, 30), 25.2}, {hm(19, 0), 16.5}, {hm(20, 0), 8.7},
	}
	// The CNED ("Ma classe à la maison") is down from 09:02 to 19:30.
	cnedStart = hm(9, 2)
	cnedEnd   = hm(19, 30)
	cnedCurve = []knot{
		{cnedStart, 0}, {hm(9, 8), 33.6}, {hm(10, 30), 28.8}, {hm(12, 0), 16}, {hm(13, 30), 11.2},
		{hm(16, 0), 8.8}, {hm(18, 0), 5.6}, {hm(19, 29), 3.2}, {cnedEnd, 0},
	}
	// Pronote is slow or unreachable from 10:30 to 12:30, nationwide.
	pronoteStart = hm(10, 30)
	pronoteEnd   = hm(12, 30)
	pronoteCurve = []knot{
		{pronoteStart, 0}, {hm(10, 45), 19}, {hm(12, 5), 15}, {pronoteEnd, 0},
	}
)

// window is one outage of a regional ENT: a trapezoid of outage reports.
type window struct {
	from, to int // Paris minutes
	peak     float64
}

// entIncident is the ENT trouble of one disrupted region.
type entIncident struct {
	region  int // index in regions
	windows []window
}

// entIncidents lists the seven regions whose ENT fails in the morning.
var entIncidents = [7]entIncident{
	{rIDF, []window{{hm(8, 0), hm(11, 40), 10}, {hm(13, 30), hm(14, 45), 6}}},
	{rHDF, []window{{hm(8, 10), hm(10, 20), 7}, {hm(11, 0), hm(12, 15), 5}}},
	{rOCC, []window{{hm(8, 25), hm(12, 10), 6}}},
	{rNOR, []window{{hm(8, 40), hm(10, 5), 4.7}}},
	{rCVL, []window{{hm(8, 15), hm(9, 50), 3.8}, {hm(10, 40), hm(11, 35), 3}}},
	{rGES, []window{{hm(8, 5), hm(12, 5), 5}}},
	{rNAQ, []window{{hm(8, 45), hm(10, 50), 4.3}}},
}

func (w window) rate(p float64) float64 {
	const up, down = 5, 8
	from, to := float64(w.from), float64(w.to)
	switch {
	case p < from || p >= to:
		return 0
	case p < from+up:
		return w.peak * (0.25 + 0.75*(p-from)/up)
	case p > to-down:
		return w.peak * (0.2 + 0.8*(to-p)/down)
	}
	return w.peak
}

// start returns the start of the window active (or last begun) at Paris
// minute p, or -1.
func (e *entIncident) start(p int) int {
	s := -1
	for _, w := range e.windows {
		if w.from <= p {
			s = w.from
		}
	}
	return s
}

// reactionShare is the number of extra complaints, testimonies and other
// posts per outage report, while outages last.
const reactionShare = 0.38

// timeline holds the rate of every stream for every minute of the day.
type timeline struct {
	rate [minutes][nStreams]float32
}

func newTimeline() *timeline {
	tl := new(timeline)
	for m := range minutes {
		p := float64(firstParis+m) + 0.5
		r := &tl.rate[m]
		r[sBackground] = float32(interp(backgroundCurve, p))
		r[sCNED] = float32(interp(cnedCurve, p))
		r[sPronote] = float32(interp(pronoteCurve, p))
		out := r[sCNED] + r[sPronote]
		for i := range entIncidents {
			var v float64
			for _, w := range entIncidents[i].windows {
				v += w.rate(p)
			}
			r[sENT+i] = float32(v)
			out += float32(v)
		}
		r[sReaction] = reactionShare * out
	}
	return tl
}

// counts sets the number of posts each stream makes in minute m of copy c.
// It is the only source of post counts, shared by Items and Count.
func (tl *timeline) counts(c, m int, out *[nStreams]int) {
	for s := range nStreams {
		rate := float64(tl.rate[m][s])
		if rate == 0 {
			out[s] = 0
			continue
		}
		r := rng{hash4(uint64(c), uint64(m), uint64(s), 0x636f756e74)}
		jitter := 0.8 + 0.4*r.float()
		out[s] = int(rate*jitter + r.float())
	}
}
