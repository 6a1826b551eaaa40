package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/rawjson"
)

// httpError is a non-success answer of an instance. Msg is the server's own
// error text (redacted of the token).
type httpError struct {
	Op     string // "stream", "backfill", ...
	Host   string
	Status int
	Msg    string
	// RetryAfter is the wait the server asked for (Retry-After or
	// X-RateLimit-Reset), 0 when it gave none.
	RetryAfter time.Duration
}

func (e *httpError) Error() string {
	s := fmt.Sprintf("mastodon %s %s: HTTP %d", e.Op, e.Host, e.Status)
	if e.Msg != "" {
		s += ": " + e.Msg
	}
	return s
}

// authFailed reports whether err is the instance refusing the token.
func authFailed(err error) bool {
	var he *httpError
	return errors.As(err, &he) && (he.Status == http.StatusUnauthorized || he.Status == http.StatusForbidden)
}

// newHTTPError reads the error of a failed response (at most 4 KiB of body:
// {"error":"..."} or an X-Error-Message header).
func (s *Source) newHTTPError(op, host string, token Secret, resp *http.Response) *httpError {
	e := &httpError{Op: op, Host: host, Status: resp.StatusCode}
	msg := resp.Header.Get("X-Error-Message")
	if resp.Body != nil {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		var body struct {
			Error string `json:"error"`
		}
		if json.Unmarshal(b, &body) == nil && body.Error != "" {
			msg = body.Error
		} else if msg == "" && len(b) > 0 && !strings.Contains(resp.Header.Get("Content-Type"), "html") {
			msg = string(b)
		}
	}
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	e.Msg = redact(strings.TrimSpace(msg), token)
	e.RetryAfter = rateLimitWait(resp.Header, s.deps.Now())
	return e
}

// redact removes the token from text an instance sent back.
func redact(s string, token Secret) string {
	if token == "" {
		return s
	}
	return strings.ReplaceAll(s, string(token), redacted)
}

// rateLimitWait returns how long the headers ask to wait: Retry-After
// (seconds or an HTTP date), else X-RateLimit-Reset (Mastodon sends an
// ISO 8601 time; epoch seconds are accepted too). 0 when neither says.
func rateLimitWait(h http.Header, now time.Time) time.Duration {
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if n, err := strconv.Atoi(v); err == nil && n >= 0 {
			return time.Duration(n) * time.Second
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(t.Sub(now), 0)
		}
	}
	if t, ok := parseReset(h.Get("X-RateLimit-Reset")); ok {
		return max(t.Sub(now), 0)
	}
	return 0
}

// parseReset parses X-RateLimit-Reset: an ISO 8601 time (Mastodon, e.g.
// 2025-03-06T07:35:00.000000Z) or epoch seconds (other servers).
func parseReset(v string) (time.Time, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t, true
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f > 0 {
		return time.Unix(int64(f), 0), true
	}
	return time.Time{}, false
}

// parseLinks parses an RFC 8288 Link header into rel -> URL (relative
// references resolved against base).
func parseLinks(header string, base *url.URL) map[string]*url.URL {
	out := map[string]*url.URL{}
	s := header
	for {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			return out
		}
		gt := strings.IndexByte(s[lt:], '>')
		if gt < 0 {
			return out
		}
		target := s[lt+1 : lt+gt]
		s = s[lt+gt+1:]
		// Parameters run to the next ',' outside quotes.
		var params string
		inQuote := false
		end := len(s)
		for i := 0; i < len(s); i++ {
			if s[i] == '"' {
				inQuote = !inQuote
			} else if s[i] == ',' && !inQuote {
				end = i
				break
			}
		}
		params, s = s[:end], s[end:]
		u, err := url.Parse(strings.TrimSpace(target))
		if err != nil {
			continue
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if !ok || !strings.EqualFold(strings.TrimSpace(k), "rel") {
				continue
			}
			for _, rel := range strings.Fields(strings.Trim(strings.TrimSpace(v), `"`)) {
				if _, dup := out[strings.ToLower(rel)]; !dup {
					out[strings.ToLower(rel)] = u
				}
			}
		}
	}
}

// page is one page of a hashtag timeline, newest first.
type page struct {
	items []json.RawMessage
	links map[string]*url.URL
}

// maxPageBytes bounds a timeline page (40 statuses).
const maxPageBytes = 40 * maxFrameBytes

// fetchPage GETs one timeline page, honouring the instance's rate limit: it
// waits for the reset before a request when the previous answer said no
// request was left, and after a 429 (each wait is recorded as a gap). A 404
// (the tag is unknown there) is an empty page.
func (s *Source) fetchPage(ctx context.Context, inst *instance, u *url.URL) (page, error) {
	for {
		if err := s.waitRateLimit(ctx, inst); err != nil {
			return page{}, err
		}
		pg, retry, err := s.fetchOnce(ctx, inst, u)
		if err != nil || !retry {
			return pg, err
		}
	}
}

func (s *Source) fetchOnce(ctx context.Context, inst *instance, u *url.URL) (pg page, retry bool, err error) {
	rctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return page{}, false, fmt.Errorf("mastodon backfill %s: %w", inst.host, err)
	}
	req.Header.Set("Authorization", "Bearer "+string(inst.token))
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := s.deps.HTTPClient.Do(req)
	if err != nil {
		return page{}, false, fmt.Errorf("mastodon backfill %s: %w", inst.host, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusOK:
		s.noteRateLimit(inst, resp.Header)
	case resp.StatusCode == http.StatusNotFound:
		inst.log.Debug("hashtag unknown on this instance (404): nothing to backfill", "url", u.Path)
		return page{}, false, nil
	case resp.StatusCode == http.StatusTooManyRequests:
		he := s.newHTTPError("backfill", inst.host, inst.token, resp)
		wait := he.RetryAfter
		if wait <= 0 {
			wait = time.Minute
		}
		return page{}, true, s.rateLimitPause(ctx, inst, wait, "HTTP 429 Too Many Requests")
	default:
		return page{}, false, s.newHTTPError("backfill", inst.host, inst.token, resp)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxPageBytes+1))
	if err != nil {
		return page{}, false, fmt.Errorf("mastodon backfill %s: read page: %w", inst.host, err)
	}
	if len(b) > maxPageBytes {
		return page{}, false, fmt.Errorf("mastodon backfill %s: page larger than %d bytes", inst.host, maxPageBytes)
	}
	// Each status is decoded on its own: one hostile status (too deep for
	// encoding/json, mistyped) is rejected alone, not its page.
	items, err := rawjson.Elements(b)
	if err != nil {
		return page{}, false, &badPageError{host: inst.host, raw: b, err: err}
	}
	pg.items = items
	pg.links = parseLinks(resp.Header.Get("Link"), u)
	return pg, false, nil
}

// badPageError is a timeline answer that is not a JSON array of values: no
// retry fixes it, so the page goes to the dead-letter topic and the backfill
// of that hashtag stops there (recorded in its gap), while the stream goes on.
type badPageError struct {
	host string
	raw  []byte
	err  error
}

func (e *badPageError) Error() string {
	return fmt.Sprintf("mastodon backfill %s: malformed timeline page (%d bytes): %v", e.host, len(e.raw), e.err)
}

func (e *badPageError) Unwrap() error { return e.err }

// noteRateLimit remembers that the instance said no request is left until
// the reset.
func (s *Source) noteRateLimit(inst *instance, h http.Header) {
	rem := strings.TrimSpace(h.Get("X-RateLimit-Remaining"))
	if rem == "" {
		return
	}
	n, err := strconv.Atoi(rem)
	if err != nil || n > 0 {
		return
	}
	reset, ok := parseReset(h.Get("X-RateLimit-Reset"))
	if !ok {
		return
	}
	inst.mu.Lock()
	if reset.After(inst.limitedUntil) {
		inst.limitedUntil = reset
	}
	inst.mu.Unlock()
}

// waitRateLimit waits for the instance's rate-limit reset, if one is due.
func (s *Source) waitRateLimit(ctx context.Context, inst *instance) error {
	inst.mu.Lock()
	until := inst.limitedUntil
	inst.limitedUntil = time.Time{}
	inst.mu.Unlock()
	if until.IsZero() {
		return nil
	}
	wait := until.Sub(s.deps.Now())
	if wait <= 0 {
		return nil
	}
	return s.rateLimitPause(ctx, inst, wait, "X-RateLimit-Remaining reached 0")
}

// rateLimitPause waits (capped at MaxRateLimitWait) and records the wait as
// a gap.
func (s *Source) rateLimitPause(ctx context.Context, inst *instance, wait time.Duration, why string) error {
	wait = min(wait, s.cfg.MaxRateLimitWait)
	s.stats.rateLimitWaits.Add(1)
	from := s.deps.Now()
	inst.log.Warn("rate limited: REST backfill paused until the reset", "why", why, "wait", wait)
	s.recordGap(ctx, ingest.Gap{Source: inst.gapSource, From: from, To: from.Add(wait),
		Reason: fmt.Sprintf("rate limited by %s (%s): REST backfill paused %s", inst.host, why, wait.Round(time.Millisecond))})
	if !s.sleep(ctx, wait) {
		return ctx.Err()
	}
	return nil
}

// timelineURL builds /api/v1/timelines/tag/:tag?limit=N[&min_id=...|&max_id=...].
func timelineURL(base *url.URL, tag string, limit int, minID, maxID string) *url.URL {
	u := *base
	u.Path = "/api/v1/timelines/tag/" + url.PathEscape(tag)
	q := url.Values{"limit": {strconv.Itoa(limit)}}
	if minID != "" {
		q.Set("min_id", minID)
	}
	if maxID != "" {
		q.Set("max_id", maxID)
	}
	u.RawQuery = q.Encode()
	return &u
}

// sameOrigin reports whether a link stays on the instance (the token is
// never sent anywhere else).
func sameOrigin(u, base *url.URL) bool {
	return u != nil && u.Scheme == base.Scheme && strings.EqualFold(u.Host, base.Host)
}
