package htmltext

import (
	"html"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

func TestText(t *testing.T) {
	cases := []struct {
		name, in, want string
		tags           []string
	}{
		{"plain text", "pas de HTML", "pas de HTML", nil},
		{"plain text trimmed", "  plain\n", "plain", nil},
		{"empty", "", "", nil},
		{"paragraphs", "<p>a</p><p>b</p>", "a\n\nb", nil},
		{"breaks", "<p>a<br>b<br/>c<br />d</p>", "a\nb\nc\nd", nil},
		{"paragraphs and breaks", "<p>Pronote HS<br>depuis 8h</p><p>ENT aussi<br />encore</p>", "Pronote HS\ndepuis 8h\n\nENT aussi\nencore", nil},
		{"two breaks make a blank line", "a<br><br>b", "a\n\nb", nil},
		{"break then paragraph", "<p>a<br></p><p>b</p>", "a\n\nb", nil},
		{"closing br is a br", "a</br>b", "a\nb", nil},
		{"white space around breaks", "<p>a </p>\n  <p>\n b</p>\r\n<br>", "a\n\nb", nil},
		{"white space inside text kept", "<p>a  b\nc</p>", "a  b\nc", nil},
		{"carriage returns", "<p>a\r\nb\rc</p>", "a\nb\nc", nil},
		{"lists", "<p>un</p><ul><li>a</li><li>b</li></ul>", "un\n\na\nb", nil},
		{"lists and quotes", "<p>intro</p><ul><li>un</li><li>deux</li></ul><blockquote>cité</blockquote>", "intro\n\nun\ndeux\n\ncité", nil},
		{"upper-case tags", "<P>a<BR>b</P><DIV>c</DIV>", "a\nb\n\nc", nil},
		{"entities", "<p>l&#39;ENT &amp; le CNED &lt;3 &quot;ok&quot; caf&eacute; &#x1F4DA;</p>", "l'ENT & le CNED <3 \"ok\" café 📚", nil},
		{"entities without tags", "l&#39;ENT &amp; &lt;b&gt;", "l'ENT & <b>", nil},
		{"entities without semicolon", "&amp &copy 2021", "& © 2021", nil},
		{"lone ampersand", "a & b", "a & b", nil},
		{"hashtag link", `<a href="https://m.example/tags/CNED" class="mention hashtag" rel="tag">#<span>CNED</span></a>`, "#CNED", []string{"CNED"}},
		{"hashtag links keep their case",
			`<p>Fin <a href="https://x/tags/ecolealamaison" class="mention hashtag" rel="tag">#<span>ÉcoleÀLaMaison</span></a> <a href="https://x/tags/cned" rel="tag">#CNED</a></p>`,
			"Fin #ÉcoleÀLaMaison #CNED", []string{"ÉcoleÀLaMaison", "CNED"}},
		{"hashtag by class or rel only", `<a class="mention hashtag" rel="tag" href="/tags/x">#<span>ÉcoleÀLaMaison</span></a> <a rel="tag">#Pronote</a> <a class="HashTag">#ENT</a>`,
			"#ÉcoleÀLaMaison #Pronote #ENT", []string{"ÉcoleÀLaMaison", "Pronote", "ENT"}},
		{"hashtags repeated", `<a rel="tag">#ENT</a> <a rel="tag">#ent</a>`, "#ENT #ent", []string{"ENT", "ent"}},
		{"hashtag without #", `<a rel="tag" href="/tag/pronote">Pronote</a>`, "Pronote", []string{"Pronote"}},
		{"full-width #", `<a class="hashtag">＃ENT</a>`, "＃ENT", []string{"ENT"}},
		{"empty hashtag", `<a class="hashtag">#</a><a rel="tag"> </a>`, "#", nil},
		{"unclosed hashtag link", `a <a rel="tag">#CNED`, "a #CNED", []string{"CNED"}},
		{"link in a hashtag link closes it", `<a rel="tag">#a<a rel="tag">#b</a>`, "#a#b", []string{"a", "b"}},
		{"attribute with >", `<a href="x" title="a > b" class="hashtag">#ok</a>`, "#ok", []string{"ok"}},
		{"mention", `<span class="h-card"><a href="https://m.example/@a" class="u-url mention">@<span>a</span></a></span>`, "@a", nil},
		{"mention is text, not a hashtag",
			`<span class="h-card" translate="no"><a href="https://m.example/@cned_info" class="u-url mention">@<span>cned_info</span></a></span>`,
			"@cned_info", nil},
		{"split link", `<a href="https://x.example/very/long" rel="nofollow"><span class="invisible">https://</span><span class="ellipsis">x.example/ve</span><span class="invisible">ry/long</span></a>`, "https://x.example/very/long", nil},
		{"split link gives the full URL",
			`<a href="https://www.education.gouv.fr/continuite-pedagogique" target="_blank" rel="nofollow noopener noreferrer"><span class="invisible">https://www.</span><span class="ellipsis">education.gouv.fr/continuite-p</span><span class="invisible">edagogique</span></a>`,
			"https://www.education.gouv.fr/continuite-pedagogique", nil},
		{"link becomes its href", `<a href='https://q.example/?a=1&amp;b=2' data-x="1>2">lien</a>`, "https://q.example/?a=1&b=2", nil},
		{"link in text", `<p>voir <a href="http://x.example/">ici</a>.</p>`, "voir http://x.example/.", nil},
		{"upper-case link", `<A HREF="HTTPS://X.EXAMPLE/a">l</A>`, "HTTPS://X.EXAMPLE/a", nil},
		{"break inside a link", `<a href="https://x.example/">t<br></a>b`, "https://x.example/\nb", nil},
		{"link after a break", `a<br> <a href="https://x.example/">t</a>`, "a\nhttps://x.example/", nil},
		{"empty link after a paragraph", `a<p><a href="https://x.example/"></a>b`, "a\n\nhttps://x.example/b", nil},
		{"links in a row", `<a href="https://a.example/">a</a> <a href="https://b.example/">b<a href="https://c.example/">c</a>`, "https://a.example/ https://b.example/https://c.example/", nil},
		// A browser shows an unclosed link's text up to the end: replacing it
		// with the href would drop the rest of the post.
		{"unclosed link keeps its text", `<p>voir <a href="https://x.example/">ici</p><p>et la suite</p>`, "voir ici\n\net la suite", nil},
		{"link text trimmed across a break", "x   <a href=\"https://x.example/\"> <br>y</a>z", "xhttps://x.example/z", nil},
		{"relative link keeps its text", `<a href="/about">à propos</a>`, "à propos", nil},
		{"script", `x <script>alert("<p>")</script>y`, "x y", nil},
		{"comment script style", "a<!-- <p>hidden</p> -->b<script>alert('<p>')</script><style>p{}</style>c", "abc", nil},
		{"title noscript iframe", "<title>t</title>a<noscript><p>n</p></noscript>b<iframe>i</iframe>", "ab", nil},
		{"unterminated script", "<p>a</p><script>b</p>", "a", nil},
		{"unknown tags", `<x-card data-a="1"><blink>a</blink></x-card><custom/>b`, "ab", nil},
		{"doctype and bogus comment", "<!DOCTYPE html>a</ b>c<?xml x?>d", "acd", nil},
		{"stray less-than", "a < b et 3<4", "a < b et 3<4", nil},
		{"less-than at the end", "a <", "a <", nil},
		{"end-tag opener at the end", "x</", "x</", nil},
		// Both old converters disagreed here; a browser (and x/net/html)
		// drops a tag cut by the end of the input.
		{"unterminated tag", "<unclosed", "", nil},
		{"unterminated tag after text", "<p>texte<a href=\"x", "texte", nil},
		{"unterminated quoted attribute", "<a href='", "", nil},
		{"unterminated comment", "avant<!-- jamais fermé", "avant", nil},
		{"NUL dropped", "a\x00b<br>c", "ab\nc", nil},
		{"NUL entity", "a&#0;b", "a\ufffdb", nil},
		{"NUL in raw text", "<xmp>a\x00<b></xmp>", "a\ufffd<b>", nil},
		{"invalid UTF-8 passes", "<p>\xff\xfe</p>", "\xff\xfe", nil},
		{"invalid UTF-8 plain", "\xffa", "\xffa", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, tags := Text(c.in)
			if got != c.want || !slices.Equal(tags, c.tags) {
				t.Errorf("Text(%q) = %q %q, want %q %q", c.in, got, tags, c.want, c.tags)
			}
		})
	}
}

// TestBound: the text stays within its bound on the inputs that grow the
// most, and markup without NUL grows by at most a fifth (entities).
func TestBound(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int // the text's length
	}{
		{strings.Repeat("&nLt;", 1000), 6000},
		{"<xmp>" + strings.Repeat("\x00", 1000), 3000},
		{"<plaintext>" + strings.Repeat("\x00", 1000), 3000},
		{strings.Repeat("&nGt;<br>", 1000), 6999},
		{strings.Repeat("a<p>", 1000), 2998},
		{strings.Repeat(`<a href="https://x.example/">t</a>`, 1000), 18000},
		{strings.Repeat(`<a href="https://x.example/&nLt;&nLt;&nLt;">t</a>`, 1000), 36000},
		{strings.Repeat(`<a rel="tag">#t</a>`, 1000), 2000},
	} {
		got, tags := Text(c.in)
		if len(got) != c.want || len(got) > maxLen(c.in) {
			t.Errorf("%d bytes of text from %d bytes of %.20q, want %d", len(got), len(c.in), c.in, c.want)
		}
		if len(tags) > len(c.in)/4 {
			t.Errorf("%d hashtags from %d bytes", len(tags), len(c.in))
		}
	}
}

// TestHugeInput: megabytes of hostile markup end in bounded time, output
// bounded.
func TestHugeInput(t *testing.T) {
	const n = 8 << 20
	for name, in := range map[string]string{
		"one text":           "<p>" + strings.Repeat("é", n/2),
		"unterminated tag":   "a<a href='" + strings.Repeat("x", n),
		"unclosed links":     strings.Repeat(`<a rel="tag">#x`, n/15),
		"nested blocks":      strings.Repeat("<div><p><br>", n/12),
		"unclosed script":    "<script>" + strings.Repeat("<p>", n/3),
		"entities":           strings.Repeat("&amp;&#x1F4DA;&nLt;", n/19),
		"invalid UTF-8 mess": strings.Repeat("\xff<\x00&", n/4),
	} {
		start := time.Now()
		got, tags := Text(in)
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: %v for %d bytes", name, d, len(in))
		}
		if len(got) > maxLen(in) || len(tags) > len(in)/4 {
			t.Errorf("%s: %d bytes and %d hashtags from %d bytes", name, len(got), len(tags), len(in))
		}
	}
}

// maxLen is the longest text Text may return for in.
func maxLen(in string) int { return 3 * len(in) }

func BenchmarkText(b *testing.B) {
	status := `<p>Pronote et l&#39;ENT sont HS depuis 8h <a href="https://mastodon.example/tags/ecolealamaison" class="mention hashtag" rel="tag">#<span>EcoleALaMaison</span></a> <span class="h-card"><a href="https://mastodon.example/@cned" class="u-url mention">@<span>cned</span></a></span></p><p><a href="https://www.education.gouv.fr/continuite-pedagogique" target="_blank" rel="nofollow noopener noreferrer"><span class="invisible">https://www.</span><span class="ellipsis">education.gouv.fr/continuite-p</span><span class="invisible">edagogique</span></a></p>`
	b.SetBytes(int64(len(status)))
	b.ReportAllocs()
	for b.Loop() {
		Text(status)
	}
}

// FuzzText: Text never panics, keeps valid UTF-8 valid, stays within its
// size bound, returns plain text unchanged; and on a well-formed document
// built from the fuzz input it shows every visible text, no markup, and
// every hashtag.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"<p>a</p><p>b</p>", `<a href="https://x" class="mention hashtag">#<span>x</span></a>`, "<a href='", "<", "&", "&#x1F600;",
		"<script>x", "<br/><br/>", `<a class="hashtag">#É</a>`, "</a></a><a>", `<p class="x>y">z</p>`,
		"<p>a<br>b</p>", "<a class='hashtag'>#x</a>", "<!--", "<a href=\"", "&#;&amp", "<<>>", "&nLt;", "a\x00\r\nb", "\xff<p>",
		`a <a href="https://x.example/">b<br>c`, "x   <a href=\"https://x\"> <br>y</a>z",
	} {
		f.Add(s, []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	}
	f.Fuzz(func(t *testing.T, s string, shape []byte) {
		got, tags := Text(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("valid input gave invalid UTF-8: %q -> %q", s, got)
		}
		if len(got) > maxLen(s) || len(tags) > len(s)/4 {
			t.Errorf("%d bytes and %d hashtags from %d bytes", len(got), len(tags), len(s))
		}
		if !strings.Contains(s, "\x00") && len(got) > len(s)+len(s)/5 {
			t.Errorf("%d bytes from %d bytes without NUL: over the entities' growth", len(got), len(s))
		}
		if !strings.ContainsAny(s, "<&\x00\r") && got != strings.TrimSpace(s) {
			t.Errorf("plain text changed: %q -> %q", s, got)
		}
		if !utf8.ValidString(s) {
			return
		}
		doc, visible, wantTags := document(s, shape)
		got, tags = Text(doc)
		if strings.Contains(got, "<") {
			t.Errorf("markup leaked: %q -> %q", doc, got)
		}
		if squeeze(got) != squeeze(visible) {
			t.Errorf("Text(%q) = %q, want the text %q", doc, got, visible)
		}
		if !slices.Equal(tags, wantTags) {
			t.Errorf("Text(%q) hashtags %q, want %q", doc, tags, wantTags)
		}
	})
}

// document builds well-formed Mastodon-like HTML from pieces of s (with no
// '<', NUL or CR, escaped) laid out as the first 32 bytes of shape say, and
// returns it with the text a reader sees and its hashtags.
func document(s string, shape []byte) (doc, visible string, tags []string) {
	s = strings.Map(func(r rune) rune {
		if r == '<' || r == 0 || r == '\r' {
			return -1
		}
		return r
	}, s)
	var d, v strings.Builder
	next := func() string { // the next piece of s, cut on a rune boundary
		n := min(len(s), 8)
		for n < len(s) && !utf8.RuneStart(s[n]) {
			n++
		}
		p := s[:n]
		s = s[n:]
		return p
	}
	text := func(p string) { d.WriteString(html.EscapeString(p)); v.WriteString(p) }
	// Bytes past 32 change nothing, so that the fuzzer's minimizer (quadratic
	// in the input's length) cuts them at once.
	for _, b := range shape[:min(len(shape), 32)] {
		switch b % 12 {
		case 0:
			text(next())
		case 1:
			d.WriteString("<p>")
			text(next())
			d.WriteString("</p>")
		case 2:
			d.WriteString("<br>")
		case 3:
			p := next()
			d.WriteString(`<a href="https://m.example/tags/x" class="mention hashtag" rel="tag">#<span>` + html.EscapeString(p) + "</span></a>")
			v.WriteString("#" + p)
			if t := strings.TrimSpace(p); t != "" {
				tags = append(tags, t)
			}
		case 4:
			p := next()
			d.WriteString(`<span class="h-card"><a href="https://m.example/@u" class="u-url mention">@<span>` + html.EscapeString(p) + "</span></a></span>")
			v.WriteString("@" + p)
		case 5:
			d.WriteString(`<script>if (a<b && c>"</p>") {}</script>`)
		case 6:
			d.WriteString(`<style>p>a{content:"<b>"}</style>`)
		case 7:
			d.WriteString("<!-- <p>" + html.EscapeString(next()) + "</p> -->")
		case 8:
			d.WriteString(`<x-unknown data-a="1>2" data-b='<i>'>`)
			text(next())
			d.WriteString("</x-unknown>")
		case 9:
			d.WriteString(`<a href="https://ex.example/a?b=1&amp;c=2" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">ex.example/a</span><span class="invisible">?b=1&amp;c=2</span></a>`)
			v.WriteString("https://ex.example/a?b=1&c=2")
		case 10:
			d.WriteString("<ul><li>")
			text(next())
			d.WriteString("</li><li>")
			text(next())
			d.WriteString("</li></ul>")
		case 11:
			d.WriteString("&amp;&#39;&eacute;&#x1F4DA;")
			v.WriteString("&'é📚")
		}
	}
	return d.String(), v.String(), tags
}

// squeeze drops white space, which breaks move around.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
