package pipeline

import (
	"context"
	"time"

	"github.com/vigie-edu/vigie/ingest"
)

// GapStore writes gaps to ClickHouse (a *store.DB).
type GapStore interface {
	RecordGap(ctx context.Context, source string, from, to time.Time, reason string) error
}

// gapRecorder adapts a GapStore to ingest.GapRecorder.
type gapRecorder struct{ db GapStore }

func (g gapRecorder) RecordGap(ctx context.Context, gap ingest.Gap) error {
	return g.db.RecordGap(ctx, gap.Source, gap.From, gap.To, gap.Reason)
}

// GapsTo records live sources' gaps in ClickHouse.
func GapsTo(db GapStore) ingest.GapRecorder { return gapRecorder{db} }
