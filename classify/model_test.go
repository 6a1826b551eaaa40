package classify

import (
	"strings"
	"testing"

	"github.com/vigie-edu/vigie/classify/labelmodel"
	"github.com/vigie-edu/vigie/post"
)

func TestModelDecidesAndExplains(t *testing.T) {
	c := modelClassifier(t)
	p := textPost("Pronote est en panne depuis ce matin, impossible de voir les devoirs #ecolealamaison")
	got := c.Classify(p, testNow)
	if got.Classifier != Version {
		t.Errorf("classifier %q, want %q", got.Classifier, Version)
	}
	probs := make([]float32, len(post.Labels))
	best := c.model.Predict(c.ModelInput(p), probs)
	if got.Label != post.Labels[best] {
		t.Errorf("label %s, the model's most probable %s (%v)", got.Label, post.Labels[best], probs)
	}
	sc := got.Scores
	for i, v := range []float32{sc.Outage, sc.Complaint, sc.Testimony, sc.Other} {
		if v < probs[i] || v > 1 {
			t.Errorf("score of %s %v, want at least the model's %v and at most 1", post.Labels[i], v, probs[i])
		}
	}
	var model, words int
	for _, e := range got.Evidence {
		if strings.HasPrefix(e, "model:"+string(got.Label)+"=") {
			model++
		}
		if strings.HasPrefix(e, "word:") {
			words++
			if w := strings.TrimPrefix(e, "word:"); !strings.Contains(strings.ToLower(p.Text), w) {
				t.Errorf("evidence word %q is not in the text", w)
			}
		}
	}
	if model != 1 || words == 0 {
		t.Errorf("evidence %q: want the model's label and confidence once and the words that pushed it", got.Evidence)
	}
}

func TestRulesOnly(t *testing.T) {
	c := testClassifier(t)
	got := c.Classify(textPost("Pronote est en panne depuis ce matin"), testNow)
	if got.Classifier != RulesVersion || got.Label != post.LabelOutage {
		t.Errorf("rules only: %s by %q, want outage_report by %q", got.Label, got.Classifier, RulesVersion)
	}
	for _, e := range got.Evidence {
		if strings.HasPrefix(e, "model:") || strings.HasPrefix(e, "word:") {
			t.Errorf("rules only, yet model evidence %q", e)
		}
	}
}

func TestModelInput(t *testing.T) {
	c := modelClassifier(t)
	p := textPost("Le CNED plante encore")
	p.AuthorBio = "Prof de maths"
	in := c.ModelInput(p)
	if len(in.Dense) != denseFeatures {
		t.Errorf("%d dense inputs, want %d", len(in.Dense), denseFeatures)
	}
	textOnly := labelmodel.AppendText(nil, []byte(" le cned plante encore "))
	if len(in.IDs) <= len(textOnly) {
		t.Errorf("%d feature ids, want the text's %d and the bio's words", len(in.IDs), len(textOnly))
	}
	for i, v := range in.Dense {
		if v < 0 || v > 1 {
			t.Errorf("dense input %d = %v, outside [0, 1]", i, v)
		}
	}
	// The input does not depend on whether a model then decides.
	again := testClassifier(t).ModelInput(p)
	if len(again.IDs) != len(in.IDs) || len(again.Dense) != len(in.Dense) {
		t.Fatal("ModelInput differs between a classifier with and without a model")
	}
	for i := range in.Dense {
		if in.Dense[i] != again.Dense[i] {
			t.Errorf("dense input %d: %v with a model, %v without", i, in.Dense[i], again.Dense[i])
		}
	}
}

func TestModelOfTheWrongShapeIsRefused(t *testing.T) {
	ex := []labelmodel.Example{{Input: labelmodel.Input{Dense: []float32{0}}, Class: 0}}
	m, err := labelmodel.Train(ex, 4, 1, labelmodel.Options{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{LabelModel: m}); err == nil || !strings.Contains(err.Error(), "dense features") {
		t.Errorf("New with a 1-input model: %v, want an error about its dense features", err)
	}
}
