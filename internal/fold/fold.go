// Package fold folds text for matching: lower case, accents removed, so that
// "#ÉcoleÀlaMaison" and "#ecolealamaison" compare equal.
package fold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// String returns s in lower case with combining marks (accents) removed and
// the ligatures œ and æ spelled out. ASCII input costs one pass and no
// allocation beyond the lower-cased copy.
func String(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.ToLower(out)
	return strings.NewReplacer("œ", "oe", "æ", "ae", "ß", "ss").Replace(out)
}

// Words splits folded text into words of letters and digits.
func Words(s string) []string {
	return strings.FieldsFunc(String(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
