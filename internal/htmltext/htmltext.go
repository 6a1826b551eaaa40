// Package htmltext turns the sanitized HTML of a Mastodon status, profile
// note or profile field into the plain text a reader sees, and collects the
// hashtags it links. It tokenizes with golang.org/x/net/html, so malformed
// markup degrades the way it does in a browser.
package htmltext

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text returns the plain text of s and the display form (original case,
// without '#') of each hashtag link, in order of appearance, duplicates
// included.
//
//   - <br> is a newline; paragraphs, lists, quotes, headings and other
//     blocks are separated by a blank line, list items and table rows by a
//     newline; white space around a break is dropped.
//   - Entities are decoded (the tokenizer's decoding, a browser's).
//   - A hashtag link (rel="tag", or a class "hashtag") keeps its text,
//     "#tag", and gives a hashtag. A mention (class "mention") keeps its
//     text, "@user". Any other http(s) link becomes its full href: Mastodon
//     shows a long URL shortened, hiding its start and end in
//     <span class="invisible"> and marking the cut with
//     <span class="ellipsis">, but the text carries the whole URL.
//   - The content of script, style, title, iframe, noembed, noframes and
//     noscript is dropped, as are comments and every other tag; NUL bytes
//     are dropped.
//   - A tag left unterminated at the end of s is dropped, as a browser
//     does ("a<b" is "a"); a '<' that starts no tag ("a < b", "3<4") is
//     text.
//
// Text never fails and never panics. Invalid UTF-8 passes through
// unchanged (the caller's validation rejects it); valid UTF-8 in gives
// valid UTF-8 out. The text is at most 3*len(s) bytes: a NUL byte inside
// <xmp>, <textarea> or <plaintext> shows as U+FFFD, as in a browser, and
// the largest entity growth is 6/5 ("&nLt;" is 6 bytes of UTF-8).
func Text(s string) (text string, hashtags []string) {
	if strings.IndexAny(s, "<&\x00\r") < 0 {
		return strings.TrimSpace(s), nil
	}
	c := converter{out: make([]byte, 0, len(s))}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken: // io.EOF: a strings.Reader fails no other way
			c.href = "" // a link left open shows its text, up to the end
			c.endLink()
			return strings.TrimSpace(string(c.out)), c.tags
		case html.TextToken:
			if !c.hidden {
				c.write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			c.element(z, false)
		case html.EndTagToken:
			c.element(z, true)
		}
	}
}

// converter is the state of one Text call.
type converter struct {
	out     []byte
	pending int    // newlines owed before the next text
	hidden  bool   // inside an element whose content is not shown
	href    string // inside a link shown as its href: the href
	linkAt  int    // where that link's text starts in out, or -1
	inTag   bool   // inside a hashtag link
	tag     []byte // the text of that link
	tags    []string
}

// breaks is the number of newlines an element stands for, opened or
// closed, or 0.
func breaks(a atom.Atom) int {
	switch a {
	case atom.P, atom.Div, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Table, atom.Section, atom.Article:
		return 2
	case atom.Li, atom.Tr, atom.Dt, atom.Dd:
		return 1
	}
	return 0
}

// isHidden reports the elements whose content a reader does not see; the
// tokenizer reads each one's content as raw text up to its end tag.
func isHidden(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Title, atom.Iframe, atom.Noembed, atom.Noframes, atom.Noscript:
		return true
	}
	return false
}

// write appends text, after the newlines owed.
func (c *converter) write(t []byte) {
	if bytes.IndexByte(t, 0) >= 0 {
		t = bytes.ReplaceAll(t, []byte{0}, nil)
	}
	if c.pending > 0 {
		t = bytes.TrimLeft(t, " \t\n\f\r")
		if len(t) == 0 {
			return // white space next to a break is no text
		}
		if len(c.out) > 0 {
			c.out = bytes.TrimRight(c.out, " \t\n\f\r")
			c.linkAt = min(c.linkAt, len(c.out))
			for range c.pending {
				c.out = append(c.out, '\n')
			}
		}
		c.pending = 0
	}
	if c.href != "" && c.linkAt < 0 {
		c.linkAt = len(c.out)
	}
	c.out = append(c.out, t...)
	if c.inTag {
		c.tag = append(c.tag, t...)
	}
}

// element acts on a start tag, or an end tag when end is set.
func (c *converter) element(z *html.Tokenizer, end bool) {
	name, hasAttr := z.TagName()
	a := atom.Lookup(name)
	switch {
	case isHidden(a):
		c.hidden = !end
	case a == atom.Br: // </br> too, as in a browser
		c.pending++
	case breaks(a) > 0:
		c.pending = max(c.pending, breaks(a))
	case a == atom.A:
		c.endLink() // a link opened inside a link closes it, as in a browser
		if !end {
			c.openLink(z, hasAttr)
		}
	}
}

// openLink reads the attributes of a link's start tag.
func (c *converter) openLink(z *html.Tokenizer, hasAttr bool) {
	var class, rel, href string
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		switch string(k) {
		case "class":
			class = string(v)
		case "rel":
			rel = string(v)
		case "href":
			href = string(v)
		}
	}
	switch {
	case hasWord(class, "hashtag") || hasWord(rel, "tag"):
		c.inTag = true
		c.tag = c.tag[:0]
	case hasWord(class, "mention"):
	case hasPrefixFold(href, "http://") || hasPrefixFold(href, "https://"):
		c.href, c.linkAt = href, -1
	}
}

// endLink closes the open link: a hashtag link gives its hashtag, and an
// http(s) link's text is replaced by its href.
func (c *converter) endLink() {
	if href := c.href; href != "" {
		c.href = ""
		if c.linkAt >= 0 { // the link's text, and the breaks before it, are out
			after := c.pending // breaks inside the link, after its text
			c.out, c.pending = c.out[:c.linkAt], 0
			c.write([]byte(href))
			c.pending = after
		} else {
			c.write([]byte(href))
		}
	}
	if c.inTag {
		t := strings.TrimSpace(string(c.tag))
		if r, ok := strings.CutPrefix(t, "#"); ok {
			t = r
		} else {
			t = strings.TrimPrefix(t, "＃")
		}
		if t = strings.TrimSpace(t); t != "" {
			c.tags = append(c.tags, t)
		}
	}
	c.inTag, c.href = false, ""
}

// hasWord reports whether the space-separated list holds word, in any case.
func hasWord(list, word string) bool {
	for w := range strings.FieldsSeq(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
