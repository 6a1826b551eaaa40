package store

import (
	"context"
	"fmt"
	"time"

	"github.com/vigie-edu/vigie/incident"
)

// OutageSeries returns the outage reports per 15 minutes, region and
// platform in [from, to), from the 15-minute rollup: the detector's input.
func (db *DB) OutageSeries(ctx context.Context, from, to time.Time) ([]incident.Point, error) {
	rows, err := db.conn.Query(ctx, `SELECT bucket, region, platform, sum(posts) AS n FROM rollup_15m FINAL
		WHERE label = 'outage_report' AND platform != '' AND bucket >= toDateTime(?) AND bucket < toDateTime(?)
		GROUP BY bucket, region, platform HAVING n > 0`, from.Unix(), to.Unix())
	if err != nil {
		return nil, fmt.Errorf("clickhouse: outage series: %w", err)
	}
	defer rows.Close()
	var out []incident.Point
	for rows.Next() {
		var p incident.Point
		if err := rows.Scan(&p.Bucket, &p.Region, &p.Platform, &p.Posts); err != nil {
			return nil, fmt.Errorf("clickhouse: outage series: %w", err)
		}
		p.Bucket = p.Bucket.UTC()
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: outage series: %w", err)
	}
	return out, nil
}

// Example is a post shown as evidence of an incident.
type Example struct {
	Key, Text string
}

// IncidentExamples returns up to n outage reports of the incident's
// platform (and region, for a regional one) around its peak.
func (db *DB) IncidentExamples(ctx context.Context, f incident.Found, n int) ([]Example, error) {
	q := `SELECT post_key, text FROM posts FINAL
		WHERE label = 'outage_report' AND platform = ? AND (? = '' OR region = ?)
		AND created_at >= toDateTime(?) AND created_at < toDateTime(?)
		ORDER BY abs(toInt64(toUInt32(created_at)) - ?), post_key LIMIT ?`
	rows, err := db.conn.Query(ctx, q, f.Platform, f.Region, f.Region, f.Start.Unix(), f.End.Unix(), f.PeakAt.Unix(), n)
	if err != nil {
		return nil, fmt.Errorf("clickhouse: incident examples: %w", err)
	}
	defer rows.Close()
	var out []Example
	for rows.Next() {
		var e Example
		if err := rows.Scan(&e.Key, &e.Text); err != nil {
			return nil, fmt.Errorf("clickhouse: incident examples: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: incident examples: %w", err)
	}
	return out, nil
}

// StoredIncident is an incident with its example posts.
type StoredIncident struct {
	incident.Found
	Examples []Example `json:"examples"`
}

// SaveIncidents writes the incidents' current state.
func (db *DB) SaveIncidents(ctx context.Context, incidents []StoredIncident) error {
	if len(incidents) == 0 {
		return nil
	}
	batch, err := db.conn.PrepareBatch(ctx, `INSERT INTO incidents (id, level, region, platform, start, end, open,
		peak, peak_at, expected_at_peak, posts, example_keys, example_texts, updated_at, version)`)
	if err != nil {
		return fmt.Errorf("clickhouse: save incidents: %w", err)
	}
	defer batch.Close()
	now := time.Now().UTC()
	v := db.nextVersion()
	for _, in := range incidents {
		keys, texts := []string{}, []string{}
		for _, e := range in.Examples {
			keys, texts = append(keys, e.Key), append(texts, e.Text)
		}
		open := uint8(0)
		if in.Open {
			open = 1
		}
		if err := batch.Append(in.ID, string(in.Level), in.Region, in.Platform, in.Start, in.End, open,
			in.Peak, in.PeakAt, in.Expected, in.Posts, keys, texts, now, v); err != nil {
			return fmt.Errorf("clickhouse: save incident %s: %w", in.ID, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("clickhouse: save incidents: %w", err)
	}
	return nil
}

// Incidents lists the stored incidents, newest first.
func (db *DB) Incidents(ctx context.Context) ([]StoredIncident, error) {
	rows, err := db.conn.Query(ctx, `SELECT id, toString(level), region, platform, start, end, open, peak, peak_at,
		expected_at_peak, posts, example_keys, example_texts FROM incidents FINAL ORDER BY start DESC, platform, region`)
	if err != nil {
		return nil, fmt.Errorf("clickhouse: incidents: %w", err)
	}
	defer rows.Close()
	var out []StoredIncident
	for rows.Next() {
		var in StoredIncident
		var level string
		var open uint8
		var keys, texts []string
		if err := rows.Scan(&in.ID, &level, &in.Region, &in.Platform, &in.Start, &in.End, &open, &in.Peak,
			&in.PeakAt, &in.Expected, &in.Posts, &keys, &texts); err != nil {
			return nil, fmt.Errorf("clickhouse: incidents: %w", err)
		}
		in.Level, in.Open = incident.Level(level), open == 1
		in.Start, in.End, in.PeakAt = in.Start.UTC(), in.End.UTC(), in.PeakAt.UTC()
		for i := range keys {
			if i < len(texts) {
				in.Examples = append(in.Examples, Example{Key: keys[i], Text: texts[i]})
			}
		}
		out = append(out, in)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: incidents: %w", err)
	}
	return out, nil
}
