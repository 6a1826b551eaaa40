package store

import (
	"context"
	"fmt"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// Bucket is a time-series step. Only the values below exist: each maps to a
// ClickHouse function available since 18.16, never to user text.
type Bucket string

// The buckets charts can ask for.
const (
	Minute         Bucket = "1m"
	FiveMinutes    Bucket = "5m"
	FifteenMinutes Bucket = "15m"
	Hour           Bucket = "1h"
	Day            Bucket = "1d"
)

// bucketSources says which rollup serves a bucket and how to group it.
var bucketSources = map[Bucket]struct{ table, expr string }{
	Minute:         {"rollup_1m", "bucket"},
	FiveMinutes:    {"rollup_1m", "toStartOfFiveMinute(bucket)"},
	FifteenMinutes: {"rollup_15m", "bucket"},
	Hour:           {"rollup_1h", "bucket"},
	Day:            {"rollup_1d", "bucket"},
}

// Duration returns the nominal length of one bucket (a Paris day can be 23
// or 25 hours long; use Floor and Next to walk an axis).
func (b Bucket) Duration() time.Duration {
	switch b {
	case Minute:
		return time.Minute
	case FiveMinutes:
		return 5 * time.Minute
	case FifteenMinutes:
		return 15 * time.Minute
	case Hour:
		return time.Hour
	case Day:
		return 24 * time.Hour
	}
	return 0
}

// Floor returns the start of the bucket holding t. Days start at midnight
// Paris time, like the day rollup.
func (b Bucket) Floor(t time.Time) time.Time {
	if b == Day {
		return startOfDay(t, parisLocation()).UTC()
	}
	return t.UTC().Truncate(b.Duration())
}

// Next returns the start of the bucket after the one starting at t.
func (b Bucket) Next(t time.Time) time.Time {
	if b == Day {
		return startOfDay(t.In(parisLocation()).AddDate(0, 0, 1), parisLocation()).UTC()
	}
	return t.Add(b.Duration())
}

// ParseBucket checks a bucket name from a user.
func ParseBucket(s string) (Bucket, error) {
	if _, ok := bucketSources[Bucket(s)]; !ok {
		return "", fmt.Errorf("unknown time bucket %q (want 1m, 5m, 15m, 1h or 1d)", s)
	}
	return Bucket(s), nil
}

// Window selects posts created in [From, To) and how to bucket them.
type Window struct {
	From, To time.Time
	Bucket   Bucket
}

// source returns the rollup table and grouping expression of w's bucket.
func (w Window) source() (table, expr string, err error) {
	src, ok := bucketSources[w.Bucket]
	if !ok {
		return "", "", fmt.Errorf("unknown time bucket %q", w.Bucket)
	}
	if !w.From.Before(w.To) {
		return "", "", fmt.Errorf("empty time window [%s, %s)", w.From.Format(time.RFC3339), w.To.Format(time.RFC3339))
	}
	return src.table, src.expr, nil
}

// Totals are the exact counts of distinct posts.
type Totals struct {
	Posts   uint64
	ByLabel map[post.Label]uint64
}

// Totals counts the distinct posts stored, in all and by label, from the
// posts table itself (the ground truth the rollups must agree with).
func (db *DB) Totals(ctx context.Context) (Totals, error) {
	t := Totals{ByLabel: map[post.Label]uint64{}}
	rows, err := db.conn.Query(ctx, "SELECT toString(label), count() FROM posts FINAL GROUP BY label")
	if err != nil {
		return t, fmt.Errorf("clickhouse: count posts by label: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var label string
		var n uint64
		if err := rows.Scan(&label, &n); err != nil {
			return t, fmt.Errorf("clickhouse: count posts by label: %w", err)
		}
		t.ByLabel[post.Label(label)] = n
		t.Posts += n
	}
	if err := rows.Err(); err != nil {
		return t, fmt.Errorf("clickhouse: count posts by label: %w", err)
	}
	return t, nil
}

// RollupTotals counts the distinct posts by label from the day rollup: what
// the dashboard shows, cheap on any volume.
func (db *DB) RollupTotals(ctx context.Context) (Totals, error) {
	t := Totals{ByLabel: map[post.Label]uint64{}}
	rows, err := db.conn.Query(ctx, "SELECT toString(label) AS l, sum(posts) FROM rollup_1d FINAL GROUP BY l")
	if err != nil {
		return t, fmt.Errorf("clickhouse: rollup totals: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var label string
		var n uint64
		if err := rows.Scan(&label, &n); err != nil {
			return t, fmt.Errorf("clickhouse: rollup totals: %w", err)
		}
		t.ByLabel[post.Label(label)] = n
		t.Posts += n
	}
	if err := rows.Err(); err != nil {
		return t, fmt.Errorf("clickhouse: rollup totals: %w", err)
	}
	return t, nil
}

// RawRows counts the rows of the posts table before deduplication: it is
// larger than Totals().Posts when posts were delivered more than once and
// not merged yet.
func (db *DB) RawRows(ctx context.Context) (uint64, error) {
	var n uint64
	if err := db.conn.QueryRow(ctx, "SELECT count() FROM posts").Scan(&n); err != nil {
		return 0, fmt.Errorf("clickhouse: count raw rows: %w", err)
	}
	return n, nil
}

// Extent returns the minute of the first and of the last stored post, from
// the minute rollup: cheap on any volume (a bucket never empties, since a
// post's creation time never changes, so FINAL is not needed). ok is false
// when nothing is stored.
func (db *DB) Extent(ctx context.Context) (from, to time.Time, ok bool, err error) {
	var n uint64
	row := db.conn.QueryRow(ctx, "SELECT count(), min(bucket), max(bucket) FROM rollup_1m")
	if err := row.Scan(&n, &from, &to); err != nil {
		return from, to, false, fmt.Errorf("clickhouse: time extent of posts: %w", err)
	}
	return from.UTC(), to.UTC(), n > 0, nil
}

// PostsExtent returns the creation time of the first and the last stored
// post from the posts table itself (a scan: for maintenance commands).
func (db *DB) PostsExtent(ctx context.Context) (from, to time.Time, ok bool, err error) {
	var n uint64
	row := db.conn.QueryRow(ctx, "SELECT count(), min(created_at), max(created_at) FROM posts")
	if err := row.Scan(&n, &from, &to); err != nil {
		return from, to, false, fmt.Errorf("clickhouse: time extent of posts: %w", err)
	}
	return from.UTC(), to.UTC(), n > 0, nil
}

// RegionCount is the number of posts of one region in one time bucket.
type RegionCount struct {
	Bucket time.Time
	Region string // "" for posts whose region is unknown
	Posts  uint64
}

// OutagesByRegion counts distinct outage reports per time bucket and region,
// from the rollups.
func (db *DB) OutagesByRegion(ctx context.Context, w Window) ([]RegionCount, error) {
	table, expr, err := w.source()
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + expr + ` AS t, region, sum(posts) AS n
		FROM ` + table + ` FINAL
		WHERE label = 'outage_report' AND bucket >= toDateTime(?) AND bucket < toDateTime(?)
		GROUP BY t, region HAVING n > 0 ORDER BY t, region`
	rows, err := db.conn.Query(ctx, q, w.From.Unix(), w.To.Unix())
	if err != nil {
		return nil, fmt.Errorf("clickhouse: outages by region: %w", err)
	}
	defer rows.Close()
	var out []RegionCount
	for rows.Next() {
		var r RegionCount
		if err := rows.Scan(&r.Bucket, &r.Region, &r.Posts); err != nil {
			return nil, fmt.Errorf("clickhouse: outages by region: %w", err)
		}
		r.Bucket = r.Bucket.UTC()
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: outages by region: %w", err)
	}
	return out, nil
}

// LabelCount is the number of posts of one label in one time bucket.
type LabelCount struct {
	Bucket time.Time
	Label  post.Label
	Posts  uint64
}

// LabelMix counts distinct posts per time bucket and label, from the rollups.
func (db *DB) LabelMix(ctx context.Context, w Window) ([]LabelCount, error) {
	table, expr, err := w.source()
	if err != nil {
		return nil, err
	}
	q := `SELECT ` + expr + ` AS t, toString(label) AS l, sum(posts) AS n
		FROM ` + table + ` FINAL
		WHERE bucket >= toDateTime(?) AND bucket < toDateTime(?)
		GROUP BY t, l HAVING n > 0 ORDER BY t, l`
	rows, err := db.conn.Query(ctx, q, w.From.Unix(), w.To.Unix())
	if err != nil {
		return nil, fmt.Errorf("clickhouse: label mix: %w", err)
	}
	defer rows.Close()
	var out []LabelCount
	for rows.Next() {
		var r LabelCount
		var label string
		if err := rows.Scan(&r.Bucket, &label, &r.Posts); err != nil {
			return nil, fmt.Errorf("clickhouse: label mix: %w", err)
		}
		r.Bucket, r.Label = r.Bucket.UTC(), post.Label(label)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: label mix: %w", err)
	}
	return out, nil
}

// LabelRegion is the number of distinct posts with one label and region.
type LabelRegion struct {
	Label  post.Label
	Region string
	Posts  uint64
}

// CountByLabelRegion counts distinct posts per label and region, over all time.
func (db *DB) CountByLabelRegion(ctx context.Context) ([]LabelRegion, error) {
	rows, err := db.conn.Query(ctx, `SELECT toString(label), region, count() FROM posts FINAL
		GROUP BY label, region ORDER BY label, region`)
	if err != nil {
		return nil, fmt.Errorf("clickhouse: count by label and region: %w", err)
	}
	defer rows.Close()
	var out []LabelRegion
	for rows.Next() {
		var r LabelRegion
		var label string
		if err := rows.Scan(&label, &r.Region, &r.Posts); err != nil {
			return nil, fmt.Errorf("clickhouse: count by label and region: %w", err)
		}
		r.Label = post.Label(label)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: count by label and region: %w", err)
	}
	return out, nil
}

// QueryTSV runs a researcher's query and writes the result as tab-separated
// values with a header line, the way clickhouse-client prints TSVWithNames.
// It is meant for the readonly user: the server refuses writes.
func (db *DB) QueryTSV(ctx context.Context, query string, write func(line []string) error) error {
	rows, err := db.conn.Query(ctx, query)
	if err != nil {
		return fmt.Errorf("clickhouse: query: %w", err)
	}
	defer rows.Close()
	cols := rows.Columns()
	if err := write(cols); err != nil {
		return err
	}
	types := rows.ColumnTypes()
	vals := make([]any, len(cols))
	for rows.Next() {
		for i, ct := range types {
			vals[i] = newScanTarget(ct.ScanType())
		}
		if err := rows.Scan(vals...); err != nil {
			return fmt.Errorf("clickhouse: query: %w", err)
		}
		line := make([]string, len(cols))
		for i, v := range vals {
			line[i] = formatValue(v)
		}
		if err := write(line); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("clickhouse: query: %w", err)
	}
	return nil
}
