package archive

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// testNow is the clock of the tests: a day after the April 2021 posts.
var testNow = time.Date(2021, 4, 7, 12, 0, 0, 0, time.UTC)

func clock() time.Time { return testNow }

// readAll reads every record of r.
func readAll(t testing.TB, r *Reader) (posts []Record, rejects []Record) {
	t.Helper()
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return posts, rejects
		}
		if err != nil {
			t.Fatal(err)
		}
		if rec.Reject != nil {
			rejects = append(rejects, rec)
		} else {
			posts = append(posts, rec)
		}
	}
}

func openFixture(t testing.TB, name string) *Reader {
	t.Helper()
	r, err := Open(filepath.Join("testdata", name), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func ts(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// rejected is an expected rejection: its line and a piece of its reason.
type rejected struct {
	line   int
	reason string
}

type fixtureCase struct {
	file                    string
	format                  Format
	posts, rejects, skipped int
	// want: posts to find by id, compared on their non-zero fields.
	want     []post.Post
	rejected []rejected
}

var fixtureCases = []fixtureCase{
	{
		file: "x_v11_stream.jsonl", format: FormatXv11, posts: 5, rejects: 4, skipped: 3,
		want: []post.Post{
			{ // compatibility mode: the full text is extended_tweet's, &amp; decoded
				ID: "1379338552210440193", Source: post.SourceX, CreatedAt: ts("2021-04-06T07:58:12Z"),
				Author: "julie_svt_59", AuthorName: "Julie — prof de SVT", AuthorLocation: "Lille, Hauts-de-France",
				AuthorBio: "Prof de SVT au collège. Parent d'élève aussi & syndiquée.",
				Text:      "Impossible de me connecter à l'ENT depuis 7h45 & Pronote tourne dans le vide… les élèves attendent leurs devoirs, moi aussi. #ecolealamaison #ENTHDF",
				Lang:      "fr", Hashtags: []string{"ecolealamaison", "ENTHDF"}, Place: "Lille, France",
				URL: "https://twitter.com/julie_svt_59/status/1379338552210440193",
			},
			{ // retweet: the original's full text, not the cut root text
				ID: "1379339928000000002", Author: "papa_de_trois",
				Text:     "RT @julie_svt_59: Impossible de me connecter à l'ENT depuis 7h45 & Pronote tourne dans le vide… les élèves attendent leurs devoirs, moi aussi. #ecolealamaison #ENTHDF",
				Hashtags: []string{"ecolealamaison", "ENTHDF"},
			},
			{ID: "1379340200000000003", Text: "@Cned <3 merci quand même, mais la classe virtuelle plante encore #CNED", Hashtags: []string{"CNED"}},
			// only a numeric id: the digits survive (beyond 2^53)
			{ID: "1379341234567890123", Author: "lycee_info", AuthorLocation: "Toulouse", Hashtags: []string{"CNED"}},
			{ID: "1379343000000000006", Text: "Voilà la réalité du terrain 👇 #BlanquerMent https://t.co/AbCd"},
		},
		rejected: []rejected{{8, "malformed JSON"}, {9, "before 2006"}, {10, "missing id"}, {13, "truncated last record"}},
	},
	{
		file: "x_v11_rest.json", format: FormatXv11, posts: 3, rejects: 1,
		want: []post.Post{
			{ID: "1379353000000000010", Text: "Le site du CNED affiche « Service indisponible » > on fait quoi ? #CNED #ecolealamaison",
				Place: "Lyon, Auvergne-Rhône-Alpes, France", AuthorLocation: "Lyon 7e", Hashtags: []string{"CNED", "ecolealamaison"}},
			{ID: "1379353200000000011", Text: "RT @maman_lyon: Le site du CNED affiche « Service indisponible » > on fait quoi ? #CNED #ecolealamaison",
				AuthorLocation: "Bretagne", Hashtags: []string{"CNED", "ecolealamaison"}},
			{ID: "1379353400000000013", CreatedAt: ts("2021-04-06T09:05:00Z"), Author: "prof_maths_13"},
		},
		rejected: []rejected{{79, "created_at"}},
	},
	{
		file: "x_v11_pretty.json", format: FormatXv11, posts: 2,
		want: []post.Post{{ID: "1379368200000000021", Text: `Toujours rien sur l'ENT {"vide"} #ecolealamaison`, AuthorLocation: "Caen"}},
	},
	{
		file: "twarc2_raw.jsonl", format: FormatTwarc2, posts: 5, rejects: 2, skipped: 2,
		want: []post.Post{
			{ID: "1379360000000000100", Author: "maman_solo_93", AuthorLocation: "Seine-Saint-Denis, France",
				AuthorBio: "Maman de 3, télétravail + école à la maison", Place: "Montreuil, France",
				Text:     "Les serveurs du #CNED sont encore tombés, l'ENT aussi… parents & profs à bout #ecolealamaison #BlanquerMent",
				Hashtags: []string{"CNED", "ecolealamaison", "BlanquerMent"}, CreatedAt: ts("2021-04-06T09:31:00Z")},
			{ID: "1379360500000000101", Author: "papa_prof", // retweet: the original from includes.tweets
				Text:     "RT @maman_solo_93: Les serveurs du #CNED sont encore tombés, l'ENT aussi… parents & profs à bout #ecolealamaison #BlanquerMent",
				Hashtags: []string{"CNED", "ecolealamaison", "BlanquerMent"}},
			{ID: "1379361000000000102", Hashtags: []string{"ENTOccitanie", "ecolealamaison"}, AuthorLocation: "Montpellier"}, // note_tweet
			{ID: "1379362000000000103", Author: "ent_watch", Hashtags: []string{"Pronote"}},                                  // stream message
			{ID: "1379363000000000104", Author: "papa_prof"},
		},
		rejected: []rejected{{5, `unreadable date "hier matin"`}, {6, "malformed JSON"}},
	},
	{
		file: "twarc2_flat.jsonl", format: FormatTwarc2Flat, posts: 5, rejects: 1,
		want: []post.Post{
			{ID: "1379360000000000100", Place: "Montreuil, France", AuthorLocation: "Seine-Saint-Denis, France", Author: "maman_solo_93"},
			{ID: "1379360500000000101", Text: "RT @maman_solo_93: Les serveurs du #CNED sont encore tombés, l'ENT aussi… parents & profs à bout #ecolealamaison #BlanquerMent"},
			{ID: "1379364000000000106", Author: "4242"}, // author {}: the id stands in
			{ID: "1379365000000000107", Text: "Long post complet : ENT, Pronote, CNED, tout est tombé #ecolealamaison", Lang: "fr"},
		},
		rejected: []rejected{{6, "malformed JSON"}},
	},
	{
		file: "mastodon_statuses.json", format: FormatMastodon, posts: 3, rejects: 1,
		want: []post.Post{
			{ID: "106018000000000001", Source: post.SourceMastodon, CreatedAt: ts("2021-04-06T07:31:58Z"),
				Author: "prof_hg@piaille.example", AuthorName: "Mme Durand", AuthorLocation: "Lyon (69)",
				AuthorBio: "Prof d'histoire-géo en collège, Lyon. #EducNat",
				Text:      "Pronote en carafe depuis 8h et l'ENT ne répond plus… #EcoleALaMaison #Pronote\n\ncc @cned_info https://www.education.gouv.fr/continuite-pedagogique",
				Lang:      "fr", Hashtags: []string{"EcoleALaMaison", "Pronote"}, URL: "https://piaille.example/@prof_hg/106018000000000001"},
			{ID: "106018000000000002", Author: "parent_nantes@mastodon.example", AuthorBio: "Parent d'élèves\nNantes",
				Text:     "Coup de gueule\n\nTrois enfants, un ordi & zéro réseau.\nLe CNED ? Page blanche.\nMerci qui ? #BlanquerMent",
				Hashtags: []string{"BlanquerMent"}, URL: "https://mastodon.example/users/parent_nantes/statuses/106018000000000002"},
			{ID: "106018000000000003", Text: "RT @prof_hg@piaille.example: Pronote en carafe depuis 8h et l'ENT ne répond plus… #EcoleALaMaison #Pronote\n\ncc @cned_info https://www.education.gouv.fr/continuite-pedagogique"},
		},
		rejected: []rejected{{77, "malformed Mastodon status"}},
	},
	{
		file: "mastodon_lines.jsonl", format: FormatMastodon, posts: 2, rejects: 1,
		want: []post.Post{
			{ID: "106018000000000004", Lang: "fr", Text: "Re-belote ce matin : #CNED HS", Hashtags: []string{"CNED"}},
			{ID: "106018000000000006", CreatedAt: ts("2021-04-06T07:00:00Z"),
				Text: "Le lien <script> n'est pas du code : https://ent.example/login?a=1&b=2 #pronote", Hashtags: []string{"pronote"}},
		},
		rejected: []rejected{{2, "in the future"}},
	},
	{
		file: "jetstream.jsonl", format: FormatJetstream, posts: 4, rejects: 1, skipped: 5,
		want: []post.Post{
			{ID: "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3ljqkz2r5kc2x", Source: post.SourceBluesky,
				CreatedAt: ts("2021-04-06T06:55:00.512Z"), Author: "parents-vigilants.bsky.social", Lang: "fr",
				Text:     "Pronote encore en panne ce matin 😤 impossible de voir les devoirs #Pronote #ecolealamaison @cned.bsky.social",
				Hashtags: []string{"Pronote", "ecolealamaison", "CNED"},
				URL:      "https://bsky.app/profile/parents-vigilants.bsky.social/post/3ljqkz2r5kc2x"},
			{ID: "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3ljql1reply", CreatedAt: ts("2021-04-06T06:58:20Z"),
				Author: "did:plc:ewvi7nxzyoun6zhxrhs64oiz"},
			// createdAt in 2030: clamped to the event's time_us
			{ID: "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3ljql3future", CreatedAt: ts("2021-04-06T07:01:40Z"), Lang: "fr"},
			{ID: "at://did:plc:z72i7hdynmk6r22z27h6tvur/app.bsky.feed.post/3ljql5edit", Hashtags: []string{"pronote"}},
		},
		rejected: []rejected{{9, "without a record"}},
	},
	{
		file: "4cat.ndjson", format: Format4CAT, posts: 5,
		want: []post.Post{
			{ID: "1379370000000000200", Author: "maman_solo_93", AuthorLocation: "Seine-Saint-Denis, France", Place: "Montreuil, France"},
			{ID: "1379370100000000201", Author: "papa_prof", Hashtags: []string{"CNED", "ecolealamaison", "BlanquerMent"},
				Text: "RT @maman_solo_93: Les serveurs du #CNED sont encore tombés, l'ENT aussi… parents & profs à bout #ecolealamaison #BlanquerMent"},
			{ID: "1379370200000000202", Author: "vieux_4cat", AuthorName: "Vieux Format"},
			{ID: "1379370300000000203", Author: "31337"}, // author_user UNKNOWN
			{ID: "at://did:plc:ewvi7nxzyoun6zhxrhs64oiz/app.bsky.feed.post/3ljx4cat", Source: post.SourceBluesky,
				Author: "prof-doc.bsky.social", AuthorName: "Prof doc", CreatedAt: ts("2021-04-06T08:20:00Z"),
				Hashtags: []string{"ENT", "ecolealamaison"}},
		},
	},
	{
		file: "tcat.csv", format: FormatTCAT, posts: 5, rejects: 2,
		want: []post.Post{
			{ID: "1379338552210440193", CreatedAt: ts("2021-04-06T07:58:12Z"), Author: "julie_svt_59", AuthorName: "Julie — prof de SVT",
				AuthorLocation: "Lille, Hauts-de-France", AuthorBio: "Prof de SVT au collège.", Lang: "fr",
				Text:     "Impossible de me connecter à l'ENT depuis 7h45 & Pronote tourne dans le vide… #ecolealamaison #ENTHDF",
				Hashtags: []string{"ecolealamaison", "ENTHDF"}},
			{ID: "1379340500000000030", Text: `Le ministre a dit "tout est prêt". Le CNED : "erreur 503". #BlanquerMent`,
				AuthorBio: `Prof, "enseignant" avant tout`},
			{ID: "1379340600000000031", Text: "Ligne éditée dans un tableur :\nretour à la ligne dans le texte #CNED"},
			{ID: "1379340700000000032", CreatedAt: ts("2021-04-06T08:10:00Z")}, // from the unix time column
		},
		rejected: []rejected{{4, "spreadsheet"}, {9, "5 fields"}},
	},
	{
		file: "tcat.tsv", format: FormatTCAT, posts: 1,
		want: []post.Post{{ID: "1379340900000000040", AuthorLocation: "Dijon", Hashtags: []string{"Pronote"}}},
	},
	{
		file: "twarc.csv", format: FormatTwarcCSV, posts: 3, rejects: 1,
		want: []post.Post{
			{ID: "1379371000000000300", Text: "Les serveurs du #CNED sont encore tombés\nparents & profs à bout #ecolealamaison",
				Hashtags: []string{"CNED", "ecolealamaison"}, Place: "Montreuil, France", AuthorLocation: "Seine-Saint-Denis, France"},
			{ID: "1379371100000000301", Text: "RT @maman_solo_93: Les serveurs du #CNED sont encore tombés\nparents & profs à bout #ecolealamaison",
				Hashtags: []string{"CNED", "ecolealamaison"}},
		},
		rejected: []rejected{{4, "missing created_at"}},
	},
	{
		file: "vigie.jsonl", format: FormatVigie, posts: 3, rejects: 2,
		want: []post.Post{
			{ID: "v-1", Source: post.SourceArchive, AuthorLocation: "Lille", IngestedAt: ts("2021-04-06T09:31:00Z")},
			{ID: "v-2", Source: post.SourceX, IngestedAt: testNow},
			{ID: "v-3", Source: post.SourceMastodon},
		},
		rejected: []rejected{{3, "malformed JSON"}, {5, "missing id"}},
	},
}

// checkPost compares got with the non-zero fields of want.
func checkPost(t *testing.T, got, want post.Post) {
	t.Helper()
	gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
	for i := 0; i < wv.NumField(); i++ {
		w := wv.Field(i)
		if w.IsZero() {
			continue
		}
		if g := gv.Field(i); !reflect.DeepEqual(g.Interface(), w.Interface()) {
			t.Errorf("post %s: %s = %#v, want %#v", got.ID, wv.Type().Field(i).Name, g.Interface(), w.Interface())
		}
	}
}

func TestFixtures(t *testing.T) {
	for _, tc := range fixtureCases {
		t.Run(tc.file, func(t *testing.T) {
			r := openFixture(t, tc.file)
			if r.Format() != tc.format {
				t.Fatalf("format %q, want %q", r.Format(), tc.format)
			}
			posts, rejects := readAll(t, r)
			st := r.Stats()
			if len(posts) != tc.posts || len(rejects) != tc.rejects || int(st.Skipped) != tc.skipped {
				for _, rj := range rejects {
					t.Logf("rejected line %d: %s", rj.Line, rj.Reject.Reason)
				}
				t.Fatalf("%d posts, %d rejected, %d skipped; want %d, %d, %d", len(posts), len(rejects), st.Skipped, tc.posts, tc.rejects, tc.skipped)
			}
			if st.Posts != int64(tc.posts) || st.Rejected != int64(tc.rejects) {
				t.Errorf("stats %+v disagree with the records", st)
			}
			if fi, _ := os.Stat(filepath.Join("testdata", tc.file)); st.BytesRead != fi.Size() {
				t.Errorf("read %d bytes of %d", st.BytesRead, fi.Size())
			}
			byID := map[string]post.Post{}
			for _, p := range posts {
				if err := post.Validate(&p.Post, testNow); err != nil {
					t.Errorf("line %d: invalid post returned: %v", p.Line, err)
				}
				if p.Post.Source == "" || p.Post.IngestedAt.IsZero() || p.Line < 1 {
					t.Errorf("line %d: post %+v lacks source, ingested_at or line", p.Line, p.Post)
				}
				byID[p.Post.ID] = p.Post
			}
			for _, w := range tc.want {
				got, ok := byID[w.ID]
				if !ok {
					t.Errorf("post %s missing", w.ID)
					continue
				}
				checkPost(t, got, w)
			}
			for i, w := range tc.rejected {
				if i >= len(rejects) {
					break
				}
				got := rejects[i]
				if got.Line != w.line || !strings.Contains(got.Reject.Reason, w.reason) {
					t.Errorf("rejection %d: line %d %q, want line %d with %q", i, got.Line, got.Reject.Reason, w.line, w.reason)
				}
				if len(got.Reject.Raw) == 0 {
					t.Errorf("rejection at line %d carries no raw bytes", got.Line)
				}
			}
		})
	}
}

// TestGzip: a gzip-compressed archive reads the same, progress counts the
// compressed bytes, and a cut gzip stream keeps what came before the cut.
func TestGzip(t *testing.T) {
	plain, err := os.ReadFile("testdata/x_v11_stream.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain)
	zw.Close()
	if f, err := Detect(gz.Bytes()[:200]); err != nil || f != FormatXv11 {
		t.Errorf("Detect(gzip head) = %q, %v", f, err)
	}
	r, err := NewReader(bytes.NewReader(gz.Bytes()), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	posts, rejects := readAll(t, r)
	if len(posts) != 5 || len(rejects) != 4 {
		t.Errorf("gzip: %d posts, %d rejected; want 5, 4", len(posts), len(rejects))
	}
	if got := r.Stats().BytesRead; got != int64(gz.Len()) {
		t.Errorf("read %d bytes, want the %d compressed bytes", got, gz.Len())
	}

	// Cut the compressed stream two thirds in.
	cut := gz.Bytes()[:gz.Len()*2/3]
	r, err = NewReader(bytes.NewReader(cut), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	posts, rejects = readAll(t, r)
	if len(posts) == 0 || len(rejects) == 0 {
		t.Fatalf("cut gzip: %d posts, %d rejected", len(posts), len(rejects))
	}
	last := rejects[len(rejects)-1].Reject.Reason
	if !strings.Contains(last, "gzip") {
		t.Errorf("last rejection %q does not name the gzip stream", last)
	}
}

func TestDetect(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	tests := []struct {
		name string
		head []byte
		want Format
		err  error
	}{
		{"empty", nil, FormatUnknown, ErrEmpty},
		{"blanks", []byte(" \n\r\n\t"), FormatUnknown, ErrEmpty},
		{"empty array", []byte("[ ]"), FormatUnknown, ErrEmpty},
		{"binary", []byte{0x00, 0x01, 0xff, 0xfe, '\n'}, FormatUnknown, ErrUnknownFormat},
		{"unknown JSON", []byte(`{"foo":1}` + "\n"), FormatUnknown, ErrUnknownFormat},
		{"unknown CSV", []byte("a,b,c\n1,2,3\n"), FormatUnknown, ErrUnknownFormat},
		{"v1.1 after notices", []byte(`{"limit":{"track":3}}` + "\n" + `{"delete":{"status":{"id_str":"1"}}}` + "\n" + `{"id_str":"5","text":"x","user":{}}`), FormatXv11, nil},
		{"v1.1 notices only", []byte(`{"limit":{"track":3}}` + "\n"), FormatXv11, nil},
		{"twarc2 keep-alive first", []byte(`"keep-alive"` + "\n" + `{"data":{"id":"1","text":"x"}}`), FormatTwarc2, nil},
		{"twarc2 page cut by the head", []byte(`{"data":[{"id":"1","text":"loooo`), FormatTwarc2, nil},
		{"flat", []byte(`{"id":"1","text":"x","author":{"username":"a"}}`), FormatTwarc2Flat, nil},
		{"plain v2 tweet", []byte(`{"id":"1","text":"x","author_id":"2","edit_history_tweet_ids":["1"]}`), FormatTwarc2Flat, nil},
		{"4cat", []byte(`{"id":"1","text":"x","author_user":{"username":"a"}}`), Format4CAT, nil},
		{"mastodon line", []byte(`{"id":"1","content":"<p>x</p>","account":{"acct":"a"}}`), FormatMastodon, nil},
		{"mastodon array", []byte("[\n  {\n    \"id\": \"1\",\n    \"uri\": \"u\",\n    \"account\": {\"acct\": \"a\"}\n  }\n]"), FormatMastodon, nil},
		{"jetstream", []byte(`{"did":"did:plc:x","time_us":1,"kind":"identity"}`), FormatJetstream, nil},
		{"vigie", []byte(`{"id":"1","source":"archive","created_at":"2021-04-06T09:00:00Z","text":"x"}`), FormatVigie, nil},
		{"vigie classified", []byte(`{"id":"1","source":"weird","created_at":"2021-04-06T09:00:00Z","ingested_at":"2021-04-06T09:00:00Z","label":"other"}`), FormatVigie, nil},
		{"pretty v1.1", []byte("{\n  \"id_str\": \"1\",\n  \"text\": \"x\"\n}\n"), FormatXv11, nil},
		{"bom + tcat", append([]byte("\ufeff"), "id,time,created_at,from_user_name,text\n1,2,3,4,5\n"...), FormatTCAT, nil},
		{"tcat tsv", []byte("id\ttime\tcreated_at\tfrom_user_name\ttext\n"), FormatTCAT, nil},
		{"twarc-csv", []byte("id,conversation_id,created_at,text,author.username\n"), FormatTwarcCSV, nil},
		{"gzip", gz(`{"did":"did:plc:x","kind":"commit"}`), FormatJetstream, nil},
		{"gzip cut", gz(strings.Repeat(`{"id_str":"1","text":"x","user":{}}`+"\n", 200))[:60], FormatXv11, nil},
		{"bad gzip", []byte{0x1f, 0x8b, 0, 0}, FormatUnknown, ErrUnknownFormat},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Detect(tc.head)
			if got != tc.want || (tc.err == nil) != (err == nil) || (tc.err != nil && !errors.Is(err, tc.err)) {
				t.Errorf("Detect = %q, %v; want %q, %v", got, err, tc.want, tc.err)
			}
		})
	}
}

// TestReaderEdges: oversized records are skipped with a rejection, an
// empty file and an unknown one behave, forced formats apply.
func TestReaderEdges(t *testing.T) {
	big := `{"id_str":"2","created_at":"Tue Apr 06 08:00:00 +0000 2021","text":"` + strings.Repeat("a", 5000) + `"}`
	small := `{"id_str":"3","created_at":"Tue Apr 06 08:00:00 +0000 2021","text":"ok #cned"}`
	in := `{"id_str":"1","created_at":"Tue Apr 06 08:00:00 +0000 2021","text":"ok"}` + "\n" + big + "\n" + small + "\n"
	r, err := NewReader(strings.NewReader(in), WithMaxRecordBytes(1000), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	posts, rejects := readAll(t, r)
	if len(posts) != 2 || len(rejects) != 1 || rejects[0].Line != 2 || !strings.Contains(rejects[0].Reject.Reason, "longer than 1000") {
		t.Errorf("long line: %d posts, rejects %+v", len(posts), rejects)
	}

	// The same in an array: the element is skipped, the next one imports,
	// and line numbers stay right.
	arr := "[\n" + small + ",\n" + big + ",\n  " + strings.Replace(small, `"3"`, `"4"`, 1) + "\n]\n"
	r, err = NewReader(strings.NewReader(arr), WithMaxRecordBytes(1000), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	posts, rejects = readAll(t, r)
	if len(posts) != 2 || len(rejects) != 1 || rejects[0].Line != 3 || posts[1].Line != 4 {
		t.Errorf("long element: posts %+v, rejects %+v", posts, rejects)
	}

	// An array cut mid-element, and garbage between elements.
	arr = "[" + small + ", nope, " + small[:30]
	r, err = NewReader(strings.NewReader(arr), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	posts, rejects = readAll(t, r)
	if len(posts) != 1 || len(rejects) != 2 || !strings.Contains(rejects[1].Reject.Reason, "truncated") {
		t.Errorf("cut array: %d posts, rejects %+v", len(posts), rejects)
	}

	r, err = NewReader(strings.NewReader("\n\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); !errors.Is(err, io.EOF) {
		t.Errorf("empty input: %v", err)
	}
	if _, err := NewReader(strings.NewReader("hello world\n")); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("unknown format: %v", err)
	}
	// Forcing a format the content contradicts is refused; forcing a
	// compatible one applies.
	if _, err := NewReader(strings.NewReader(small), WithFormat(FormatTCAT)); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("forced CSV on JSON: %v", err)
	}
	r, err = NewReader(strings.NewReader(`{"id":"9","text":"x #cned","created_at":"2021-04-06T08:00:00Z"}`), WithFormat(FormatTwarc2Flat), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	if posts, _ := readAll(t, r); len(posts) != 1 || posts[0].Post.Source != post.SourceX {
		t.Errorf("forced flat: %+v", posts)
	}
	// A TCAT export whose header a spreadsheet changed is not detected, but
	// can be forced; so can pretty-printed JSON of no known shape.
	renamed := "id,time,created_at,user,text\n1379340900000000040,1617696800,2021-04-06 08:13:20,u,Pronote HS #pronote\n"
	if _, err := NewReader(strings.NewReader(renamed)); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("renamed TCAT header detected: %v", err)
	}
	r, err = NewReader(strings.NewReader(renamed), WithFormat(FormatTCAT), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	if posts, rejects := readAll(t, r); len(posts) != 1 || len(rejects) != 0 || posts[0].Line != 2 {
		t.Errorf("forced TCAT: %+v %+v", posts, rejects)
	}
	pretty := "{\n  \"id\": \"7\",\n  \"text\": \"#cned\",\n  \"created_at\": \"2021-04-06T08:00:00Z\"\n}\n"
	r, err = NewReader(strings.NewReader(pretty), WithFormat(FormatTwarc2Flat), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	if posts, _ := readAll(t, r); len(posts) != 1 || posts[0].Post.ID != "7" {
		t.Errorf("forced flat on pretty JSON: %+v", posts)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("missing file opened")
	}
}

func TestInvalidUTF8(t *testing.T) {
	in := `{"id_str":"1","created_at":"Tue Apr 06 08:00:00 +0000 2021","text":"ok"}` + "\n" +
		"{\"id_str\":\"2\",\"created_at\":\"Tue Apr 06 08:00:00 +0000 2021\",\"text\":\"\xff\xfe\"}\n"
	r, err := NewReader(strings.NewReader(in), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	posts, rejects := readAll(t, r)
	if len(posts) != 1 || len(rejects) != 1 || !strings.Contains(rejects[0].Reject.Reason, "UTF-8") {
		t.Errorf("%d posts, rejects %+v", len(posts), rejects)
	}
}

func TestParseTime(t *testing.T) {
	want := time.Date(2021, 4, 6, 7, 58, 12, 0, time.UTC)
	for _, s := range []string{
		"Tue Apr 06 07:58:12 +0000 2021", "2021-04-06T07:58:12.000Z", "2021-04-06T09:58:12+02:00",
		"2021-04-06 07:58:12", "2021-04-06T07:58:12", "1617695892", "1617695892000", "1617695892000000",
		"2021-04-06T07:58:12+0000",
	} {
		got, err := parseTime(s)
		if err != nil || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("parseTime(%q) = %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"hier", "2021-13-45 99:99:99", "99999999999999999999999"} {
		if _, err := parseTime(s); err == nil {
			t.Errorf("parseTime(%q) accepted", s)
		}
	}
	if got, err := parseTime(""); err != nil || !got.IsZero() {
		t.Errorf("empty date: %v %v", got, err)
	}
}

func TestCleanLang(t *testing.T) {
	for in, want := range map[string]string{"fr": "fr", "FR": "fr", "fr-FR": "fr", "pt_BR": "pt", "und": "", "qme": "", "": "", "in": "id", "1a": ""} {
		if got := cleanLang(in); got != want {
			t.Errorf("cleanLang(%q) = %q, want %q", in, got, want)
		}
	}
}
