package dashboard

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Params are a view's filters as the URL carries them, checked: the page,
// every API call and `vigie export` share them, so a URL shows the same
// view to whoever opens it.
type Params struct {
	Lang      Lang
	From, To  time.Time // zero: follow the data (Range)
	Range     string    // "24h" (default), "7d", "30d" or "all", when From or To is zero
	Bucket    store.Bucket
	Regions   []string // region codes; "" (written "unknown") is the unknown region
	Platforms []string // platform names; "" (written "none") is no platform
	Labels    []string
	Sources   []string
	Hashtag   string
}

// Limits on what a user may ask for.
const (
	maxListValues = 32
	maxValueLen   = 100
	// maxPoints bounds the points of a time axis when the bucket is chosen automatically.
	maxPoints = 150
	// maxBuckets bounds the points of a time axis whatever the bucket.
	maxBuckets = 5000
)

var ranges = map[string]time.Duration{"24h": 24 * time.Hour, "7d": 7 * 24 * time.Hour, "30d": 30 * 24 * time.Hour, "all": 0}

// ParseParams reads and checks the filters of a query string. Unknown
// region, platform and label values are refused; sources and hashtags are
// free text, bounded, and only ever bound as query parameters.
func ParseParams(q url.Values) (Params, error) {
	p := Params{Lang: ParseLang(q.Get("lang")), Range: q.Get("range")}
	if p.Range == "" {
		p.Range = "24h"
	}
	if _, ok := ranges[p.Range]; !ok {
		return p, fmt.Errorf("range %q: want 24h, 7d, 30d or all", p.Range)
	}
	if b := q.Get("bucket"); b != "" && b != "auto" {
		bucket, err := store.ParseBucket(b)
		if err != nil {
			return p, err
		}
		p.Bucket = bucket
	}
	var err error
	if p.From, err = parseTime(q.Get("from")); err != nil {
		return p, fmt.Errorf("from: %w", err)
	}
	if p.To, err = parseTime(q.Get("to")); err != nil {
		return p, fmt.Errorf("to: %w", err)
	}
	if !p.From.IsZero() && !p.To.IsZero() && !p.From.Before(p.To) {
		return p, errors.New("from must be before to")
	}
	regions := append([]string{"unknown"}, post.Regions[:]...)
	if p.Regions, err = listParam(q, "region", regions); err != nil {
		return p, err
	}
	for i, r := range p.Regions {
		if r == "unknown" {
			p.Regions[i] = ""
		}
	}
	if p.Platforms, err = listParam(q, "platform", append([]string{"none"}, post.Platforms[:]...)); err != nil {
		return p, err
	}
	for i, v := range p.Platforms {
		if v == "none" {
			p.Platforms[i] = ""
		}
	}
	labels := make([]string, len(post.Labels))
	for i, l := range post.Labels {
		labels[i] = string(l)
	}
	if p.Labels, err = listParam(q, "label", labels); err != nil {
		return p, err
	}
	if p.Sources, err = listParam(q, "source", nil); err != nil {
		return p, err
	}
	p.Hashtag = strings.TrimPrefix(strings.TrimSpace(q.Get("hashtag")), "#")
	if err := checkFree("hashtag", p.Hashtag); err != nil {
		return p, err
	}
	if p.Hashtag != "" && p.Bucket != "" && p.Bucket.Duration() < 15*time.Minute {
		return p, store.ErrHashtagBucket
	}
	return p, nil
}

// listParam reads a repeatable parameter (also comma-separated), keeping
// only allowed values when allowed is not nil. The result is sorted and
// without duplicates, so equal views have equal URLs.
func listParam(q url.Values, name string, allowed []string) ([]string, error) {
	var out []string
	for _, v := range q[name] {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if allowed != nil && !slices.Contains(allowed, s) {
				return nil, fmt.Errorf("%s %q: want one of %s", name, s, strings.Join(allowed, ", "))
			}
			if err := checkFree(name, s); err != nil {
				return nil, err
			}
			out = append(out, s)
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if len(out) > maxListValues {
		return nil, fmt.Errorf("%s: at most %d values", name, maxListValues)
	}
	return out, nil
}

// checkFree bounds a free-text value: valid UTF-8, no control characters,
// at most maxValueLen bytes.
func checkFree(name, s string) error {
	if len(s) > maxValueLen || !utf8.ValidString(s) || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return fmt.Errorf("%s: not a valid value", name)
	}
	return nil
}

// Query returns the canonical query string of p (without the language):
// what provenance records and what the page's links carry.
func (p Params) Query() url.Values {
	q := url.Values{}
	if !p.From.IsZero() {
		q.Set("from", p.From.In(paris()).Format(time.RFC3339))
	}
	if !p.To.IsZero() {
		q.Set("to", p.To.In(paris()).Format(time.RFC3339))
	}
	if (p.From.IsZero() || p.To.IsZero()) && p.Range != "24h" {
		q.Set("range", p.Range)
	}
	if p.Bucket != "" {
		q.Set("bucket", string(p.Bucket))
	}
	for _, in := range []struct {
		name, empty string
		vals        []string
	}{{"region", "unknown", p.Regions}, {"platform", "none", p.Platforms}, {"label", "", p.Labels}, {"source", "", p.Sources}} {
		for _, v := range in.vals {
			if v == "" {
				v = in.empty
			}
			q.Add(in.name, v)
		}
	}
	if p.Hashtag != "" {
		q.Set("hashtag", p.Hashtag)
	}
	return q
}

// Describe states the filter in words, for captions and provenance.
func (p Params) Describe(l Lang) string {
	var parts []string
	names := func(vals []string, name func(string) string) string {
		out := make([]string, len(vals))
		for i, v := range vals {
			out[i] = name(v)
		}
		return strings.Join(out, ", ")
	}
	if len(p.Regions) > 0 {
		parts = append(parts, l.T("filters.regions")+" : "+names(p.Regions, l.Region))
	}
	if len(p.Platforms) > 0 {
		parts = append(parts, l.T("filters.platforms")+" : "+names(p.Platforms, l.Platform))
	}
	if len(p.Labels) > 0 {
		parts = append(parts, l.T("filters.labels")+" : "+names(p.Labels, l.Label))
	}
	if len(p.Sources) > 0 {
		parts = append(parts, l.T("filters.sources")+" : "+strings.Join(p.Sources, ", "))
	}
	if p.Hashtag != "" {
		parts = append(parts, l.T("filters.hashtag")+" : #"+p.Hashtag)
	}
	if len(parts) == 0 {
		return l.T("filters.none")
	}
	s := strings.Join(parts, "; ")
	if l == FR {
		s = strings.Join(parts, " ; ")
	}
	return strings.ReplaceAll(s, " : ", l.Colon())
}

// View is a resolved view: Params with its window fixed and its bucket chosen.
type View struct {
	Params
	Window store.Window
	// DataFrom and DataTo bound the stored posts (zero when none, or when
	// the window was given and the extent not needed).
	DataFrom, DataTo time.Time
}

// Filter returns the rollup filter of v; labels, when v selects none, are
// defaultLabels (e.g. outage reports for the outage charts).
func (v View) Filter(defaultLabels ...string) store.ChartFilter {
	labels := v.Labels
	if len(labels) == 0 {
		labels = defaultLabels
	}
	return store.ChartFilter{Window: v.Window, Labels: labels, Regions: v.Regions, Platforms: v.Platforms,
		Sources: v.Sources, Hashtag: v.Hashtag}
}

// extenter tells the time extent of the stored posts (a *store.DB).
type extenter interface {
	Extent(ctx context.Context) (from, to time.Time, ok bool, err error)
}

// Resolve fixes p's window: missing bounds follow the stored data (the
// Range before its last post), the bucket is the finest keeping the axis
// under maxPoints points, and the bounds are whole buckets.
func Resolve(ctx context.Context, q extenter, p Params) (View, error) {
	v := View{Params: p}
	w := store.Window{From: p.From, To: p.To, Bucket: p.Bucket}
	var first, last time.Time
	if w.From.IsZero() || w.To.IsZero() {
		// Only then: the extent reads the posts table's time column.
		var ok bool
		var err error
		first, last, ok, err = q.Extent(ctx)
		if err != nil {
			return v, err
		}
		if ok {
			v.DataFrom, v.DataTo = first, last
		} else {
			now := time.Now().UTC().Truncate(time.Minute)
			first, last = now.Add(-24*time.Hour), now
		}
	}
	if w.To.IsZero() {
		w.To = last.Add(time.Second)
	}
	if w.From.IsZero() {
		w.From = first
		if d := ranges[p.Range]; d > 0 && w.To.Add(-d).After(first) {
			w.From = w.To.Add(-d)
		}
	}
	if !w.From.Before(w.To) {
		return v, userError{errors.New("from must be before to")}
	}
	if w.Bucket == "" {
		w.Bucket = store.Day
		for _, b := range []store.Bucket{store.Minute, store.FiveMinutes, store.FifteenMinutes, store.Hour} {
			if p.Hashtag != "" && b.Duration() < 15*time.Minute {
				continue
			}
			if w.To.Sub(w.From)/b.Duration() <= maxPoints {
				w.Bucket = b
				break
			}
		}
	}
	// Whole buckets only, so the first and last points are not partial.
	w.From = w.Bucket.Floor(w.From)
	if t := w.Bucket.Floor(w.To); !t.Equal(w.To) {
		w.To = w.Bucket.Next(t)
	}
	if n := w.To.Sub(w.From) / w.Bucket.Duration(); n > maxBuckets {
		return v, userError{fmt.Errorf("%d time buckets asked for; choose a larger bucket or a shorter window", n)}
	}
	v.Window = w
	return v, nil
}

// userError is a view the user asked for that cannot be shown (HTTP 400).
type userError struct{ error }

func (e userError) Unwrap() error { return e.error }

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, s, paris()); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date (want RFC 3339 or YYYY-MM-DD)", s)
}

// paris is the time zone the axes are labelled in: the users' own.
func paris() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		return time.FixedZone("CET", 3600)
	}
	return loc
}
