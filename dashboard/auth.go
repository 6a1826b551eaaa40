package dashboard

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
)

// Auth protects a dashboard that listens beyond the loopback interface:
// a bearer token, or basic-auth credentials, or both. The zero value
// protects nothing, which is only allowed on a loopback address.
type Auth struct {
	// Token is accepted as "Authorization: Bearer TOKEN", or as the
	// password of basic auth (any user name), so a browser can log in.
	Token string
	// User and Password are basic-auth credentials.
	User, Password string
}

// AuthFromFiles completes a with secrets read from files (flags such as
// --http-token-file): a file's content, trimmed, overrides the value.
func AuthFromFiles(a Auth, tokenFile, passwordFile string) (Auth, error) {
	for _, f := range []struct {
		path string
		dst  *string
	}{{tokenFile, &a.Token}, {passwordFile, &a.Password}} {
		if f.path == "" {
			continue
		}
		b, err := os.ReadFile(f.path)
		if err != nil {
			return a, fmt.Errorf("dashboard auth: %w", err)
		}
		*f.dst = strings.TrimSpace(string(b))
	}
	return a, nil
}

// Enabled reports whether a asks for credentials.
func (a Auth) Enabled() bool { return a.Token != "" || a.User != "" || a.Password != "" }

// Validate reports an incomplete configuration (never echoing a secret).
func (a Auth) Validate() error {
	if (a.User == "") != (a.Password == "") {
		return errors.New("dashboard auth: --http-user and --http-password go together")
	}
	if a.Token != "" && len(a.Token) < 16 {
		return errors.New("dashboard auth: the token must be at least 16 characters long")
	}
	if a.Password != "" && len(a.Password) < 8 {
		return errors.New("dashboard auth: the password must be at least 8 characters long")
	}
	return nil
}

// CheckListen refuses to serve on addr (host:port, as given to --http or as
// a listener reports it) beyond the loopback interface without
// credentials. The lead calls it before net.Listen in `vigie run` and
// `vigie dashboard`; ServeWith checks the listener again.
func CheckListen(addr string, a Auth) error {
	if err := a.Validate(); err != nil {
		return err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("dashboard address %q: %w", addr, err)
	}
	if isLoopback(host) || a.Enabled() {
		return nil
	}
	return fmt.Errorf("dashboard address %q is reachable from other machines: set --http-token (VIGIE_HTTP_TOKEN) or --http-user and --http-password (VIGIE_HTTP_USER, VIGIE_HTTP_PASSWORD), or bind 127.0.0.1", addr)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// equal compares two secrets in constant time (hashing first, so the
// comparison does not leak their lengths either).
func equal(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}

// allows reports whether r carries a's credentials.
func (a Auth) allows(r *http.Request) bool {
	if !a.Enabled() {
		return true
	}
	if a.Token != "" {
		if h := r.Header.Get("Authorization"); len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
			return equal(strings.TrimSpace(h[7:]), a.Token)
		}
	}
	user, pass, ok := r.BasicAuth()
	if !ok {
		return false
	}
	if a.User != "" {
		// Both compared whatever the first gives, in constant time.
		u, p := equal(user, a.User), equal(pass, a.Password)
		if u && p {
			return true
		}
	}
	return a.Token != "" && equal(pass, a.Token)
}

// protect wraps h with a's check; /healthz stays open (it shows no data).
func (a Auth) protect(h http.Handler) http.Handler {
	if !a.Enabled() {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/healthz" || a.allows(r) {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("WWW-Authenticate", `Basic realm="Vigie", charset="UTF-8"`)
		http.Error(w, "authentication required", http.StatusUnauthorized)
	})
}
