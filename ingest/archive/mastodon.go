package archive

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"

	"github.com/vigie-edu/vigie/internal/htmltext"
	"github.com/vigie-edu/vigie/post"
)

type mastoAccount struct {
	ID          flexID `json:"id"`
	Username    string `json:"username"`
	Acct        string `json:"acct"`
	DisplayName string `json:"display_name"`
	Note        string `json:"note"`
	URL         string `json:"url"`
	Fields      []struct {
		Name  string `json:"name"`
		Value string `json:"value"`
	} `json:"fields"`
}

type mastoStatus struct {
	ID          flexID        `json:"id"`
	URI         string        `json:"uri"`
	URL         *string       `json:"url"`
	CreatedAt   string        `json:"created_at"`
	Content     string        `json:"content"`
	SpoilerText string        `json:"spoiler_text"`
	Language    *string       `json:"language"`
	Account     *mastoAccount `json:"account"`
	Tags        []struct {
		Name string `json:"name"`
	} `json:"tags"`
	Reblog *mastoStatus `json:"reblog"`
}

// locationField matches the profile fields people use for a location
// (Mastodon has no location field).
var locationField = regexp.MustCompile(`(?i)lieu|localisation|location|ville|r[ée]gion|city|based`)

type mastodonParser struct{}

func (mastodonParser) parse(rec []byte, res *results) error {
	var s mastoStatus
	if err := json.Unmarshal(rec, &s); err != nil {
		return jsonErr("Mastodon status", err)
	}
	if s.ID == "" && s.URI == "" && s.Account == nil {
		return nil // not a status: a stray object
	}
	created, err := parseTime(s.CreatedAt)
	if err != nil {
		return err
	}
	p := post.Post{ID: string(s.ID), Source: post.SourceMastodon, CreatedAt: created}
	var tags tagSet
	p.Text = s.text(&tags)
	if b := s.Reblog; b != nil && strings.TrimSpace(p.Text) == "" {
		// A boost has no content of its own.
		handle := ""
		if b.Account != nil {
			handle = b.Account.Acct
		}
		p.Text = "RT @" + handle + ": " + b.text(&tags)
		for _, t := range b.Tags {
			tags.add(t.Name)
		}
	}
	for _, t := range s.Tags {
		tags.add(t.Name) // normalised forms; the displayed ones came first
	}
	p.Hashtags = tags.list()
	if s.Language != nil {
		p.Lang = cleanLang(*s.Language)
	}
	if a := s.Account; a != nil {
		p.Author = qualifiedAcct(a)
		p.AuthorName = a.DisplayName
		p.AuthorBio, _ = htmltext.Text(a.Note)
		for _, f := range a.Fields {
			if locationField.MatchString(f.Name) {
				p.AuthorLocation, _ = htmltext.Text(f.Value)
				break
			}
		}
	}
	switch {
	case s.URL != nil && *s.URL != "":
		p.URL = *s.URL
	default:
		p.URL = s.URI
	}
	res.posts = append(res.posts, p)
	return nil
}

// text is the spoiler (content warning) and the content, as plain text.
func (s *mastoStatus) text(tags *tagSet) string {
	body, hashtags := htmltext.Text(s.Content)
	for _, t := range hashtags {
		tags.add(t)
	}
	if cw := strings.TrimSpace(s.SpoilerText); cw != "" {
		return cw + "\n\n" + body
	}
	return body
}

// qualifiedAcct is the account's handle with its instance: local accounts
// have a bare acct, completed from the profile URL's host.
func qualifiedAcct(a *mastoAccount) string {
	acct := a.Acct
	if acct == "" {
		acct = a.Username
	}
	if acct == "" || strings.Contains(acct, "@") {
		return acct
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return acct + "@" + u.Host
	}
	return acct
}
