// Package bluesky is the live Bluesky connector: it follows the Jetstream
// WebSocket for new posts (app.bsky.feed.post), keeps those that match the
// tracked terms, and fills holes with app.bsky.feed.searchPosts when an
// account is configured.
//
// Wire formats: /work/shared/reference/source-formats.md §2.
//
// Behaviour worth knowing:
//   - Jetstream cannot filter by hashtag: every post of the network arrives
//     and is matched here (facet #tag features, record.tags, and the text
//     through an ingest.Tracker). Posts matching nothing are not emitted.
//   - Post creates and updates become posts (ID = at-URI, Author = DID:
//     Jetstream carries no handle, so the DID is used everywhere, searchPosts
//     results included). Reposts, identity and account events are ignored.
//     Deletes are counted and logged when they hit a recently emitted post;
//     this version does not erase stored posts.
//   - The cursor (time_us) is saved only after emit returned for every post
//     before it. A reconnection resumes from it minus Rewind; replayed posts
//     are dropped by a bounded set of the last DedupeSize at-URIs (50,000 by
//     default). After a restart that set is empty, so the rewind may
//     re-emit a few seconds of posts: downstream dedupe by post key absorbs
//     them (delivery is at-least-once).
//   - Each disconnection, a cursor clamped to the lookback and a cursor the
//     server clamped silently are recorded as gaps; with credentials each
//     such window is also searched with searchPosts, in the background.
package bluesky

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

// Defaults.
const (
	// DefaultEndpoint is a public Jetstream instance (v1 wire, served by the
	// v2 rewrite since 2026 with the same payloads).
	DefaultEndpoint = "wss://jetstream2.us-east.bsky.network/subscribe"
	// DefaultSearchEndpoint is the bsky.social PDS entryway: createSession
	// lives there, and it proxies app.bsky.* calls such as searchPosts to the
	// AppView. public.api.bsky.app answers 403 to searchPosts since 2025-01
	// (atproto#3423) and to any unauthenticated call with a cursor.
	DefaultSearchEndpoint = "https://bsky.social"
	// DefaultRewind is subtracted from the saved cursor on reconnect.
	DefaultRewind = 2 * time.Second
	// DefaultSilenceTimeout: no message for this long on a subscription to
	// every post of the network means the connection is stalled (§2.4
	// suggests ~30 s).
	DefaultSilenceTimeout = 30 * time.Second
	// DefaultMaxCursorAge is the Jetstream lookback: 36 h on the v2 server
	// ("matching jetstream v1"; the v1 code default was 24 h). An older
	// cursor is clamped by the server without error, so Vigie clamps it
	// itself and records the gap.
	DefaultMaxCursorAge = 36 * time.Hour
	// DefaultDedupeSize bounds the set of recently emitted at-URIs used to
	// drop events replayed after a reconnect (and posts seen by both the
	// stream and a backfill).
	DefaultDedupeSize = 50_000
	// DefaultMaxFrameBytes is asked of the server (maxMessageSizeBytes, larger
	// events are skipped there) and, with a margin, is the read limit.
	DefaultMaxFrameBytes = post.MaxMessageBytes
)

// Environment variables read by FromSpec.
const (
	EnvIdentifier      = "VIGIE_BLUESKY_IDENTIFIER"
	EnvAppPassword     = "VIGIE_BLUESKY_APP_PASSWORD"
	EnvAppPasswordFile = "VIGIE_BLUESKY_APP_PASSWORD_FILE"
	EnvSearchEndpoint  = "VIGIE_BLUESKY_SEARCH_ENDPOINT"
	EnvBackfillOnStart = "VIGIE_BLUESKY_BACKFILL"
)

// Config configures a Bluesky source. The zero value of every field but
// Endpoint means its default; FromSpec and New fill them.
type Config struct {
	// Endpoint is the Jetstream subscribe URL (ws:// or wss://).
	Endpoint string
	// SearchEndpoint is the XRPC base URL for createSession and searchPosts
	// (a PDS or entryway).
	SearchEndpoint string
	// Terms are the tracked hashtags and keywords (default ingest.DefaultTerms).
	Terms []string
	// Identifier (handle, DID or e-mail) and AppPassword log in for
	// searchPosts. Both empty: no backfill.
	Identifier  string
	AppPassword string

	// Rewind is subtracted from the saved cursor when resuming.
	Rewind time.Duration
	// SilenceTimeout forces a reconnect when no message arrives for that long.
	SilenceTimeout time.Duration
	// MaxCursorAge is how far back the server keeps events.
	MaxCursorAge time.Duration
	// ServerClampThreshold: when the first event after resuming is this much
	// later than the cursor asked for, the server clamped the cursor (silently,
	// §2.1) and a gap is recorded. Negative disables the check. Default 5 min
	// (the post collection carries hundreds of events per second).
	ServerClampThreshold time.Duration
	// BackoffMin and BackoffMax bound the waits between reconnections.
	BackoffMin, BackoffMax time.Duration
	// BatchSize and FlushInterval: matching posts are emitted when BatchSize
	// are pending or FlushInterval after the last emit.
	BatchSize     int
	FlushInterval time.Duration
	// CheckpointInterval: the cursor is saved at least this often even when
	// nothing matches (after the pending posts are emitted).
	CheckpointInterval time.Duration
	// DedupeSize bounds the set of recent at-URIs.
	DedupeSize int
	// MaxFrameBytes is the largest event accepted.
	MaxFrameBytes int
	// CheckpointKey names the cursor in Deps.Checkpoints (default Name()).
	CheckpointKey string

	// BackfillOnStart searches this far back when the source starts without
	// a saved cursor (needs credentials; 0: none).
	BackfillOnStart time.Duration
	// SearchPageLimit is searchPosts' limit (1-100).
	SearchPageLimit int
	// SearchMaxPages bounds the pages read per term and window.
	SearchMaxPages int
	// MaxRateWait caps one wait for a rate limit to reset.
	MaxRateWait time.Duration
	// LoginBackoffMin and LoginBackoffMax space login attempts after the
	// server refused the credentials (createSession allows 30 per 5 min).
	LoginBackoffMin, LoginBackoffMax time.Duration
}

// WithDefaults returns c with every unset field at its default.
func (c Config) WithDefaults() Config {
	def := func(d *time.Duration, v time.Duration) {
		if *d == 0 {
			*d = v
		}
	}
	defInt := func(d *int, v int) {
		if *d == 0 {
			*d = v
		}
	}
	if c.Endpoint == "" {
		c.Endpoint = DefaultEndpoint
	}
	if c.SearchEndpoint == "" {
		c.SearchEndpoint = DefaultSearchEndpoint
	}
	if len(c.Terms) == 0 {
		c.Terms = ingest.DefaultTerms
	}
	def(&c.Rewind, DefaultRewind)
	def(&c.SilenceTimeout, DefaultSilenceTimeout)
	def(&c.MaxCursorAge, DefaultMaxCursorAge)
	def(&c.ServerClampThreshold, 5*time.Minute)
	def(&c.BackoffMin, 500*time.Millisecond)
	def(&c.BackoffMax, time.Minute)
	defInt(&c.BatchSize, 500)
	def(&c.FlushInterval, time.Second)
	def(&c.CheckpointInterval, 5*time.Second)
	defInt(&c.DedupeSize, DefaultDedupeSize)
	defInt(&c.MaxFrameBytes, DefaultMaxFrameBytes)
	defInt(&c.SearchPageLimit, 100)
	defInt(&c.SearchMaxPages, 50)
	def(&c.MaxRateWait, 5*time.Minute)
	def(&c.LoginBackoffMin, time.Minute)
	def(&c.LoginBackoffMax, 30*time.Minute)
	return c
}

// Validate reports the first problem with c (after WithDefaults).
func (c Config) Validate() error {
	u, err := url.Parse(c.Endpoint)
	if err != nil {
		return fmt.Errorf("bluesky: endpoint: %w", err)
	}
	switch u.Scheme {
	case "ws", "wss", "http", "https":
	default:
		return fmt.Errorf("bluesky: endpoint %q: want a ws:// or wss:// URL", c.Endpoint)
	}
	if u.Host == "" {
		return fmt.Errorf("bluesky: endpoint %q has no host", c.Endpoint)
	}
	su, err := url.Parse(c.SearchEndpoint)
	if err != nil {
		return fmt.Errorf("bluesky: search endpoint: %w", err)
	}
	if (su.Scheme != "http" && su.Scheme != "https") || su.Host == "" {
		return fmt.Errorf("bluesky: search endpoint %q: want an http(s) URL", c.SearchEndpoint)
	}
	if len(c.Terms) == 0 {
		return errors.New("bluesky: no terms to track")
	}
	if _, err := ingest.NewTracker(c.Terms); err != nil {
		return fmt.Errorf("bluesky: %w", err)
	}
	if (c.Identifier == "") != (c.AppPassword == "") {
		return fmt.Errorf("bluesky: set both %s and %s (or %s), or neither", EnvIdentifier, EnvAppPassword, EnvAppPasswordFile)
	}
	if c.BackfillOnStart > 0 && !c.HasCredentials() {
		return fmt.Errorf("bluesky: a backfill on start needs credentials (%s, %s)", EnvIdentifier, EnvAppPassword)
	}
	switch {
	case c.Rewind < 0:
		return errors.New("bluesky: negative rewind")
	case c.SilenceTimeout <= 0:
		return errors.New("bluesky: silence timeout must be positive")
	case c.MaxCursorAge <= c.Rewind:
		return errors.New("bluesky: max cursor age must exceed the rewind")
	case c.BackoffMin <= 0 || c.BackoffMax < c.BackoffMin:
		return errors.New("bluesky: want 0 < backoff min <= backoff max")
	case c.BatchSize <= 0 || c.FlushInterval <= 0 || c.CheckpointInterval <= 0:
		return errors.New("bluesky: batch size, flush and checkpoint intervals must be positive")
	case c.DedupeSize <= 0:
		return errors.New("bluesky: dedupe size must be positive")
	case c.MaxFrameBytes <= 0:
		return errors.New("bluesky: max frame bytes must be positive")
	case c.SearchPageLimit < 1 || c.SearchPageLimit > 100:
		return errors.New("bluesky: search page limit must be within 1..100")
	case c.SearchMaxPages <= 0 || c.MaxRateWait <= 0:
		return errors.New("bluesky: search max pages and max rate wait must be positive")
	case c.LoginBackoffMin <= 0 || c.LoginBackoffMax < c.LoginBackoffMin:
		return errors.New("bluesky: want 0 < login backoff min <= max")
	case c.BackfillOnStart < 0:
		return errors.New("bluesky: negative backfill window")
	}
	return nil
}

// HasCredentials reports whether an account is configured for searchPosts.
func (c Config) HasCredentials() bool { return c.Identifier != "" && c.AppPassword != "" }

// String describes c without its password.
func (c Config) String() string {
	pw := ""
	if c.AppPassword != "" {
		pw = "[redacted]"
	}
	return fmt.Sprintf("bluesky.Config{Endpoint:%s SearchEndpoint:%s Terms:%v Identifier:%s AppPassword:%s}",
		c.Endpoint, c.SearchEndpoint, c.Terms, c.Identifier, pw)
}

// GoString is String, so that %#v does not print the password either.
func (c Config) GoString() string { return c.String() }

// FromSpec builds the configuration of a source spec's argument:
// "jetstream" (the default public instance) or a ws(s)://host/subscribe URL.
// Credentials come from VIGIE_BLUESKY_IDENTIFIER and
// VIGIE_BLUESKY_APP_PASSWORD (or VIGIE_BLUESKY_APP_PASSWORD_FILE, a file
// holding it); VIGIE_BLUESKY_SEARCH_ENDPOINT overrides the XRPC base and
// VIGIE_BLUESKY_BACKFILL (a duration, e.g. 6h) searches that far back on a
// first start.
func FromSpec(arg string, getenv func(string) string) (Config, error) {
	var c Config
	switch {
	case arg == "jetstream":
		c.Endpoint = DefaultEndpoint
	case strings.HasPrefix(arg, "ws://"), strings.HasPrefix(arg, "wss://"):
		c.Endpoint = arg
	default:
		return Config{}, fmt.Errorf("bluesky: spec argument %q: want \"jetstream\" or a ws(s)://host/subscribe URL", arg)
	}
	c.Identifier = strings.TrimSpace(getenv(EnvIdentifier))
	c.AppPassword = strings.TrimSpace(getenv(EnvAppPassword))
	if f := getenv(EnvAppPasswordFile); f != "" {
		if c.AppPassword != "" {
			return Config{}, fmt.Errorf("bluesky: set %s or %s, not both", EnvAppPassword, EnvAppPasswordFile)
		}
		b, err := os.ReadFile(f)
		if err != nil {
			// The error names the file, never its content.
			return Config{}, fmt.Errorf("bluesky: %s: %w", EnvAppPasswordFile, err)
		}
		c.AppPassword = strings.TrimSpace(string(b))
		if c.AppPassword == "" {
			return Config{}, fmt.Errorf("bluesky: %s: file %s is empty", EnvAppPasswordFile, f)
		}
	}
	c.SearchEndpoint = getenv(EnvSearchEndpoint)
	if v := getenv(EnvBackfillOnStart); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d < 0 {
			return Config{}, fmt.Errorf("bluesky: %s=%q: want a duration such as 6h", EnvBackfillOnStart, v)
		}
		c.BackfillOnStart = d
	}
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}
