package bluesky

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/vigie-edu/vigie/ingest"
)

// ErrBadCredentials is returned when the server refuses the identifier or
// app password. Logins are then spaced by a growing backoff
// (Config.LoginBackoffMin..Max) instead of being retried at once.
var ErrBadCredentials = errors.New("bluesky: credentials refused")

// maxResponseBytes bounds one XRPC response (a page of 100 posts is ~100 KB).
const maxResponseBytes = 16 << 20

// maxAttempts bounds the tries of one XRPC call (rate limits, token refresh).
const maxAttempts = 6

// xrpcError is an XRPC error response: HTTP status plus, when the body is
// the JSON {"error","message"}, its name and message. HTML bodies (the CDN's
// 403 pages) are not copied into the error.
type xrpcError struct {
	NSID    string
	Status  int
	Name    string
	Message string
}

func (e *xrpcError) Error() string {
	s := fmt.Sprintf("xrpc %s: HTTP %d", e.NSID, e.Status)
	if e.Name != "" {
		s += " " + e.Name
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	return s
}

// session is the part of createSession/refreshSession responses kept.
type session struct {
	AccessJwt  string `json:"accessJwt"`
	RefreshJwt string `json:"refreshJwt"`
	Did        string `json:"did"`
	Handle     string `json:"handle"`
}

// xrpcClient calls XRPC methods on one server with an app-password session.
// Calls are serialised; tokens live only in this struct and are never logged
// or put in errors.
type xrpcClient struct {
	base        string
	http        *http.Client
	identifier  string
	password    string
	now         func() time.Time
	sleep       func(context.Context, time.Duration) bool
	log         *slog.Logger
	maxRateWait time.Duration

	mu             sync.Mutex
	access         string
	refresh        string
	loginBackoff   ingest.Backoff
	loginNotBefore time.Time
	loginErr       error
	rateNotBefore  time.Time
	fallback       ingest.Backoff // 429 without usable headers
}

func newXRPCClient(cfg Config, deps ingest.Deps) *xrpcClient {
	return &xrpcClient{
		base:         strings.TrimRight(cfg.SearchEndpoint, "/"),
		http:         deps.HTTPClient,
		identifier:   cfg.Identifier,
		password:     cfg.AppPassword,
		now:          deps.Now,
		sleep:        ingest.Sleep,
		log:          deps.Logger,
		maxRateWait:  cfg.MaxRateWait,
		loginBackoff: ingest.Backoff{Min: cfg.LoginBackoffMin, Max: cfg.LoginBackoffMax},
		fallback:     ingest.Backoff{Min: time.Second, Max: cfg.MaxRateWait},
	}
}

// get calls a query method with the session's access token, logging in
// when there is no session, refreshing it on ExpiredToken, logging in again
// on another 401, and waiting out rate limits.
func (c *xrpcClient) get(ctx context.Context, nsid string, q url.Values, out any) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	var err error
	for range maxAttempts {
		var tok string
		tok, err = c.accessToken(ctx)
		if err == nil {
			err = c.do(ctx, http.MethodGet, nsid, q, nil, tok, out)
			if err == nil {
				return nil
			}
		}
		if ctx.Err() != nil {
			return fmt.Errorf("xrpc %s: %w", nsid, ctx.Err())
		}
		var xe *xrpcError
		switch {
		case errors.Is(err, ErrBadCredentials) || !errors.As(err, &xe):
			return err
		case xe.Status == http.StatusTooManyRequests:
			// do() has set rateNotBefore; the next round waits for it.
		case xe.Name == "ExpiredToken":
			c.log.Info("bluesky session expired, refreshing")
			if rerr := c.refreshSession(ctx); rerr != nil {
				return rerr
			}
		case xe.Status == http.StatusUnauthorized:
			c.log.Warn("bluesky session refused, logging in again", "error", xe.Name)
			c.access, c.refresh = "", ""
		default:
			return err
		}
	}
	return fmt.Errorf("xrpc %s: giving up after %d attempts: %w", nsid, maxAttempts, err)
}

// accessToken returns the current access token, logging in when needed.
func (c *xrpcClient) accessToken(ctx context.Context) (string, error) {
	if c.access != "" {
		return c.access, nil
	}
	now := c.now()
	if now.Before(c.loginNotBefore) {
		return "", fmt.Errorf("bluesky: login as %s not retried before %s: %w",
			c.identifier, c.loginNotBefore.UTC().Format(time.RFC3339), c.loginErr)
	}
	var s session
	err := c.do(ctx, http.MethodPost, "com.atproto.server.createSession", nil,
		map[string]string{"identifier": c.identifier, "password": c.password}, "", &s)
	var xe *xrpcError
	switch {
	case err == nil && s.AccessJwt == "":
		err = errors.New("bluesky: createSession answered without accessJwt")
	case errors.As(err, &xe) && (xe.Status == http.StatusUnauthorized ||
		(xe.Status == http.StatusBadRequest && xe.Name != "RateLimitExceeded")):
		wait := c.loginBackoff.Next()
		c.loginNotBefore = now.Add(wait)
		c.loginErr = fmt.Errorf("%w: login as %s: %s (next attempt in %s)", ErrBadCredentials, c.identifier, xe, wait)
		c.log.Error("bluesky login refused: check VIGIE_BLUESKY_IDENTIFIER and the app password",
			"identifier", c.identifier, "error", xe.Error(), "retry_in", wait)
		return "", c.loginErr
	case err != nil:
		return "", fmt.Errorf("bluesky: login as %s: %w", c.identifier, err)
	}
	if err != nil {
		return "", err
	}
	c.access, c.refresh = s.AccessJwt, s.RefreshJwt
	c.loginBackoff.Reset()
	c.loginNotBefore, c.loginErr = time.Time{}, nil
	c.log.Info("bluesky: logged in", "identifier", c.identifier, "did", s.Did)
	return c.access, nil
}

// refreshSession trades the refresh token for new tokens; when that fails
// the session is dropped, so the next round logs in again.
func (c *xrpcClient) refreshSession(ctx context.Context) error {
	refresh := c.refresh
	c.access, c.refresh = "", ""
	if refresh == "" {
		return nil
	}
	var s session
	err := c.do(ctx, http.MethodPost, "com.atproto.server.refreshSession", nil, nil, refresh, &s)
	if err == nil && s.AccessJwt != "" {
		c.access, c.refresh = s.AccessJwt, s.RefreshJwt
		return nil
	}
	if ctx.Err() != nil {
		return fmt.Errorf("bluesky: refresh session: %w", ctx.Err())
	}
	if err == nil {
		err = errors.New("answer without accessJwt")
	}
	c.log.Warn("bluesky session refresh failed, logging in again", "error", err.Error())
	return nil
}

// do sends one request. It waits first if the server said the rate limit
// is exhausted, and records the limit state of the response.
func (c *xrpcClient) do(ctx context.Context, method, nsid string, q url.Values, body any, bearer string, out any) error {
	if err := c.waitRate(ctx); err != nil {
		return err
	}
	u := c.base + "/xrpc/" + nsid
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return fmt.Errorf("xrpc %s: encode request: %w", nsid, err)
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return fmt.Errorf("xrpc %s: %w", nsid, err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("xrpc %s: %w", nsid, err)
	}
	defer resp.Body.Close()
	c.noteRate(resp)
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return fmt.Errorf("xrpc %s: read response: %w", nsid, err)
	}
	if resp.StatusCode/100 != 2 {
		// A server (or a proxy) may echo what it was sent: never let the
		// password or the session tokens into an error, hence a log.
		return responseError(nsid, resp, []byte(c.scrub(string(b))))
	}
	if len(b) > maxResponseBytes {
		return fmt.Errorf("xrpc %s: response larger than %d bytes", nsid, maxResponseBytes)
	}
	if raw, ok := out.(*[]byte); ok { // the caller decodes it itself
		*raw = b
		return nil
	}
	if out != nil {
		if err := json.Unmarshal(b, out); err != nil {
			return fmt.Errorf("xrpc %s: decode response: %w", nsid, err)
		}
	}
	return nil
}

// scrub removes the app password and the session tokens from text that
// came from the server.
func (c *xrpcClient) scrub(text string) string {
	for _, secret := range []string{c.password, c.access, c.refresh} {
		if len(secret) >= 4 && strings.Contains(text, secret) {
			text = strings.ReplaceAll(text, secret, "[redacted]")
		}
	}
	return text
}

func responseError(nsid string, resp *http.Response, body []byte) *xrpcError {
	e := &xrpcError{NSID: nsid, Status: resp.StatusCode}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	var xb struct {
		Error   string `json:"error"`
		Message string `json:"message"`
	}
	if (mt == "application/json" || mt == "") && json.Unmarshal(body, &xb) == nil {
		e.Name, e.Message = clip(xb.Error, 64), clip(xb.Message, 200)
	} else if mt != "" {
		e.Message = "(" + mt + " body)"
	}
	return e
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n] + "…"
	}
	return s
}

// noteRate reads the RateLimit-* headers (Reset in epoch seconds on XRPC
// servers; small values are taken as seconds from now, the IETF draft form)
// and Retry-After: after a 429, or when no request remains, the next call
// waits until the reset.
func (c *xrpcClient) noteRate(resp *http.Response) {
	now := c.now()
	h := resp.Header
	var until time.Time
	if v, err := strconv.ParseInt(strings.TrimSpace(h.Get("RateLimit-Reset")), 10, 64); err == nil && v >= 0 {
		if v < 1_000_000_000 {
			until = now.Add(time.Duration(v) * time.Second)
		} else {
			until = time.Unix(v, 0)
		}
	}
	if ra := strings.TrimSpace(h.Get("Retry-After")); ra != "" {
		if secs, err := strconv.Atoi(ra); err == nil && secs >= 0 {
			until = later(until, now.Add(time.Duration(secs)*time.Second))
		} else if t, err := http.ParseTime(ra); err == nil {
			until = later(until, t)
		}
	}
	remaining := strings.TrimSpace(h.Get("RateLimit-Remaining"))
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		if !until.After(now) {
			until = now.Add(c.fallback.Next())
		}
		c.rateNotBefore = until
		c.log.Warn("bluesky rate limit exceeded (429)", "wait_until", until.UTC().Format(time.RFC3339))
	case remaining == "0" && until.After(now):
		c.rateNotBefore = until
	default:
		c.fallback.Reset()
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// waitRate sleeps until the rate limit resets (at most maxRateWait).
func (c *xrpcClient) waitRate(ctx context.Context) error {
	if c.rateNotBefore.IsZero() {
		return nil
	}
	d := c.rateNotBefore.Sub(c.now())
	c.rateNotBefore = time.Time{}
	if d <= 0 {
		return nil
	}
	d = min(d, c.maxRateWait)
	c.log.Info("bluesky: waiting for the rate limit to reset", "wait", d)
	if !c.sleep(ctx, d) {
		return fmt.Errorf("bluesky: rate-limit wait: %w", ctx.Err())
	}
	return nil
}
