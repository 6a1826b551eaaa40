// Package mastodon is the live Mastodon connector: it streams hashtag
// timelines from several instances at once (Server-Sent Events or the
// multiplexed WebSocket), fills every hole with the REST hashtag timeline
// (at start from the saved checkpoint, and after each reconnect), dedupes
// posts across instances on the status uri, and turns statuses into
// post.Post.
//
// Deletes are logged and counted but not propagated: this version never
// erases a stored post (a Mastodon "delete" on a hashtag channel may also
// mean only that an edit removed the hashtag).
package mastodon

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/internal/fold"
)

// Transports the connector speaks.
const (
	// TransportSSE opens one Server-Sent Events stream per instance and
	// hashtag (/api/v1/streaming/hashtag?tag=...).
	TransportSSE = "sse"
	// TransportWebSocket opens one WebSocket per instance
	// (/api/v1/streaming?stream=hashtag&tag=...) and subscribes to the other
	// hashtags on it.
	TransportWebSocket = "ws"
)

// Environment variables read by FromSpec.
const (
	EnvToken     = "VIGIE_MASTODON_TOKEN"      // one token for every instance
	EnvTokenFile = "VIGIE_MASTODON_TOKEN_FILE" // a file holding that token
	// EnvToken + "_" + HOST (upper case, every character outside A-Z0-9 as
	// '_'), e.g. VIGIE_MASTODON_TOKEN_PIAILLE_FR, overrides it per instance.
	EnvHashtags  = "VIGIE_MASTODON_HASHTAGS"  // comma-separated hashtags (default: the one-word ingest.DefaultTerms)
	EnvTransport = "VIGIE_MASTODON_TRANSPORT" // sse (default) or ws
)

// Defaults applied by New to zero fields.
const (
	DefaultSilenceTimeout   = 45 * time.Second // the server sends a heartbeat every 15 s
	DefaultBackfillLimit    = 40               // the server's maximum page size
	DefaultInitialPages     = 1
	DefaultMaxBackfillPages = 250 // 10,000 statuses per hashtag and hole
	DefaultDedupeSize       = 100_000
	DefaultBackoffMin       = time.Second
	DefaultBackoffMax       = 2 * time.Minute
	DefaultAuthBackoff      = 15 * time.Minute
	DefaultMaxRateLimitWait = 15 * time.Minute // the paging limit is 300 requests / 15 min
	DefaultRequestTimeout   = 30 * time.Second
)

// Secret is a string that never prints: fmt, slog and JSON see "[redacted]".
type Secret string

const redacted = "[redacted]"

// String implements fmt.Stringer.
func (Secret) String() string { return redacted }

// GoString implements fmt.GoStringer.
func (Secret) GoString() string { return `"` + redacted + `"` }

// LogValue implements slog.LogValuer.
func (Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalText implements encoding.TextMarshaler.
func (Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// Config configures a Mastodon source. Zero durations and sizes take the
// Default* values.
type Config struct {
	// Instances are base URLs ("https://piaille.fr"); a bare host means https.
	Instances []string
	// Hashtags to follow, with or without '#'; they are normalised the way
	// Mastodon does (lower case, accents folded), so #ÉcoleÀlaMaison and
	// #ecolealamaison are one tag.
	Hashtags []string
	// Token is the user access token (scope read or read:statuses) used for
	// every instance without its own entry in Tokens. Streaming needs a user
	// token since Mastodon 4.2.
	Token Secret
	// Tokens holds per-instance tokens, by host ("piaille.fr", "host:port").
	Tokens map[string]Secret
	// Transport is TransportSSE (default) or TransportWebSocket.
	Transport string
	// SilenceTimeout: reconnect when nothing, not even a heartbeat, arrived
	// for this long.
	SilenceTimeout time.Duration
	// BackfillLimit is the REST page size (1..40).
	BackfillLimit int
	// InitialPages is how many of the newest pages to fetch for a hashtag
	// with no checkpoint yet (negative: none).
	InitialPages int
	// MaxBackfillPages caps one backfill of one hashtag; past it the rest of
	// the hole is recorded as a gap.
	MaxBackfillPages int
	// DedupeSize bounds the set of recent status uris used to drop
	// duplicates (across instances, hashtags, stream and backfill).
	DedupeSize int
	// BackoffMin and BackoffMax bound the reconnect backoff after network
	// errors and 5xx.
	BackoffMin, BackoffMax time.Duration
	// AuthBackoff is the wait after 401/403 and other 4xx answers (a bad
	// token or a bad request does not fix itself quickly).
	AuthBackoff time.Duration
	// MaxRateLimitWait caps a wait for a rate-limit reset.
	MaxRateLimitWait time.Duration
	// RequestTimeout bounds one REST request.
	RequestTimeout time.Duration
	// Reject sends input that never became a post (malformed frames) to the
	// dead-letter topic; nil only logs and counts it.
	Reject ingest.Rejecter
}

// Validate reports the first problem in the configuration. Error messages
// name environment variables, never a token's value.
func (c Config) Validate() error {
	if len(c.Instances) == 0 {
		return errors.New("mastodon: no instance (want mastodon:HOST[,HOST...])")
	}
	seen := map[string]bool{}
	for _, raw := range c.Instances {
		u, err := parseInstance(raw)
		if err != nil {
			return err
		}
		if seen[u.Host] {
			return fmt.Errorf("mastodon: instance %s given twice", u.Host)
		}
		seen[u.Host] = true
		if c.tokenFor(u.Host) == "" {
			return fmt.Errorf("mastodon: no access token for %s: set %s, %s or %s (streaming needs a user token with scope read:statuses since Mastodon 4.2)",
				u.Host, EnvToken, EnvToken+"_"+EnvSuffix(u.Host), EnvTokenFile)
		}
	}
	if len(c.Hashtags) == 0 {
		return errors.New("mastodon: no hashtag to follow")
	}
	for _, h := range c.Hashtags {
		if NormalizeTag(h) == "" {
			return fmt.Errorf("mastodon: hashtag %q has no letter or digit", h)
		}
	}
	switch c.Transport {
	case "", TransportSSE, TransportWebSocket:
	default:
		return fmt.Errorf("mastodon: unknown transport %q (want %s or %s)", c.Transport, TransportSSE, TransportWebSocket)
	}
	if c.BackfillLimit < 0 || c.BackfillLimit > 40 {
		return fmt.Errorf("mastodon: backfill limit %d out of 1..40", c.BackfillLimit)
	}
	for name, d := range map[string]time.Duration{
		"silence timeout": c.SilenceTimeout, "backoff min": c.BackoffMin, "backoff max": c.BackoffMax,
		"auth backoff": c.AuthBackoff, "max rate-limit wait": c.MaxRateLimitWait, "request timeout": c.RequestTimeout,
	} {
		if d < 0 {
			return fmt.Errorf("mastodon: negative %s %s", name, d)
		}
	}
	if c.BackoffMax != 0 && c.BackoffMax < c.BackoffMin {
		return fmt.Errorf("mastodon: backoff max %s below min %s", c.BackoffMax, c.BackoffMin)
	}
	if c.MaxBackfillPages < 0 || c.DedupeSize < 0 {
		return errors.New("mastodon: negative max backfill pages or dedupe size")
	}
	return nil
}

// withDefaults fills the zero fields.
func (c Config) withDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	def(&c.SilenceTimeout, DefaultSilenceTimeout)
	def(&c.BackoffMin, DefaultBackoffMin)
	def(&c.BackoffMax, max(DefaultBackoffMax, c.BackoffMin))
	def(&c.AuthBackoff, DefaultAuthBackoff)
	def(&c.MaxRateLimitWait, DefaultMaxRateLimitWait)
	def(&c.RequestTimeout, DefaultRequestTimeout)
	if c.Transport == "" {
		c.Transport = TransportSSE
	}
	if c.BackfillLimit == 0 {
		c.BackfillLimit = DefaultBackfillLimit
	}
	if c.InitialPages == 0 {
		c.InitialPages = DefaultInitialPages
	}
	if c.MaxBackfillPages == 0 {
		c.MaxBackfillPages = DefaultMaxBackfillPages
	}
	if c.DedupeSize == 0 {
		c.DedupeSize = DefaultDedupeSize
	}
	return c
}

func (c Config) tokenFor(host string) Secret {
	if t := c.Tokens[host]; t != "" {
		return t
	}
	return c.Token
}

// FromSpec builds the configuration of the source spec
// "mastodon:INSTANCE[,INSTANCE...]" (arg is what follows "mastodon:"),
// reading tokens, hashtags and transport from the environment (see the Env*
// constants). Tokens: VIGIE_MASTODON_TOKEN_<HOST> wins over
// VIGIE_MASTODON_TOKEN, which wins over the file named by
// VIGIE_MASTODON_TOKEN_FILE.
func FromSpec(arg string, getenv func(string) string) (Config, error) {
	var cfg Config
	for _, s := range strings.Split(arg, ",") {
		if s = strings.TrimSpace(s); s != "" {
			cfg.Instances = append(cfg.Instances, s)
		}
	}
	if len(cfg.Instances) == 0 {
		return cfg, fmt.Errorf("mastodon: spec %q names no instance (want mastodon:HOST[,HOST...])", arg)
	}
	if v := getenv(EnvHashtags); strings.TrimSpace(v) != "" {
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				cfg.Hashtags = append(cfg.Hashtags, h)
			}
		}
	} else {
		cfg.Hashtags = DefaultHashtags()
	}
	cfg.Transport = strings.ToLower(strings.TrimSpace(getenv(EnvTransport)))
	cfg.Token = Secret(strings.TrimSpace(getenv(EnvToken)))
	if cfg.Token == "" {
		if path := strings.TrimSpace(getenv(EnvTokenFile)); path != "" {
			b, err := os.ReadFile(path)
			if err != nil {
				return cfg, fmt.Errorf("mastodon: token file (%s): %w", EnvTokenFile, err)
			}
			cfg.Token = Secret(strings.TrimSpace(string(b)))
			if cfg.Token == "" {
				return cfg, fmt.Errorf("mastodon: token file %s is empty", path)
			}
		}
	}
	for _, raw := range cfg.Instances {
		u, err := parseInstance(raw)
		if err != nil {
			return cfg, err
		}
		if t := strings.TrimSpace(getenv(EnvToken + "_" + EnvSuffix(u.Host))); t != "" {
			if cfg.Tokens == nil {
				cfg.Tokens = map[string]Secret{}
			}
			cfg.Tokens[u.Host] = Secret(t)
		}
	}
	return cfg, cfg.Validate()
}

// EnvSuffix turns a host into the suffix of its per-instance token variable:
// upper case, every character outside A-Z and 0-9 as '_' ("piaille.fr" ->
// "PIAILLE_FR").
func EnvSuffix(host string) string {
	b := []byte(strings.ToUpper(host))
	for i, c := range b {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

// DefaultHashtags returns the one-word terms of ingest.DefaultTerms, folded.
func DefaultHashtags() []string {
	var out []string
	for _, t := range ingest.DefaultTerms {
		if w := fold.Words(t); len(w) == 1 {
			out = append(out, w[0])
		}
	}
	return out
}

// parseInstance turns "piaille.fr" or "https://piaille.fr/" into a base URL.
// Plain http is accepted only for loopback hosts (tests, a local proxy): the
// token must not travel in clear text.
func parseInstance(raw string) (*url.URL, error) {
	s := strings.TrimSpace(raw)
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	shown := safeInstance(s)
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("mastodon: instance %q is not a URL", shown)
	}
	switch {
	case u.Host == "":
		return nil, fmt.Errorf("mastodon: instance %q has no host", shown)
	case u.User != nil || u.RawQuery != "" || u.Fragment != "" || (u.Path != "" && u.Path != "/"):
		return nil, fmt.Errorf("mastodon: instance %q: want a bare base URL (scheme and host only; tokens go in %s)", shown, EnvToken)
	case u.Scheme == "https":
	case u.Scheme == "http" && isLoopback(u.Hostname()):
	default:
		return nil, fmt.Errorf("mastodon: instance %q: want https (http only for loopback hosts)", shown)
	}
	u.Host = strings.ToLower(u.Host)
	u.Path = ""
	return u, nil
}

// safeInstance is an instance string fit for an error message: user
// information (someone may paste a token there) and the query are cut.
func safeInstance(s string) string {
	scheme, rest, ok := strings.Cut(s, "://")
	if !ok {
		scheme, rest = "", s
	}
	end := strings.IndexAny(rest, "/?#")
	if end < 0 {
		end = len(rest)
	}
	if at := strings.LastIndexByte(rest[:end], '@'); at >= 0 {
		rest = "…@" + rest[at+1:]
	}
	if q := strings.IndexAny(rest, "?#"); q >= 0 {
		rest = rest[:q] + "?…"
	}
	if scheme != "" {
		return scheme + "://" + rest
	}
	return rest
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// NormalizeTag normalises a hashtag the way Mastodon does (streaming/utils.js
// normalizeHashtag and HashtagNormalizer): '#' dropped, NFKC, lower case,
// accents folded to ASCII, characters outside letters, digits, '_', U+00B7
// and U+200C removed.
func NormalizeTag(tag string) string {
	tag = norm.NFKC.String(strings.TrimPrefix(strings.TrimSpace(tag), "#"))
	var b strings.Builder
	for _, r := range strings.ToLower(tag) {
		if f := fold.Rune(r); f != "" {
			b.WriteString(f)
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\u00b7' || r == '\u200c' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
