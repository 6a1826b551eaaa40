package xapi

import (
	"bytes"
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
)

// maxResponseBytes bounds a REST answer (a search page of 100 posts with
// their includes is a few hundred KB).
const maxResponseBytes = 32 << 20

// apiError is an answer with a non-2xx status. Its text never holds the
// token: response bodies are scrubbed before they are kept.
type apiError struct {
	Method, Path string
	Status       int
	Problem      problem
	// Reset is the x-rate-limit-reset header (zero when absent).
	Reset time.Time
}

func (e *apiError) Error() string {
	msg := fmt.Sprintf("x: %s %s: HTTP %d %s", e.Method, e.Path, e.Status, http.StatusText(e.Status))
	if d := e.Problem.describe(); d != "" {
		msg += ": " + d
	}
	switch e.Status {
	case http.StatusUnauthorized:
		msg += " (the bearer token was rejected: check " + EnvToken + " or " + EnvTokenFile + ")"
	case http.StatusForbidden:
		msg += " (the app's access level or project does not allow this endpoint)"
	}
	return msg
}

// auth reports an answer no retry with the same token fixes.
func (e *apiError) auth() bool {
	return e.Status == http.StatusUnauthorized || e.Status == http.StatusForbidden
}

// usageCapped reports the monthly post cap: waiting minutes does not help.
func (e *apiError) usageCapped() bool {
	return e.Status == http.StatusTooManyRequests &&
		(strings.Contains(e.Problem.Type, "usage-capped") || strings.EqualFold(e.Problem.Title, "UsageCapExceeded"))
}

// tooManyConnections reports a 429 because another connection holds the
// stream (pay-per-use allows one per app).
func (e *apiError) tooManyConnections() bool {
	return e.Status == http.StatusTooManyRequests &&
		(e.Problem.ConnectionIssue != "" || strings.Contains(e.Problem.Type, "streaming-connection"))
}

// rateInfo is what the x-rate-limit-* headers said.
type rateInfo struct {
	Remaining int // -1 when absent
	Reset     time.Time
}

func parseRate(h http.Header) rateInfo {
	ri := rateInfo{Remaining: -1}
	if v, err := strconv.Atoi(strings.TrimSpace(h.Get("x-rate-limit-remaining"))); err == nil {
		ri.Remaining = v
	}
	ri.Reset = parseReset(h.Get("x-rate-limit-reset"))
	return ri
}

// parseReset reads x-rate-limit-reset: epoch seconds on X (an RFC3339 date
// is accepted too, as other services send).
func parseReset(v string) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if n, err := strconv.ParseInt(v, 10, 64); err == nil && n > 0 {
		return time.Unix(n, 0).UTC()
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t.UTC()
	}
	return time.Time{}
}

// newRequest builds an authenticated request to path on the API.
func (s *Source) newRequest(ctx context.Context, method, path string, q url.Values, body []byte) (*http.Request, error) {
	u := s.cfg.BaseURL + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, fmt.Errorf("x: %s %s: %w", method, path, err)
	}
	req.Header.Set("Authorization", "Bearer "+s.token)
	req.Header.Set("User-Agent", s.cfg.UserAgent)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// response is a REST answer read whole.
type response struct {
	Status int
	Header http.Header
	Body   []byte
	Rate   rateInfo
}

// do runs one REST call within RequestTimeout. A non-2xx status comes back
// as an *apiError; a transport failure as a wrapped network error.
func (s *Source) do(ctx context.Context, method, path string, q url.Values, body any) (*response, error) {
	var raw []byte
	if body != nil {
		b, err := marshalBody(body)
		if err != nil {
			return nil, err
		}
		raw = b
	}
	ctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	req, err := s.newRequest(ctx, method, path, q, raw)
	if err != nil {
		return nil, err
	}
	resp, err := s.deps.HTTPClient.Do(req)
	if err != nil {
		return nil, &netError{fmt.Errorf("x: %s %s: %w", method, path, err)}
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseBytes+1))
	if err != nil {
		return nil, &netError{fmt.Errorf("x: %s %s: read answer: %w", method, path, err)}
	}
	if len(b) > maxResponseBytes {
		return nil, fmt.Errorf("x: %s %s: answer larger than %d bytes", method, path, maxResponseBytes)
	}
	r := &response{Status: resp.StatusCode, Header: resp.Header, Body: b, Rate: parseRate(resp.Header)}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r, s.apiErr(method, path, resp.StatusCode, resp.Header, b)
	}
	s.authOK = true
	return r, nil
}

// doJSON is do plus decoding the answer into out.
func (s *Source) doJSON(ctx context.Context, method, path string, q url.Values, body, out any) (*response, error) {
	r, err := s.do(ctx, method, path, q, body)
	if err != nil {
		return r, err
	}
	if err := json.Unmarshal(r.Body, out); err != nil {
		return r, fmt.Errorf("x: %s %s: malformed answer: %w", method, path, err)
	}
	return r, nil
}

// apiErr builds the error of a non-2xx answer, its body scrubbed of the token.
func (s *Source) apiErr(method, path string, status int, h http.Header, body []byte) *apiError {
	e := &apiError{Method: method, Path: path, Status: status, Reset: parseReset(h.Get("x-rate-limit-reset"))}
	var p problem
	if json.Unmarshal(body, &p) == nil {
		if p.Title == "" && p.Detail == "" && len(p.Errors) > 0 {
			p = p.Errors[0]
		}
	} else {
		p.Detail = strings.TrimSpace(string(body[:min(len(body), 300)]))
	}
	p.Title, p.Detail, p.Type, p.Value = s.scrub(p.Title), s.scrub(p.Detail), s.scrub(p.Type), s.scrub(p.Value)
	e.Problem = p
	return e
}

// scrub removes the token from text that came from the network.
func (s *Source) scrub(text string) string {
	if s.token == "" || !strings.Contains(text, s.token) {
		return text
	}
	return strings.ReplaceAll(text, s.token, "[redacted]")
}

// netError marks a transport failure (DNS, TCP, TLS, a cut body).
type netError struct{ err error }

func (e *netError) Error() string { return e.err.Error() }
func (e *netError) Unwrap() error { return e.err }

func isNet(err error) bool {
	var ne *netError
	return errors.As(err, &ne)
}

func asAPI(err error) (*apiError, bool) {
	var ae *apiError
	ok := errors.As(err, &ae)
	return ae, ok
}
