package eval

import (
	"context"
	"testing"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/classify/labelmodel"
)

// TestShippedModelIsReproducible retrains the label model from the gold
// files it is said to come from and checks that it labels every gold post
// as the embedded model does: the shipped model matches the shipped data
// and `vigie train` (a gold file edited without retraining fails here).
func TestShippedModelIsReproducible(t *testing.T) {
	items, err := Load(TrainingGold()...)
	if err != nil {
		t.Fatal(err)
	}
	rules, err := classify.New(classify.Config{RulesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Train(rules, items, labelmodel.Options{})
	if err != nil {
		t.Fatal(err)
	}
	retrained, err := classify.New(classify.Config{LabelModel: m})
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := classify.New(classify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	all, err := Load(append(TrainingGold(), "builtin:test")...)
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for i := range all {
		p := all[i].Post()
		a, b := retrained.Classify(p, goldTime), shipped.Classify(p, goldTime)
		if a.Label != b.Label {
			differ++
			if differ <= 5 {
				t.Errorf("%s: retrained model says %s, shipped model %s", all[i].ID, a.Label, b.Label)
			}
		}
	}
	if differ > 0 {
		t.Errorf("%d of %d gold posts labelled differently: retrain with `vigie train --out classify/label-model.lm`", differ, len(all))
	}
}

func TestCrossValidate(t *testing.T) {
	items, err := Load("builtin:dev")
	if err != nil {
		t.Fatal(err)
	}
	r, err := CrossValidate(context.Background(), classify.Config{}, items, 3, labelmodel.Options{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	if r.Posts != len(items) {
		t.Errorf("cross-validation measured %d posts, want every one of %d once", r.Posts, len(items))
	}
	if r.MacroF1 < 0.5 {
		t.Errorf("cross-validated macro-F1 %.3f: the model learns nothing", r.MacroF1)
	}
	for _, k := range []int{0, 1, len(items) + 1} {
		if _, err := CrossValidate(context.Background(), classify.Config{}, items, k, labelmodel.Options{}); err == nil {
			t.Errorf("%d folds: no error", k)
		}
	}
}
