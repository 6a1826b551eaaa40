package mastodon

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/internal/fold"
	"github.com/vigie-edu/vigie/internal/htmltext"
	"github.com/vigie-edu/vigie/post"
)

// flexID is a status or account id. Mastodon sends strings ("treat IDs as
// opaque strings"); some compatible servers send numbers.
type flexID string

func (f *flexID) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		*f = ""
		return nil
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*f = flexID(s)
		return nil
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return fmt.Errorf("id is neither a string nor a number: %w", err)
		}
		*f = flexID(n.String())
		return nil
	}
}

// status holds the fields of a Mastodon Status entity that Vigie uses.
type status struct {
	ID          flexID   `json:"id"`
	CreatedAt   string   `json:"created_at"`
	InReplyToID *flexID  `json:"in_reply_to_id"`
	Sensitive   bool     `json:"sensitive"`
	SpoilerText string   `json:"spoiler_text"`
	Visibility  string   `json:"visibility"`
	Language    *string  `json:"language"`
	URI         string   `json:"uri"`
	URL         *string  `json:"url"`
	Content     string   `json:"content"`
	EditedAt    *string  `json:"edited_at"`
	Reblog      *status  `json:"reblog"`
	Account     *account `json:"account"`
	Tags        []struct {
		Name string `json:"name"`
	} `json:"tags"`
}

type account struct {
	ID          flexID `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"`
	DisplayName string `json:"display_name"`
	Note        string `json:"note"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

// decodeStatus decodes one Status JSON object.
func decodeStatus(b []byte) (*status, error) {
	var st status
	if err := json.Unmarshal(b, &st); err != nil {
		return nil, err
	}
	return &st, nil
}

// converted is a status turned into a post, with what the connector needs
// besides: the instance-local id (for min_id paging and checkpoints) and the
// dedupe key.
type converted struct {
	post  post.Post
	id    string // the status id on the instance that delivered it
	dedup string // uri + edited_at: an edit passes once, each copy of it is dropped
}

// errNotPost marks a status that is valid JSON but cannot become a post.
var errNotPost = errors.New("status cannot become a post")

// isLocationField reports whether a profile field name (folded) names a
// location.
func isLocationField(name string) bool {
	switch name {
	case "location", "localisation", "localization", "lieu", "ville":
		return true
	}
	return false
}

// toPost maps a status delivered by the instance at host to a post. The
// post's ID is the status uri (its ActivityPub id, the same on every
// instance); a boost is replaced by the status it boosts, so it is not a new
// post. now stamps IngestedAt.
func toPost(st *status, host string, now time.Time) (converted, error) {
	var c converted
	c.id = string(st.ID)
	orig := st
	if st.Reblog != nil {
		orig = st.Reblog
	}
	if orig.URI == "" {
		return c, fmt.Errorf("%w: status %q has no uri", errNotPost, c.id)
	}
	created, err := time.Parse(time.RFC3339Nano, orig.CreatedAt)
	if err != nil {
		return c, fmt.Errorf("%w: status %s: created_at %q: %v", errNotPost, orig.URI, orig.CreatedAt, err)
	}
	text, display := htmltext.Text(orig.Content)
	if cw := strings.TrimSpace(orig.SpoilerText); cw != "" {
		text = strings.TrimSpace(cw + "\n\n" + text)
	}
	p := post.Post{
		ID:         orig.URI,
		Source:     post.SourceMastodon,
		CreatedAt:  created.UTC(),
		Text:       text,
		Hashtags:   hashtags(orig, display),
		URL:        orig.URI,
		IngestedAt: now,
	}
	if orig.URL != nil && *orig.URL != "" {
		p.URL = *orig.URL
	}
	if orig.Language != nil {
		p.Lang = *orig.Language
	}
	if a := orig.Account; a != nil {
		p.Author = a.Acct
		if p.Author == "" {
			p.Author = a.Username
		}
		if p.Author != "" && !strings.Contains(p.Author, "@") {
			p.Author += "@" + hostname(host) // a local account: qualify it
		}
		p.AuthorName = clip(a.DisplayName)
		bio, _ := htmltext.Text(a.Note)
		p.AuthorBio = clip(bio)
		for _, f := range a.Fields {
			if isLocationField(strings.Join(fold.Words(f.Name), " ")) {
				loc, _ := htmltext.Text(f.Value)
				p.AuthorLocation = clip(loc)
				break
			}
		}
	}
	c.post = p
	c.dedup = orig.URI
	if orig.EditedAt != nil && *orig.EditedAt != "" {
		c.dedup += "\x00" + *orig.EditedAt
	}
	return c, nil
}

// hashtags returns the status's tags (tags[].name, which Mastodon
// normalises) in the case the author wrote them when the content shows it.
func hashtags(st *status, display []string) []string {
	byKey := map[string]string{}
	for _, d := range display {
		if k := NormalizeTag(d); k != "" {
			if _, ok := byKey[k]; !ok {
				byKey[k] = d
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	add := func(key, form string) {
		if key == "" || seen[key] || len(out) >= post.MaxListLen {
			return
		}
		seen[key] = true
		out = append(out, form)
	}
	for _, t := range st.Tags {
		k := NormalizeTag(t.Name)
		if d, ok := byKey[k]; ok {
			add(k, d)
		} else {
			add(k, t.Name)
		}
	}
	if len(st.Tags) == 0 { // servers that send no tags list
		for _, d := range display {
			add(NormalizeTag(d), d)
		}
	}
	return out
}

// clip cuts a profile field to post.MaxFieldBytes on a rune boundary, so an
// unusually long bio (other fediverse servers allow them) does not cost the
// post itself. The post text is never cut.
func clip(s string) string {
	if len(s) <= post.MaxFieldBytes {
		return s
	}
	cut := post.MaxFieldBytes - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// hostname drops the port of host.
func hostname(host string) string {
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
		return host[:i]
	}
	return host
}

// idLess orders status ids: numerically when both are decimal (Mastodon's
// snowflake ids), else as strings. The empty id is below every other.
func idLess(a, b string) bool {
	if a == b {
		return false
	}
	if a == "" || b == "" {
		return a == ""
	}
	if isDigits(a) && isDigits(b) {
		a, b = strings.TrimLeft(a, "0"), strings.TrimLeft(b, "0")
		if len(a) != len(b) {
			return len(a) < len(b)
		}
	}
	return a < b
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// snowflakeTime returns the time encoded in a Mastodon snowflake id
// (milliseconds since the epoch in the bits above the low 16), when the id
// is one and the time plausible.
func snowflakeTime(id string, now time.Time) (time.Time, bool) {
	if !isDigits(id) {
		return time.Time{}, false
	}
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	t := time.UnixMilli(int64(n >> 16)).UTC()
	if t.Before(time.Date(2016, 1, 1, 0, 0, 0, 0, time.UTC)) || t.After(now.Add(time.Hour)) {
		return time.Time{}, false
	}
	return t, true
}
