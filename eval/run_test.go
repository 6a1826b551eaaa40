package eval

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// keyword is a toy classifier: an outage when the text says "panne",
// the region FR-HDF when the location is Lille.
type keyword struct{ version string }

func (k keyword) Classify(p post.Post, now time.Time) post.Classified {
	out := post.Classified{Post: p, Label: post.LabelOther, Role: post.RoleUnknown, Language: "fr",
		Classifier: k.version, ClassifiedAt: now}
	if strings.Contains(p.Text, "panne") {
		out.Label, out.Platform = post.LabelOutage, post.PlatformENT
		out.Evidence = []string{"outage:panne"}
	}
	if p.AuthorLocation == "Lille" {
		out.Region = "FR-HDF"
	}
	return out
}

func item(id, text, loc string, g Gold) Item {
	return Item{ID: id, Text: text, AuthorLocation: loc, Gold: g}
}

func TestRun(t *testing.T) {
	items := []Item{
		item("1", "ENT en panne", "Lille", Gold{O, "ent", "FR-HDF", "unknown", "fr"}),
		item("2", "ENT en panne", "Lille", Gold{O, "ent", "", "unknown", "fr"}), // false region
		item("3", "Honte au ministère", "", Gold{C, "", "", "unknown", "fr"}),   // label wrong
		item("4", "Tuto", "Paris", Gold{X, "", "FR-IDF", "unknown", "fr"}),      // region missed
	}
	r, results, err := Run(context.Background(), keyword{"toy-1"}, items)
	if err != nil {
		t.Fatal(err)
	}
	if r.Classifier != "toy-1" || r.Posts != 4 || len(results) != 4 {
		t.Fatalf("report %+v", r)
	}
	// outage: P 2/2 R 2/2; complaint: R 0; other: P 1/2 R 1 -> F1 2/3;
	// macro over O, C, X = (1 + 0 + 2/3) / 3 = 5/9
	if !near(r.MacroF1, 5.0/9) || r.Region.False != 1 || r.Region.Missed != 1 || !near(r.Region.Accuracy, 0.5) {
		t.Errorf("macro %.4f region %+v", r.MacroF1, r.Region)
	}
	if w := results[1].Wrong(); len(w) != 1 || w[0] != "region" {
		t.Errorf("post 2 wrong = %v", w)
	}
	if w := results[0].Wrong(); len(w) != 0 {
		t.Errorf("post 1 wrong = %v", w)
	}
	var buf bytes.Buffer
	n, err := WriteErrors(&buf, results)
	if err != nil || n != 3 {
		t.Fatalf("WriteErrors listed %d: %v", n, err)
	}
	for _, want := range []string{"2  region \"\" -> FR-HDF", "3  label complaint -> other", "4  region FR-IDF -> \"\"", "evidence: outage:panne"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("errors listing lacks %q:\n%s", want, buf.String())
		}
	}
	buf.Reset()
	if err := WriteText(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"classifier toy-1, 4 posts", "macro-F1 0.556", "confusion matrix", "region accuracy     0.500",
		"false regions       25.0 % of all posts (1/4), 50.0 % of posts given a region (1/2)", "platform accuracy", "language accuracy   1.000"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, buf.String())
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := Run(ctx, keyword{"toy-1"}, items); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: %v", err)
	}
}

// twoVersions changes its version half-way: a run must not mix them.
type twoVersions struct{ calls *int }

func (v twoVersions) Classify(p post.Post, now time.Time) post.Classified {
	*v.calls++
	return post.Classified{Post: p, Label: post.LabelOther, Classifier: strings.Repeat("v", *v.calls)}
}

func TestRunRefusesMixedVersions(t *testing.T) {
	calls := 0
	items := []Item{item("1", "a", "", Gold{X, "", "", "unknown", "fr"}), item("2", "b", "", Gold{X, "", "", "unknown", "fr"})}
	if _, _, err := Run(context.Background(), twoVersions{&calls}, items); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("mixed versions: %v", err)
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteErrorsReported(t *testing.T) {
	var c Counts
	if err := WriteText(failingWriter{}, c.Report("v")); err == nil {
		t.Error("WriteText hid a write error")
	}
	res := []Result{{Item: item("1", "x", "", Gold{O, "", "", "unknown", "fr"}), Pred: Prediction{Label: X}}}
	if _, err := WriteErrors(failingWriter{}, res); err == nil {
		t.Error("WriteErrors hid a write error")
	}
}
