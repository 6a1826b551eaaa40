package archive

import (
	"html"
	"strings"
)

// htmlText turns the sanitized HTML of a Mastodon status or bio into plain
// text: <br> becomes a newline and paragraphs are separated by a blank
// line; a link that is neither a mention nor a hashtag becomes its full
// href (its visible text hides parts of the URL in span.invisible);
// entities are decoded; every other tag is dropped, with the content of
// script and style. The displayed spelling of each hashtag anchor goes to
// tags when tags is not nil.
func htmlText(s string, tags *tagSet) string {
	if strings.IndexByte(s, '<') < 0 && strings.IndexByte(s, '&') < 0 {
		return strings.TrimSpace(s)
	}
	var (
		b       strings.Builder
		skip    bool   // inside a link replaced by its href
		hidden  string // inside script or style: the closing tag awaited
		anchor  bool   // inside a hashtag anchor
		tagText strings.Builder
	)
	b.Grow(len(s))
	text := func(t string) {
		if t == "" || skip || hidden != "" {
			return
		}
		if strings.IndexByte(t, '&') >= 0 {
			t = html.UnescapeString(t)
		}
		b.WriteString(t)
		if anchor {
			tagText.WriteString(t)
		}
	}
	newline := func(n int) {
		if b.Len() == 0 {
			return
		}
		cur := b.String()
		have := len(cur) - len(strings.TrimRight(cur, "\n"))
		for ; have < n; have++ {
			b.WriteByte('\n')
		}
	}
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			text(s[i:])
			break
		}
		text(s[i : i+j])
		i += j
		end := tagEnd(s, i)
		if end < 0 { // a lone '<': text
			text(s[i:])
			break
		}
		name, closing, attrs := parseTag(s[i+1 : end-1])
		i = end
		if hidden != "" {
			if closing && name == hidden {
				hidden = ""
			}
			continue
		}
		switch name {
		case "script", "style":
			if !closing {
				hidden = name
			}
		case "br":
			newline(1)
		case "p", "div", "blockquote", "ul", "ol", "pre", "h1", "h2", "h3", "h4", "h5", "h6":
			newline(2)
		case "li":
			newline(1)
		case "a":
			if closing {
				if anchor {
					if tags != nil {
						tags.add(tagText.String())
					}
					tagText.Reset()
				}
				skip, anchor = false, false
				continue
			}
			class, rel, href := attr(attrs, "class"), attr(attrs, "rel"), attr(attrs, "href")
			switch {
			case hasWord(class, "hashtag") || hasWord(rel, "tag"):
				anchor = true
				tagText.Reset()
			case hasWord(class, "mention"):
			case strings.HasPrefix(href, "http://") || strings.HasPrefix(href, "https://"):
				b.WriteString(html.UnescapeString(href))
				skip = true
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// tagEnd returns the index just after the '>' closing the tag that starts
// at s[i] == '<' (quoted attribute values may hold '>'), or -1.
func tagEnd(s string, i int) int {
	var quote byte
	for k := i + 1; k < len(s); k++ {
		c := s[k]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return k + 1
		}
	}
	return -1
}

// parseTag splits the inside of a tag into its lower-case name, whether it
// closes, and the attribute text.
func parseTag(t string) (name string, closing bool, attrs string) {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "/") {
		closing = true
		t = strings.TrimSpace(t[1:])
	}
	t = strings.TrimSuffix(t, "/")
	n := strings.IndexAny(t, " \t\r\n/")
	if n < 0 {
		n = len(t)
	}
	return strings.ToLower(t[:n]), closing, t[n:]
}

// attr returns the value of attribute key in attrs (unescaped), or "".
func attr(attrs, key string) string {
	for s := attrs; s != ""; {
		s = strings.TrimLeft(s, " \t\r\n/")
		eq := strings.IndexAny(s, "= \t\r\n")
		if eq < 0 {
			return ""
		}
		name := strings.ToLower(s[:eq])
		s = strings.TrimLeft(s[eq:], " \t\r\n")
		if !strings.HasPrefix(s, "=") {
			continue // an attribute without value
		}
		s = strings.TrimLeft(s[1:], " \t\r\n")
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			q := s[0]
			end := strings.IndexByte(s[1:], q)
			if end < 0 {
				val, s = s[1:], ""
			} else {
				val, s = s[1:1+end], s[2+end:]
			}
		} else {
			end := strings.IndexAny(s, " \t\r\n")
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		if name == key {
			return html.UnescapeString(val)
		}
	}
	return ""
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if strings.EqualFold(w, word) {
			return true
		}
	}
	return false
}
