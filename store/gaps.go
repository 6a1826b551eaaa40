package store

import (
	"context"
	"fmt"
	"time"
)

// Gap is a window during which a source may have missed posts.
type Gap struct {
	Source   string    `json:"source"`
	From     time.Time `json:"from"`
	To       time.Time `json:"to"`
	Reason   string    `json:"reason"`
	Recorded time.Time `json:"recorded_at"`
}

// RecordGap stores a coverage gap of a live source.
func (db *DB) RecordGap(ctx context.Context, source string, from, to time.Time, reason string) error {
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO source_gaps (source, gap_start, gap_end, reason, recorded_at)")
	if err != nil {
		return fmt.Errorf("clickhouse: record gap: %w", err)
	}
	defer batch.Close()
	if err := batch.Append(source, from.UTC(), to.UTC(), reason, time.Now().UTC()); err != nil {
		return fmt.Errorf("clickhouse: record gap: %w", err)
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("clickhouse: record gap: %w", err)
	}
	return nil
}

// Gaps returns the gaps overlapping [from, to), oldest first.
func (db *DB) Gaps(ctx context.Context, from, to time.Time) ([]Gap, error) {
	rows, err := db.conn.Query(ctx, `SELECT source, gap_start, gap_end, reason, recorded_at FROM source_gaps FINAL
		WHERE gap_end >= toDateTime(?) AND gap_start < toDateTime(?) ORDER BY gap_start, source`, from.Unix(), to.Unix())
	if err != nil {
		return nil, fmt.Errorf("clickhouse: gaps: %w", err)
	}
	defer rows.Close()
	var out []Gap
	for rows.Next() {
		var g Gap
		if err := rows.Scan(&g.Source, &g.From, &g.To, &g.Reason, &g.Recorded); err != nil {
			return nil, fmt.Errorf("clickhouse: gaps: %w", err)
		}
		g.From, g.To, g.Recorded = g.From.UTC(), g.To.UTC(), g.Recorded.UTC()
		out = append(out, g)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: gaps: %w", err)
	}
	return out, nil
}
