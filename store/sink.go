package store

import (
	"context"
	"fmt"

	"github.com/vigie-edu/vigie/post"
)

const insertPosts = `INSERT INTO posts (post_key, id, source, created_at, ingested_at, author, author_name,
	author_location, author_bio, text, source_lang, hashtags, matched, place, url, label, score_outage, score_complaint,
	score_testimony, score_other, evidence, platform, region, region_source, lang, lang_confidence,
	lang_source, role, sentiment, classifier, classified_at, version)`

// InsertPosts writes classified posts in one batch (one ClickHouse part).
// A post inserted again replaces its earlier row once merged, and reads with
// FINAL see it once: redelivery never double-counts. On error nothing is
// known about what landed, so the caller retries the whole batch.
func (db *DB) InsertPosts(ctx context.Context, posts []post.Classified) error {
	if len(posts) == 0 {
		return nil
	}
	batch, err := db.conn.PrepareBatch(ctx, insertPosts)
	if err != nil {
		return fmt.Errorf("clickhouse: prepare insert of %d posts: %w", len(posts), err)
	}
	defer batch.Close()
	for i := range posts {
		c := &posts[i]
		err := batch.Append(
			c.Key(), c.ID, c.Source, c.CreatedAt, c.IngestedAt, c.Author, c.AuthorName,
			c.AuthorLocation, c.AuthorBio, c.Text, c.Post.Lang, nonNil(c.Hashtags), nonNil(c.Matched), c.Place, c.URL,
			string(c.Label), c.Scores.Outage, c.Scores.Complaint, c.Scores.Testimony, c.Scores.Other,
			nonNil(c.Evidence), c.Platform, c.Region, c.RegionSource, c.Language, c.LangConfidence,
			c.LangSource, c.Role, c.Sentiment, c.Classifier, c.ClassifiedAt, uint64(c.ClassifiedAt.UnixMilli()),
		)
		if err != nil {
			return fmt.Errorf("clickhouse: append post %s: %w", c.Key(), err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("clickhouse: insert %d posts: %w", len(posts), err)
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
