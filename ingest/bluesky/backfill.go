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
	"github.com/vigie-edu/vigie/internal/rawjson"
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
		if errors.Is(err, errBadSearchPage) { // dead-lettered; the other terms still run
			s.stats.backfillErrors.Add(1)
			s.log.Warn("bluesky backfill of a term stopped at a malformed page", "term", term, "error", err.Error())
			continue
		}
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
		var body []byte
		if err := s.xrpc.get(ctx, nsidSearchPosts, q, &body); err != nil {
			return emitted, err
		}
		res, err := s.decodeSearchPage(ctx, body)
		if err != nil {
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

// errBadSearchPage: a searchPosts answer that is not even a JSON object
// with a posts array. It is dead-lettered and ends that term's backfill.
var errBadSearchPage = errors.New("bluesky: malformed searchPosts page")

// decodeSearchPage decodes a searchPosts answer. When encoding/json refuses
// it whole (one post nested deeper than it allows, say), the page is cut
// into its members and posts, so that the bad post is rejected alone and
// the others still arrive.
func (s *Source) decodeSearchPage(ctx context.Context, body []byte) (searchPage, error) {
	var res searchPage
	jerr := json.Unmarshal(body, &res)
	if jerr == nil {
		return res, nil
	}
	res = searchPage{}
	err := jerr
	if rawjson.TooDeep(jerr) {
		var members map[string]json.RawMessage
		members, err = rawjson.Members(body)
		if raw, ok := members["cursor"]; ok && err == nil && json.Unmarshal(raw, &res.Cursor) != nil {
			err = errors.New("cursor is not a string")
		}
		if raw, ok := members["posts"]; ok && err == nil {
			res.Posts, err = rawjson.Elements(raw)
		}
	}
	if err != nil {
		reason := fmt.Sprintf("malformed searchPosts page (%d bytes): %v", len(body), jerr)
		if rerr := s.rejectRaw(ctx, body, reason, s.name+" searchPosts"); rerr != nil {
			return res, rerr
		}
		return res, fmt.Errorf("%w: %v", errBadSearchPage, jerr)
	}
	return res, nil
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
	nerr := s.normalize(&p, de)
	p.Matched = s.tracker.Match(&p)
	if len(p.Matched) == 0 {
		s.stats.filtered.Add(1)
		return post.Post{}, false, nil
	}
	if de != nil {
		return post.Post{}, false, s.rejectRaw(ctx, raw, de.Error(), origin)
	}
	if nerr != nil {
		return post.Post{}, false, s.rejectRaw(ctx, raw, nerr.Error(), origin)
	}
	if !s.recent.Add(p.ID) {
		s.stats.duplicates.Add(1)
		return post.Post{}, false, nil
	}
	p.IngestedAt = s.deps.Now().UTC()
	return p, true, nil
}
