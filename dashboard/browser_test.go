package dashboard_test

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// The browser test loads the page in headless Chromium (Debian's package,
// /usr/bin/chromium) through the DevTools protocol: it waits for every
// chart to render, records console errors, uncaught exceptions and every
// request the page makes, checks that hostile posts render as inert text,
// that the page refreshes itself without reloading, and saves a screenshot
// (in the test's temp folder, and in $VIGIE_SCREENSHOTS when set).

// findChromium fails the test (it does not skip): CI installs Chromium, and
// a browser test that silently skips proves nothing.
func findChromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("headless Chromium is not installed: apt-get install -y chromium (scripts/install-deps.sh does it for make test)")
	return ""
}

// cdp is a minimal DevTools protocol client over one browser WebSocket.
type cdp struct {
	conn    *websocket.Conn
	next    atomic.Int64
	mu      sync.Mutex
	pending map[int64]chan cdpMsg
	onEvent func(cdpMsg)
}

type cdpMsg struct {
	ID        int64           `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func (c *cdp) read(ctx context.Context) {
	for {
		_, b, err := c.conn.Read(ctx)
		if err != nil {
			return
		}
		var m cdpMsg
		if json.Unmarshal(b, &m) != nil {
			continue
		}
		if m.ID != 0 {
			c.mu.Lock()
			ch := c.pending[m.ID]
			delete(c.pending, m.ID)
			c.mu.Unlock()
			if ch != nil {
				ch <- m
			}
			continue
		}
		if c.onEvent != nil {
			c.onEvent(m)
		}
	}
}

func (c *cdp) call(ctx context.Context, session, method string, params any, result any) error {
	id := c.next.Add(1)
	ch := make(chan cdpMsg, 1)
	c.mu.Lock()
	c.pending[id] = ch
	c.mu.Unlock()
	msg := map[string]any{"id": id, "method": method, "params": params}
	if session != "" {
		msg["sessionId"] = session
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if err := c.conn.Write(ctx, websocket.MessageText, b); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// browserPage is a page opened in a fresh headless Chromium.
type browserPage struct {
	c       *cdp
	session string
	mu      sync.Mutex
	errors  []string
	urls    []string
}

func openBrowser(t *testing.T, ctx context.Context) *browserPage {
	t.Helper()
	bin := findChromium(t)
	// Not t.TempDir: Chromium's helpers may still write to the profile for a
	// moment after it exits, and a failed RemoveAll would fail the test.
	dir, err := os.MkdirTemp("", "vigie-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
		"--disable-sync", "--disable-component-update", "--disable-default-apps",
		"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
		"--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "--user-data-dir="+filepath.Join(dir, "profile"),
		"about:blank")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
		}
		for range 20 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	wsURL := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`DevTools listening on (ws://\S+)`)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				wsURL <- m[1]
			}
		}
	}()
	var ws string
	select {
	case ws = <-wsURL:
	case <-time.After(30 * time.Second):
		t.Fatal("chromium did not open its DevTools endpoint within 30 s")
	}
	conn, _, err := websocket.Dial(ctx, ws, nil)
	if err != nil {
		t.Fatal(err)
	}
	conn.SetReadLimit(64 << 20)
	p := &browserPage{c: &cdp{conn: conn, pending: map[int64]chan cdpMsg{}}}
	readCtx, stopReading := context.WithCancel(context.Background())
	t.Cleanup(stopReading)
	t.Cleanup(func() {
		// Close the browser cleanly (its helpers too), then the connection.
		cctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = p.c.call(cctx, "", "Browser.close", map[string]any{}, nil)
		conn.CloseNow()
	})
	p.c.onEvent = p.event
	go p.c.read(readCtx)
	var target struct{ TargetID string }
	if err := p.c.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		t.Fatal(err)
	}
	var att struct{ SessionID string }
	if err := p.c.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		t.Fatal(err)
	}
	p.session = att.SessionID
	for _, m := range []string{"Runtime.enable", "Log.enable", "Network.enable", "Page.enable"} {
		if err := p.c.call(ctx, p.session, m, map[string]any{}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.c.call(ctx, p.session, "Emulation.setDeviceMetricsOverride",
		map[string]any{"width": 1440, "height": 2400, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		t.Fatal(err)
	}
	return p
}

func (p *browserPage) event(m cdpMsg) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch m.Method {
	case "Runtime.consoleAPICalled":
		var e struct {
			Type string
			Args []struct {
				Value       any
				Description string
			}
		}
		_ = json.Unmarshal(m.Params, &e)
		if e.Type == "error" || e.Type == "assert" {
			p.errors = append(p.errors, fmt.Sprintf("console.%s %v", e.Type, e.Args))
		}
	case "Runtime.exceptionThrown":
		p.errors = append(p.errors, "exception: "+string(m.Params))
	case "Log.entryAdded":
		var e struct {
			Entry struct{ Level, Text, URL string }
		}
		_ = json.Unmarshal(m.Params, &e)
		if e.Entry.Level == "error" {
			p.errors = append(p.errors, "log: "+e.Entry.Text+" "+e.Entry.URL)
		}
	case "Network.requestWillBeSent":
		var e struct {
			Request struct{ URL string }
		}
		_ = json.Unmarshal(m.Params, &e)
		p.urls = append(p.urls, e.Request.URL)
	}
}

func (p *browserPage) eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct{ Text string } `json:"exceptionDetails"`
	}
	if err := p.c.call(ctx, p.session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &res); err != nil {
		return err
	}
	if res.ExceptionDetails != nil {
		return fmt.Errorf("evaluate %q: %s", expr, res.ExceptionDetails.Text)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(res.Result.Value, out)
}

// waitFor polls a boolean expression until it holds.
func (p *browserPage) waitFor(ctx context.Context, t *testing.T, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		var ok bool
		if err := p.eval(ctx, expr, &ok); err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("browser: %s did not happen within 60 s (errors: %v)", what, p.errors)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (p *browserPage) screenshot(ctx context.Context, t *testing.T, name string) {
	t.Helper()
	var shot struct{ Data string }
	if err := p.c.call(ctx, p.session, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true}, &shot); err != nil {
		t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil || len(png) < 10000 {
		t.Fatalf("screenshot: %d bytes, %v", len(png), err)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("VIGIE_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		path := filepath.Join(d, name)
		if err := os.WriteFile(path, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", path)
	}
}

func testBrowser(t *testing.T, f *fixture) {
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	p := openBrowser(t, ctx)
	// French on the morning of 6 April (many regions affected at 11:00),
	// English on the default view (the end of the data).
	views := map[string]string{"fr": "/?from=2021-04-06T07:00&to=2021-04-06T11:00", "en": "/?lang=en"}
	for _, lang := range []string{"fr", "en"} {
		p.mu.Lock()
		p.errors, p.urls = nil, nil
		p.mu.Unlock()
		if err := p.c.call(ctx, p.session, "Page.navigate", map[string]any{"url": f.srv.URL + views[lang]}, nil); err != nil {
			t.Fatal(err)
		}
		p.waitFor(ctx, t, "the page loading", `document.body && document.body.getAttribute("data-loaded") === "1"`)
		// Every chart drew on its canvas, with its series.
		p.waitFor(ctx, t, "every chart rendering", `(function () {
			var nodes = document.querySelectorAll("[data-chart]");
			if (nodes.length !== 6) { return false; }
			for (var i = 0; i < nodes.length; i++) {
				var c = echarts.getInstanceByDom(nodes[i]);
				var canvas = nodes[i].querySelector("canvas");
				if (!c || !canvas || canvas.width < 100 || !c.getOption().series.length) { return false; }
			}
			return true;
		})()`)
		minRegions := map[string]string{"fr": "4", "en": "1"}[lang]
		p.waitFor(ctx, t, "the regions affected now", `document.querySelectorAll("#now-list li.now-region").length >= `+minRegions)
		p.waitFor(ctx, t, "the latest posts", `document.querySelectorAll("#posts-list li.post").length >= 10`)
		// Hostile posts are shown as text: no element, no script ran.
		var inert struct {
			XSS      any    `json:"xss"`
			Elements int    `json:"elements"`
			Text     string `json:"text"`
			Author   string `json:"author"`
			Links    int    `json:"links"`
		}
		if err := p.eval(ctx, `({xss: window.__xss === undefined ? null : window.__xss,
			elements: document.querySelectorAll("#posts-list img, #posts-list script, #now-list img, #now-list script").length,
			text: document.querySelector("#posts-list .post-text").textContent,
			author: document.querySelector("#posts-list .author").textContent,
			links: document.querySelectorAll('#posts-list a[href^="javascript"]').length})`, &inert); err != nil {
			t.Fatal(err)
		}
		if inert.XSS != nil || inert.Elements != 0 || inert.Links != 0 || inert.Text != hostileText || !strings.Contains(inert.Author, hostileAuthor) {
			t.Errorf("%s: hostile post not inert: %+v", lang, inert)
		}
		var title string
		if err := p.eval(ctx, `document.getElementById("now-title").textContent`, &title); err != nil {
			t.Fatal(err)
		}
		if want := map[string]string{"fr": "Régions touchées maintenant", "en": "Regions affected now"}[lang]; title != want {
			t.Errorf("%s: section title %q", lang, title)
		}
		if lang == "fr" {
			// It refreshes itself (the fixture's period is one second) without reloading.
			if err := p.eval(ctx, `window.__vigieMarker = 1; window.__before = document.getElementById("refresh-text").textContent; true`, nil); err != nil {
				t.Fatal(err)
			}
			time.Sleep(1100 * time.Millisecond)
			p.waitFor(ctx, t, "a refresh without reload", `window.__vigieMarker === 1 && document.getElementById("refresh-text").textContent !== window.__before`)
			// Selecting a region narrows the latest posts.
			if err := p.eval(ctx, `var s = document.getElementById("posts-region"); s.value = "FR-OCC"; s.dispatchEvent(new Event("change")); true`, nil); err != nil {
				t.Fatal(err)
			}
			p.waitFor(ctx, t, "the Occitanie posts", `(function () {
				var chips = document.querySelectorAll("#posts-list li.post");
				if (!chips.length) { return false; }
				for (var i = 0; i < chips.length; i++) { if (chips[i].textContent.indexOf("Occitanie") < 0) { return false; } }
				return true;
			})()`)
			if err := p.eval(ctx, `document.getElementById("posts-clear").click(); true`, nil); err != nil {
				t.Fatal(err)
			}
			p.waitFor(ctx, t, "the posts of every region again", `document.querySelector("#posts-list .post-text") && document.querySelector("#posts-list .post-text").textContent.indexOf("<script>") === 0`)
			// The SVG download draws the chart again with ECharts' SVG renderer.
			var svg string
			if err := p.eval(ctx, `window.vigieChartSVG("outages-map")`, &svg); err != nil || !strings.HasPrefix(svg, "<svg") || len(svg) < 5000 {
				t.Errorf("map SVG: %d bytes %v", len(svg), err)
			}
			// A chart's PNG comes from ECharts itself.
			var png string
			if err := p.eval(ctx, `echarts.getInstanceByDom(document.getElementById("chart-outages-map")).getDataURL({type: "png"})`, &png); err != nil || !strings.HasPrefix(png, "data:image/png;base64,") || len(png) < 5000 {
				t.Errorf("map PNG: %d bytes %v", len(png), err)
			}
		}
		time.Sleep(300 * time.Millisecond)
		p.screenshot(ctx, t, "dashboard-"+lang+".png")
		p.mu.Lock()
		errs, urls := p.errors, p.urls
		p.mu.Unlock()
		if len(errs) > 0 {
			t.Errorf("%s: console errors: %v", lang, errs)
		}
		if len(urls) < 10 {
			t.Errorf("%s: only %d requests seen", lang, len(urls))
		}
		for _, u := range urls {
			pu, err := url.Parse(u)
			if err != nil || (pu.Scheme != "data" && pu.Hostname() != "127.0.0.1") {
				t.Errorf("%s: request leaving 127.0.0.1: %s", lang, u)
			}
		}
	}
}
