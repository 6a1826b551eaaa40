// Package incident finds outages the way Downdetector does, per region and
// platform: it learns how many outage reports are normal for each
// (region, platform) at each time of day on each kind of day, and opens an
// incident when reports rise well above that for long enough.
//
// Regional platforms (the ENTs) are watched region by region; national
// platforms (CNED, Pronote, video tools) are watched for France as a whole,
// since a national site failing says nothing about one region.
package incident

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// Level of an incident.
type Level string

// The levels, from mild to severe.
const (
	Watch    Level = "watch"
	Incident Level = "incident"
	Major    Level = "major"
)

func (l Level) rank() int {
	switch l {
	case Watch:
		return 1
	case Incident:
		return 2
	case Major:
		return 3
	}
	return 0
}

// Point is the number of outage reports of one (region, platform) in one
// bucket. Region is "" for national platforms.
type Point struct {
	Bucket   time.Time
	Region   string
	Platform string
	Posts    uint64
}

// Key names a watched series.
type Key struct{ Region, Platform string }

// Found is one detected incident.
type Found struct {
	ID       string    `json:"id"`
	Level    Level     `json:"level"`
	Region   string    `json:"region"`
	Platform string    `json:"platform"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	// Open is true when the incident was still going on at the end of the data.
	Open     bool      `json:"open"`
	Peak     uint64    `json:"peak"`
	PeakAt   time.Time `json:"peak_at"`
	Expected float64   `json:"expected_at_peak"`
	Posts    uint64    `json:"posts"`
}

// Config tunes the detector. The zero value is not valid: use Defaults.
type Config struct {
	// Step is the bucket length of the series (15 minutes).
	Step time.Duration
	// Sustain is how many consecutive buckets must be at or above a level
	// for it to count; Recover how many below watch close an incident.
	Sustain, Recover int
	// PriorRate is the expected reports per bucket for a series with no
	// history at all; PriorWeight how many days of history it is worth.
	PriorRate, PriorWeight float64
	// Each level needs at least Min reports, Ratio times the expected
	// count, and a Poisson z-score of Z.
	Levels []Threshold
	// National lists the platforms watched nationally.
	National []string
	// Location of the days (school days are Monday to Friday there).
	Location *time.Location
}

// Threshold is what a bucket needs to reach a level.
type Threshold struct {
	Level Level
	Min   uint64
	Ratio float64
	Z     float64
}

// Defaults returns the configuration used by Vigie.
func Defaults() Config {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		loc = time.FixedZone("CET", 3600)
	}
	return Config{
		Step: 15 * time.Minute, Sustain: 2, Recover: 2,
		PriorRate: 0.5, PriorWeight: 3,
		Levels: []Threshold{
			{Watch, 5, 3, 3},
			{Incident, 12, 5, 5},
			{Major, 40, 10, 8},
		},
		National: []string{post.PlatformCNED, post.PlatformPronote, post.PlatformVisio},
		Location: loc,
	}
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	if c.Step <= 0 || c.Sustain < 1 || c.Recover < 1 || c.PriorRate <= 0 || c.PriorWeight < 0 || len(c.Levels) == 0 || c.Location == nil {
		return fmt.Errorf("incident: invalid config %+v", c)
	}
	return nil
}

// Series groups points by watched key: ENT points by region (points without
// a region are dropped: they cannot say where), national platforms summed
// over regions under region "". Posts with no platform are not watched.
func (c Config) Series(points []Point) map[Key]map[int64]uint64 {
	out := map[Key]map[int64]uint64{}
	for _, p := range points {
		if p.Platform == "" {
			continue
		}
		k := Key{Region: p.Region, Platform: p.Platform}
		if slices.Contains(c.National, p.Platform) {
			k.Region = ""
		} else if p.Region == "" {
			continue
		}
		s, ok := out[k]
		if !ok {
			s = map[int64]uint64{}
			out[k] = s
		}
		s[p.Bucket.Unix()] += p.Posts
	}
	return out
}

// slot identifies a bucket's time of day and kind of day.
type slot struct {
	minute   int
	schoolDy bool
}

func (c Config) slotOf(t time.Time) slot {
	lt := t.In(c.Location)
	wd := lt.Weekday()
	return slot{minute: lt.Hour()*60 + lt.Minute(), schoolDy: wd != time.Saturday && wd != time.Sunday}
}

// Detect finds the incidents of the window [from, to) in points, using
// history (earlier points of the same series) as the baseline.
func (c Config) Detect(points, history []Point, from, to time.Time) []Found {
	series := c.Series(points)
	past := c.Series(history)
	var out []Found
	keys := make([]Key, 0, len(series))
	for k := range series {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].Platform != keys[j].Platform {
			return keys[i].Platform < keys[j].Platform
		}
		return keys[i].Region < keys[j].Region
	})
	for _, k := range keys {
		base := c.baseline(past[k])
		out = append(out, c.scan(k, series[k], base, from, to)...)
	}
	return out
}

// baseline returns the expected reports for each slot: the mean over the
// history days with that slot, blended with the prior rate worth
// PriorWeight days, so a short history neither hides an outage nor turns
// one noisy day into the norm. The window itself is never its own baseline:
// an outage lasting most of the day would hide itself.
func (c Config) baseline(past map[int64]uint64) func(time.Time) float64 {
	sum := map[slot]float64{}
	days := map[slot]map[string]bool{}
	for ts, n := range past {
		t := time.Unix(ts, 0)
		s := c.slotOf(t)
		sum[s] += float64(n)
		if days[s] == nil {
			days[s] = map[string]bool{}
		}
		days[s][t.In(c.Location).Format("2006-01-02")] = true
	}
	prior := c.PriorRate
	return func(t time.Time) float64 {
		s := c.slotOf(t)
		n := float64(len(days[s]))
		return (sum[s] + c.PriorWeight*prior) / (n + c.PriorWeight)
	}
}

// level returns the level a bucket reaches, "" for none.
func (c Config) level(observed uint64, expected float64) Level {
	z := (float64(observed) - expected) / math.Sqrt(expected+1)
	var got Level
	for _, th := range c.Levels {
		if observed >= th.Min && float64(observed) >= th.Ratio*expected && z >= th.Z {
			got = th.Level
		}
	}
	return got
}

// scan walks the window bucket by bucket: an incident opens when Sustain
// buckets in a row reach at least watch, takes the highest level sustained
// for Sustain buckets, and closes after Recover buckets below watch.
func (c Config) scan(k Key, s map[int64]uint64, expected func(time.Time) float64, from, to time.Time) []Found {
	var out []Found
	var cur *Found
	var streak []Level // levels of the current run of buckets at or above watch
	below := 0
	for t := from; t.Before(to); t = t.Add(c.Step) {
		n := s[t.Unix()]
		e := expected(t)
		lvl := c.level(n, e)
		if lvl == "" {
			streak = streak[:0]
			if cur != nil {
				below++
				if below >= c.Recover {
					cur.End = t.Add(-time.Duration(below-1) * c.Step)
					out = append(out, *cur)
					cur = nil
				}
			}
			continue
		}
		below = 0
		streak = append(streak, lvl)
		if cur == nil && len(streak) >= c.Sustain {
			start := t.Add(-time.Duration(len(streak)-1) * c.Step)
			cur = &Found{Region: k.Region, Platform: k.Platform, Start: start, Level: Watch}
			// Count the buckets of the streak that opened it.
			for i := len(streak) - 1; i >= 1; i-- {
				bt := t.Add(-time.Duration(i) * c.Step)
				c.add(cur, bt, s[bt.Unix()], expected(bt))
			}
		}
		if cur != nil {
			c.add(cur, t, n, e)
			if sustained := minLevel(streak[max(0, len(streak)-c.Sustain):]); len(streak) >= c.Sustain && sustained.rank() > cur.Level.rank() {
				cur.Level = sustained
			}
		}
	}
	if cur != nil {
		cur.End = to
		cur.Open = true
		out = append(out, *cur)
	}
	for i := range out {
		out[i].ID = id(out[i])
	}
	return out
}

func (c Config) add(f *Found, t time.Time, n uint64, e float64) {
	f.Posts += n
	if n > f.Peak {
		f.Peak, f.PeakAt, f.Expected = n, t, math.Round(e*100)/100
	}
}

func minLevel(ls []Level) Level {
	out := Major
	for _, l := range ls {
		if l.rank() < out.rank() {
			out = l
		}
	}
	return out
}

// id is stable for an incident: its key and start.
func id(f Found) string {
	h := sha256.Sum256([]byte(f.Platform + "|" + f.Region + "|" + f.Start.UTC().Format(time.RFC3339)))
	return hex.EncodeToString(h[:8])
}
