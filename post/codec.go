package post

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	// goccy/go-json reads and writes the same JSON as encoding/json, about
	// 2.7 times faster on these types (BenchmarkCodec): every post crosses
	// it four times, and it was a third of the pipeline's CPU outside the
	// classifier.
	json "github.com/goccy/go-json"
)

// ErrInvalid marks input that no retry can fix: it belongs in the
// dead-letter topic, with the wrapped message as the reason.
var ErrInvalid = errors.New("invalid post")

// Limits of what a post may hold. Anything larger is refused, not truncated,
// so that a researcher never counts a silently cut post.
const (
	MaxMessageBytes = 1 << 20  // one encoded message
	MaxTextBytes    = 64 << 10 // the text of a post
	MaxFieldBytes   = 4 << 10  // any other string field
	MaxListLen      = 256      // hashtags, matched terms
)

// Dates outside this window are absurd for a social-media post: before the
// first tweet (2006) or more than two days in the future of the reader's clock.
var minCreatedAt = time.Date(2006, 3, 1, 0, 0, 0, 0, time.UTC)

const maxFuture = 48 * time.Hour

func invalidf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// Normalize cleans the text fields of p in place (Sanitize: control and
// bidi-override characters removed, invalid UTF-8 replaced by U+FFFD; the
// text, location, hashtags and URL also trimmed of surrounding blanks) and
// then validates it. Ingest calls it before publishing. The hashtags are
// cleaned into a new slice when one changes, never in the caller's array.
func Normalize(p *Post, now time.Time) error {
	p.ID = strings.TrimSpace(p.ID)
	p.Source = strings.TrimSpace(p.Source)
	p.Text = strings.TrimSpace(Sanitize(p.Text))
	p.Author = Sanitize(p.Author)
	p.AuthorName = Sanitize(p.AuthorName)
	p.AuthorLocation = strings.TrimSpace(Sanitize(p.AuthorLocation))
	p.AuthorBio = Sanitize(p.AuthorBio)
	p.Place = Sanitize(p.Place)
	p.Hashtags = sanitizeList(p.Hashtags)
	p.URL = strings.TrimSpace(Sanitize(p.URL))
	p.Lang = Sanitize(p.Lang)
	p.CreatedAt = p.CreatedAt.UTC()
	return Validate(p, now)
}

// sanitizeList returns tags with each one sanitized and trimmed: tags itself
// when none changes, else a copy (tags may be shared with other posts).
func sanitizeList(tags []string) []string {
	var out []string
	for i, t := range tags {
		c := strings.TrimSpace(Sanitize(t))
		if c == t && out == nil {
			continue
		}
		if out == nil {
			out = make([]string, len(tags))
			copy(out, tags[:i])
		}
		out[i] = c
	}
	if out == nil {
		return tags
	}
	return out
}

// Validate reports, as an ErrInvalid, the first reason p cannot enter the
// pipeline. now is the reader's clock, used to refuse dates in the future.
func Validate(p *Post, now time.Time) error {
	switch {
	case p.ID == "":
		return invalidf("missing id")
	case p.Source == "":
		return invalidf("missing source")
	case p.CreatedAt.IsZero():
		return invalidf("missing created_at")
	case p.CreatedAt.Before(minCreatedAt):
		return invalidf("absurd created_at %s (before 2006)", p.CreatedAt.Format(time.RFC3339))
	case !now.IsZero() && p.CreatedAt.After(now.Add(maxFuture)):
		return invalidf("absurd created_at %s (in the future)", p.CreatedAt.Format(time.RFC3339))
	case len(p.Text) > MaxTextBytes:
		return invalidf("text of %d bytes exceeds %d", len(p.Text), MaxTextBytes)
	case len(p.Hashtags) > MaxListLen || len(p.Matched) > MaxListLen:
		return invalidf("more than %d hashtags or matched terms", MaxListLen)
	}
	// An array, not a map: Validate runs three times per post, and a map
	// literal is built (allocated) on every call.
	for _, f := range [...]struct{ name, v string }{
		{"id", p.ID}, {"source", p.Source}, {"author", p.Author}, {"author_name", p.AuthorName},
		{"author_location", p.AuthorLocation}, {"author_bio", p.AuthorBio}, {"place", p.Place},
		{"url", p.URL}, {"lang", p.Lang},
	} {
		if len(f.v) > MaxFieldBytes {
			return invalidf("%s of %d bytes exceeds %d", f.name, len(f.v), MaxFieldBytes)
		}
		if !utf8.ValidString(f.v) {
			return invalidf("%s is not valid UTF-8", f.name)
		}
	}
	if !utf8.ValidString(p.Text) {
		return invalidf("text is not valid UTF-8")
	}
	return nil
}

// Sanitize removes characters that have no business in stored text: C0 and
// C1 control characters other than newline and tab, and the Unicode bidi
// override/isolate characters that can disguise what a text says. Invalid
// UTF-8 sequences are replaced by U+FFFD.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if dropRune(r) || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !dropRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func dropRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// Marshal encodes a post for the raw topic.
func (p *Post) Marshal() ([]byte, error) {
	b, err := json.Marshal(p)
	if err != nil {
		return nil, fmt.Errorf("encode post %s: %w", p.Key(), err)
	}
	return b, nil
}

// DecodePost decodes and validates a raw-topic message. Every failure wraps
// ErrInvalid: a message that does not decode today never will.
func DecodePost(b []byte, now time.Time) (Post, error) {
	var p Post
	if err := decode(b, &p); err != nil {
		return p, err
	}
	return p, Validate(&p, now)
}

// Marshal encodes a classified post for the classified topic.
func (c *Classified) Marshal() ([]byte, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return nil, fmt.Errorf("encode classified post %s: %w", c.Key(), err)
	}
	return b, nil
}

// DecodeClassified decodes and validates a classified-topic message.
func DecodeClassified(b []byte, now time.Time) (Classified, error) {
	var c Classified
	if err := decode(b, &c); err != nil {
		return c, err
	}
	if err := Validate(&c.Post, now); err != nil {
		return c, err
	}
	switch c.Label {
	case LabelOutage, LabelComplaint, LabelTestimony, LabelOther:
	default:
		return c, invalidf("unknown label %q", c.Label)
	}
	if c.Region != "" && !IsRegion(c.Region) {
		return c, invalidf("unknown region %q", c.Region)
	}
	return c, nil
}

func decode(b []byte, v any) (err error) {
	// A decoder bug must not take a stage down: a panic on some input is
	// that input's fault as far as the stream goes, and it goes to the
	// dead-letter topic like any other message that does not decode.
	defer func() {
		if r := recover(); r != nil {
			err = invalidf("JSON decoder failed: %v", r)
		}
	}()
	if len(b) > MaxMessageBytes {
		return invalidf("message of %d bytes exceeds %d", len(b), MaxMessageBytes)
	}
	if !utf8.Valid(b) {
		return invalidf("message is not valid UTF-8")
	}
	if err := json.Unmarshal(b, v); err != nil {
		return invalidf("malformed JSON: %v", err)
	}
	return nil
}

// IsRegion reports whether code is one of the contract's region codes.
func IsRegion(code string) bool {
	for _, r := range Regions {
		if r == code {
			return true
		}
	}
	return false
}
