package archive

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/internal/fold"
)

// xEntities undoes the only escaping X applies to post text (&amp; &lt;
// &gt;, plus &quot; and &#39; seen in old archives). It is not a full HTML
// decode: "&eacute;" typed by a user stays as typed.
var xEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'")

func unescapeX(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return xEntities.Replace(s)
}

// timeLayouts are the date layouts archives use, tried in order.
var timeLayouts = []string{
	time.RFC3339Nano,                // X v2, Mastodon, Bluesky, twarc, Vigie
	time.RubyDate,                   // X v1.1 "Thu Apr 01 07:52:31 +0000 2021"
	"2006-01-02 15:04:05",           // TCAT, 4CAT CSV (UTC)
	"2006-01-02T15:04:05.999999999", // Bluesky clients without a zone (UTC)
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02T15:04:05.999999999Z0700", // "+0000" without a colon
	"2006-01-02",
}

// parseTime reads a creation date in any layout archives use, or unix time
// given as digits (seconds, milliseconds or microseconds by magnitude).
// Dates without a zone are UTC. The result is UTC.
func parseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil // missing: post validation says so
	}
	if isDigits(s) {
		return unixTime(s)
	}
	for _, layout := range timeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("unreadable date %q", clip(s, 64))
}

func unixTime(s string) (time.Time, error) {
	if len(s) > 19 {
		return time.Time{}, fmt.Errorf("unreadable unix time %q", clip(s, 32))
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("unreadable unix time %q", clip(s, 32))
	}
	switch {
	case n >= 1e15: // microseconds (Jetstream time_us)
		return time.UnixMicro(n).UTC(), nil
	case n >= 1e12: // milliseconds (timestamp_ms)
		return time.UnixMilli(n).UTC(), nil
	}
	return time.Unix(n, 0).UTC(), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// cleanLang turns a source language tag into ISO 639-1 ("fr-FR" -> "fr"),
// or "" for X's "und" and other non-languages.
func cleanLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	if len(s) != 2 {
		return ""
	}
	s = strings.ToLower(s)
	if s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return ""
	}
	if s == "in" { // X's legacy code for Indonesian
		return "id"
	}
	return s
}

// tagSet collects hashtags without '#', keeping the first spelling of each
// (the key folds case and accents, so "Pronote" and "pronote" are one tag).
type tagSet struct {
	tags []string
	keys []string
	buf  []byte
}

func (t *tagSet) add(tag string) {
	tag = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(tag), "#＃"))
	if tag == "" {
		return
	}
	t.buf = fold.AppendWords(t.buf[:0], []byte(tag))
	key := string(bytes.TrimSpace(t.buf))
	if key == "" {
		key = tag
	}
	for _, k := range t.keys {
		if k == key {
			return
		}
	}
	t.keys = append(t.keys, key)
	t.tags = append(t.tags, tag)
}

func (t *tagSet) list() []string {
	if len(t.tags) == 0 {
		return nil
	}
	return t.tags
}

// flexID is an id that archives write as a string or as a JSON number
// (v1.1 "id", old twarc rule ids, Mastodon-compatible servers). The digits
// are kept as text: X ids exceed 2^53.
type flexID string

func (f *flexID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*f = ""
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexID(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	if _, err := strconv.ParseUint(n.String(), 10, 64); err != nil {
		return errors.New("id is not an integer: " + clip(n.String(), 32))
	}
	*f = flexID(n.String())
	return nil
}

// clip shortens s for an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xc0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// jsonErr shortens a decoding error into a rejection reason.
func jsonErr(what string, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		return fmt.Errorf("malformed JSON (%s): %s at byte %d", what, syn.Error(), syn.Offset)
	}
	return fmt.Errorf("malformed %s: %v", what, err)
}
