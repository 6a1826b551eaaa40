package xapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/vigie-edu/vigie/internal/rawjson"
	"github.com/vigie-edu/vigie/post"
)

const searchPath = "/2/tweets/search/recent"

// Recent search reaches 7 days back; searchMargin keeps start_time safely
// inside (the clocks of X and of this host differ a little).
const (
	searchReach  = 7 * 24 * time.Hour
	searchMargin = 2 * time.Minute
	// endLag: X refuses an end_time less than 10 s before the request.
	endLag = 11 * time.Second
)

// fields asks for what mapTweet reads (source-formats.md §3.2).
func fields(q url.Values) url.Values {
	q.Set("expansions", "author_id,referenced_tweets.id,geo.place_id")
	q.Set("tweet.fields", "created_at,lang,entities,note_tweet,referenced_tweets,geo,author_id")
	q.Set("user.fields", "location,description,username,name")
	q.Set("place.fields", "full_name,country_code")
	return q
}

func apiTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// search is the x:search mode: every query once, from the checkpoint (or
// the last 7 days), then the checkpoint moves to the newest post.
func (r *run) search(ctx context.Context, since uint64) error {
	w := &window{sinceID: since}
	if since != 0 {
		w.from = idTime(since)
	}
	r.pending = w
	n, err := r.backfill(ctx, w)
	r.pending = nil
	if err != nil {
		return err
	}
	r.checkpoint()
	r.s.log.Info("x: recent search done", "posts", n, "since_id", since, "checkpoint", r.saved)
	return nil
}

// backfill runs recent search over w for every query and publishes what it
// finds (duplicates of stream posts are dropped by id). It returns the
// number of posts published. The part of w older than 7 days cannot be
// searched and is recorded as a gap.
func (r *run) backfill(ctx context.Context, w *window) (int, error) {
	s := r.s
	now := s.now()
	oldest := now.Add(-searchReach + searchMargin)
	base := url.Values{}
	switch {
	case w.sinceID != 0 && idTime(w.sinceID).After(oldest):
		base.Set("since_id", strconv.FormatUint(w.sinceID, 10))
	case !w.from.IsZero() && w.from.Before(oldest):
		to := oldest
		if !w.to.IsZero() && w.to.Before(oldest) {
			to = w.to
		}
		r.recordGap(ctx, w.from, to, "beyond recent search (older than 7 days)")
		if to.Before(oldest) {
			return 0, nil // the whole window is out of reach
		}
		base.Set("start_time", apiTime(oldest))
	case !w.from.IsZero():
		base.Set("start_time", apiTime(w.from))
	}
	if !w.to.IsZero() {
		// end_time is exclusive and in whole seconds: round up past w.to.
		end := w.to.Truncate(time.Second).Add(time.Second)
		if latest := now.Add(-endLag); end.After(latest) {
			s.log.Warn("x: backfill end clamped (BackfillDelay too short)", "want", end, "end", latest)
			end = latest.Truncate(time.Second)
		}
		base.Set("end_time", apiTime(end))
	}
	total := 0
	for qi, query := range s.queries {
		n, err := r.searchQuery(ctx, base, query, qi)
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// searchQuery pages through one query: same since_id/start/end on every
// page, plus next_token, until X stops giving one.
func (r *run) searchQuery(ctx context.Context, base url.Values, query string, qi int) (int, error) {
	total := 0
	token := ""
	for page := 1; ; page++ {
		q := fields(url.Values{})
		for k, v := range base {
			q[k] = v
		}
		q.Set("query", query)
		q.Set("max_results", strconv.Itoa(r.s.cfg.MaxResults))
		if token != "" {
			q.Set("next_token", token)
		}
		resp, err := r.searchCall(ctx, q)
		if err != nil {
			return total, err
		}
		where := fmt.Sprintf("%s query %d page %d", searchPath, qi+1, page)
		pg, err := r.decodeSearchPage(resp.Body, where)
		if err != nil {
			reason := "malformed search page: " + err.Error()
			if rerr := r.rejectRaw(ctx, resp.Body, reason, where); rerr != nil {
				return total, rerr
			}
			return total, fmt.Errorf("x: %s: %w", where, invalid("%s", rawjson.ClipReason(reason)))
		}
		if len(pg.Errors) > 0 {
			r.s.log.Debug("x: search page with partial errors", "where", where, "errors", len(pg.Errors), "first", pg.Errors[0].describe())
		}
		posts := make([]post.Post, 0, len(pg.Data))
		ids := make([]uint64, 0, len(pg.Data))
		now := r.s.now()
		for _, raw := range pg.Data {
			t, err := decodeTweet(raw)
			var p post.Post
			var id uint64
			if err == nil {
				p, id, err = toValidPost(&t, &pg.Includes, now)
			}
			if err != nil {
				if rerr := r.rejectRaw(ctx, raw, err.Error(), where); rerr != nil {
					return total, rerr
				}
				continue
			}
			posts = append(posts, p)
			ids = append(ids, id)
		}
		before := r.published
		if err := r.publish(ctx, posts, ids); err != nil {
			return total, err
		}
		total += r.published - before
		if token = pg.Meta.NextToken; token == "" {
			return total, nil
		}
	}
}

// searchCall makes one search request, waiting out rate limits (the
// x-rate-limit-reset time, else 1 min doubling) and retrying network and
// 5xx failures SearchRetries times. A usage cap or another 4xx ends it.
func (r *run) searchCall(ctx context.Context, q url.Values) (*response, error) {
	s := r.s
	ns, hs, rs := netSchedule(), httpSchedule(), rateSchedule()
	failures := 0
	for {
		if wait := r.rateUntil.Sub(s.now()); wait > 0 {
			s.log.Info("x: search rate limit exhausted, waiting for the reset", "wait", wait)
			if !s.sleep(ctx, wait) {
				return nil, ctx.Err()
			}
		}
		resp, err := s.do(ctx, http.MethodGet, searchPath, q, nil)
		if err == nil {
			r.rateUntil = time.Time{}
			if resp.Rate.Remaining == 0 && resp.Rate.Reset.After(s.now()) {
				r.rateUntil = resp.Rate.Reset.Add(time.Second)
			}
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		var wait time.Duration
		ae, isAPI := asAPI(err)
		switch {
		case isAPI && ae.usageCapped():
			return nil, err
		case isAPI && ae.Status == http.StatusTooManyRequests:
			wait = rs.next()
			if until := ae.Reset.Sub(s.now()); until > 0 {
				wait = until + time.Second
			}
			s.log.Warn("x: search rate limited", "wait", wait, "reset", ae.Reset)
		case isAPI && ae.Status >= 500, isNet(err):
			failures++
			if failures >= s.cfg.SearchRetries {
				return nil, fmt.Errorf("x: search gave up after %d attempts: %w", failures, err)
			}
			if isAPI {
				wait = hs.next()
			} else {
				wait = ns.next()
			}
			s.log.Warn("x: search failed, will retry", "err", err, "wait", wait)
		default:
			return nil, err
		}
		if !s.sleep(ctx, wait) {
			return nil, errors.Join(err, ctx.Err())
		}
	}
}

// decodeSearchPage decodes a recent search answer. When encoding/json
// refuses it whole (one post nested deeper than it allows, say), the page
// is cut into its members and its data into posts, so that the bad post is
// rejected alone and the others still arrive; includes that do not decode
// are dropped (the posts keep their author ids). An answer that is not even
// a JSON object is an error.
func (r *run) decodeSearchPage(body []byte, where string) (searchPage, error) {
	var pg searchPage
	jerr := json.Unmarshal(body, &pg)
	if jerr == nil {
		return pg, nil
	}
	pg = searchPage{}
	if !rawjson.TooDeep(jerr) {
		return pg, jerr
	}
	members, err := rawjson.Members(body)
	if err != nil {
		return pg, jerr
	}
	if raw, ok := members["data"]; ok {
		if pg.Data, err = rawjson.Elements(raw); err != nil {
			return pg, jerr
		}
	}
	if raw, ok := members["meta"]; ok {
		if err := json.Unmarshal(raw, &pg.Meta); err != nil {
			return pg, jerr
		}
	}
	if raw, ok := members["includes"]; ok {
		if err := json.Unmarshal(raw, &pg.Includes); err != nil {
			pg.Includes = includes{}
			r.s.log.Warn("x: search page includes do not decode; posts keep their author ids", "where", where, "err", rawjson.ClipReason(err.Error()))
		}
	}
	if raw, ok := members["errors"]; ok {
		_ = json.Unmarshal(raw, &pg.Errors) // informative only
	}
	r.s.log.Warn("x: search page refused whole, decoded post by post", "where", where, "err", rawjson.ClipReason(jerr.Error()))
	return pg, nil
}
