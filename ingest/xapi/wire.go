package xapi

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// flexID is an id sent as a string or, in old archives, as a JSON number
// (a rule id of 2021 twarc files); null is empty.
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
		return fmt.Errorf("id: want a string or a number, got %s", b)
	}
	*f = flexID(n.String())
	return nil
}

// problem is an X API error object (RFC 7807 style), in a non-2xx body or
// in the errors[] of a 200 answer or a stream line.
type problem struct {
	Title           string    `json:"title"`
	Detail          string    `json:"detail"`
	Type            string    `json:"type"`
	Value           string    `json:"value"`
	DisconnectType  string    `json:"disconnect_type"`
	ConnectionIssue string    `json:"connection_issue"`
	Errors          []problem `json:"errors"`
}

func (p problem) describe() string {
	out := p.Title
	if p.Detail != "" && p.Detail != p.Title {
		if out != "" {
			out += ": "
		}
		out += p.Detail
	}
	if p.Type != "" && p.Type != "about:blank" {
		out += " [" + p.Type + "]"
	}
	return out
}

// operationalDisconnect reports the line X sends before closing a stream
// for its own reasons ("UpstreamOperationalDisconnect", twarc's
// "OperationalDisconnect").
func (p problem) operationalDisconnect() bool {
	return strings.Contains(p.DisconnectType, "OperationalDisconnect") ||
		strings.EqualFold(p.Title, "operational-disconnect") ||
		strings.Contains(p.Type, "operational-disconnect")
}

type hashtagEntity struct {
	Tag string `json:"tag"`
}

type entities struct {
	Hashtags []hashtagEntity `json:"hashtags"`
}

type note struct {
	Text     string   `json:"text"`
	Entities entities `json:"entities"`
}

type reference struct {
	Type string `json:"type"`
	ID   flexID `json:"id"`
}

// tweet is the part of a v2 Tweet (Post, in the 2026 spec's spelling) that
// Vigie maps.
type tweet struct {
	ID               flexID      `json:"id"`
	Text             *string     `json:"text"`
	CreatedAt        string      `json:"created_at"`
	AuthorID         flexID      `json:"author_id"`
	Lang             string      `json:"lang"`
	Entities         entities    `json:"entities"`
	NoteTweet        *note       `json:"note_tweet"`
	NotePost         *note       `json:"note_post"`
	ReferencedTweets []reference `json:"referenced_tweets"`
	ReferencedPosts  []reference `json:"referenced_posts"`
	Geo              *struct {
		PlaceID string `json:"place_id"`
	} `json:"geo"`
}

func (t *tweet) note() *note {
	if t.NoteTweet != nil {
		return t.NoteTweet
	}
	return t.NotePost
}

func (t *tweet) refs() []reference {
	if len(t.ReferencedTweets) > 0 {
		return t.ReferencedTweets
	}
	return t.ReferencedPosts
}

type user struct {
	ID          flexID `json:"id"`
	Username    string `json:"username"`
	Name        string `json:"name"`
	Location    string `json:"location"`
	Description string `json:"description"`
}

type place struct {
	ID       string `json:"id"`
	FullName string `json:"full_name"`
	Name     string `json:"name"`
}

type includes struct {
	Users  []user  `json:"users"`
	Places []place `json:"places"`
	Tweets []tweet `json:"tweets"`
	Posts  []tweet `json:"posts"`
}

func (in *includes) user(id flexID) *user {
	for i := range in.Users {
		if id != "" && in.Users[i].ID == id {
			return &in.Users[i]
		}
	}
	return nil
}

func (in *includes) place(id string) *place {
	for i := range in.Places {
		if id != "" && in.Places[i].ID == id {
			return &in.Places[i]
		}
	}
	return nil
}

func (in *includes) tweet(id flexID) *tweet {
	for _, list := range [][]tweet{in.Tweets, in.Posts} {
		for i := range list {
			if id != "" && list[i].ID == id {
				return &list[i]
			}
		}
	}
	return nil
}

// streamMessage is one line of the filtered stream.
type streamMessage struct {
	Data     json.RawMessage `json:"data"`
	Includes includes        `json:"includes"`
	Errors   []problem       `json:"errors"`
}

// searchPage is one answer of recent search.
type searchPage struct {
	Data     []json.RawMessage `json:"data"`
	Includes includes          `json:"includes"`
	Meta     struct {
		NewestID    flexID `json:"newest_id"`
		OldestID    flexID `json:"oldest_id"`
		ResultCount int    `json:"result_count"`
		NextToken   string `json:"next_token"`
	} `json:"meta"`
	Errors []problem `json:"errors"`
}

// errInvalid is input that no retry fixes: it goes to the dead-letter topic.
var errInvalid = post.ErrInvalid

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errInvalid, fmt.Sprintf(format, args...))
}

// htmlUnescaper undoes the entities X leaves in post text: only these five,
// not a full HTML decode (source-formats.md §3.8.1). strings.Replacer does
// not rescan its output, so "&amp;lt;" becomes "&lt;", as written.
var htmlUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'")

// mapTweet turns a tweet and the includes of its message into a Post.
//
// Text: note_tweet.text when present (long posts), else text. A retweet
// keeps its "RT @author: " prefix (so readers and the classifier can tell a
// retweet) followed by the full text of the original from includes.tweets
// (its note_tweet when long), instead of X's copy cut near 140 characters.
// When the original is missing (deleted, protected) the cut text is kept.
func mapTweet(t *tweet, in *includes, now time.Time) (post.Post, uint64, error) {
	id := string(t.ID)
	if id == "" {
		return post.Post{}, 0, invalid("tweet without id")
	}
	num, err := strconv.ParseUint(id, 10, 64)
	if err != nil || num == 0 {
		return post.Post{}, 0, invalid("tweet id %q is not a decimal id", truncate(id, 40))
	}
	if t.Text == nil {
		return post.Post{}, num, invalid("tweet %s without text", id)
	}
	if t.CreatedAt == "" {
		return post.Post{}, num, invalid("tweet %s without created_at (tweet.fields must ask for it)", id)
	}
	created, err := time.Parse(time.RFC3339Nano, t.CreatedAt)
	if err != nil {
		return post.Post{}, num, invalid("tweet %s: bad created_at %q", id, truncate(t.CreatedAt, 40))
	}
	p := post.Post{
		ID:         id,
		Source:     post.SourceX,
		CreatedAt:  created.UTC(),
		Lang:       mapLang(t.Lang),
		IngestedAt: now,
	}
	text := *t.Text
	tags := addTags(nil, t.Entities.Hashtags)
	if n := t.note(); n != nil && n.Text != "" {
		text = n.Text
		tags = addTags(tags, n.Entities.Hashtags)
	}
	for _, r := range t.refs() {
		if r.Type != "retweeted" {
			continue
		}
		orig := in.tweet(r.ID)
		if orig == nil || orig.Text == nil {
			break
		}
		full := *orig.Text
		tags = addTags(tags, orig.Entities.Hashtags)
		if n := orig.note(); n != nil && n.Text != "" {
			full = n.Text
			tags = addTags(tags, n.Entities.Hashtags)
		}
		text = rtPrefix(*t.Text, orig, in) + full
		break
	}
	p.Text = htmlUnescaper.Replace(text)
	p.Hashtags = tags
	if u := in.user(t.AuthorID); u != nil {
		p.Author = u.Username
		p.AuthorName = htmlUnescaper.Replace(u.Name)
		p.AuthorLocation = htmlUnescaper.Replace(u.Location)
		p.AuthorBio = htmlUnescaper.Replace(u.Description)
	} else {
		// Suspended or deleted author: the message has an errors[] entry
		// and no user. Keep the account id as the author.
		p.Author = string(t.AuthorID)
	}
	if t.Geo != nil {
		if pl := in.place(t.Geo.PlaceID); pl != nil {
			p.Place = pl.FullName
			if p.Place == "" {
				p.Place = pl.Name
			}
		}
	}
	if u := in.user(t.AuthorID); u != nil && u.Username != "" {
		p.URL = "https://x.com/" + u.Username + "/status/" + id
	} else {
		p.URL = "https://x.com/i/web/status/" + id
	}
	return p, num, nil
}

// rtPrefix is the "RT @user: " head of a retweet's text, taken from the
// text itself or rebuilt from the original's author.
func rtPrefix(text string, orig *tweet, in *includes) string {
	if strings.HasPrefix(text, "RT @") {
		if i := strings.Index(text, ": "); i > 0 {
			return text[:i+2]
		}
	}
	if u := in.user(orig.AuthorID); u != nil && u.Username != "" {
		return "RT @" + u.Username + ": "
	}
	return "RT: "
}

func addTags(dst []string, hs []hashtagEntity) []string {
	for _, h := range hs {
		tag := strings.TrimPrefix(strings.TrimSpace(h.Tag), "#")
		if tag == "" {
			continue
		}
		dup := false
		for _, d := range dst {
			if d == tag {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, tag)
		}
	}
	return dst
}

// mapLang keeps ISO 639-1 tags and drops X's "undetermined"/special codes
// (und, zxx, art, qam, qct, qht, qme, qst).
func mapLang(l string) string {
	l = strings.ToLower(strings.TrimSpace(l))
	switch {
	case l == "", l == "und", l == "zxx", l == "art":
		return ""
	case len(l) == 3 && l[0] == 'q':
		return ""
	}
	return l
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// decodeTweet decodes a raw data object.
func decodeTweet(raw json.RawMessage) (tweet, error) {
	var t tweet
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return t, invalid("data is not an object")
	}
	if err := json.Unmarshal(raw, &t); err != nil {
		return t, invalid("malformed tweet: %v", err)
	}
	return t, nil
}
