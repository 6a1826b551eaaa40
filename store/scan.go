package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// PostFilter selects stored posts. Empty fields do not filter. Values are
// bound as query parameters, never spliced into SQL.
type PostFilter struct {
	From, To  time.Time
	Labels    []string
	Regions   []string
	Platforms []string
	Sources   []string
	// NotClassifier keeps posts classified by another version than this.
	NotClassifier string
	Limit         int
}

func (f PostFilter) where() (string, []any) {
	conds := []string{"1"}
	var args []any
	if !f.From.IsZero() {
		conds = append(conds, "created_at >= toDateTime(?)")
		args = append(args, f.From.Unix())
	}
	if !f.To.IsZero() {
		conds = append(conds, "created_at < toDateTime(?)")
		args = append(args, f.To.Unix())
	}
	for _, in := range []struct {
		col  string
		vals []string
	}{{"toString(label)", f.Labels}, {"region", f.Regions}, {"platform", f.Platforms}, {"source", f.Sources}} {
		if len(in.vals) > 0 {
			conds = append(conds, "has(?, "+in.col+")")
			args = append(args, in.vals)
		}
	}
	if f.NotClassifier != "" {
		conds = append(conds, "classifier != ?")
		args = append(args, f.NotClassifier)
	}
	return strings.Join(conds, " AND "), args
}

const postColumns = `id, source, created_at, ingested_at, author, author_name, author_location, author_bio,
	text, source_lang, hashtags, matched, place, url, toString(label), score_outage, score_complaint, score_testimony,
	score_other, evidence, platform, region, region_source, lang, lang_confidence, lang_source, role, sentiment,
	classifier, classified_at`

// ScanPosts streams the distinct posts matching f, in creation order, to fn.
func (db *DB) ScanPosts(ctx context.Context, f PostFilter, fn func(post.Classified) error) error {
	where, args := f.where()
	q := `SELECT ` + postColumns + ` FROM posts FINAL WHERE ` + where + ` ORDER BY created_at, post_key`
	if f.Limit > 0 {
		q += " LIMIT ?"
		args = append(args, f.Limit)
	}
	rows, err := db.conn.Query(ctx, q, args...)
	if err != nil {
		return fmt.Errorf("clickhouse: scan posts: %w", err)
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
			return fmt.Errorf("clickhouse: scan posts: %w", err)
		}
		c.Label = post.Label(label)
		c.CreatedAt, c.IngestedAt, c.ClassifiedAt = c.CreatedAt.UTC(), c.IngestedAt.UTC(), c.ClassifiedAt.UTC()
		if err := fn(c); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("clickhouse: scan posts: %w", err)
	}
	return nil
}

// CountPosts counts the distinct posts matching f (for progress bars).
func (db *DB) CountPosts(ctx context.Context, f PostFilter) (uint64, error) {
	where, args := f.where()
	var n uint64
	if err := db.conn.QueryRow(ctx, "SELECT count() FROM posts FINAL WHERE "+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("clickhouse: count posts: %w", err)
	}
	if f.Limit > 0 && n > uint64(f.Limit) {
		n = uint64(f.Limit)
	}
	return n, nil
}
