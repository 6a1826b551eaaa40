package classify

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"
)

// language detects the language of text with lingua on its first
// maxLinguaRunes characters (URLs and @mentions left out). When lingua is
// unsure (confidence below the threshold, or fewer than minLangLetters
// letters: "ok", "lol", "mdr") and the source tagged the post with a
// configured language, the tag is used (source "source"); otherwise the
// language is "" (unknown). A text without letters is unknown. When the
// source's tags are trusted and the tag names a configured language, the
// tag is the answer and lingua is not run.
func (c *Classifier) language(s *scratch, text, tag string, trusted bool, letters int) (lang string, conf float32, source string) {
	source = "lingua"
	if letters == 0 {
		return "", 0, source
	}
	tag = langTag(tag)
	if trusted && c.inSet[tag] {
		return tag, 0, "source"
	}
	if letters < minLangLetters {
		if c.inSet[tag] {
			return tag, 0, "source"
		}
		return "", 0, source
	}
	s.lingua = linguaInput(s.lingua[:0], text, maxLinguaRunes)
	if len(s.lingua) == 0 {
		return "", 0, source
	}
	values := c.detect(string(s.lingua))
	if len(values) == 0 {
		return "", 0, source
	}
	top := values[0]
	if top.Value() >= c.minConf && top.Value() > 0 {
		return c.isoOf[top.Language()], float32(top.Value()), source
	}
	if c.inSet[tag] {
		for _, v := range values {
			if c.isoOf[v.Language()] == tag {
				return tag, float32(v.Value()), "source"
			}
		}
	}
	return "", float32(top.Value()), source
}

// detect runs lingua. lingua has had panics on odd inputs in the past
// (RELEASE_NOTES 1.3.x): a panic there only makes the language unknown.
func (c *Classifier) detect(text string) (values []lingua.ConfidenceValue) {
	defer func() {
		if recover() != nil {
			values = nil
		}
	}()
	return c.det.ComputeLanguageConfidenceValues(text)
}

// langTag reduces a source's language tag ("fr", "FR", "fr-FR", "fr_CA") to
// its ISO 639-1 part.
func langTag(tag string) string {
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	tag = strings.TrimSpace(tag)
	if len(tag) != 2 {
		return ""
	}
	return strings.ToLower(tag)
}

// linguaInput appends to dst the words of text that say something about
// its language, up to maxRunes characters: URLs, @mentions and invisible
// characters are left out, '#' is dropped from hashtags. A text with no
// space is cut at maxRunes; otherwise the cut falls between words.
func linguaInput(dst []byte, text string, maxRunes int) []byte {
	runes := 0
	for i := 0; i < len(text) && runes < maxRunes; {
		// Skip blanks.
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		// One whitespace-separated word: text[i:j].
		j := i
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r) {
				break
			}
			j += size
		}
		word := text[i:j]
		i = j
		if skipWord(word) {
			continue
		}
		word = strings.TrimLeft(word, "#")
		n := 0
		for _, r := range word {
			if !invisible(r) && r != utf8.RuneError {
				n++
			}
		}
		if n == 0 {
			continue
		}
		if runes+n > maxRunes && runes > 0 {
			break
		}
		if len(dst) > 0 {
			dst = append(dst, ' ')
			runes++
		}
		for _, r := range word {
			if invisible(r) || r == utf8.RuneError {
				continue
			}
			if runes >= maxRunes {
				break
			}
			dst = utf8.AppendRune(dst, r)
			runes++
		}
	}
	return dst
}

// skipWord reports words that carry no language: links and mentions.
func skipWord(w string) bool {
	return strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") ||
		strings.HasPrefix(w, "www.") || strings.HasPrefix(w, "@")
}
