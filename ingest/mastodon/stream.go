package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/coder/websocket"

	"github.com/vigie-edu/vigie/internal/wsmsg"
)

const userAgent = "vigie (+https://github.com/vigie-edu/vigie)"

// Why a stream ended, besides network errors.
var (
	errSilence     = errors.New("silence timeout: no event nor heartbeat")
	errStreamEnded = errors.New("the server ended the stream")
)

// activity tracks a connection's last sign of life (an event, a heartbeat,
// a ping or pong).
type activity struct {
	mu   sync.Mutex
	mono time.Time // time.Now: the silence watchdog
	wall time.Time // Deps.Now: gap boundaries
	busy bool      // an event is being published: emit's own wait is not silence
	now  func() time.Time
}

func newActivity(now func() time.Time) *activity {
	return &activity{mono: time.Now(), wall: now(), now: now}
}

func (a *activity) touch() {
	wall := a.now()
	a.mu.Lock()
	a.mono, a.wall = time.Now(), wall
	a.mu.Unlock()
}

// setBusy marks the time spent publishing an event (emit may block on
// Kafka): it does not count as silence, and its end counts as activity.
func (a *activity) setBusy(b bool) {
	wall := a.now()
	a.mu.Lock()
	a.busy = b
	a.mono, a.wall = time.Now(), wall
	a.mu.Unlock()
}

func (a *activity) silentFor() time.Duration {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.busy {
		return 0
	}
	return time.Since(a.mono)
}

func (a *activity) last() time.Time {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.wall
}

// streamConn is one open stream: SSE (one hashtag) or WebSocket (several).
type streamConn interface {
	// read calls handle for each event until the stream ends or handle
	// fails, and returns why it ended.
	read(ctx context.Context, handle func(streamEvent) error) error
	close()
}

// streamingBase returns the base URL of the instance's streaming server:
// configuration.urls.streaming of /api/v2/instance when the instance
// advertises one (it may live on another host), else the instance itself.
// A successful discovery is cached; the instance document is public, so no
// token is sent for it.
func (s *Source) streamingBase(ctx context.Context, inst *instance) *url.URL {
	inst.mu.Lock()
	cached := inst.streamBase
	inst.mu.Unlock()
	if cached != nil {
		return cached
	}
	base := inst.base
	if u, err := s.discoverStreaming(ctx, inst); err != nil {
		inst.log.Debug("streaming host discovery failed, using the instance host", "err", err)
	} else {
		base = u
		inst.mu.Lock()
		inst.streamBase = u
		inst.mu.Unlock()
		if u.Host != inst.base.Host {
			inst.log.Info("streaming server on another host", "streaming", u.Host)
		}
	}
	return base
}

func (s *Source) discoverStreaming(ctx context.Context, inst *instance) (*url.URL, error) {
	rctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	u := *inst.base
	u.Path = "/api/v2/instance"
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	resp, err := s.deps.HTTPClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("/api/v2/instance: HTTP %d", resp.StatusCode)
	}
	var doc struct {
		Configuration struct {
			URLs struct {
				Streaming string `json:"streaming"`
			} `json:"urls"`
		} `json:"configuration"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("/api/v2/instance: %w", err)
	}
	raw := doc.Configuration.URLs.Streaming
	if raw == "" {
		return nil, errors.New("/api/v2/instance: no configuration.urls.streaming")
	}
	su, err := url.Parse(raw)
	if err != nil || su.Host == "" {
		return nil, fmt.Errorf("/api/v2/instance: bad streaming URL %q", raw)
	}
	switch su.Scheme {
	case "wss", "https":
		su.Scheme = "https"
	case "ws", "http":
		if inst.base.Scheme == "https" {
			return nil, fmt.Errorf("/api/v2/instance: refusing clear-text streaming URL %q for an https instance", raw)
		}
		su.Scheme = "http"
	default:
		return nil, fmt.Errorf("/api/v2/instance: bad streaming URL %q", raw)
	}
	return &url.URL{Scheme: su.Scheme, Host: su.Host}, nil
}

// sseConn is a /api/v1/streaming/hashtag Server-Sent Events stream.
type sseConn struct {
	body   io.ReadCloser
	act    *activity
	cancel func()
}

func (s *Source) dialSSE(ctx context.Context, inst *instance, ts *tagState, act *activity) (streamConn, error) {
	u := *s.streamingBase(ctx, inst)
	u.Path = "/api/v1/streaming/hashtag"
	u.RawQuery = url.Values{"tag": {ts.tag}}.Encode()
	// The request lives as long as the stream; only the wait for the
	// response headers is bounded (RequestTimeout), the silence watchdog
	// takes over after that.
	rctx, cancel := context.WithCancelCause(ctx)
	headers := time.AfterFunc(s.cfg.RequestTimeout, func() {
		cancel(fmt.Errorf("no response headers within %s", s.cfg.RequestTimeout))
	})
	fail := func(err error) (streamConn, error) {
		headers.Stop()
		cancel(nil)
		return nil, err
	}
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return fail(fmt.Errorf("mastodon stream %s: %w", inst.host, err))
	}
	req.Header.Set("Authorization", "Bearer "+string(inst.token))
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Cache-Control", "no-store")
	req.Header.Set("User-Agent", userAgent)
	resp, err := s.deps.HTTPClient.Do(req)
	if err != nil {
		if cause := context.Cause(rctx); cause != nil && ctx.Err() == nil {
			err = cause
		}
		return fail(fmt.Errorf("mastodon stream %s: %w", inst.host, err))
	}
	if !headers.Stop() {
		resp.Body.Close()
		return fail(fmt.Errorf("mastodon stream %s: no response headers within %s", inst.host, s.cfg.RequestTimeout))
	}
	if resp.StatusCode != http.StatusOK {
		defer resp.Body.Close()
		return fail(s.newHTTPError("stream", inst.host, inst.token, resp))
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt != "text/event-stream" {
		resp.Body.Close()
		return fail(fmt.Errorf("mastodon stream %s: answer is %q, not text/event-stream", inst.host, mt))
	}
	act.touch()
	return &sseConn{body: resp.Body, act: act, cancel: func() { cancel(nil) }}, nil
}

func (c *sseConn) read(ctx context.Context, handle func(streamEvent) error) error {
	r := newSSEReader(c.body, c.act.touch)
	for {
		ev, err := r.Next()
		if errors.Is(err, io.EOF) {
			return errStreamEnded
		}
		if err != nil {
			return fmt.Errorf("read SSE stream: %w", err)
		}
		if err := handle(ev); err != nil {
			return err
		}
	}
}

func (c *sseConn) close() {
	c.body.Close()
	c.cancel()
}

// wsConn is a /api/v1/streaming WebSocket carrying several hashtag streams.
type wsConn struct {
	c         *websocket.Conn
	act       *activity
	pingEvery time.Duration
	inst      *instance
}

func (s *Source) dialWS(ctx context.Context, inst *instance, tags []*tagState, act *activity) (streamConn, error) {
	u := *s.streamingBase(ctx, inst)
	if u.Scheme == "https" {
		u.Scheme = "wss"
	} else {
		u.Scheme = "ws"
	}
	u.Path = "/api/v1/streaming"
	u.RawQuery = url.Values{"stream": {"hashtag"}, "tag": {tags[0].tag}}.Encode()
	h := http.Header{}
	h.Set("Authorization", "Bearer "+string(inst.token))
	h.Set("User-Agent", userAgent)
	dctx, cancel := context.WithTimeout(ctx, s.cfg.RequestTimeout)
	defer cancel()
	c, resp, err := websocket.Dial(dctx, u.String(), &websocket.DialOptions{
		HTTPClient: s.deps.HTTPClient,
		HTTPHeader: h,
		OnPingReceived: func(context.Context, []byte) bool {
			act.touch()
			return true
		},
	})
	if err != nil {
		if resp != nil && resp.StatusCode != http.StatusSwitchingProtocols {
			return nil, s.newHTTPError("stream", inst.host, inst.token, resp)
		}
		return nil, fmt.Errorf("mastodon stream %s: %w", inst.host, err)
	}
	// Messages up to maxFrameBytes are read; a longer one is drained and
	// rejected (wsmsg.Read); past wsmsg.MaxDiscardBytes the library closes
	// the connection (1009 message too big) and the source reconnects.
	c.SetReadLimit(wsmsg.MaxDiscardBytes)
	for _, ts := range tags[1:] {
		msg, _ := json.Marshal(map[string]string{"type": "subscribe", "stream": "hashtag", "tag": ts.tag})
		if err := c.Write(dctx, websocket.MessageText, msg); err != nil {
			c.CloseNow()
			return nil, fmt.Errorf("mastodon stream %s: subscribe #%s: %w", inst.host, ts.tag, err)
		}
	}
	act.touch()
	return &wsConn{c: c, act: act, pingEvery: max(s.cfg.SilenceTimeout/3, 10*time.Millisecond), inst: inst}, nil
}

func (w *wsConn) read(ctx context.Context, handle func(streamEvent) error) error {
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	go w.pinger(pctx)
	for {
		typ, data, size, err := wsmsg.Read(ctx, w.c, maxFrameBytes)
		if errors.Is(err, wsmsg.ErrTooLong) {
			w.act.touch()
			reason := fmt.Sprintf("WebSocket message of %d bytes exceeds %d", size, maxFrameBytes)
			if err := handle(streamEvent{bad: reason, data: data}); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			if st := websocket.CloseStatus(err); st != -1 {
				return fmt.Errorf("%w (WebSocket close %d)", errStreamEnded, st)
			}
			return fmt.Errorf("read WebSocket: %w", err)
		}
		w.act.touch()
		if typ != websocket.MessageText {
			if err := handle(streamEvent{bad: "binary WebSocket frame (Mastodon sends text only)", data: data}); err != nil {
				return err
			}
			continue
		}
		ev, inBand := parseWSFrame(data)
		if inBand != nil {
			inBand.Host, inBand.Msg = w.inst.host, redact(inBand.Msg, w.inst.token)
			if inBand.Status == http.StatusUnauthorized || inBand.Status == http.StatusForbidden {
				return inBand
			}
			w.inst.log.Error("stream error reported by the server", "err", inBand)
			continue
		}
		if err := handle(ev); err != nil {
			return err
		}
	}
}

// pinger pings the server so that a quiet but healthy socket shows signs of
// life (the server's own pings, every 30 s, count too).
func (w *wsConn) pinger(ctx context.Context) {
	t := time.NewTicker(w.pingEvery)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			pctx, cancel := context.WithTimeout(ctx, w.pingEvery)
			if w.c.Ping(pctx) == nil {
				w.act.touch()
			}
			cancel()
		}
	}
}

func (w *wsConn) close() { w.c.CloseNow() }

// parseWSFrame decodes {"stream":["hashtag","tag"],"event":"update",
// "payload":"<Status JSON as a string>"} (the payload needs a second decode;
// a delete's payload is the bare id). An in-band error
// ({"error":"...","status":400}) comes back as an httpError.
func parseWSFrame(data []byte) (streamEvent, *httpError) {
	var f struct {
		Stream  []string        `json:"stream"`
		Event   string          `json:"event"`
		Payload json.RawMessage `json:"payload"`
		Error   string          `json:"error"`
		Status  int             `json:"status"`
	}
	if err := json.Unmarshal(data, &f); err != nil {
		return streamEvent{bad: "malformed WebSocket frame: " + err.Error(), data: data}, nil
	}
	if f.Error != "" {
		msg := f.Error
		if len(msg) > 200 {
			msg = msg[:200] + "…"
		}
		return streamEvent{}, &httpError{Op: "stream (in-band)", Status: f.Status, Msg: msg}
	}
	ev := streamEvent{name: f.Event}
	if len(f.Stream) >= 2 {
		ev.tag = f.Stream[1]
	}
	switch {
	case f.Event == "":
		ev.bad, ev.data = "WebSocket frame without event", data
	case len(f.Payload) == 0 || string(f.Payload) == "null":
	case f.Payload[0] == '"':
		var s string
		if err := json.Unmarshal(f.Payload, &s); err != nil {
			ev.bad, ev.data = "malformed WebSocket payload: "+err.Error(), data
		} else {
			ev.data = []byte(s)
		}
	default: // some servers send the object itself
		ev.data = f.Payload
	}
	return ev, nil
}
