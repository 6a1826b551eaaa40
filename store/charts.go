package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// The dashboard's queries. Time series and totals read the rollups (FINAL,
// sum(posts)), never the posts table; only the "latest posts" list and the
// classifier versions of an export read posts, with a window and a LIMIT.
// Every user value is bound as a parameter: the SQL text is built only from
// constants of this file.

// hashtagJoin unfolds a post into one row per distinct lower-cased hashtag
// (the key of the hashtag rollups).
const hashtagJoin = "ARRAY JOIN arrayDistinct(arrayFilter(t -> t != '', arrayMap(t -> lowerUTF8(t), hashtags))) AS hashtag"

// hashtagSources are the hashtag rollups serving each bucket: 15 minutes is
// their finest grain.
var hashtagSources = map[Bucket]struct{ table, expr string }{
	FifteenMinutes: {"rollup_hashtags_15m", "bucket"},
	Hour:           {"rollup_hashtags_1h", "bucket"},
	Day:            {"rollup_hashtags_1d", "bucket"},
}

// ErrHashtagBucket is returned when a hashtag filter asks for buckets finer
// than the hashtag rollups keep.
var ErrHashtagBucket = errors.New("a hashtag filter needs buckets of 15m or more")

// ChartFilter selects the rollup rows a chart counts. Empty lists do not
// filter. Hashtag, when set, reads the hashtag rollups (one hashtag at a
// time: a post carrying several hashtags would count once per hashtag).
type ChartFilter struct {
	Window
	Labels    []string
	Regions   []string // "" selects the posts of unknown region
	Platforms []string // "" selects the posts naming no platform
	Sources   []string
	Hashtag   string
	// Roles restricts the authors' roles (the dashboard uses it for the
	// teachers' sentiment); not a user filter.
	Roles []string
}

// source returns the rollup serving f and the grouping expression of its bucket.
func (f ChartFilter) source() (table, expr string, err error) {
	if f.Hashtag == "" {
		return f.Window.source()
	}
	if _, _, err := f.Window.source(); err != nil {
		return "", "", err
	}
	src, ok := hashtagSources[f.Bucket]
	if !ok {
		return "", "", ErrHashtagBucket
	}
	return src.table, src.expr, nil
}

// where returns the conditions and arguments selecting f's rows of a rollup.
func (f ChartFilter) where() (string, []any) {
	conds := []string{"bucket >= toDateTime(?)", "bucket < toDateTime(?)"}
	args := []any{f.From.Unix(), f.To.Unix()}
	for _, in := range []struct {
		col  string
		vals []string
	}{{"toString(label)", f.Labels}, {"region", f.Regions}, {"platform", f.Platforms}, {"source", f.Sources}, {"role", f.Roles}} {
		if len(in.vals) > 0 {
			conds = append(conds, "has(?, "+in.col+")")
			args = append(args, in.vals)
		}
	}
	if f.Hashtag != "" {
		conds = append(conds, "hashtag = ?")
		args = append(args, strings.ToLower(f.Hashtag))
	}
	return strings.Join(conds, " AND "), args
}

// Series is the number of distinct posts (and the sum of their sentiment)
// of one key in one time bucket.
type Series struct {
	Bucket       time.Time
	Key          string
	Posts        uint64
	SentimentSum float64
}

// SeriesBy counts the distinct posts matching f per time bucket and value of
// dim: "region", "platform", "label" or "role".
func (db *DB) SeriesBy(ctx context.Context, f ChartFilter, dim string) ([]Series, error) {
	col, err := dimColumn(dim)
	if err != nil {
		return nil, err
	}
	table, expr, err := f.source()
	if err != nil {
		return nil, err
	}
	where, args := f.where()
	q := `SELECT ` + expr + ` AS t, ` + col + ` AS k, sum(posts) AS n, sum(sentiment_sum) AS s
		FROM ` + table + ` FINAL WHERE ` + where + `
		GROUP BY t, k HAVING n > 0 ORDER BY t, k`
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("clickhouse: series by %s: %w", dim, err)
	}
	defer rows.Close()
	var out []Series
	for rows.Next() {
		var s Series
		if err := rows.Scan(&s.Bucket, &s.Key, &s.Posts, &s.SentimentSum); err != nil {
			return nil, fmt.Errorf("clickhouse: series by %s: %w", dim, err)
		}
		s.Bucket = s.Bucket.UTC()
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: series by %s: %w", dim, err)
	}
	return out, nil
}

// KeyCount is the number of distinct posts with one value of a dimension.
type KeyCount struct {
	Key          string
	Posts        uint64
	SentimentSum float64
}

// TotalsBy counts the distinct posts matching f over its whole window per
// value of dim ("region", "platform", "label", "role" or "source"), largest first.
func (db *DB) TotalsBy(ctx context.Context, f ChartFilter, dim string) ([]KeyCount, error) {
	col, err := dimColumn(dim)
	if err != nil {
		return nil, err
	}
	table, _, err := f.source()
	if err != nil {
		return nil, err
	}
	where, args := f.where()
	q := `SELECT ` + col + ` AS k, sum(posts) AS n, sum(sentiment_sum) AS s
		FROM ` + table + ` FINAL WHERE ` + where + `
		GROUP BY k HAVING n > 0 ORDER BY n DESC, k`
	return db.keyCounts(ctx, "totals by "+dim, q, args)
}

// TopHashtags returns the n hashtags carried by most posts matching f (its
// Hashtag ignored), most frequent first.
func (db *DB) TopHashtags(ctx context.Context, f ChartFilter, n int) ([]KeyCount, error) {
	if n <= 0 {
		return nil, fmt.Errorf("clickhouse: top hashtags: want n > 0, got %d", n)
	}
	f.Hashtag = ""
	if _, _, err := f.Window.source(); err != nil {
		return nil, err
	}
	b := f.Bucket
	if _, ok := hashtagSources[b]; !ok {
		b = FifteenMinutes
	}
	src := hashtagSources[b]
	where, args := f.where()
	q := `SELECT hashtag AS k, sum(posts) AS n, sum(sentiment_sum) AS s
		FROM ` + src.table + ` FINAL WHERE ` + where + `
		GROUP BY k HAVING n > 0 ORDER BY n DESC, k LIMIT ?`
	return db.keyCounts(ctx, "top hashtags", q, append(args, n))
}

func (db *DB) keyCounts(ctx context.Context, what, q string, args []any) ([]KeyCount, error) {
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("clickhouse: %s: %w", what, err)
	}
	defer rows.Close()
	var out []KeyCount
	for rows.Next() {
		var k KeyCount
		if err := rows.Scan(&k.Key, &k.Posts, &k.SentimentSum); err != nil {
			return nil, fmt.Errorf("clickhouse: %s: %w", what, err)
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: %s: %w", what, err)
	}
	return out, nil
}

func dimColumn(dim string) (string, error) {
	switch dim {
	case "region", "platform", "role", "source":
		return dim, nil
	case "label":
		return "toString(label)", nil
	}
	return "", fmt.Errorf("clickhouse: unknown dimension %q", dim)
}

// Sources lists the sources that stored posts come from.
func (db *DB) Sources(ctx context.Context) ([]string, error) {
	rows, err := db.conn.Query(ctx, "SELECT source FROM rollup_1d FINAL GROUP BY source HAVING sum(posts) > 0 ORDER BY source")
	if err != nil {
		return nil, fmt.Errorf("clickhouse: sources: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("clickhouse: sources: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: sources: %w", err)
	}
	return out, nil
}

// ClassifierVersions counts the distinct posts created in [from, to) per
// classifier version: the provenance of an export. It reads posts FINAL
// over the window (exports only, never a page refresh).
func (db *DB) ClassifierVersions(ctx context.Context, from, to time.Time) ([]KeyCount, error) {
	q := `SELECT classifier AS k, count() AS n, toFloat64(0) AS s FROM posts FINAL
		WHERE created_at >= toDateTime(?) AND created_at < toDateTime(?) GROUP BY k ORDER BY n DESC, k`
	return db.keyCounts(ctx, "classifier versions", q, []any{from.Unix(), to.Unix()})
}

// LatestQuery selects the newest posts for the "latest posts" list.
type LatestQuery struct {
	PostFilter
	Hashtag string
}

// LatestPosts returns up to limit posts matching q, newest first. It looks at
// the last hour of the window first and widens only when that holds too few
// posts, so a refresh reads little of the posts table.
func (db *DB) LatestPosts(ctx context.Context, lq LatestQuery, limit int) ([]post.Classified, error) {
	if limit <= 0 || limit > 500 {
		return nil, fmt.Errorf("clickhouse: latest posts: limit %d out of 1..500", limit)
	}
	if lq.From.IsZero() || lq.To.IsZero() || !lq.From.Before(lq.To) {
		return nil, errors.New("clickhouse: latest posts: a time window is needed")
	}
	var out []post.Classified
	for _, span := range []time.Duration{time.Hour, 24 * time.Hour, 0} {
		f := lq.PostFilter
		if span > 0 {
			if start := f.To.Add(-span); start.After(f.From) {
				f.From = start
			} else if span != time.Hour {
				continue // the previous, shorter span already covered the window
			}
		}
		where, args := f.where()
		if lq.Hashtag != "" {
			where += " AND has(arrayMap(t -> lowerUTF8(t), hashtags), ?)"
			args = append(args, strings.ToLower(lq.Hashtag))
		}
		q := `SELECT ` + postColumns + ` FROM posts FINAL WHERE ` + where + ` ORDER BY created_at DESC, post_key LIMIT ?`
		out = out[:0]
		err := db.scanRows(ctx, q, append(args, limit), func(c post.Classified) error {
			out = append(out, c)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("clickhouse: latest posts: %w", err)
		}
		if len(out) >= limit || !f.From.After(lq.From) {
			break
		}
	}
	return out, nil
}

// scanRows runs a query selecting postColumns and hands each post to fn.
func (db *DB) scanRows(ctx context.Context, q string, args []any, fn func(post.Classified) error) error {
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var c post.Classified
		var label string
		if err := rows.Scan(&c.ID, &c.Source, &c.CreatedAt, &c.IngestedAt, &c.Author, &c.AuthorName, &c.AuthorLocation,
			&c.AuthorBio, &c.Text, &c.Post.Lang, &c.Hashtags, &c.Matched, &c.Place, &c.URL, &label, &c.Scores.Outage,
			&c.Scores.Complaint, &c.Scores.Testimony, &c.Scores.Other, &c.Evidence, &c.Platform, &c.Region,
			&c.RegionSource, &c.Language, &c.LangConfidence, &c.LangSource, &c.Role, &c.Sentiment,
			&c.Classifier, &c.ClassifiedAt); err != nil {
			return err
		}
		c.Label = post.Label(label)
		c.CreatedAt, c.IngestedAt, c.ClassifiedAt = c.CreatedAt.UTC(), c.IngestedAt.UTC(), c.ClassifiedAt.UTC()
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// IncidentsBetween returns the stored incidents overlapping [from, to),
// newest first.
func (db *DB) IncidentsBetween(ctx context.Context, from, to time.Time) ([]StoredIncident, error) {
	all, err := db.Incidents(ctx)
	if err != nil {
		return nil, err
	}
	var out []StoredIncident
	for _, in := range all {
		if in.Start.Before(to) && in.End.After(from) {
			out = append(out, in)
		}
	}
	return out, nil
}

// RecountRollups recounts every rollup (the hashtag rollups included) for
// the posts created in [from, to), a day at a time: what a data folder
// stored before migration 0004 needs once, and a repair after a crash.
func (db *DB) RecountRollups(ctx context.Context, from, to time.Time) error {
	for day := from.UTC().Truncate(time.Hour); day.Before(to); day = day.Add(24 * time.Hour) {
		var hours []time.Time
		for h := day; h.Before(day.Add(24*time.Hour)) && h.Before(to); h = h.Add(time.Hour) {
			hours = append(hours, h)
		}
		if err := db.RefreshRollups(ctx, hours); err != nil {
			return err
		}
	}
	return nil
}
