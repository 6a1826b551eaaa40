package bluesky

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// Collections and types of the AT Protocol this connector reads.
const (
	collectionPost = "app.bsky.feed.post"
	facetTag       = "app.bsky.richtext.facet#tag"
)

// event is a Jetstream /subscribe envelope (v1 wire; a v2 server adds a
// "cursor" sequence number, which is ignored: time_us is portable across
// instances, the sequence is not).
type event struct {
	Did    string  `json:"did"`
	TimeUS int64   `json:"time_us"`
	Kind   string  `json:"kind"`
	Commit *commit `json:"commit"`
}

type commit struct {
	Rev        string          `json:"rev"`
	Operation  string          `json:"operation"`
	Collection string          `json:"collection"`
	Rkey       string          `json:"rkey"`
	Record     json.RawMessage `json:"record"`
	Cid        string          `json:"cid"`
}

// record is the part of app.bsky.feed.post the pipeline keeps.
type record struct {
	Type      string   `json:"$type"`
	Text      *string  `json:"text"`
	CreatedAt string   `json:"createdAt"`
	Langs     []string `json:"langs"`
	Tags      []string `json:"tags"`
	Facets    []struct {
		Features []struct {
			Type string `json:"$type"`
			Tag  string `json:"tag"`
		} `json:"features"`
	} `json:"facets"`
}

// dateError is a post whose createdAt is unusable. The post is otherwise
// complete, so the caller can tell whether it matters (it matches a tracked
// term) before rejecting it: the stream carries every post of the network.
type dateError struct{ reason string }

func (e *dateError) Error() string { return e.reason }

// errFrame describes why a frame or record cannot become a post.
type errFrame struct{ reason string }

func (e *errFrame) Error() string { return e.reason }

func frameErrorf(format string, args ...any) error {
	return &errFrame{fmt.Sprintf(format, args...)}
}

// decodeEvent parses a frame and checks the fields every event must have.
func decodeEvent(b []byte) (event, error) {
	var ev event
	if err := json.Unmarshal(b, &ev); err != nil {
		return ev, frameErrorf("malformed JSON: %v", err)
	}
	switch {
	case ev.Did == "":
		return ev, frameErrorf("event without did")
	case ev.TimeUS <= 0:
		return ev, frameErrorf("event without a valid time_us")
	case ev.Kind == "":
		return ev, frameErrorf("event without kind")
	}
	if ev.Kind == "commit" {
		c := ev.Commit
		switch {
		case c == nil:
			return ev, frameErrorf("commit event without commit")
		case c.Collection == "" || c.Rkey == "" || c.Operation == "":
			return ev, frameErrorf("commit without collection, rkey or operation")
		case strings.Contains(c.Rkey, "/") || strings.Contains(ev.Did, "/"):
			return ev, frameErrorf("did or rkey contains '/'")
		}
	}
	return ev, nil
}

// atURI is the stable identity of a post.
func atURI(did, rkey string) string { return "at://" + did + "/" + collectionPost + "/" + rkey }

// webURL links to the post on bsky.app.
func webURL(did, rkey string) string { return "https://bsky.app/profile/" + did + "/post/" + rkey }

// parseATURI splits at://did/app.bsky.feed.post/rkey.
func parseATURI(uri string) (did, rkey string, ok bool) {
	rest, found := strings.CutPrefix(uri, "at://")
	if !found {
		return "", "", false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] != collectionPost || parts[2] == "" {
		return "", "", false
	}
	return parts[0], parts[2], true
}

// futureSlack: a createdAt later than the time the network saw the post by
// more than this is a wrong client clock; the post takes the observed time.
const futureSlack = 5 * time.Minute

// toPost maps a post record. seen is when the network saw it (Jetstream
// time_us, or searchPosts indexedAt; zero if unknown): createdAt is
// client-declared, so a createdAt in the future of seen is clamped to seen,
// and a missing createdAt falls back to seen. Absurdly old dates stay as
// they are, for post.Normalize to refuse downstream.
func toPost(did, rkey string, raw json.RawMessage, seen time.Time) (post.Post, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return post.Post{}, frameErrorf("post without record")
	}
	var r record
	if err := json.Unmarshal(raw, &r); err != nil {
		return post.Post{}, frameErrorf("malformed post record: %v", err)
	}
	if r.Type != "" && r.Type != collectionPost {
		return post.Post{}, frameErrorf("record $type %q in collection %s", r.Type, collectionPost)
	}
	if r.Text == nil {
		return post.Post{}, frameErrorf("post record without text")
	}
	var created time.Time
	var dateErr error
	if r.CreatedAt != "" {
		t, err := parseTime(r.CreatedAt)
		if err != nil {
			dateErr = &dateError{fmt.Sprintf("post record createdAt %q: %v", clip(r.CreatedAt, 64), err)}
		}
		created = t
	}
	switch {
	case dateErr != nil:
	case created.IsZero() && seen.IsZero():
		dateErr = &dateError{"post record without createdAt"}
	case created.IsZero():
		created = seen
	case !seen.IsZero() && created.After(seen.Add(futureSlack)):
		created = seen
	}
	p := post.Post{
		ID:        atURI(did, rkey),
		Source:    post.SourceBluesky,
		CreatedAt: created.UTC(),
		// Jetstream carries only the DID; handles change, DIDs do not, so the
		// DID is the author everywhere (searchPosts too) and counts by author
		// agree across the stream and the backfill.
		Author:   did,
		Text:     *r.Text,
		Lang:     primaryLang(r.Langs),
		Hashtags: hashtags(&r),
		URL:      webURL(did, rkey),
	}
	return p, dateErr
}

// hashtags gathers facet tags and record.tags (invisible in the text but
// searchable), each once, in their written case.
func hashtags(r *record) []string {
	var out []string
	add := func(tag string) {
		tag = strings.TrimPrefix(strings.TrimSpace(tag), "#")
		if tag == "" {
			return
		}
		for _, x := range out {
			if x == tag {
				return
			}
		}
		out = append(out, tag)
	}
	for _, f := range r.Facets {
		for _, feat := range f.Features {
			if feat.Type == facetTag {
				add(feat.Tag)
			}
		}
	}
	for _, t := range r.Tags {
		add(t)
	}
	return out
}

// primaryLang reduces the first BCP-47 tag to its primary language subtag
// ("fr-FR" -> "fr"); anything that does not look like one is dropped.
func primaryLang(langs []string) string {
	if len(langs) == 0 {
		return ""
	}
	l, _, _ := strings.Cut(langs[0], "-")
	l = strings.ToLower(strings.TrimSpace(l))
	if len(l) < 2 || len(l) > 3 {
		return ""
	}
	for _, c := range l {
		if c < 'a' || c > 'z' {
			return ""
		}
	}
	return l
}

// parseTime parses the lenient RFC 3339 of client-declared timestamps
// (fraction optional, zone optional meaning UTC).
func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{
		time.RFC3339Nano,
		"2006-01-02T15:04:05.999999999",
		"2006-01-02 15:04:05.999999999Z07:00",
		"2006-01-02 15:04:05.999999999",
	} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, errors.New("not an RFC 3339 timestamp")
}

// usTime converts a Jetstream time_us.
func usTime(us int64) time.Time { return time.UnixMicro(us).UTC() }
