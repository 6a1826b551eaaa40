package archive

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/vigie-edu/vigie/post"
)

// xURL links to a post on X.
func xURL(handle, id string) string {
	if handle == "" {
		return "https://twitter.com/i/web/status/" + id
	}
	return "https://twitter.com/" + handle + "/status/" + id
}

// ---- X API v1.1 ----------------------------------------------------------

type v11Entities struct {
	Hashtags []struct {
		Text string `json:"text"`
	} `json:"hashtags"`
}

type v11User struct {
	IDStr       flexID `json:"id_str"`
	ID          flexID `json:"id"`
	ScreenName  string `json:"screen_name"`
	Name        string `json:"name"`
	Location    string `json:"location"`
	Description string `json:"description"`
}

type v11Place struct {
	Name     string `json:"name"`
	FullName string `json:"full_name"`
	Country  string `json:"country"`
}

type v11Tweet struct {
	CreatedAt     string       `json:"created_at"`
	ID            flexID       `json:"id"`
	IDStr         flexID       `json:"id_str"`
	Text          string       `json:"text"`
	FullText      string       `json:"full_text"`
	Lang          string       `json:"lang"`
	TimestampMS   flexID       `json:"timestamp_ms"`
	User          *v11User     `json:"user"`
	Entities      *v11Entities `json:"entities"`
	ExtendedTweet *struct {
		FullText string       `json:"full_text"`
		Entities *v11Entities `json:"entities"`
	} `json:"extended_tweet"`
	RetweetedStatus *v11Tweet `json:"retweeted_status"`
	Place           *v11Place `json:"place"`

	// Stream notices: present means "not a tweet".
	Delete         json.RawMessage `json:"delete"`
	Limit          json.RawMessage `json:"limit"`
	ScrubGeo       json.RawMessage `json:"scrub_geo"`
	Disconnect     json.RawMessage `json:"disconnect"`
	Warning        json.RawMessage `json:"warning"`
	StatusWithheld json.RawMessage `json:"status_withheld"`
	UserWithheld   json.RawMessage `json:"user_withheld"`
	Event          json.RawMessage `json:"event"`
	Friends        json.RawMessage `json:"friends"`
}

func (t *v11Tweet) notice() bool {
	if t.IDStr != "" || t.ID != "" {
		return false
	}
	return t.Delete != nil || t.Limit != nil || t.ScrubGeo != nil || t.Disconnect != nil || t.Warning != nil ||
		t.StatusWithheld != nil || t.UserWithheld != nil || t.Event != nil || t.Friends != nil
}

func (t *v11Tweet) id() string {
	if t.IDStr != "" {
		return string(t.IDStr)
	}
	return string(t.ID)
}

// fullText follows TCAT's decision tree: full_text (REST extended mode),
// else extended_tweet.full_text (streaming compatibility mode), else text.
func (t *v11Tweet) fullText() (string, *v11Entities) {
	switch {
	case t.FullText != "":
		return t.FullText, t.Entities
	case t.ExtendedTweet != nil && t.ExtendedTweet.FullText != "":
		return t.ExtendedTweet.FullText, t.ExtendedTweet.Entities
	}
	return t.Text, t.Entities
}

type v11Parser struct{}

func (v11Parser) parse(rec []byte, res *results) error {
	if isKeepAlive(rec) {
		return nil
	}
	var t v11Tweet
	if err := json.Unmarshal(rec, &t); err != nil {
		return jsonErr("v1.1 tweet", err)
	}
	if t.notice() {
		return nil
	}
	p, err := t.post()
	if err != nil {
		return err
	}
	res.posts = append(res.posts, p)
	return nil
}

func (t *v11Tweet) post() (post.Post, error) {
	created, err := parseTime(t.CreatedAt)
	if err != nil {
		return post.Post{}, err
	}
	if created.IsZero() && t.TimestampMS != "" {
		if created, err = parseTime(string(t.TimestampMS)); err != nil {
			return post.Post{}, err
		}
	}
	p := post.Post{ID: t.id(), Source: post.SourceX, CreatedAt: created, Lang: cleanLang(t.Lang)}
	var tags tagSet
	text, ents := t.fullText()
	addV11Tags(&tags, ents)
	if rt := t.RetweetedStatus; rt != nil {
		// The root text of a retweet is cut near 140 characters: the full
		// text is the original's.
		rtText, rtEnts := rt.fullText()
		handle := ""
		if rt.User != nil {
			handle = rt.User.ScreenName
		}
		if rtText != "" {
			text = "RT @" + handle + ": " + rtText
		}
		addV11Tags(&tags, rtEnts)
	}
	p.Text = unescapeX(text)
	p.Hashtags = tags.list()
	if u := t.User; u != nil {
		p.Author = u.ScreenName
		if p.Author == "" {
			p.Author = string(u.IDStr)
		}
		p.AuthorName = unescapeX(u.Name)
		p.AuthorLocation = unescapeX(u.Location)
		p.AuthorBio = unescapeX(u.Description)
	}
	if t.Place != nil {
		p.Place = placeName(t.Place.FullName, t.Place.Name, t.Place.Country)
	}
	if p.ID != "" {
		p.URL = xURL(p.Author, p.ID)
	}
	return p, nil
}

func addV11Tags(tags *tagSet, e *v11Entities) {
	if e == nil {
		return
	}
	for _, h := range e.Hashtags {
		tags.add(h.Text)
	}
}

// placeName joins a place's names: "Montreuil, France".
func placeName(full, name, country string) string {
	n := full
	if n == "" {
		n = name
	}
	if country != "" && !strings.Contains(n, country) {
		if n == "" {
			return country
		}
		n += ", " + country
	}
	return n
}

func isKeepAlive(rec []byte) bool {
	return bytes.Equal(bytes.TrimSpace(rec), []byte(`"keep-alive"`))
}

// ---- X API v2: twarc2 pages, twarc2 flatten, 4CAT -------------------------

type v2Entities struct {
	Hashtags []struct {
		Tag string `json:"tag"`
	} `json:"hashtags"`
}

type v2Note struct {
	Text     string      `json:"text"`
	Entities *v2Entities `json:"entities"`
}

type v2User struct {
	ID          flexID `json:"id"`
	Username    string `json:"username"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Location    string `json:"location"`
}

type v2Place struct {
	ID       string `json:"id"`
	FullName string `json:"full_name"`
	Name     string `json:"name"`
	Country  string `json:"country"`
}

type v2Geo struct {
	PlaceID string `json:"place_id"`
	// twarc2 flatten merges the place into geo; 4CAT nests it.
	FullName string   `json:"full_name"`
	Name     string   `json:"name"`
	Country  string   `json:"country"`
	Place    *v2Place `json:"place"`
}

// v2Tweet is an API v2 tweet, as the API sends it or as twarc2 flatten and
// 4CAT enrich it. The 2026 spec's "post" spellings are accepted too.
type v2Tweet struct {
	ID               flexID      `json:"id"`
	Text             string      `json:"text"`
	CreatedAt        string      `json:"created_at"`
	AuthorID         flexID      `json:"author_id"`
	Lang             string      `json:"lang"`
	Entities         *v2Entities `json:"entities"`
	NoteTweet        *v2Note     `json:"note_tweet"`
	NotePost         *v2Note     `json:"note_post"`
	ReferencedTweets []v2Ref     `json:"referenced_tweets"`
	ReferencedPosts  []v2Ref     `json:"referenced_posts"`
	Geo              *v2Geo      `json:"geo"`
	// Expansions: twarc2 flatten (author), 4CAT (author_user, or the
	// older top-level author_username and author_fullname).
	Author         *v2User `json:"author"`
	AuthorUser     *v2User `json:"author_user"`
	AuthorUsername string  `json:"author_username"`
	AuthorFullname string  `json:"author_fullname"`
}

// v2Ref is a referenced tweet: {type, id}, merged with the whole tweet by
// twarc2 flatten and 4CAT.
type v2Ref struct {
	Type string `json:"type"`
	v2Tweet
}

func (t *v2Tweet) refs() []v2Ref {
	if len(t.ReferencedTweets) > 0 {
		return t.ReferencedTweets
	}
	return t.ReferencedPosts
}

func (t *v2Tweet) note() *v2Note {
	if t.NoteTweet != nil {
		return t.NoteTweet
	}
	return t.NotePost
}

// fullText is note_tweet's text for long posts, else text.
func (t *v2Tweet) fullText() string {
	if n := t.note(); n != nil && n.Text != "" {
		return n.Text
	}
	return t.Text
}

func (t *v2Tweet) addTags(tags *tagSet) {
	if t.Entities != nil {
		for _, h := range t.Entities.Hashtags {
			tags.add(h.Tag)
		}
	}
	if n := t.note(); n != nil && n.Entities != nil {
		for _, h := range n.Entities.Hashtags {
			tags.add(h.Tag)
		}
	}
}

// user is the expanded author, if any (an empty {} for a missing include).
func (t *v2Tweet) user() *v2User {
	switch {
	case t.Author != nil && (t.Author.Username != "" || t.Author.ID != ""):
		return t.Author
	case t.AuthorUser != nil && t.AuthorUser.Username != "" && t.AuthorUser.Username != "UNKNOWN":
		return t.AuthorUser
	case t.AuthorUsername != "" && t.AuthorUsername != "UNKNOWN":
		return &v2User{Username: t.AuthorUsername, Name: t.AuthorFullname}
	}
	return nil
}

// v2Includes resolves expansions of a raw response (nil for expanded tweets).
type v2Includes struct {
	Users  []v2User  `json:"users"`
	Tweets []v2Tweet `json:"tweets"`
	Posts  []v2Tweet `json:"posts"`
	Places []v2Place `json:"places"`
}

func (in *v2Includes) user(id flexID) *v2User {
	if in == nil || id == "" {
		return nil
	}
	for i := range in.Users {
		if in.Users[i].ID == id {
			return &in.Users[i]
		}
	}
	return nil
}

func (in *v2Includes) tweet(id flexID) *v2Tweet {
	if in == nil || id == "" {
		return nil
	}
	for _, list := range [][]v2Tweet{in.Tweets, in.Posts} {
		for i := range list {
			if list[i].ID == id {
				return &list[i]
			}
		}
	}
	return nil
}

func (in *v2Includes) place(id string) *v2Place {
	if in == nil || id == "" {
		return nil
	}
	for i := range in.Places {
		if in.Places[i].ID == id {
			return &in.Places[i]
		}
	}
	return nil
}

// v2Post maps one v2 tweet; in resolves a raw response's includes (nil
// when the tweet comes expanded).
func v2Post(t *v2Tweet, in *v2Includes) (post.Post, error) {
	created, err := parseTime(t.CreatedAt)
	if err != nil {
		return post.Post{}, err
	}
	p := post.Post{ID: string(t.ID), Source: post.SourceX, CreatedAt: created, Lang: cleanLang(t.Lang)}
	var tags tagSet
	t.addTags(&tags)
	text := t.fullText()
	for i := range t.refs() {
		ref := &t.refs()[i]
		if ref.Type != "retweeted" {
			continue
		}
		orig := &ref.v2Tweet
		if o := in.tweet(ref.ID); o != nil {
			orig = o
		}
		// A retweet's own text is cut near 140 characters; the original
		// holds the full text.
		if full := orig.fullText(); full != "" {
			handle := ""
			if u := orig.user(); u != nil {
				handle = u.Username
			} else if u := in.user(orig.AuthorID); u != nil {
				handle = u.Username
			}
			if handle != "" {
				text = "RT @" + handle + ": " + full
			}
		}
		orig.addTags(&tags)
	}
	p.Text = unescapeX(text)
	p.Hashtags = tags.list()
	u := t.user()
	if u == nil {
		u = in.user(t.AuthorID)
	}
	if u != nil {
		p.Author, p.AuthorName = u.Username, unescapeX(u.Name)
		p.AuthorLocation, p.AuthorBio = unescapeX(u.Location), unescapeX(u.Description)
	}
	if p.Author == "" {
		p.Author = string(t.AuthorID)
	}
	if g := t.Geo; g != nil {
		switch pl := in.place(g.PlaceID); {
		case pl != nil:
			p.Place = placeName(pl.FullName, pl.Name, pl.Country)
		case g.Place != nil:
			p.Place = placeName(g.Place.FullName, g.Place.Name, g.Place.Country)
		default:
			p.Place = placeName(g.FullName, g.Name, g.Country)
		}
	}
	if p.ID != "" {
		handle := ""
		if u != nil {
			handle = u.Username
		}
		p.URL = xURL(handle, p.ID)
	}
	return p, nil
}

// twarc2Parser reads twarc2 raw responses and, line by line, flattened
// tweets too (twarc's own importers decide per line).
type twarc2Parser struct{}

type v2Response struct {
	Data     json.RawMessage `json:"data"`
	Includes *v2Includes     `json:"includes"`
}

func (twarc2Parser) parse(rec []byte, res *results) error {
	if isKeepAlive(rec) {
		return nil
	}
	var r v2Response
	if err := json.Unmarshal(rec, &r); err != nil {
		return jsonErr("twarc2 response", err)
	}
	data := bytes.TrimSpace(r.Data)
	switch {
	case len(data) == 0 || string(data) == "null":
		if f, _ := classify(sniff(rec)); f == FormatTwarc2Flat {
			return flatParser{}.parse(rec, res) // a flattened tweet in a raw file
		}
		return nil // errors-only line, empty page, disconnect notice
	case data[0] == '{':
		return parseV2Item(data, r.Includes, res)
	case data[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(data, &items); err != nil {
			return jsonErr("twarc2 data", err)
		}
		for _, item := range items {
			if err := parseV2Item(item, r.Includes, res); err != nil {
				res.rejects = append(res.rejects, itemReject{raw: item, reason: err.Error()})
			}
		}
		return nil
	}
	return errors.New("twarc2 data is neither a tweet nor a list of tweets")
}

func parseV2Item(item []byte, in *v2Includes, res *results) error {
	var t v2Tweet
	if err := json.Unmarshal(item, &t); err != nil {
		return jsonErr("v2 tweet", err)
	}
	p, err := v2Post(&t, in)
	if err != nil {
		return err
	}
	res.posts = append(res.posts, p)
	return nil
}

// flatParser reads twarc2 flatten output and plain v2 tweets.
type flatParser struct{}

func (flatParser) parse(rec []byte, res *results) error {
	if isKeepAlive(rec) {
		return nil
	}
	var t v2Tweet
	if err := json.Unmarshal(rec, &t); err != nil {
		return jsonErr("v2 tweet", err)
	}
	if t.ID == "" && t.Text == "" {
		if _, ok := sniff(rec).keys["data"]; ok {
			return twarc2Parser{}.parse(rec, res) // a raw response in a flat file
		}
	}
	p, err := v2Post(&t, nil)
	if err != nil {
		return err
	}
	res.posts = append(res.posts, p)
	return nil
}
