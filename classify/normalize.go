package classify

import (
	"unicode"
	"unicode/utf8"
)

// The normalised form of a text is what every cue list is matched against:
// a leading space, then the tokens of the text separated by exactly one
// space, then a trailing space. A token is a run of ASCII lowercase letters
// and digits; accents are folded ("é" -> "e", "œ" -> "oe"), invisible
// characters (zero-width, bidi controls, soft hyphens, combining marks) are
// dropped, letters of other scripts become '_' (one per run), and everything
// else (punctuation, emoji, symbols, HTML brackets) separates tokens.
// Inside a hashtag, camelCase is split: "#PronoteEnPanne" -> "pronote en panne".
//
// With this form a cue bounded by spaces, " en panne ", matches whole words
// only, and a cue without its trailing space, " plant", matches a prefix.

// normStats is what normalisation learns about a text besides its tokens.
type normStats struct {
	letters   int     // letters seen (any script)
	emojiSent float32 // summed polarity of the emoji seen
	angryEmoj int     // number of angry emoji (😡 🤬 😠 😤 🤡)
	deadEmoj  int     // number of "it died" emoji (💀 💥 ⚰)
	questions int     // number of question marks
}

// Separator flags: what a space of the normalised form stands for.
const (
	sepHyphen uint8 = 1 << iota // a single hyphen: "Marne-la-Vallée"
	sepBreak                    // clause punctuation: , . ; : ! ? ( ) newline...
)

// normalize appends the normalised form of s to dst[:0] and returns it.
// When sepsp is non-nil, it also records in *sepsp, for every space written (index k,
// the k-th space, 0-based), the separator flags of what it replaces:
// seps[t] describes what stands between token t (1-based) and token t+1.
// Place names use sepHyphen, negation scopes use sepBreak.
func normalize(dst []byte, s string, sepsp *[]uint8, st *normStats) []byte {
	dst = append(dst[:0], ' ')
	var seps []uint8
	if sepsp != nil {
		seps = append((*sepsp)[:0], sepBreak)
		defer func() { *sepsp = seps }()
	}
	var (
		pending   bool  // a separator was seen since the last token byte
		sepRunes  int   // runes in the current separator run
		sepFlags  uint8 // flags of the current separator run
		hashtag   bool  // the current token follows a '#'
		prevLower bool  // the previous rune was a lowercase letter (camelCase split)
	)
	sep := func(r rune) {
		if !pending {
			pending = true
			sepRunes = 0
			sepFlags = 0
			hashtag = false
		}
		sepRunes++
		sepFlags &^= sepHyphen
		if sepRunes == 1 && (r == '-' || r == '\u2010' || r == '\u2011') {
			sepFlags |= sepHyphen
		}
		if clauseBreak(r) {
			sepFlags |= sepBreak
		}
		if r == '#' {
			hashtag = true
		}
		if r == '?' && st != nil {
			st.questions++
		}
		prevLower = false
	}
	// emit writes one token byte, first closing any pending separator.
	emit := func(b byte) {
		if pending {
			if len(dst) > 1 && dst[len(dst)-1] != ' ' {
				dst = append(dst, ' ')
				if seps != nil {
					seps = append(seps, sepFlags)
				}
			}
			pending = false
		}
		dst = append(dst, b)
	}
	// letter writes a folded letter, splitting camelCase inside hashtags.
	letter := func(fold string, upper bool) {
		if hashtag && upper && prevLower && !pending {
			dst = append(dst, ' ')
			if seps != nil {
				seps = append(seps, 0)
			}
		}
		for i := 0; i < len(fold); i++ {
			emit(fold[i])
		}
		prevLower = !upper
		if st != nil {
			st.letters++
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'a' && c <= 'z':
				letter(asciiLower[c-'a':c-'a'+1], false)
			case c >= 'A' && c <= 'Z':
				letter(asciiLower[c-'A':c-'A'+1], true)
			case c >= '0' && c <= '9':
				emit(c)
				prevLower = false
			default:
				sep(rune(c))
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if r == utf8.RuneError && size == 1 {
			sep(r)
			continue
		}
		if invisible(r) {
			continue
		}
		if fold, upper, ok := foldLatin(r); ok {
			letter(fold, upper)
			continue
		}
		if b, upper, ok := foldCompat(r); ok {
			if b >= '0' && b <= '9' {
				emit(b)
				prevLower = false
			} else {
				letter(asciiLower[b-'a':b-'a'+1], upper)
			}
			continue
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if pending || dst[len(dst)-1] != '_' {
				emit('_')
			}
			prevLower = false
			if st != nil {
				st.letters++
			}
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
			// combining mark (decomposed accent): drop
		default:
			if st != nil {
				if v, angry := emojiPolarity(r); v != 0 {
					st.emojiSent += v
					if angry {
						st.angryEmoj++
					}
				}
				if r == '💀' || r == '💥' || r == '⚰' {
					st.deadEmoj++
				}
			}
			sep(r)
		}
	}
	if dst[len(dst)-1] != ' ' {
		dst = append(dst, ' ')
		if seps != nil {
			seps = append(seps, sepBreak)
		}
	}
	return dst
}

// clauseBreak reports punctuation that ends a clause: a negation does not
// reach over it ("ça ne marche pas, scandale").
func clauseBreak(r rune) bool {
	switch r {
	case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '\n', '|', '…', '•', '—', '–', '"', '«', '»', '“', '”':
		return true
	}
	return false
}

const asciiLower = "abcdefghijklmnopqrstuvwxyz"

// invisible reports characters that must vanish without separating words:
// zero-width characters, bidi controls, soft hyphen, variation selectors.
func invisible(r rune) bool {
	switch {
	case r == 0x00ad, r == 0x061c, r == 0x180e, r == 0xfeff:
		return true
	case r >= 0x200b && r <= 0x200f:
		return true
	case r >= 0x202a && r <= 0x202e:
		return true
	case r >= 0x2060 && r <= 0x2069:
		return true
	case r >= 0xfe00 && r <= 0xfe0f:
		return true
	}
	return false
}

// latinFold maps U+00C0..U+017F to lowercase ASCII ("" = not a letter).
var latinFold = buildLatinFold()

func buildLatinFold() [0x180 - 0xc0]string {
	var t [0x180 - 0xc0]string
	// Latin-1 Supplement, U+00C0..U+00FF.
	latin1 := [64]string{
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
		"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
		"d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
	}
	copy(t[:64], latin1[:])
	// Latin Extended-A, U+0100..U+017F, as runs of one base letter.
	runs := []struct {
		base string
		n    int
	}{
		{"a", 6}, {"c", 8}, {"d", 4}, {"e", 10}, {"g", 8}, {"h", 4}, {"i", 10}, {"ij", 2},
		{"j", 2}, {"k", 3}, {"l", 10}, {"n", 9}, {"o", 6}, {"oe", 2}, {"r", 6}, {"s", 8},
		{"t", 6}, {"u", 12}, {"w", 2}, {"y", 3}, {"z", 6}, {"s", 1},
	}
	k := 64
	for _, run := range runs {
		for j := 0; j < run.n; j++ {
			t[k] = run.base
			k++
		}
	}
	return t
}

// foldLatin folds an accented Latin letter to lowercase ASCII.
func foldLatin(r rune) (fold string, upper, ok bool) {
	if r < 0xc0 || r >= 0x180 {
		return "", false, false
	}
	f := latinFold[r-0xc0]
	if f == "" {
		return "", false, false
	}
	return f, unicode.IsUpper(r), true
}

// foldCompat folds "fancy text" letters and digits (mathematical
// alphanumerics such as 𝐏𝐫𝐨𝐧𝐨𝐭𝐞, fullwidth forms) to ASCII.
func foldCompat(r rune) (b byte, upper, ok bool) {
	switch {
	case r >= 0x1d400 && r <= 0x1d6a3:
		i := (r - 0x1d400) % 52
		if i < 26 {
			return byte('a' + i), true, true
		}
		return byte('a' + i - 26), false, true
	case r >= 0x1d7ce && r <= 0x1d7ff:
		return byte('0' + (r-0x1d7ce)%10), false, true
	case r >= 0xff21 && r <= 0xff3a:
		return byte('a' + r - 0xff21), true, true
	case r >= 0xff41 && r <= 0xff5a:
		return byte('a' + r - 0xff41), false, true
	case r >= 0xff10 && r <= 0xff19:
		return byte('0' + r - 0xff10), false, true
	}
	return 0, false, false
}

// emojiPolarity gives the sentiment carried by a few common emoji, and
// whether the emoji expresses anger.
func emojiPolarity(r rune) (v float32, angry bool) {
	switch r {
	case '😡', '🤬', '😠':
		return -2, true
	case '😤', '🤡':
		return -1.5, true
	case '😭', '😢', '😞', '😩', '😫', '😱', '👎', '💩', '😖', '😣', '😰':
		return -1.5, false
	case '🙄', '😒', '😕', '🤦', '😬':
		return -1, false
	case '👍', '🙂', '😊', '😀', '😃', '😁', '😉', '👏', '💪':
		return 1, false
	case '❤', '♥', '🥰', '😍', '🎉', '🥳':
		return 1.5, false
	case '🙏':
		return 0.5, false
	}
	return 0, false
}
