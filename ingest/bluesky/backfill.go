package bluesky

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

const nsidSearchPosts = "app.bsky.feed.searchPosts"

// ErrNoCredentials is returned by Backfill when no account is configured:
// searchPosts needs one (public.api.bsky.app refuses it since 2025-01).
var ErrNoCredentials = errors.New("bluesky: searchPosts needs VIGIE_BLUESKY_IDENTIFIER and an app password")

// searchPage is an app.bsky.feed.searchPosts response. Posts stay raw so
// that one malformed post is rejected alone.
type searchPage struct {
	Cursor string            `json:"cursor"`
	Posts  []json.RawMessage `json:"posts"`
}

// postView is the part of app.bsky.feed.defs#postView kept.
type postView struct {
	URI    string `json:"uri"`
	Author struct {
		Did         string `json:"did"`
		DisplayName string `json:"displayName"`
	} `json:"author"`
	Record    json.RawMessage `json:"record"`
	IndexedAt string          `json:"indexedAt"`
}

// Backfill searches the posts of [from, to) with searchPosts, one query per
// tracked term (sort=latest, cursor paging, at most SearchMaxPages pages per
// term), and emits those that match the tracked terms and were not emitted
// recently. It returns the number of posts emitted. Errors of emit or of the
// Rejecter are returned as they are; others say which term failed.
func (s *Source) Backfill(ctx context.Context, emit ingest.Emit, from, to time.Time) (int, error) {
	if s.xrpc == nil {
		return 0, ErrNoCredentials
	}
	total := 0
	for _, term := range s.cfg.Terms {
		n, err := s.backfillTerm(ctx, emit, term, from, to)
		total += n
		if err != nil {
			return total, fmt.Errorf("bluesky backfill %q: %w", term, err)
		}
	}
	return total, nil
}

// searchQuery turns a tracked term into a searchPosts q: a phrase for
// several words, the word alone otherwise (it finds the hashtag too).
func searchQuery(term string) string {
	term = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(term), "#"))
	if strings.ContainsAny(term, " \t") {
		return `"` + strings.ReplaceAll(term, `"`, ``) + `"`
	}
	return term
}

func (s *Source) backfillTerm(ctx context.Context, emit ingest.Emit, term string, from, to time.Time) (int, error) {
	const layout = "2006-01-02T15:04:05.000Z"
	q := url.Values{}
	q.Set("q", searchQuery(term))
	q.Set("sort", "latest")
	q.Set("since", from.UTC().Format(layout))
	q.Set("until", to.UTC().Format(layout))
	q.Set("limit", strconv.Itoa(s.cfg.SearchPageLimit))
	emitted := 0
	prev := ""
	for page := 0; page < s.cfg.SearchMaxPages; page++ {
		var res searchPage
		if err := s.xrpc.get(ctx, nsidSearchPosts, q, &res); err != nil {
			return emitted, err
		}
		batch := make([]post.Post, 0, len(res.Posts))
		for _, raw := range res.Posts {
			p, ok, err := s.fromPostView(ctx, raw)
			if err != nil {
				return emitted, err
			}
			if ok {
				batch = append(batch, p)
			}
		}
		if len(batch) > 0 {
			if err := s.emitBatch(ctx, emit, batch); err != nil {
				return emitted, err
			}
			emitted += len(batch)
			s.stats.backfillPosts.Add(int64(len(batch)))
		}
		if res.Cursor == "" || res.Cursor == prev || len(res.Posts) == 0 {
			return emitted, nil
		}
		prev = res.Cursor
		q.Set("cursor", res.Cursor)
	}
	s.log.Warn("bluesky backfill stopped at the page limit", "term", term, "pages", s.cfg.SearchMaxPages)
	return emitted, nil
}

// fromPostView maps one search result; ok is false for a post to skip
// (malformed ones are rejected, non-matching and recent ones dropped).
func (s *Source) fromPostView(ctx context.Context, raw json.RawMessage) (post.Post, bool, error) {
	origin := s.name + " searchPosts"
	var v postView
	if err := json.Unmarshal(raw, &v); err != nil {
		return post.Post{}, false, s.rejectRaw(ctx, raw, "malformed postView: "+err.Error(), origin)
	}
	did, rkey, ok := parseATURI(v.URI)
	if !ok {
		return post.Post{}, false, s.rejectRaw(ctx, raw, fmt.Sprintf("postView uri %q is not an app.bsky.feed.post at-URI", clip(v.URI, 200)), origin)
	}
	if v.Author.Did != "" && v.Author.Did != did {
		return post.Post{}, false, s.rejectRaw(ctx, raw, "postView author.did differs from the uri's", origin)
	}
	var seen time.Time
	if v.IndexedAt != "" {
		seen, _ = parseTime(v.IndexedAt)
	}
	p, err := toPost(did, rkey, v.Record, seen)
	var de *dateError
	if err != nil && !errors.As(err, &de) {
		return post.Post{}, false, s.rejectRaw(ctx, raw, err.Error(), origin)
	}
	p.AuthorName = v.Author.DisplayName
	p.Matched = s.tracker.Match(&p)
	if len(p.Matched) == 0 {
		s.stats.filtered.Add(1)
		return post.Post{}, false, nil
	}
	if de != nil {
		return post.Post{}, false, s.rejectRaw(ctx, raw, de.Error(), origin)
	}
	if !s.recent.Add(p.ID) {
		s.stats.duplicates.Add(1)
		return post.Post{}, false, nil
	}
	p.IngestedAt = s.deps.Now().UTC()
	return p, true, nil
}
