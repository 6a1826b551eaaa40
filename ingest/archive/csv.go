package archive

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/vigie-edu/vigie/post"
)

// csvParser reads one CSV record at a time (the splitter cut it, with its
// raw bytes); the first record is the header, columns are read by name.
type csvParser struct {
	comma  rune
	cols   map[string]int
	ncols  int
	toPost func(row csvRow) (post.Post, error)
}

type csvRow struct {
	cols   map[string]int
	fields []string
}

// get returns the named column, "" when absent.
func (r csvRow) get(name string) string {
	i, ok := r.cols[name]
	if !ok || i >= len(r.fields) {
		return ""
	}
	return r.fields[i]
}

func (c *csvParser) parse(rec []byte, res *results) error {
	cr := csv.NewReader(bytes.NewReader(rec))
	cr.Comma = c.comma
	cr.FieldsPerRecord = -1
	fields, err := cr.Read()
	if err != nil {
		return fmt.Errorf("malformed CSV record: %w", err)
	}
	if c.cols == nil {
		c.cols = map[string]int{}
		for i, h := range fields {
			h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
			if _, dup := c.cols[h]; !dup {
				c.cols[h] = i
			}
		}
		c.ncols = len(fields)
		res.header = true
		return nil
	}
	if len(fields) == 1 && strings.TrimSpace(fields[0]) == "" {
		return nil
	}
	if len(fields) != c.ncols {
		return fmt.Errorf("CSV record has %d fields, the header %d", len(fields), c.ncols)
	}
	p, err := c.toPost(csvRow{cols: c.cols, fields: fields})
	if err != nil {
		return err
	}
	res.posts = append(res.posts, p)
	return nil
}

// decimalID checks an X id: spreadsheet round-trips turn them into floats
// ("1.37765E+18") that point at no tweet.
func decimalID(id string) (string, error) {
	id = strings.TrimSpace(id)
	if id != "" && !isDigits(id) {
		return "", fmt.Errorf("id %q is not a decimal integer (a spreadsheet may have rounded it)", clip(id, 32))
	}
	return id, nil
}

// listField splits TCAT's "; "-joined lists.
func listField(s string, tags *tagSet) {
	for _, t := range strings.Split(s, ";") {
		tags.add(t)
	}
}

// tcatPost maps a DMI-TCAT "export all tweets" row. TCAT already decoded
// HTML entities and flattened whitespace; created_at is UTC.
func tcatPost(r csvRow) (post.Post, error) {
	id, err := decimalID(r.get("id"))
	if err != nil {
		return post.Post{}, err
	}
	created, err := parseTime(r.get("created_at"))
	if err != nil {
		return post.Post{}, err
	}
	if created.IsZero() {
		if created, err = parseTime(r.get("time")); err != nil {
			return post.Post{}, err
		}
	}
	p := post.Post{
		ID: id, Source: post.SourceX, CreatedAt: created,
		Author: r.get("from_user_name"), AuthorName: r.get("from_user_realname"),
		AuthorLocation: r.get("location"), AuthorBio: r.get("from_user_description"),
		Text: r.get("text"), Lang: cleanLang(r.get("lang")),
	}
	var tags tagSet
	listField(r.get("hashtags"), &tags)
	p.Hashtags = tags.list()
	if id != "" {
		p.URL = xURL(p.Author, id)
	}
	return p, nil
}

// twarcCSVPost maps a `twarc2 csv` row. With --merge-retweets (the
// default) a retweet's text is the original's: "RT @user: " is put back.
func twarcCSVPost(r csvRow) (post.Post, error) {
	id, err := decimalID(r.get("id"))
	if err != nil {
		return post.Post{}, err
	}
	created, err := parseTime(r.get("created_at"))
	if err != nil {
		return post.Post{}, err
	}
	text := strings.ReplaceAll(r.get("text"), `\n`, "\n") // twarc-csv writes newlines as \n
	text = unescapeX(text)
	if r.get("referenced_tweets.retweeted.id") != "" && !strings.HasPrefix(text, "RT @") {
		if u := r.get("retweeted_username"); u != "" {
			text = "RT @" + u + ": " + text
		}
	}
	p := post.Post{
		ID: id, Source: post.SourceX, CreatedAt: created,
		Author: r.get("author.username"), AuthorName: r.get("author.name"),
		AuthorLocation: r.get("author.location"), AuthorBio: r.get("author.description"),
		Text: text, Lang: cleanLang(r.get("lang")),
		Place: placeName(r.get("geo.full_name"), r.get("geo.name"), r.get("geo.country")),
	}
	if p.Author == "" {
		p.Author = r.get("author_id")
	}
	var tags tagSet
	if err := jsonTags(r.get("entities.hashtags"), &tags); err != nil {
		return post.Post{}, err
	}
	p.Hashtags = tags.list()
	if id != "" {
		p.URL = xURL(r.get("author.username"), id)
	}
	return p, nil
}

// jsonTags reads twarc-csv's hashtag cell: a JSON list of "#tag" strings
// (--process-entities, the default) or of {start,end,tag} objects.
func jsonTags(cell string, tags *tagSet) error {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return nil
	}
	var list []json.RawMessage
	if err := json.Unmarshal([]byte(cell), &list); err != nil {
		return errors.New("entities.hashtags is not a JSON list")
	}
	for _, item := range list {
		var s string
		if json.Unmarshal(item, &s) == nil {
			tags.add(s)
			continue
		}
		var obj struct {
			Tag string `json:"tag"`
		}
		if json.Unmarshal(item, &obj) == nil {
			tags.add(obj.Tag)
		}
	}
	return nil
}
