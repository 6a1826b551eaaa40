package fold

import (
	"slices"
	"testing"
)

func TestWords(t *testing.T) {
	cases := map[string][]string{
		"#ÉcoleÀlaMaison":           {"ecolealamaison"},
		"Œuvre d'ÉLÈVE, ça plante!": {"oeuvre", "d", "eleve", "ca", "plante"},
		"e\u0301cole":               {"ecole"},                   // decomposed accent
		"Straße 42 Ελλάδα":          {"strasse", "42", "ελλάδα"}, // only Latin letters lose accents
		"  ":                        nil,
		"\xff\xfeabc":               {"abc"},
	}
	for in, want := range cases {
		if got := Words(in); !slices.Equal(got, want) {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}
