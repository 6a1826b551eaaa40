package mastodon

import (
	"html"
	"strings"
)

// htmlText turns the sanitized HTML of a status (or a profile note or field)
// into plain text: <br> becomes a newline, paragraphs and other blocks are
// separated by a blank line, links become their text (Mastodon splits a long
// URL into "invisible" and "ellipsis" spans whose text put together is the
// full URL), entities are decoded, comments, scripts and styles dropped.
// It also returns the display form (original case, without '#') of every
// hashtag link. It never fails: malformed markup degrades to text.
func htmlText(s string) (text string, hashtags []string) {
	var (
		b        strings.Builder
		pending  string // a break to write before the next text
		inTag    bool   // inside a hashtag link
		tagText  strings.Builder
		skipping string // inside <script> or <style>: the closing tag to wait for
	)
	writeText := func(t string) {
		if t == "" {
			return
		}
		if pending != "" && b.Len() > 0 {
			b.WriteString(pending)
		}
		pending = ""
		b.WriteString(t)
		if inTag {
			tagText.WriteString(t)
		}
	}
	brk := func(sep string) {
		if len(sep) > len(pending) {
			pending = sep
		}
	}
	for len(s) > 0 {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			if skipping == "" {
				writeText(html.UnescapeString(s))
			}
			break
		}
		if lt > 0 && skipping == "" {
			writeText(html.UnescapeString(s[:lt]))
		}
		s = s[lt:]
		// s starts with '<'.
		if strings.HasPrefix(s, "<!--") {
			end := strings.Index(s[4:], "-->")
			if end < 0 {
				break
			}
			s = s[4+end+3:]
			continue
		}
		if len(s) < 2 || !(isASCIILetter(s[1]) || s[1] == '/' || s[1] == '!' || s[1] == '?') {
			if skipping == "" {
				writeText("<")
			}
			s = s[1:]
			continue
		}
		end := tagEnd(s)
		if end < 0 { // unterminated tag at the end: drop it
			break
		}
		name, closing, attrs := parseTag(s[1:end])
		s = s[end+1:]
		if skipping != "" {
			if closing && name == skipping {
				skipping = ""
			}
			continue
		}
		switch name {
		case "br":
			if pending != "" && b.Len() > 0 {
				b.WriteString(pending)
				pending = ""
			}
			b.WriteByte('\n')
		case "p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article":
			brk("\n\n")
		case "li", "tr", "dt", "dd":
			brk("\n")
		case "script", "style":
			if !closing {
				skipping = name
			}
		case "a":
			if closing {
				if inTag {
					if t, ok := strings.CutPrefix(strings.TrimSpace(tagText.String()), "#"); ok && t != "" {
						hashtags = append(hashtags, t)
					}
				}
				inTag = false
				continue
			}
			inTag = isHashtagLink(attrs)
			tagText.Reset()
		}
	}
	return strings.TrimSpace(b.String()), hashtags
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagEnd returns the index of the '>' closing the tag that s starts with,
// skipping quoted attribute values, or -1.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i
		}
	}
	return -1
}

// parseTag splits the inside of a tag ("a href=x class='y'", "/p", "br/")
// into its lower-case name, whether it closes, and its attributes.
func parseTag(t string) (name string, closing bool, attrs map[string]string) {
	if strings.HasPrefix(t, "/") {
		closing = true
		t = t[1:]
	}
	i := 0
	for i < len(t) && (isASCIILetter(t[i]) || (t[i] >= '0' && t[i] <= '9')) {
		i++
	}
	name = strings.ToLower(t[:i])
	if name != "a" { // only links need their attributes
		return name, closing, nil
	}
	rest := t[i:]
	attrs = map[string]string{}
	for {
		rest = strings.TrimLeft(rest, " \t\r\n/")
		if rest == "" {
			return name, closing, attrs
		}
		j := strings.IndexAny(rest, "= \t\r\n")
		if j < 0 {
			attrs[strings.ToLower(rest)] = ""
			return name, closing, attrs
		}
		key := strings.ToLower(rest[:j])
		rest = strings.TrimLeft(rest[j:], " \t\r\n")
		if !strings.HasPrefix(rest, "=") {
			attrs[key] = ""
			continue
		}
		rest = strings.TrimLeft(rest[1:], " \t\r\n")
		var val string
		if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
			q := rest[0]
			k := strings.IndexByte(rest[1:], q)
			if k < 0 {
				val, rest = rest[1:], ""
			} else {
				val, rest = rest[1:1+k], rest[2+k:]
			}
		} else {
			k := strings.IndexAny(rest, " \t\r\n")
			if k < 0 {
				k = len(rest)
			}
			val, rest = rest[:k], rest[k:]
		}
		attrs[key] = html.UnescapeString(val)
	}
}

// isHashtagLink reports whether a link's attributes mark a hashtag:
// class "hashtag" (Mastodon: "mention hashtag") or rel "tag".
func isHashtagLink(attrs map[string]string) bool {
	for _, c := range strings.Fields(attrs["class"]) {
		if c == "hashtag" {
			return true
		}
	}
	for _, r := range strings.Fields(attrs["rel"]) {
		if r == "tag" {
			return true
		}
	}
	return false
}
