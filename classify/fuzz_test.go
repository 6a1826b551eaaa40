package classify

import (
	"strings"
	"testing"
)

// FuzzClassify feeds arbitrary text, profile fields and language tags to
// the classifier (without its panic guard) and checks the output contract.
func FuzzClassify(f *testing.F) {
	seeds := []string{
		"", " ", "👍👍", "😭😭😭🔥", "<script>alert(1)</script>", "<p>L&#39;ENT&nbsp;</p>",
		"\xff\xfe\xfd", "Pronote \xc3", "\u202eetonorP\u202c", "\u200b\u200c\u200d\ufeff",
		"e\u0301cole", "𝐏𝐫𝐨𝐧𝐨𝐭𝐞", "#PronoteEnPanne", "Saint-Denis (974)", "Paris 16", "75011",
		"ne pas ne pas pas", "mes mes mes enfants", "- - -", "'''", "ac-", "académie de",
		strings.Repeat("a", 5000), strings.Repeat("pas ", 1000), strings.Repeat("é", 400),
	}
	seeds = append(seeds, samplePosts...)
	for i, s := range seeds {
		loc := seeds[(i+7)%len(seeds)]
		f.Add(s, loc, seeds[(i+3)%len(seeds)], "fr")
	}
	// The 100 KB post is in TestHostileInput: as a seed it makes the fuzzer
	// spend its time minimising huge inputs.
	c := modelClassifier(f)
	f.Fuzz(func(t *testing.T, text, loc, bio, lang string) {
		p := textPost(text)
		p.AuthorLocation, p.AuthorBio, p.AuthorName, p.Place, p.Lang = loc, bio, bio, loc, lang
		got := c.classify(p, testNow)
		checkValid(t, got, testNow)
		again := c.classify(p, testNow)
		if again.Label != got.Label || again.Region != got.Region || again.Sentiment != got.Sentiment {
			t.Fatalf("not deterministic: %+v then %+v", got, again)
		}
	})
}
