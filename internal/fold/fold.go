// Package fold folds text for matching: lower case, accents removed, so that
// "#ÉcoleÀlaMaison" and "#ecolealamaison" compare equal. It works on bytes
// with no allocation beyond the caller's buffer, since ingest folds every
// post it reads.
package fold

import (
	"unicode"
	"unicode/utf8"
)

// Rune returns the folded spelling of a non-ASCII Latin letter ("é" -> "e",
// "œ" -> "oe"), or "" when r is not one of them.
func Rune(r rune) string {
	switch r {
	case 'à', 'á', 'â', 'ã', 'ä', 'å', 'À', 'Á', 'Â', 'Ã', 'Ä', 'Å':
		return "a"
	case 'ç', 'Ç':
		return "c"
	case 'è', 'é', 'ê', 'ë', 'È', 'É', 'Ê', 'Ë':
		return "e"
	case 'ì', 'í', 'î', 'ï', 'Ì', 'Í', 'Î', 'Ï':
		return "i"
	case 'ñ', 'Ñ':
		return "n"
	case 'ò', 'ó', 'ô', 'õ', 'ö', 'ø', 'Ò', 'Ó', 'Ô', 'Õ', 'Ö', 'Ø':
		return "o"
	case 'ù', 'ú', 'û', 'ü', 'Ù', 'Ú', 'Û', 'Ü':
		return "u"
	case 'ý', 'ÿ', 'Ý', 'Ÿ':
		return "y"
	case 'œ', 'Œ':
		return "oe"
	case 'æ', 'Æ':
		return "ae"
	case 'ß':
		return "ss"
	}
	return ""
}

// AppendWords appends to dst the words of s (runs of letters and digits),
// folded, each followed by one space.
func AppendWords(dst, s []byte) []byte {
	inWord := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				dst = append(dst, c)
				inWord = true
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
				inWord = true
			default:
				if inWord {
					dst = append(dst, ' ')
					inWord = false
				}
			}
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		i += n
		if f := Rune(r); f != "" {
			dst = append(dst, f...)
			inWord = true
			continue
		}
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining accent is dropped and joins its word
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
			inWord = true
		default:
			if inWord {
				dst = append(dst, ' ')
				inWord = false
			}
		}
	}
	if inWord {
		dst = append(dst, ' ')
	}
	return dst
}

// Words returns the folded words of s.
func Words(s string) []string {
	var out []string
	b := AppendWords(nil, []byte(s))
	start := 0
	for i, c := range b {
		if c == ' ' {
			out = append(out, string(b[start:i]))
			start = i + 1
		}
	}
	return out
}
