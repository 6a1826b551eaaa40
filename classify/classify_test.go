package classify

import (
	"math"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/post"
)

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		name    string
		cfg     Config
		wantErr string
	}{
		{"defaults", Config{}, ""},
		{"two languages", Config{Languages: []string{"fr", "en"}}, ""},
		{"upper case", Config{Languages: []string{"FR", "EN"}}, ""},
		{"one language", Config{Languages: []string{"fr"}}, "at least 2"},
		{"empty list", Config{Languages: []string{}}, "at least 2"},
		{"unknown code", Config{Languages: []string{"fr", "xx"}}, `unknown language code "xx"`},
		{"three letters", Config{Languages: []string{"fr", "fra"}}, "unknown language code"},
		{"duplicate", Config{Languages: []string{"fr", "en", "fr"}}, "twice"},
		{"confidence too high", Config{MinLangConfidence: 1.5}, "MinLangConfidence"},
		{"negative confidence", Config{MinLangConfidence: -0.1}, "MinLangConfidence"},
		{"NaN confidence", Config{MinLangConfidence: math.NaN()}, "MinLangConfidence"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("Validate() = %v, want an error containing %q", err, tt.wantErr)
			}
		})
	}
	if _, err := New(Config{Languages: []string{"fr"}}); err == nil || !strings.HasPrefix(err.Error(), "classify: ") {
		t.Fatalf("New with one language: err = %v, want a classify: error", err)
	}
}

func TestLabels(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		text string
		want post.Label
	}{
		// priority: malfunction wins over blame
		{"L'ENT ne marche pas, scandale, Blanquer démission !", post.LabelOutage},
		{"Pronote a encore planté, honte au ministère", post.LabelOutage},
		{"Honte au ministère, un an après rien n'est prêt", post.LabelComplaint},
		{"Bravo le ministère, vraiment bravo", post.LabelComplaint},
		{"Mes 3 enfants, un seul ordi", post.LabelTestimony},
		{"Écoles : le ministre annonce le retour en classe le 26 avril pour les maternelles", post.LabelOther},
		// outage variants
		{"Pronote a planté 😡", post.LabelOutage},
		{"Impossible de se connecter à l'ENT ce matin", post.LabelOutage},
		{"Je n'arrive pas à me connecter à Toutatice", post.LabelOutage},
		{"ça charge pas sur e-lyco", post.LabelOutage},
		{"Erreur 503 sur monlycee.net", post.LabelOutage},
		{"Ma classe à la maison ne répond plus", post.LabelOutage},
		{"ça rame sur l'ENT", post.LabelOutage},
		{"#PronoteEnPanne", post.LabelOutage},
		{"Pro\u200bnote a plan\u200bté", post.LabelOutage},
		// negations and restorations
		{"Pas de bug aujourd'hui sur l'ENT", post.LabelOther},
		{"Je ne sais pas si ça marche", post.LabelOther},
		{"Bonne nouvelle, e-lyco remarche depuis 10h", post.LabelOther},
		// complaint, testimony, other
		{"Ras le bol de ce gouvernement incompétent", post.LabelComplaint},
		{"Chez nous, télétravail pour les deux parents et trois enfants en distanciel", post.LabelTestimony},
		{"Premier jour de classe à la maison avec mes élèves de CM2, on s'organise", post.LabelTestimony},
		{"Tuto : comment installer Jitsi pour faire classe en visio", post.LabelOther},
		{"Selon le ministère, 12 millions d'élèves suivent les cours à distance", post.LabelOther},
		// English
		{"Pronote is down again, thanks for nothing", post.LabelOutage},
		{"The CNED site keeps crashing, can't log in", post.LabelOutage},
		{"My kids won't be able to load their homework, the site doesn't work", post.LabelOutage},
		{"What a joke, the ministry is completely incompetent", post.LabelComplaint},
		{"Day 1 of homeschooling: my kids share one laptop", post.LabelTestimony},
		{"French school platforms: what changes on Tuesday", post.LabelOther},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := c.Classify(textPost(tt.text), testNow)
			if got.Label != tt.want {
				t.Errorf("label = %s, want %s (scores %+v, evidence %v)", got.Label, tt.want, got.Scores, got.Evidence)
			}
		})
	}
}

func TestScoresAndPriority(t *testing.T) {
	c := testClassifier(t)
	got := c.Classify(textPost("Pronote a planté, c'est une honte, le ministère se moque de nous"), testNow)
	if got.Label != post.LabelOutage {
		t.Fatalf("label = %s, want outage_report", got.Label)
	}
	if got.Scores.Outage < 0.5 || got.Scores.Complaint < 0.5 {
		t.Errorf("scores = %+v, want both outage and complaint ≥ 0.5", got.Scores)
	}
	for _, tt := range samplePosts {
		s := c.Classify(textPost(tt), testNow).Scores
		for _, v := range []float32{s.Outage, s.Complaint, s.Testimony, s.Other} {
			if v < 0 || v > 1 || math.IsNaN(float64(v)) {
				t.Errorf("%q: score %v outside [0, 1]", tt, v)
			}
		}
	}
}

func TestEvidence(t *testing.T) {
	c := testClassifier(t)
	p := textPost("Pronote plante depuis ce matin")
	p.AuthorLocation = "Lille"
	got := c.Classify(p, testNow)
	for _, want := range []string{"outage:plante", "platform:pronote", "region:profile:Lille"} {
		if !slices.Contains(got.Evidence, want) {
			t.Errorf("evidence %v lacks %q", got.Evidence, want)
		}
	}
	long := c.Classify(textPost(strings.Repeat("bug plante panne honte scandale mes enfants pronote zoom ", 500)), testNow)
	if len(long.Evidence) > maxEvidence {
		t.Errorf("evidence has %d entries, want at most %d", len(long.Evidence), maxEvidence)
	}
}

func TestPlatforms(t *testing.T) {
	c := testClassifier(t)
	tests := []struct{ text, want string }{
		{"Pronote a planté", post.PlatformPronote},
		{"#pronotedown", post.PlatformPronote},
		{"l'ENT est HS", post.PlatformENT},
		{"monlycee.net inaccessible", post.PlatformENT},
		{"Mon Bureau Numérique ne répond pas", post.PlatformENT},
		{"ENT Hauts-de-France saturé", post.PlatformENT},
		{"ENT Occitanie en panne", post.PlatformENT},
		{"Lycée connecté est tombé", post.PlatformENT},
		{"Toutatice rame", post.PlatformENT},
		{"e-lyco ne charge pas", post.PlatformENT},
		{"Eclat-BFC est HS", post.PlatformENT},
		{"Atrium bug", post.PlatformENT},
		{"NetO'Centre inaccessible", post.PlatformENT},
		{"L'Educ de Normandie plante", post.PlatformENT},
		{"MonCollège ne marche pas", post.PlatformENT},
		{"Arsène76 en panne", post.PlatformENT},
		{"ENC Hauts-de-Seine down", post.PlatformENT},
		{"le CNED a planté", post.PlatformCNED},
		{"Ma classe à la maison inaccessible", post.PlatformCNED},
		{"la classe virtuelle a coupé trois fois", post.PlatformCNED},
		{"cours sur Zoom ce matin", post.PlatformVisio},
		{"BigBlueButton ne tient pas la charge", post.PlatformVisio},
		{"on passe sur Discord", post.PlatformVisio},
		{"Jitsi ou Teams ?", post.PlatformVisio},
		{"Premier jour d'école à la maison", ""},
		{"Il y a une entente entre parents", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := c.Classify(textPost(tt.text), testNow)
			if got.Platform != tt.want {
				t.Errorf("platform = %q, want %q (evidence %v)", got.Platform, tt.want, got.Evidence)
			}
		})
	}
}

func TestRegions(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		name                   string
		text, place, loc, bio  string
		wantRegion, wantSource string
	}{
		{name: "place city", place: "Montreuil, France", wantRegion: "FR-IDF", wantSource: "place"},
		{name: "place beats text", text: "monlycee.net plante", place: "Lille, France", wantRegion: "FR-HDF", wantSource: "place"},
		{name: "ENT in text", text: "monlycee.net plante", wantRegion: "FR-IDF", wantSource: "text"},
		{name: "ENT in text beats profile", text: "Toutatice rame", loc: "Paris", wantRegion: "FR-BRE", wantSource: "text"},
		{name: "académie in text", text: "Dans l'académie de Lille, l'ENT est saturé", wantRegion: "FR-HDF", wantSource: "text"},
		{name: "académie d'", text: "Rectorat d'Amiens : tout va bien", wantRegion: "FR-HDF", wantSource: "text"},
		{name: "académie Normandie 2020", text: "académie de Normandie", wantRegion: "FR-NOR", wantSource: "text"},
		{name: "ac- domain", text: "voir www.ac-nancy-metz.fr", wantRegion: "FR-GES", wantSource: "text"},
		{name: "two ENTs in text disagree", text: "monlycee.net et ENT Hauts-de-France en panne", wantRegion: "", wantSource: ""},
		{name: "two ENTs disagree, profile decides", text: "monlycee.net et ENT Hauts-de-France en panne", loc: "Roubaix", wantRegion: "FR-HDF", wantSource: "profile"},
		{name: "city in text is not a region", text: "Nice day in Lyon", wantRegion: "", wantSource: ""},
		{name: "Saint-Denis 93", loc: "Saint-Denis (93)", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "Saint-Denis 974", loc: "Saint-Denis (974)", wantRegion: "FR-974", wantSource: "profile"},
		{name: "Saint-Denis Réunion", loc: "St-Denis, La Réunion", wantRegion: "FR-974", wantSource: "profile"},
		{name: "Saint-Denis alone", loc: "Saint-Denis", wantRegion: "", wantSource: ""},
		{name: "Seine-Saint-Denis", loc: "Seine-Saint-Denis, France", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "Nord (59)", loc: "Nord (59)", wantRegion: "FR-HDF", wantSource: "profile"},
		{name: "59", loc: "59", wantRegion: "FR-HDF", wantSource: "profile"},
		{name: "2A", loc: "Ajaccio 2A", wantRegion: "FR-COR", wantSource: "profile"},
		{name: "postal code", loc: "75011", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "postal code Corsica", loc: "20200 Bastia", wantRegion: "FR-COR", wantSource: "profile"},
		{name: "postal code Guyane", loc: "97300 Cayenne", wantRegion: "FR-973", wantSource: "profile"},
		{name: "Paris 16", loc: "Paris 16", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "IDF", loc: "IDF", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "PACA", loc: "Marseille, PACA", wantRegion: "FR-PAC", wantSource: "profile"},
		{name: "Grand-Est", loc: "Grand-Est", wantRegion: "FR-GES", wantSource: "profile"},
		{name: "region accents folded", loc: "ÎLE-DE-FRANCE", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "académie in profile", loc: "Académie de Créteil", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "Loire-Atlantique is not Loire", loc: "Loire-Atlantique", wantRegion: "FR-PDL", wantSource: "profile"},
		{name: "Val-de-Marne is not Marne", loc: "Val-de-Marne", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "Marne-la-Vallée is not Marne", loc: "Marne-la-Vallée", wantRegion: "FR-IDF", wantSource: "profile"},
		{name: "unknown compound", loc: "Montreuil-sur-Mer", wantRegion: "", wantSource: ""},
		{name: "two regions disagree", loc: "Lyon | Paris", wantRegion: "", wantSource: ""},
		{name: "foreign", loc: "Lille / Bruxelles", wantRegion: "", wantSource: ""},
		{name: "Valence ambiguous", loc: "Valence", wantRegion: "", wantSource: ""},
		{name: "Vienne ambiguous", loc: "Vienne", wantRegion: "", wantSource: ""},
		{name: "Vienne (86)", loc: "Vienne (86)", wantRegion: "FR-NAQ", wantSource: "profile"},
		{name: "nothing", loc: "Quelque part sur Terre 🌍", wantRegion: "", wantSource: ""},
		{name: "bio académie", bio: "Prof de SVT, académie de Toulouse", wantRegion: "FR-OCC", wantSource: "profile"},
		{name: "location beats bio", bio: "Prof, académie de Toulouse", loc: "Bordeaux", wantRegion: "FR-NAQ", wantSource: "profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := textPost(tt.text)
			p.Place, p.AuthorLocation, p.AuthorBio = tt.place, tt.loc, tt.bio
			got := c.Classify(p, testNow)
			if got.Region != tt.wantRegion || got.RegionSource != tt.wantSource {
				t.Errorf("region = %q (%q), want %q (%q); evidence %v", got.Region, got.RegionSource, tt.wantRegion, tt.wantSource, got.Evidence)
			}
			if got.Region != "" && !post.IsRegion(got.Region) {
				t.Errorf("region %q is not a contract region", got.Region)
			}
		})
	}
}

// TestGazetteer checks the data: every département, académie and ENT
// resolves, through the same code path as a profile location.
func TestGazetteer(t *testing.T) {
	c := testClassifier(t)
	if len(departements) != 101 {
		t.Fatalf("%d départements, want 101", len(departements))
	}
	classify := func(loc string) string {
		p := textPost("")
		p.AuthorLocation = loc
		return c.Classify(p, testNow).Region
	}
	for _, d := range departements {
		if got := classify(d.code); got != d.region {
			t.Errorf("département number %s -> %q, want %q", d.code, got, d.region)
		}
		if d.code == "86" {
			continue // "Vienne" alone is ambiguous
		}
		if got := classify(d.name); got != d.region {
			t.Errorf("département %s -> %q, want %q", d.name, got, d.region)
		}
	}
	for _, a := range academies {
		if got := classify("Académie de " + a.name); got != a.region {
			t.Errorf("académie de %s -> %q, want %q", a.name, got, a.region)
		}
		p := textPost("Grosse panne dans l'académie de " + a.name)
		if got := c.Classify(p, testNow); got.Region != a.region || got.RegionSource != "text" {
			t.Errorf("text académie de %s -> %q (%s), want %q", a.name, got.Region, got.RegionSource, a.region)
		}
	}
	for _, e := range entNames {
		got := c.Classify(textPost(e.name+" est en panne"), testNow)
		if got.Region != e.region || got.Platform != post.PlatformENT {
			t.Errorf("ENT %s -> region %q platform %q, want %q ent", e.name, got.Region, got.Platform, e.region)
		}
	}
	for _, city := range cities {
		want := ""
		for _, d := range departements {
			if d.code == city.dept {
				want = d.region
			}
		}
		if got := classify(city.name); got != want {
			t.Errorf("city %s -> %q, want %q", city.name, got, want)
		}
	}
	if n := len(cities); n < 150 {
		t.Errorf("%d cities, want at least 150", n)
	}
}

func TestRoles(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		name, text, bio, authorName, author string
		want                                string
	}{
		{name: "teacher bio", text: "ENT en panne", bio: "Prof de français au collège", want: post.RoleTeacher},
		{name: "teacher text", text: "Mes élèves n'arrivent pas à se connecter", want: post.RoleTeacher},
		{name: "parent bio", text: "ENT en panne", bio: "Maman de 3 loulous", want: post.RoleParent},
		{name: "parent text", text: "Mes enfants sont devant l'écran depuis 8h", want: post.RoleParent},
		{name: "parent beats teacher bio when writing as parent", text: "Mes enfants n'ont pas pu se connecter", bio: "Prof et maman", want: post.RoleParent},
		{name: "pupil bio", text: "Pronote rame", bio: "Lycéenne, terminale spé maths", want: post.RolePupil},
		{name: "pupil text", text: "Mon prof n'arrive pas à lancer la classe virtuelle", want: post.RolePupil},
		{name: "institution name", text: "Les familles sont invitées à patienter", authorName: "Académie de Lille", want: post.RoleInstitution},
		{name: "institution school", text: "Information aux familles", authorName: "Collège Jean Moulin", want: post.RoleInstitution},
		{name: "institution handle", text: "Point de situation", author: "education_gouv", want: post.RoleInstitution},
		{name: "media name", text: "Les plateformes saturées", authorName: "France Bleu Nord", want: post.RoleMedia},
		{name: "media bio", text: "Les plateformes saturées", bio: "Journaliste éducation", want: post.RoleMedia},
		{name: "teacher in English", text: "ENT down", bio: "Teacher, mum of two, Lyon", want: post.RoleTeacher},
		{name: "unknown", text: "Pronote a planté", want: post.RoleUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := textPost(tt.text)
			p.AuthorBio, p.AuthorName, p.Author = tt.bio, tt.authorName, tt.author
			got := c.Classify(p, testNow)
			if got.Role != tt.want {
				t.Errorf("role = %q, want %q (evidence %v)", got.Role, tt.want, got.Evidence)
			}
		})
	}
}

func TestSentiment(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		text string
		sign int
	}{
		{"Super, tout marche bien aujourd'hui, merci !", 1},
		{"Les élèves ont été géniaux 🎉", 1},
		{"C'est pas mal du tout", 1},
		{"Honte au ministère, c'est lamentable", -1},
		{"Pronote a planté 😡", -1},
		{"Ce n'est pas bien du tout", -1},
		{"C'est pas terrible", -1},
		{"Great job, thanks to all the teachers", 1},
		{"This is a nightmare, awful", -1},
		{"Le ministre s'exprimera demain", 0},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := c.Classify(textPost(tt.text), testNow).Sentiment
			if got < -1 || got > 1 {
				t.Fatalf("sentiment %v outside [-1, 1]", got)
			}
			switch {
			case tt.sign > 0 && got <= 0, tt.sign < 0 && got >= 0, tt.sign == 0 && got != 0:
				t.Errorf("sentiment = %+.2f, want sign %d", got, tt.sign)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	c := testClassifier(t)
	tests := []struct {
		name, text, tag string
		want, source    string
	}{
		{"french", "Impossible de se connecter à l'ENT ce matin, les enfants attendent", "", "fr", "lingua"},
		{"english", "The CNED website has been down all morning and my kids cannot work", "", "en", "lingua"},
		{"spanish", "La plataforma del colegio no funciona desde esta mañana y los alumnos no pueden trabajar", "", "es", "lingua"},
		{"emoji only", "👍👍", "", "", "lingua"},
		{"emoji only with tag", "👍👍", "fr", "", "lingua"},
		{"empty", "", "", "", "lingua"},
		{"short with tag", "mdr", "fr", "fr", "source"},
		{"short without tag", "ok", "", "", "lingua"},
		{"unsure uses tag", "Pronote", "fr-FR", "fr", "source"},
		{"tag outside set ignored", "Pronote", "pl", "", "lingua"},
		{"link and mention only", "@jmblanquer https://t.co/xyz", "", "", "lingua"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := textPost(tt.text)
			p.Lang = tt.tag
			got := c.Classify(p, testNow)
			if got.Language != tt.want || got.LangSource != tt.source {
				t.Errorf("language = %q (%s, %.2f), want %q (%s)", got.Language, got.LangSource, got.LangConfidence, tt.want, tt.source)
			}
			if got.LangConfidence < 0 || got.LangConfidence > 1 {
				t.Errorf("confidence %v outside [0, 1]", got.LangConfidence)
			}
		})
	}
}

func TestTrustedSourceLanguageTag(t *testing.T) {
	c := testClassifier(t)
	french := "Impossible de se connecter à l'ENT ce matin, les enfants attendent"
	tests := []struct {
		name, source, tag string
		want, from        string
	}{
		// X detects the language itself: its tag is taken, lingua is not run.
		{"x tag taken", post.SourceX, "fr", "fr", "source"},
		{"x tag taken even when lingua would differ", post.SourceX, "en", "en", "source"},
		{"x undetermined tag runs lingua", post.SourceX, "und", "fr", "lingua"},
		{"x tag outside the set runs lingua", post.SourceX, "pl", "fr", "lingua"},
		// Mastodon and Bluesky tags are client settings: lingua decides.
		{"mastodon tag not trusted", post.SourceMastodon, "en", "fr", "lingua"},
		{"bluesky tag not trusted", post.SourceBluesky, "en", "fr", "lingua"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := textPost(french)
			p.Source, p.Lang = tt.source, tt.tag
			got := c.Classify(p, testNow)
			if got.Language != tt.want || got.LangSource != tt.from {
				t.Errorf("language = %q (%s), want %q (%s)", got.Language, got.LangSource, tt.want, tt.from)
			}
		})
	}

	// A configuration that trusts nobody runs lingua on X posts too.
	strict, err := New(Config{TrustedLangSources: []string{}})
	if err != nil {
		t.Fatal(err)
	}
	p := textPost(french)
	p.Source, p.Lang = post.SourceX, "en"
	if got := strict.Classify(p, testNow); got.Language != "fr" || got.LangSource != "lingua" {
		t.Errorf("trusting nobody: language = %q (%s), want fr (lingua)", got.Language, got.LangSource)
	}
}

func TestLinguaInput(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pronote a planté https://t.co/x @ministre #ecole", "Pronote a planté ecole"},
		{"a\u200bb c", "ab c"},
		{"", ""},
		{strings.Repeat("mot ", 200), strings.TrimSpace(strings.Repeat("mot ", 75))},
	}
	for _, tt := range tests {
		if got := string(linguaInput(nil, tt.in, maxLinguaRunes)); got != tt.want {
			t.Errorf("linguaInput(%.30q) = %.60q, want %.60q", tt.in, got, tt.want)
		}
	}
	if got := linguaInput(nil, strings.Repeat("é", 1000), maxLinguaRunes); utf8.RuneCount(got) != maxLinguaRunes {
		t.Errorf("a word without spaces is cut to %d runes, want %d", utf8.RuneCount(got), maxLinguaRunes)
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", " "},
		{"L'ÉCOLE à la Maison", " l ecole a la maison "},
		{"#PronoteEnPanne #ENT", " pronote en panne ent "},
		{"Pro\u200bnote \u202eabc\u202c", " pronote abc "},
		{"œuvre Straße", " oeuvre strasse "},
		{"𝐏𝐫𝐨𝐧𝐨𝐭𝐞 ＥＮＴ", " pronote ent "},
		{"e\u0301cole", " ecole "},
		{"<script>alert(1)</script>", " script alert 1 script "},
		{"\xff\xfe bad", " bad "},
		{"مرحبا world", " _ world "},
	}
	for _, tt := range tests {
		if got := string(normalize(nil, tt.in, nil, nil)); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHostileInput(t *testing.T) {
	c := testClassifier(t)
	inputs := map[string]string{
		"empty":        "",
		"blank":        " \n\t ",
		"emoji only":   "😭😭😭🔥🔥",
		"100 KB":       longPost(),
		"invalid utf8": "Pronote \xff\xfe\xfd plante \xc3",
		"bidi":         "\u202eetnalp etonorP\u202c \u2066x\u2069",
		"zero width":   "\u200b\u200c\u200d\ufeff",
		"script":       "<script>alert(1)</script>",
		"html":         "<p>L&#39;ENT est en panne&nbsp;!</p><br/>&amp;&lt;",
		"control":      "\x00\x01\x02\x7f",
		"only digits":  "0123456789 2021",
		"huge token":   strings.Repeat("a", 100_000),
		"combining":    strings.Repeat("e\u0301", 5000),
		"punctuation":  strings.Repeat("!?.,;:'\"-", 3000),
		// many hits: every pass must stay linear
		"districts": strings.Repeat("Paris 75 ", 11000),
		"negators":  strings.Repeat("pas ", 25000),
		"names":     strings.Repeat("ma classe à la maison ", 4500),
		"hyphens":   strings.Repeat("a-", 50000),
		"camelcase": "#" + strings.Repeat("aB", 50000),
		"postcodes": strings.Repeat("75011 ", 16000),
		"entities":  strings.Repeat("&amp;", 20000),
	}
	for name, text := range inputs {
		t.Run(name, func(t *testing.T) {
			p := textPost(text)
			p.AuthorLocation, p.AuthorBio, p.AuthorName, p.Place = text, text, text, text
			start := time.Now()
			got := c.classify(p, testNow) // no recover: a panic fails the test
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v: something is not linear", d)
			}
			checkValid(t, got, testNow)
		})
	}
	if got := c.Classify(textPost(longPost()), testNow); got.Label != post.LabelOutage {
		t.Errorf("100 KB post: label %s, want outage_report", got.Label)
	}
}

// checkValid checks the invariants every classified post must satisfy.
func checkValid(t testing.TB, got post.Classified, now time.Time) {
	t.Helper()
	if !slices.Contains(post.Labels[:], got.Label) {
		t.Errorf("label %q is not a contract label", got.Label)
	}
	if got.Platform != "" && !slices.Contains(post.Platforms[:], got.Platform) {
		t.Errorf("platform %q is not a contract platform", got.Platform)
	}
	if got.Region != "" && !post.IsRegion(got.Region) {
		t.Errorf("region %q is not a contract region", got.Region)
	}
	if (got.Region == "") != (got.RegionSource == "") {
		t.Errorf("region %q with source %q", got.Region, got.RegionSource)
	}
	if !slices.Contains(post.Roles[:], got.Role) {
		t.Errorf("role %q is not a contract role", got.Role)
	}
	if got.LangSource != "lingua" && got.LangSource != "source" {
		t.Errorf("lang source %q", got.LangSource)
	}
	for _, v := range []float32{got.Scores.Outage, got.Scores.Complaint, got.Scores.Testimony, got.Scores.Other, got.LangConfidence} {
		if !(v >= 0 && v <= 1) {
			t.Errorf("score or confidence %v outside [0, 1]", v)
		}
	}
	if !(got.Sentiment >= -1 && got.Sentiment <= 1) {
		t.Errorf("sentiment %v outside [-1, 1]", got.Sentiment)
	}
	if (got.Classifier != Version && got.Classifier != RulesVersion) || !got.ClassifiedAt.Equal(now) {
		t.Errorf("classifier %q at %v, want %q or %q at %v", got.Classifier, got.ClassifiedAt, Version, RulesVersion, now)
	}
	if len(got.Evidence) > maxEvidence {
		t.Errorf("%d evidence entries", len(got.Evidence))
	}
	for _, e := range got.Evidence {
		if !utf8.ValidString(e) || e == "" {
			t.Errorf("bad evidence %q", e)
		}
	}
}

func TestClassifyKeepsPost(t *testing.T) {
	c := testClassifier(t)
	p := textPost("Pronote a planté")
	p.Hashtags = []string{"ecolealamaison"}
	p.URL = "https://example.org/1"
	got := c.Classify(p, testNow)
	if got.Post.ID != p.ID || got.Post.Text != p.Text || got.Post.URL != p.URL || !slices.Equal(got.Hashtags, p.Hashtags) {
		t.Errorf("embedded post changed: %+v", got.Post)
	}
	b, err := got.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := post.DecodeClassified(b, testNow); err != nil {
		t.Errorf("classified post does not decode: %v", err)
	}
}

// TestConcurrent runs Classify from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	c := testClassifier(t)
	want := make([]post.Classified, len(samplePosts))
	for i, s := range samplePosts {
		want[i] = c.Classify(textPost(s), testNow)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range samplePosts {
				i := (k + g) % len(samplePosts)
				got := c.Classify(textPost(samplePosts[i]), testNow)
				if got.Label != want[i].Label || got.Region != want[i].Region || got.Language != want[i].Language ||
					!slices.Equal(got.Evidence, want[i].Evidence) {
					t.Errorf("goroutine %d, post %d: %+v differs from %+v", g, i, got, want[i])
				}
			}
		}(g)
	}
	wg.Wait()
}
