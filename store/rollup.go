package store

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// Rollups are recounted, never incremented: RefreshRollups rebuilds the
// buckets of the hours a batch touched from the deduplicated posts table.
// A post delivered twice, or relabelled by a newer classifier, therefore
// counts once, under its newest label, in every rollup. The store stage
// calls it after each insert and before committing the batch, so a crash in
// between redelivers the batch and the recount happens again.

// rollupDims are the dimensions every rollup is keyed by, after the bucket.
const rollupDims = "label, region, platform, role, lang, source"

// paris is the time zone of day buckets: unions count school days.
const paris = "Europe/Paris"

// RefreshRollups recounts every rollup for the UTC hours containing times
// (and the Paris days containing those hours).
func (db *DB) RefreshRollups(ctx context.Context, times []time.Time) error {
	if len(times) == 0 {
		return nil
	}
	hours := make([]uint32, 0, 8)
	for _, t := range times {
		hours = append(hours, uint32(t.Unix()/3600*3600))
	}
	slices.Sort(hours)
	hours = slices.Compact(hours)
	loc := parisLocation()
	days := make([]uint32, 0, 2)
	for _, h := range hours {
		days = append(days, uint32(startOfDay(time.Unix(int64(h), 0), loc).Unix()))
	}
	slices.Sort(days)
	days = slices.Compact(days)

	hourFrom, hourTo := int64(hours[0]), int64(hours[len(hours)-1])+3600
	dayFrom, dayTo := int64(days[0]), int64(days[len(days)-1])+25*3600

	steps := []struct {
		// filterBy selects the touched hours or days; %s is the time column.
		table, bucket, from, filterBy string
		lo, hi                        int64
		keys                          []uint32
		// hashtags: the table is keyed by hashtag too (one row per distinct
		// lower-cased hashtag of a post; migration 0004).
		hashtags bool
	}{
		// 1-minute buckets from the posts themselves.
		{"rollup_1m", "toStartOfMinute(created_at)", "posts", "toUInt32(toStartOfHour(%s))", hourFrom, hourTo, hours, false},
		// Coarser buckets from the finer rollup just recounted.
		{"rollup_15m", "toStartOfFifteenMinutes(bucket)", "rollup_1m", "toUInt32(toStartOfHour(%s))", hourFrom, hourTo, hours, false},
		{"rollup_1h", "toStartOfHour(bucket)", "rollup_1m", "toUInt32(toStartOfHour(%s))", hourFrom, hourTo, hours, false},
		{"rollup_1d", "toDateTime(toStartOfDay(bucket, '" + paris + "'), 'UTC')", "rollup_1h", "toUInt32(toStartOfDay(%s, '" + paris + "'))", dayFrom, dayTo, days, false},
		// Hashtag rollups: 15 minutes from the posts, coarser from it.
		{"rollup_hashtags_15m", "toStartOfFifteenMinutes(created_at)", "posts", "toUInt32(toStartOfHour(%s))", hourFrom, hourTo, hours, true},
		{"rollup_hashtags_1h", "toStartOfHour(bucket)", "rollup_hashtags_15m", "toUInt32(toStartOfHour(%s))", hourFrom, hourTo, hours, true},
		{"rollup_hashtags_1d", "toDateTime(toStartOfDay(bucket, '" + paris + "'), 'UTC')", "rollup_hashtags_1h", "toUInt32(toStartOfDay(%s, '" + paris + "'))", dayFrom, dayTo, days, true},
	}
	for _, s := range steps {
		timeCol, count, sentiment := "bucket", "sum(posts)", "sum(sentiment_sum)"
		dims, from := rollupDims, s.from+" FINAL"
		if s.hashtags {
			dims = "hashtag, " + rollupDims
		}
		if s.from == "posts" {
			timeCol, count, sentiment = "created_at", "count()", "sum(toFloat64(sentiment))"
			if s.hashtags {
				from += " " + hashtagJoin
			}
		}
		// The zero rows come first with version v, the recount with v+1: a
		// key still present is replaced by its new count, a key gone keeps 0.
		q := `INSERT INTO ` + s.table + ` (bucket, ` + dims + `, posts, sentiment_sum, version)
			SELECT bucket, ` + dims + `, toUInt64(0), toFloat64(0), toUInt64(?) FROM ` + s.table + ` FINAL
			WHERE bucket >= toDateTime(?) AND bucket < toDateTime(?) AND has(?, ` + fmt.Sprintf(s.filterBy, "bucket") + `)
			UNION ALL
			SELECT ` + s.bucket + ` AS b, ` + dims + `, ` + count + `, ` + sentiment + `, toUInt64(?) FROM ` + from + `
			WHERE ` + timeCol + ` >= toDateTime(?) AND ` + timeCol + ` < toDateTime(?) AND has(?, ` + fmt.Sprintf(s.filterBy, timeCol) + `)
			GROUP BY b, ` + dims
		v := db.nextVersion()
		if err := db.conn.Exec(ctx, q, v, s.lo, s.hi, s.keys, v+1, s.lo, s.hi, s.keys); err != nil {
			return fmt.Errorf("clickhouse: refresh %s: %w", s.table, err)
		}
	}
	return nil
}

// nextVersion returns an even, strictly increasing version: v for the zero
// rows of a recount, v+1 for its counts.
func (db *DB) nextVersion() uint64 {
	for {
		last := db.version.Load()
		v := max(uint64(time.Now().UnixNano()), last+2) &^ 1
		if v <= last {
			v += 2
		}
		if db.version.CompareAndSwap(last, v) {
			return v
		}
	}
}

func parisLocation() *time.Location {
	loc, err := time.LoadLocation(paris)
	if err != nil {
		// No tz database: Paris is UTC+1 in winter, +2 in summer; a fixed
		// +1 keeps days whole at worst an hour off. Vigie embeds tzdata, so
		// this does not happen in the binary.
		return time.FixedZone("CET", 3600)
	}
	return loc
}

func startOfDay(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// CheckRollups recounts every rollup from the posts table and reports the
// first disagreement: the proof, in tests and after a crash, that counts are
// exact. It scans all posts; it is a check, not a dashboard query.
func (db *DB) CheckRollups(ctx context.Context) error {
	grains := []struct {
		table, expr string
		hashtags    bool
	}{
		{"rollup_1m", "toStartOfMinute(created_at)", false},
		{"rollup_15m", "toStartOfFifteenMinutes(created_at)", false},
		{"rollup_1h", "toStartOfHour(created_at)", false},
		{"rollup_1d", "toDateTime(toStartOfDay(created_at, '" + paris + "'), 'UTC')", false},
		{"rollup_hashtags_15m", "toStartOfFifteenMinutes(created_at)", true},
		{"rollup_hashtags_1h", "toStartOfHour(created_at)", true},
		{"rollup_hashtags_1d", "toDateTime(toStartOfDay(created_at, '" + paris + "'), 'UTC')", true},
	}
	for _, g := range grains {
		dims, posts := rollupDims, "posts FINAL"
		if g.hashtags {
			dims, posts = "hashtag, "+rollupDims, "posts FINAL "+hashtagJoin
		}
		// Keys on either side whose counts differ (a full outer join of the
		// two aggregates, one JOIN per level as 18.16 requires).
		q := `SELECT count() FROM (
				SELECT b, ` + dims + `, n FROM (
					SELECT bucket AS b, ` + dims + `, sum(posts) AS n FROM ` + g.table + ` FINAL
					GROUP BY b, ` + dims + ` HAVING n > 0)
				FULL OUTER JOIN (
					SELECT ` + g.expr + ` AS b, ` + dims + `, count() AS m FROM ` + posts + `
					GROUP BY b, ` + dims + `)
				USING (b, ` + dims + `)
				WHERE n != m)`
		var bad uint64
		if err := db.conn.QueryRow(ctx, q).Scan(&bad); err != nil {
			return fmt.Errorf("clickhouse: check %s: %w", g.table, err)
		}
		if bad > 0 {
			return fmt.Errorf("clickhouse: %s disagrees with a recount of posts on %d keys", g.table, bad)
		}
	}
	return nil
}
