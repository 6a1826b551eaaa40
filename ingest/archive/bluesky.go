package archive

import (
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// bskyRecord is an app.bsky.feed.post record, as Jetstream sends it or as
// 4CAT dumps it through the atproto SDK (snake_case, py_type).
type bskyRecord struct {
	Type       string   `json:"$type"`
	Text       string   `json:"text"`
	CreatedAt  string   `json:"createdAt"`
	CreatedAt2 string   `json:"created_at"`
	Langs      []string `json:"langs"`
	Tags       []string `json:"tags"`
	Facets     []struct {
		Features []struct {
			Type   string `json:"$type"`
			PyType string `json:"py_type"`
			Tag    string `json:"tag"`
		} `json:"features"`
	} `json:"facets"`
}

func (r *bskyRecord) created() string {
	if r.CreatedAt != "" {
		return r.CreatedAt
	}
	return r.CreatedAt2
}

// fill sets the text, language and hashtags of p from the record.
func (r *bskyRecord) fill(p *post.Post) {
	p.Text = r.Text
	if len(r.Langs) > 0 {
		p.Lang = cleanLang(r.Langs[0])
	}
	var tags tagSet
	for _, f := range r.Facets {
		for _, feat := range f.Features {
			if feat.Tag != "" && (strings.HasSuffix(feat.Type, "#tag") || strings.HasSuffix(feat.PyType, "#tag") ||
				feat.Type == "" && feat.PyType == "") {
				tags.add(feat.Tag)
			}
		}
	}
	for _, t := range r.Tags { // invisible in the text, but they count
		tags.add(t)
	}
	p.Hashtags = tags.list()
}

func bskyURL(author, uri string) string {
	// at://did/app.bsky.feed.post/rkey
	rest, ok := strings.CutPrefix(uri, "at://")
	if !ok {
		return ""
	}
	did, path, _ := strings.Cut(rest, "/")
	_, rkey, ok := strings.Cut(path, "/")
	if !ok || rkey == "" {
		return ""
	}
	if author == "" {
		author = did
	}
	return "https://bsky.app/profile/" + author + "/post/" + rkey
}

const postCollection = "app.bsky.feed.post"

// clockSkew is how far ahead of Jetstream's clock a client's createdAt may
// be before it is clamped.
const clockSkew = 5 * time.Minute

type jsEvent struct {
	Did    string `json:"did"`
	TimeUS int64  `json:"time_us"`
	Kind   string `json:"kind"`
	Commit *struct {
		Operation  string      `json:"operation"`
		Collection string      `json:"collection"`
		Rkey       string      `json:"rkey"`
		Record     *bskyRecord `json:"record"`
	} `json:"commit"`
	Identity *struct {
		Did    string `json:"did"`
		Handle string `json:"handle"`
	} `json:"identity"`
}

// maxHandles bounds the DID -> handle cache a Jetstream file fills from
// its identity events.
const maxHandles = 100_000

// jetstreamParser keeps post creates (and updates) of app.bsky.feed.post;
// deletes, reposts, likes, identity and account events are not posts.
// Identity events feed a handle cache so later posts carry a handle.
type jetstreamParser struct {
	handles map[string]string
}

func (j *jetstreamParser) parse(rec []byte, res *results) error {
	var e jsEvent
	if err := json.Unmarshal(rec, &e); err != nil {
		return jsonErr("Jetstream event", err)
	}
	if e.Kind == "identity" && e.Identity != nil && e.Identity.Handle != "" {
		did := e.Identity.Did
		if did == "" {
			did = e.Did
		}
		if j.handles == nil {
			j.handles = map[string]string{}
		}
		if _, ok := j.handles[did]; ok || len(j.handles) < maxHandles {
			j.handles[did] = e.Identity.Handle
		}
		return nil
	}
	c := e.Commit
	if e.Kind != "commit" || c == nil || c.Collection != postCollection ||
		(c.Operation != "create" && c.Operation != "update") {
		return nil
	}
	if c.Record == nil {
		return errors.New("post commit without a record")
	}
	uri := "at://" + e.Did + "/" + postCollection + "/" + c.Rkey
	if e.Did == "" || c.Rkey == "" {
		uri = "" // post validation rejects the missing id
	}
	created, err := parseTime(c.Record.created())
	if err != nil {
		return err
	}
	// createdAt is client-declared: one in the future of the event's
	// arrival (beyond a little clock skew) is clamped to the arrival.
	if e.TimeUS > 0 {
		if seen := time.UnixMicro(e.TimeUS).UTC(); created.After(seen.Add(clockSkew)) {
			created = seen
		}
	}
	p := post.Post{ID: uri, Source: post.SourceBluesky, CreatedAt: created, Author: e.Did}
	if h := j.handles[e.Did]; h != "" {
		p.Author = h
	}
	c.Record.fill(&p)
	p.URL = bskyURL(p.Author, uri)
	res.posts = append(res.posts, p)
	return nil
}

// ---- 4CAT ------------------------------------------------------------------

// fourCATItem is a 4CAT NDJSON item: a v2 tweet enriched by 4CAT
// (author_user, geo.place, merged references), or a Bluesky post view
// dumped by the atproto SDK (uri, author, record, 4CAT_metadata).
type fourCATItem struct {
	v2Tweet
	URI    string      `json:"uri"`
	Record *bskyRecord `json:"record"`
}

type fourCATParser struct{}

func (fourCATParser) parse(rec []byte, res *results) error {
	var it fourCATItem
	if err := json.Unmarshal(rec, &it); err != nil {
		return jsonErr("4CAT item", err)
	}
	if it.Record == nil || it.URI == "" {
		p, err := v2Post(&it.v2Tweet, nil)
		if err != nil {
			return err
		}
		res.posts = append(res.posts, p)
		return nil
	}
	var bsky struct {
		Author *struct {
			Did          string `json:"did"`
			Handle       string `json:"handle"`
			DisplayName  string `json:"display_name"`
			DisplayName2 string `json:"displayName"`
		} `json:"author"`
	}
	if err := json.Unmarshal(rec, &bsky); err != nil {
		return jsonErr("4CAT Bluesky author", err)
	}
	created, err := parseTime(it.Record.created())
	if err != nil {
		return err
	}
	p := post.Post{ID: it.URI, Source: post.SourceBluesky, CreatedAt: created}
	if a := bsky.Author; a != nil {
		p.Author = a.Handle
		if p.Author == "" {
			p.Author = a.Did
		}
		p.AuthorName = a.DisplayName
		if p.AuthorName == "" {
			p.AuthorName = a.DisplayName2
		}
	}
	it.Record.fill(&p)
	p.URL = bskyURL(p.Author, it.URI)
	res.posts = append(res.posts, p)
	return nil
}
