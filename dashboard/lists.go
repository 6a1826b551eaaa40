package dashboard

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/incident"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// recentFor is how long after its end an incident still shows among the
// regions affected now.
const recentFor = 2 * time.Hour

// NowIncident is an incident in the "regions affected now" list.
type NowIncident struct {
	ID           string    `json:"id"`
	Platform     string    `json:"platform"`
	PlatformName string    `json:"platform_name"`
	Level        string    `json:"level"`
	LevelName    string    `json:"level_name"`
	Ongoing      bool      `json:"ongoing"`
	Start        time.Time `json:"start"`
	End          time.Time `json:"end"`
	Peak         uint64    `json:"peak"`
	PeakAt       time.Time `json:"peak_at"`
	Posts        uint64    `json:"posts"`
	Examples     []Example `json:"examples"`
}

// Example is a post shown as evidence of an incident (plain text).
type Example struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// NowRegion is one region with its current or recent incidents; Region ""
// gathers the national platforms' incidents.
type NowRegion struct {
	Region    string        `json:"region"`
	Name      string        `json:"name"`
	Level     string        `json:"level"`
	Incidents []NowIncident `json:"incidents"`
}

// RegionsNow is the list unions wrote by hand in April 2021, generated: the
// regions with an incident going on at AsOf, or ended less than two hours
// before, most severe first.
type RegionsNow struct {
	AsOf    time.Time   `json:"as_of"`
	Regions []NowRegion `json:"regions"`
}

func levelRank(l incident.Level) int {
	return map[incident.Level]int{incident.Watch: 1, incident.Incident: 2, incident.Major: 3}[l]
}

// regionsNow builds the list as of the end of v's window (the end of the
// data when the window follows it), with v's region and platform filters.
func regionsNow(ctx context.Context, q Queries, v View) (RegionsNow, error) {
	l := v.Lang
	dataTo := v.DataTo
	if dataTo.IsZero() {
		_, last, ok, err := q.Extent(ctx)
		if err != nil {
			return RegionsNow{}, err
		}
		if ok {
			dataTo = last
		}
	}
	asOf := v.Window.To
	if !dataTo.IsZero() && dataTo.Add(time.Second).Before(asOf) {
		asOf = dataTo.Add(time.Second)
	}
	out := RegionsNow{AsOf: asOf, Regions: []NowRegion{}}
	incidents, err := q.IncidentsBetween(ctx, asOf.Add(-recentFor), asOf.Add(time.Second))
	if err != nil {
		return out, err
	}
	byRegion := map[string]*NowRegion{}
	for _, in := range incidents {
		if !in.Start.Before(asOf) {
			continue
		}
		if len(v.Regions) > 0 && in.Region != "" && !slices.Contains(v.Regions, in.Region) {
			continue
		}
		if len(v.Platforms) > 0 && !slices.Contains(v.Platforms, in.Platform) {
			continue
		}
		ongoing := in.End.After(asOf) || (in.Open && !in.End.Before(asOf.Add(-time.Second)))
		if !ongoing && in.End.Before(asOf.Add(-recentFor)) {
			continue
		}
		r, ok := byRegion[in.Region]
		if !ok {
			name := l.Region(in.Region)
			if in.Region == "" {
				name = l.T("now.national")
			}
			r = &NowRegion{Region: in.Region, Name: name}
			byRegion[in.Region] = r
		}
		examples := []Example{}
		for _, e := range in.Examples {
			examples = append(examples, Example{Key: e.Key, Text: e.Text})
		}
		r.Incidents = append(r.Incidents, NowIncident{ID: in.ID, Platform: in.Platform, PlatformName: l.Platform(in.Platform),
			Level: string(in.Level), LevelName: l.Level(string(in.Level)), Ongoing: ongoing, Start: in.Start, End: in.End,
			Peak: in.Peak, PeakAt: in.PeakAt, Posts: in.Posts, Examples: examples})
		if levelRank(in.Level) > levelRank(incident.Level(r.Level)) {
			r.Level = string(in.Level)
		}
	}
	order := map[string]int{}
	for i, code := range post.Regions {
		order[code] = i + 1
	}
	for _, r := range byRegion {
		slices.SortFunc(r.Incidents, func(a, b NowIncident) int {
			if a.Ongoing != b.Ongoing {
				if a.Ongoing {
					return -1
				}
				return 1
			}
			if d := levelRank(incident.Level(b.Level)) - levelRank(incident.Level(a.Level)); d != 0 {
				return d
			}
			return a.Start.Compare(b.Start)
		})
		out.Regions = append(out.Regions, *r)
	}
	slices.SortFunc(out.Regions, func(a, b NowRegion) int {
		if d := levelRank(incident.Level(b.Level)) - levelRank(incident.Level(a.Level)); d != 0 {
			return d
		}
		return order[a.Region] - order[b.Region]
	})
	return out, nil
}

// nowTable flattens the list for CSV/JSON exports.
func nowTable(n RegionsNow) Table {
	t := Table{Columns: []string{"region", "region_name", "incident", "platform", "level", "ongoing", "start", "end", "peak", "posts", "examples"}}
	for _, r := range n.Regions {
		for _, in := range r.Incidents {
			var ex []string
			for _, e := range in.Examples {
				ex = append(ex, e.Text)
			}
			t.Rows = append(t.Rows, []any{r.Region, r.Name, in.ID, in.Platform, in.Level, in.Ongoing, stamp(in.Start), stamp(in.End),
				in.Peak, in.Posts, strings.Join(ex, " | ")})
		}
	}
	return t
}

// PostView is a post in the "latest posts" list: text and author are plain
// text the page inserts with textContent, never as HTML.
type PostView struct {
	ID         string            `json:"id"`
	Source     string            `json:"source"`
	CreatedAt  time.Time         `json:"created_at"`
	Author     string            `json:"author"`
	AuthorName string            `json:"author_name"`
	Text       string            `json:"text"`
	URL        string            `json:"url,omitempty"`
	Label      string            `json:"label"`
	Platform   string            `json:"platform"`
	Region     string            `json:"region"`
	RegionFrom string            `json:"region_source,omitempty"`
	Role       string            `json:"role"`
	Sentiment  float32           `json:"sentiment"`
	Scores     post.Scores       `json:"scores"`
	Evidence   []string          `json:"evidence"`
	Hashtags   []string          `json:"hashtags"`
	Classifier string            `json:"classifier"`
	Names      map[string]string `json:"names"`
}

// Selection narrows the latest posts to a region, a label or an incident.
type Selection struct {
	Region   *string `json:"region,omitempty"`
	Label    string  `json:"label,omitempty"`
	Incident string  `json:"incident,omitempty"`
	Limit    int     `json:"limit"`
}

// parseSelection reads posts_region (a code or "unknown"), posts_label,
// incident and limit.
func parseSelection(q url.Values) (Selection, error) {
	s := Selection{Limit: 20}
	if r := q.Get("posts_region"); r != "" {
		if r == "unknown" {
			r = ""
		} else if !slices.Contains(post.Regions[:], r) {
			return s, fmt.Errorf("posts_region %q is not a region code", r)
		}
		s.Region = &r
	}
	if lb := q.Get("posts_label"); lb != "" {
		if !slices.Contains(post.Labels[:], post.Label(lb)) {
			return s, fmt.Errorf("posts_label %q is not a label", lb)
		}
		s.Label = lb
	}
	if id := q.Get("incident"); id != "" {
		if err := checkFree("incident", id); err != nil {
			return s, err
		}
		s.Incident = id
	}
	if n := q.Get("limit"); n != "" {
		v, err := strconv.Atoi(n)
		if err != nil || v < 1 || v > 100 {
			return s, fmt.Errorf("limit %q: want 1 to 100", n)
		}
		s.Limit = v
	}
	return s, nil
}

// latestPosts returns the newest posts of v narrowed by sel.
func latestPosts(ctx context.Context, q Queries, v View, sel Selection) ([]PostView, error) {
	lq := store.LatestQuery{PostFilter: store.PostFilter{From: v.Window.From, To: v.Window.To, Labels: v.Labels,
		Regions: v.Regions, Platforms: v.Platforms, Sources: v.Sources}, Hashtag: v.Hashtag}
	if sel.Region != nil {
		lq.Regions = []string{*sel.Region}
	}
	if sel.Label != "" {
		lq.Labels = []string{sel.Label}
	}
	if sel.Incident != "" {
		all, err := q.IncidentsBetween(ctx, v.Window.From, v.Window.To)
		if err != nil {
			return nil, err
		}
		found := false
		for _, in := range all {
			if in.ID != sel.Incident {
				continue
			}
			found = true
			lq.Labels, lq.Platforms = []string{string(post.LabelOutage)}, []string{in.Platform}
			if in.Region != "" {
				lq.Regions = []string{in.Region}
			}
			lq.From, lq.To = maxTime(lq.From, in.Start), minTime(lq.To, in.End)
		}
		if !found || !lq.From.Before(lq.To) {
			return []PostView{}, nil
		}
	}
	posts, err := q.LatestPosts(ctx, lq, sel.Limit)
	if err != nil {
		return nil, err
	}
	l := v.Lang
	out := make([]PostView, 0, len(posts))
	for _, c := range posts {
		pv := PostView{ID: c.ID, Source: c.Source, CreatedAt: c.CreatedAt, Author: c.Author, AuthorName: c.AuthorName,
			Text: c.Text, Label: string(c.Label), Platform: c.Platform, Region: c.Region, RegionFrom: c.RegionSource,
			Role: c.Role, Sentiment: c.Sentiment, Scores: c.Scores, Evidence: c.Evidence, Hashtags: c.Hashtags,
			Classifier: c.Classifier, Names: map[string]string{"label": l.Label(string(c.Label)),
				"platform": l.Platform(c.Platform), "region": l.Region(c.Region), "role": l.T("role." + c.Role)}}
		if u, err := url.Parse(c.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			pv.URL = u.String()
		}
		if pv.Evidence == nil {
			pv.Evidence = []string{}
		}
		if pv.Hashtags == nil {
			pv.Hashtags = []string{}
		}
		out = append(out, pv)
	}
	return out, nil
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
