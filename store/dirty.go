package store

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// MarkDirty records that the rollups of the hours containing times must be
// recounted. The store stage calls it right after inserting a batch (and
// before committing it): a recount that reads the mark sees the rows.
func (db *DB) MarkDirty(ctx context.Context, times []time.Time) error {
	hours := hoursOf(times)
	if len(hours) == 0 {
		return nil
	}
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO rollup_dirty (hour, done, version)")
	if err != nil {
		return fmt.Errorf("clickhouse: mark dirty hours: %w", err)
	}
	defer batch.Close()
	v := uint64(time.Now().UnixNano()) * 2
	for _, h := range hours {
		if err := batch.Append(time.Unix(int64(h), 0).UTC(), uint8(0), v); err != nil {
			return fmt.Errorf("clickhouse: mark dirty hours: %w", err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("clickhouse: mark dirty hours: %w", err)
	}
	return nil
}

// DirtyHour is an hour waiting for its recount, and the version of its mark.
type DirtyHour struct {
	Hour    time.Time
	Version uint64
}

// DirtyHours returns the hours marked and not recounted yet (at most limit).
func (db *DB) DirtyHours(ctx context.Context, limit int) ([]DirtyHour, error) {
	rows, err := db.conn.Query(ctx, "SELECT hour, version FROM rollup_dirty FINAL WHERE done = 0 ORDER BY hour LIMIT ?", limit)
	if err != nil {
		return nil, fmt.Errorf("clickhouse: dirty hours: %w", err)
	}
	defer rows.Close()
	var out []DirtyHour
	for rows.Next() {
		var d DirtyHour
		if err := rows.Scan(&d.Hour, &d.Version); err != nil {
			return nil, fmt.Errorf("clickhouse: dirty hours: %w", err)
		}
		d.Hour = d.Hour.UTC()
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("clickhouse: dirty hours: %w", err)
	}
	return out, nil
}

// RefreshDirty recounts the rollups of up to limit marked hours and marks
// them done, unless they were marked again meanwhile. It returns how many
// hours it recounted.
func (db *DB) RefreshDirty(ctx context.Context, limit int) (int, error) {
	dirty, err := db.DirtyHours(ctx, limit)
	if err != nil || len(dirty) == 0 {
		return 0, err
	}
	times := make([]time.Time, len(dirty))
	for i, d := range dirty {
		times[i] = d.Hour
	}
	if err := db.RefreshRollups(ctx, times); err != nil {
		return 0, err
	}
	batch, err := db.conn.PrepareBatch(ctx, "INSERT INTO rollup_dirty (hour, done, version)")
	if err != nil {
		return 0, fmt.Errorf("clickhouse: mark hours done: %w", err)
	}
	defer batch.Close()
	for _, d := range dirty {
		// d.Version+1 beats the mark we read, and loses to any later mark.
		if err := batch.Append(d.Hour, uint8(1), d.Version+1); err != nil {
			return 0, fmt.Errorf("clickhouse: mark hours done: %w", err)
		}
	}
	if err := batch.Send(); err != nil {
		return 0, fmt.Errorf("clickhouse: mark hours done: %w", err)
	}
	return len(dirty), nil
}

func hoursOf(times []time.Time) []uint32 {
	hours := make([]uint32, 0, 8)
	for _, t := range times {
		hours = append(hours, uint32(t.Unix()/3600*3600))
	}
	slices.Sort(hours)
	return slices.Compact(hours)
}
