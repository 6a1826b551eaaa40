package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Reclassifier reads and rewrites stored posts (a *store.DB).
type Reclassifier interface {
	ScanPosts(ctx context.Context, f store.PostFilter, fn func(post.Classified) error) error
	InsertPosts(ctx context.Context, posts []post.Classified) error
	RefreshRollups(ctx context.Context, times []time.Time) error
}

// Reclassify classifies again every stored post whose classifier version is
// not version, one day of posts at a time, and writes the new labels. The
// new rows replace the old ones (same sorting key, higher version) and the
// rollups of the touched hours are recounted, so nothing is counted twice;
// running it again finds nothing to do. It returns the posts rewritten.
func Reclassify(ctx context.Context, db Reclassifier, c Classifier, version string, from, to time.Time, log *slog.Logger) (int, error) {
	log = logger(log)
	const batchSize = 10000
	done := 0
	for day := from.Truncate(24 * time.Hour); day.Before(to); day = day.Add(24 * time.Hour) {
		var batch []post.Classified
		flush := func() error {
			if len(batch) == 0 {
				return nil
			}
			times := make([]time.Time, len(batch))
			for i := range batch {
				times[i] = batch[i].CreatedAt
			}
			if err := db.InsertPosts(ctx, batch); err != nil {
				return err
			}
			if err := db.RefreshRollups(ctx, times); err != nil {
				return err
			}
			done += len(batch)
			batch = batch[:0]
			return nil
		}
		now := time.Now()
		err := db.ScanPosts(ctx, store.PostFilter{From: day, To: day.Add(24 * time.Hour), NotClassifier: version},
			func(old post.Classified) error {
				batch = append(batch, c.Classify(old.Post, now))
				if len(batch) == batchSize {
					return flush()
				}
				return nil
			})
		if err == nil {
			err = flush()
		}
		if err != nil {
			return done, fmt.Errorf("reclassify %s: %w", day.Format("2006-01-02"), err)
		}
		if done > 0 {
			log.Info("reclassified", "day", day.Format("2006-01-02"), "posts_so_far", done)
		}
	}
	return done, nil
}
