package labelmodel

// Feature kinds, mixed into the hash so that a word and an n-gram of the
// same bytes are different features.
const (
	kindChar   byte = 'c' // character n-gram of the text
	kindWord   byte = 'w' // word of the text
	kindBigram byte = 'b' // two consecutive words of the text
	kindField  byte = 'f' // word of another field (the author's bio)
)

// Character n-grams of these lengths are features.
const (
	minGram = 3
	maxGram = 5
)

// MaxTextBytes bounds how much of a text is turned into features: the
// first 2,000 bytes of the normalised form say what a post is about, and a
// 100 KB post must not cost 100 times more.
const MaxTextBytes = 2000

// FNV-1a, 32 bits.
const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func hashByte(h uint32, b byte) uint32 { return (h ^ uint32(b)) * fnvPrime }

func hashBytes(h uint32, s []byte) uint32 {
	for _, b := range s {
		h = hashByte(h, b)
	}
	return h
}

// AppendText appends to dst the features of a normalised text: its
// character 3- to 5-grams, its words and its word pairs. norm is expected
// in the form package classify produces (lowercase ASCII tokens separated
// by single spaces, with a space at each end), but any bytes work.
func AppendText(dst []uint32, norm []byte) []uint32 {
	if len(norm) > MaxTextBytes {
		norm = norm[:MaxTextBytes]
	}
	// Character n-grams, spaces included so word edges count.
	for i := range norm {
		h := hashByte(fnvOffset, kindChar)
		for n := 1; n <= maxGram && i+n <= len(norm); n++ {
			h = hashByte(h, norm[i+n-1])
			if n >= minGram {
				dst = append(dst, h)
			}
		}
	}
	// Words and word pairs.
	var prev []byte
	Words(norm, func(w []byte) {
		dst = append(dst, WordID(w))
		if prev != nil {
			h := hashBytes(hashByte(fnvOffset, kindBigram), prev)
			h = hashByte(h, ' ')
			dst = append(dst, hashBytes(h, w))
		}
		prev = w
	})
	return dst
}

// AppendField appends the words of another normalised field (the author's
// bio), as features of their own.
func AppendField(dst []uint32, norm []byte) []uint32 {
	if len(norm) > MaxTextBytes {
		norm = norm[:MaxTextBytes]
	}
	Words(norm, func(w []byte) {
		dst = append(dst, hashBytes(hashByte(fnvOffset, kindField), w))
	})
	return dst
}

// WordID is the feature id of a word of the text (for explaining a
// prediction word by word).
func WordID(w []byte) uint32 { return hashBytes(hashByte(fnvOffset, kindWord), w) }

// Words calls fn on each space-separated word of s (a normalised text),
// without allocating.
func Words(s []byte, fn func(w []byte)) {
	start := -1
	for i, b := range s {
		if b == ' ' {
			if start >= 0 {
				fn(s[start:i])
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		fn(s[start:])
	}
}
