// Package xapi is the live connector for the X API v2: the filtered stream
// (GET /2/tweets/search/stream) with its rules kept in step with the tracked
// terms, and recent search (GET /2/tweets/search/recent) to fill the windows
// the stream missed (reconnects, restarts) or, in search mode, to poll once.
//
// Wire format, limits and backoff rules follow reference/source-formats.md
// §3.1–3.5 and §3.7–3.9 (from the xdevplatform/docs snapshot).
package xapi

import (
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/ingest"
)

// Modes of the source.
const (
	// ModeStream runs the filtered stream, with recent-search backfill after
	// every reconnect and at start from the checkpoint.
	ModeStream = "stream"
	// ModeSearch runs recent search once (from the checkpoint, or the last
	// 7 days) and returns.
	ModeSearch = "search"
)

// Environment variables read by FromSpec.
const (
	EnvToken     = "VIGIE_X_BEARER_TOKEN"
	EnvTokenFile = "VIGIE_X_BEARER_TOKEN_FILE"
	// EnvTerms overrides the tracked terms (comma-separated).
	EnvTerms = "VIGIE_X_TERMS"
	// EnvBaseURL points the connector at another host (a proxy, a test server).
	EnvBaseURL = "VIGIE_X_BASE_URL"
	// EnvExcludeRetweets ("1", "true") adds -is:retweet to the rules and queries.
	EnvExcludeRetweets = "VIGIE_X_EXCLUDE_RETWEETS"
)

// CheckpointKey is where the highest published tweet id is saved.
const CheckpointKey = "x:since_id"

// DefaultBaseURL is the X API host.
const DefaultBaseURL = "https://api.x.com"

// Documented limits (source-formats.md §3.1, §3.4, §3.5).
const (
	DefaultMaxRuleLen  = 1024 // characters per rule (pay-per-use tier; Enterprise 2048)
	DefaultMaxQueryLen = 512  // characters per recent-search query
	DefaultMaxRules    = 1000 // rules per project
)

// Config configures a Source. The zero value plus a token and WithDefaults
// is a working stream configuration.
type Config struct {
	// Mode is ModeStream or ModeSearch.
	Mode string
	// BaseURL of the API (default https://api.x.com).
	BaseURL string
	// Token is the app-only bearer token. Never logged.
	Token string
	// TokenFile holds the token instead (read at New, and again after a 401
	// so that rotating the file fixes a revoked token without a restart).
	TokenFile string
	// Terms are the tracked hashtags/keywords (default ingest.DefaultTerms).
	// "#tag" is searched as a hashtag only; a one-word term as a hashtag and
	// a quoted keyword; a several-word term as a quoted phrase.
	Terms []string
	// Variants lists extra spellings per folded term (accents: X's '#'
	// operator is an exact match). Nil means DefaultVariants().
	Variants map[string][]string
	// ExcludeRetweets adds -is:retweet to every rule and query.
	ExcludeRetweets bool
	// RuleTag marks the rules this source owns; other rules are left alone.
	RuleTag string
	// MaxRuleLen and MaxQueryLen are the per-rule and per-query character
	// limits of the account's tier.
	MaxRuleLen, MaxQueryLen int
	// KeepAlive: reconnect when nothing (data or keep-alive) arrives for
	// this long. X sends "\r\n" every 20 s.
	KeepAlive time.Duration
	// ConnectTimeout bounds the wait for the stream's response headers and
	// RequestTimeout every REST call.
	ConnectTimeout, RequestTimeout time.Duration
	// BackfillDelay is how long after a reconnect the gap is searched:
	// recent search ends at now-30 s by default and refuses an end_time less
	// than 10 s old, so the window up to the reconnect is complete only then.
	BackfillDelay time.Duration
	// MaxResults per search page (10..100).
	MaxResults int
	// SearchRetries is how many failed attempts (network, 5xx) a search page
	// gets before the backfill gives up (and records a gap).
	SearchRetries int
	// DedupeSize bounds the set of recent ids used to drop stream/backfill
	// overlaps.
	DedupeSize int
	// BatchSize caps the posts per Emit.
	BatchSize int
	// StreamBuffer is how many stream lines are read ahead while a backfill
	// or an Emit is running.
	StreamBuffer int
	// UserAgent sent on every request (the docs ask for one).
	UserAgent string
}

// DefaultVariants returns the accented spellings of the default terms, keyed
// by their folded form. The X '#' operator matches a hashtag exactly, so
// #écoleàlamaison has to be asked for besides #ecolealamaison.
func DefaultVariants() map[string][]string {
	return map[string][]string{
		"ecolealamaison":        {"écoleàlamaison", "écolealamaison", "ecoleàlamaison"},
		"blanquerdemission":     {"blanquerdémission"},
		"continuitepedagogique": {"continuitépédagogique"},
		"ma classe a la maison": {"ma classe à la maison"},
	}
}

// WithDefaults fills the unset fields.
func (c Config) WithDefaults() Config {
	if c.Mode == "" {
		c.Mode = ModeStream
	}
	if c.BaseURL == "" {
		c.BaseURL = DefaultBaseURL
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if len(c.Terms) == 0 {
		c.Terms = ingest.DefaultTerms
	}
	if c.Variants == nil {
		c.Variants = DefaultVariants()
	}
	if c.RuleTag == "" {
		c.RuleTag = "vigie"
	}
	if c.MaxRuleLen == 0 {
		c.MaxRuleLen = DefaultMaxRuleLen
	}
	if c.MaxQueryLen == 0 {
		c.MaxQueryLen = DefaultMaxQueryLen
	}
	if c.KeepAlive == 0 {
		c.KeepAlive = 20 * time.Second
	}
	if c.ConnectTimeout == 0 {
		c.ConnectTimeout = 30 * time.Second
	}
	if c.RequestTimeout == 0 {
		c.RequestTimeout = 30 * time.Second
	}
	if c.BackfillDelay == 0 {
		c.BackfillDelay = 35 * time.Second
	}
	if c.MaxResults == 0 {
		c.MaxResults = 100
	}
	if c.SearchRetries == 0 {
		c.SearchRetries = 5
	}
	if c.DedupeSize == 0 {
		c.DedupeSize = 100_000
	}
	if c.BatchSize == 0 {
		c.BatchSize = 500
	}
	if c.StreamBuffer == 0 {
		c.StreamBuffer = 500
	}
	if c.UserAgent == "" {
		c.UserAgent = "vigie-xapi/1 (+https://github.com/vigie-edu/vigie)"
	}
	return c
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	switch {
	case c.Mode != ModeStream && c.Mode != ModeSearch:
		return fmt.Errorf("x: mode %q: want %q or %q", c.Mode, ModeStream, ModeSearch)
	case !strings.HasPrefix(c.BaseURL, "http://") && !strings.HasPrefix(c.BaseURL, "https://"):
		return fmt.Errorf("x: base URL %q: want http(s)://host", c.BaseURL)
	case c.Token == "" && c.TokenFile == "":
		return fmt.Errorf("x: no bearer token: set %s or %s", EnvToken, EnvTokenFile)
	case c.Token != "" && c.TokenFile != "":
		return errors.New("x: set a token or a token file, not both")
	case len(c.Terms) == 0:
		return errors.New("x: no terms to track")
	case c.RuleTag == "":
		return errors.New("x: empty rule tag")
	case c.MaxRuleLen < 16 || c.MaxQueryLen < 16:
		return errors.New("x: rule and query length limits must be at least 16")
	case c.KeepAlive <= 0 || c.ConnectTimeout <= 0 || c.RequestTimeout <= 0 || c.BackfillDelay < 0:
		return errors.New("x: keep-alive, connect and request timeouts must be positive")
	case c.MaxResults < 10 || c.MaxResults > 100:
		return fmt.Errorf("x: max results %d: want 10..100", c.MaxResults)
	case c.SearchRetries < 1 || c.DedupeSize < 1 || c.BatchSize < 1 || c.StreamBuffer < 1:
		return errors.New("x: search retries, dedupe size, batch size and stream buffer must be positive")
	}
	for _, t := range c.Terms {
		if strings.ContainsAny(t, `"()`) {
			return fmt.Errorf("x: term %q: quotes and parentheses are not allowed", t)
		}
	}
	if _, err := c.rules(); err != nil {
		return err
	}
	if _, err := c.queries(); err != nil {
		return err
	}
	return nil
}

// String describes c without its token.
func (c Config) String() string {
	tok := ""
	if c.Token != "" {
		tok = "[redacted]"
	}
	return fmt.Sprintf("xapi.Config{Mode:%s BaseURL:%s Token:%s TokenFile:%s Terms:%v ExcludeRetweets:%t RuleTag:%s}",
		c.Mode, c.BaseURL, tok, c.TokenFile, c.Terms, c.ExcludeRetweets, c.RuleTag)
}

// GoString is String, so that %#v does not print the token either.
func (c Config) GoString() string { return c.String() }

// LogValue keeps the token out of slog output.
func (c Config) LogValue() slog.Value { return slog.StringValue(c.String()) }

// FromSpec builds the configuration of a source spec's argument: "stream"
// (x:stream, the filtered stream with backfill) or "search" (x:search,
// recent search once, then exit). The token comes from VIGIE_X_BEARER_TOKEN
// or VIGIE_X_BEARER_TOKEN_FILE; VIGIE_X_TERMS, VIGIE_X_BASE_URL and
// VIGIE_X_EXCLUDE_RETWEETS are optional.
func FromSpec(arg string, getenv func(string) string) (Config, error) {
	var c Config
	switch arg {
	case ModeStream, ModeSearch:
		c.Mode = arg
	default:
		return Config{}, fmt.Errorf("x: spec argument %q: want %q or %q", arg, ModeStream, ModeSearch)
	}
	c.Token = strings.TrimSpace(getenv(EnvToken))
	if f := strings.TrimSpace(getenv(EnvTokenFile)); f != "" {
		if c.Token != "" {
			return Config{}, fmt.Errorf("x: set %s or %s, not both", EnvToken, EnvTokenFile)
		}
		if _, err := readTokenFile(f); err != nil {
			return Config{}, err
		}
		c.TokenFile = f
	}
	if v := getenv(EnvTerms); v != "" {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" {
				c.Terms = append(c.Terms, t)
			}
		}
	}
	c.BaseURL = getenv(EnvBaseURL)
	switch strings.ToLower(strings.TrimSpace(getenv(EnvExcludeRetweets))) {
	case "", "0", "false", "no":
	case "1", "true", "yes":
		c.ExcludeRetweets = true
	default:
		return Config{}, fmt.Errorf("x: %s: want true or false", EnvExcludeRetweets)
	}
	c = c.WithDefaults()
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// readTokenFile reads a token file; errors name the file, never its content.
func readTokenFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("x: token file: %w", err)
	}
	tok := strings.TrimSpace(string(b))
	if tok == "" {
		return "", fmt.Errorf("x: token file %s is empty", path)
	}
	return tok, nil
}

// Open is FromSpec and New in one call, for pipeline.OpenSource: terms, when
// given, replace the defaults (unless VIGIE_X_TERMS is set).
func Open(arg string, terms []string, getenv func(string) string, deps ingest.Deps, reject ingest.Rejecter) (ingest.Source, error) {
	cfg, err := FromSpec(arg, getenv)
	if err != nil {
		return nil, err
	}
	if len(terms) > 0 && getenv(EnvTerms) == "" {
		cfg.Terms = terms
	}
	s, err := New(cfg, deps, reject)
	if err != nil {
		return nil, err
	}
	return s, nil
}
