package dashboard

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckListen(t *testing.T) {
	token := Auth{Token: "0123456789abcdef-secret"}
	basic := Auth{User: "union", Password: "s3cret-password"}
	for _, c := range []struct {
		addr string
		auth Auth
		ok   bool
	}{
		{"127.0.0.1:8080", Auth{}, true},
		{"[::1]:8080", Auth{}, true},
		{"localhost:8080", Auth{}, true},
		{"127.0.0.2:80", Auth{}, true},
		{"0.0.0.0:8080", Auth{}, false},
		{":8080", Auth{}, false},
		{"[::]:8080", Auth{}, false},
		{"192.0.2.10:8080", Auth{}, false},
		{"0.0.0.0:8080", token, true},
		{"0.0.0.0:8080", basic, true},
		{"0.0.0.0:8080", Auth{User: "union"}, false},
		{"0.0.0.0:8080", Auth{Password: "s3cret-password"}, false},
		{"0.0.0.0:8080", Auth{Token: "short"}, false},
		{"0.0.0.0:8080", Auth{User: "u", Password: "short"}, false},
		{"not an address", Auth{}, false},
	} {
		err := CheckListen(c.addr, c.auth)
		if (err == nil) != c.ok {
			t.Errorf("CheckListen(%q, %+v) = %v, want ok=%v", c.addr, c.auth.Enabled(), err, c.ok)
		}
		if err != nil {
			for _, secret := range []string{c.auth.Token, c.auth.Password} {
				if secret != "" && strings.Contains(err.Error(), secret) {
					t.Errorf("error shows a secret: %v", err)
				}
			}
		}
	}
	if err := CheckListen("0.0.0.0:8080", Auth{}); err == nil || !strings.Contains(err.Error(), "--http-token") {
		t.Errorf("the refusal does not say what to do: %v", err)
	}
}

func TestAuthProtectsEverythingButHealth(t *testing.T) {
	auth := Auth{Token: "0123456789abcdef-token", User: "union", Password: "s3cret-password"}
	srv := httptest.NewServer(New(nil, Options{Auth: auth}))
	defer srv.Close()
	do := func(path string, set func(*http.Request)) *http.Response {
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		if set != nil {
			set(req)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp
	}
	if r := do("/healthz", nil); r.StatusCode != 200 {
		t.Errorf("healthz: %d", r.StatusCode)
	}
	for _, c := range []struct {
		name string
		set  func(*http.Request)
		want int
	}{
		{"none", nil, 401},
		{"bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+auth.Token) }, 200},
		{"bearer lower case", func(r *http.Request) { r.Header.Set("Authorization", "bearer "+auth.Token) }, 200},
		{"wrong bearer", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+auth.Token+"x") }, 401},
		{"prefix of the token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+auth.Token[:10]) }, 401},
		{"basic", func(r *http.Request) { r.SetBasicAuth("union", auth.Password) }, 200},
		{"basic, token as password", func(r *http.Request) { r.SetBasicAuth("anyone", auth.Token) }, 200},
		{"basic, wrong user", func(r *http.Request) { r.SetBasicAuth("other", auth.Password) }, 401},
		{"basic, wrong password", func(r *http.Request) { r.SetBasicAuth("union", "nope") }, 401},
	} {
		r := do("/static/app.js", c.set)
		if r.StatusCode != c.want {
			t.Errorf("%s: %d, want %d", c.name, r.StatusCode, c.want)
		}
		if r.StatusCode == 401 && !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Basic") {
			t.Errorf("%s: no WWW-Authenticate challenge", c.name)
		}
		if r.Header.Get("Content-Security-Policy") == "" {
			t.Errorf("%s: no security headers on a %d", c.name, r.StatusCode)
		}
	}
}

// farListener is a loopback listener that says it listens on another address.
type farListener struct{ net.Listener }

func (farListener) Addr() net.Addr { return &net.TCPAddr{IP: net.ParseIP("192.0.2.10"), Port: 8080} }

func TestServeRefusesAnOpenListenerWithoutCredentials(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := Serve(ctx, farListener{ln}, nil, nil); err == nil || !strings.Contains(err.Error(), "--http-token") {
		t.Fatalf("Serve on a non-loopback listener: %v", err)
	}
	// With credentials it serves (until ctx ends).
	ln2, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	sctx, stop := context.WithCancel(ctx)
	go func() {
		done <- ServeWith(sctx, farListener{ln2}, nil, Options{Auth: Auth{Token: "0123456789abcdef-token"}})
	}()
	var resp *http.Response
	for range 50 {
		if resp, err = http.Get("http://" + ln2.Addr().String() + "/"); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil || resp.StatusCode != 401 {
		t.Errorf("protected server: %v %v", resp, err)
	} else {
		resp.Body.Close()
	}
	stop()
	if err := <-done; err != nil {
		t.Errorf("ServeWith: %v", err)
	}
}

func TestAuthFromFiles(t *testing.T) {
	dir := t.TempDir()
	tok, pw := filepath.Join(dir, "token"), filepath.Join(dir, "password")
	if err := os.WriteFile(tok, []byte("0123456789abcdef-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pw, []byte("from-a-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, err := AuthFromFiles(Auth{User: "union"}, tok, pw)
	if err != nil || a.Token != "0123456789abcdef-file" || a.Password != "from-a-file" || a.Validate() != nil {
		t.Errorf("AuthFromFiles: %+v %v", a.Enabled(), err)
	}
	if _, err := AuthFromFiles(Auth{}, filepath.Join(dir, "missing"), ""); err == nil {
		t.Error("a missing token file was accepted")
	}
}
