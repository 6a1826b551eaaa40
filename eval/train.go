package eval

import (
	"context"
	"fmt"
	"slices"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/classify/labelmodel"
	"github.com/vigie-edu/vigie/post"
)

// TrainingGold names the gold files the shipped label model is trained
// on: the development part and the training parts, never a held-out part.
func TrainingGold() []string {
	return []string{"builtin:dev", "builtin:train-a", "builtin:train-b", "builtin:train-c", "builtin:train-d"}
}

// Examples turns gold items into label-model training examples, with the
// inputs the classifier gives its model (classify.Classifier.ModelInput).
func Examples(c *classify.Classifier, items []Item) []labelmodel.Example {
	out := make([]labelmodel.Example, len(items))
	for i := range items {
		out[i] = labelmodel.Example{
			Input: c.ModelInput(items[i].Post()),
			Class: slices.Index(post.Labels[:], items[i].Gold.Label),
		}
	}
	return out
}

// Train fits the label model on gold items.
func Train(c *classify.Classifier, items []Item, opt labelmodel.Options) (*labelmodel.Model, error) {
	if len(items) == 0 {
		return nil, fmt.Errorf("eval: train: no gold items")
	}
	examples := Examples(c, items)
	m, err := labelmodel.Train(examples, len(post.Labels), len(examples[0].Dense), opt)
	if err != nil {
		return nil, fmt.Errorf("eval: train: %w", err)
	}
	return m, nil
}

// CrossValidate estimates how a model trained on items does on posts it
// has not seen, without touching any held-out file: the items are dealt
// into k folds (item i to fold i mod k), a model is trained on k-1 folds
// and the classifier with that model is measured on the last, and the
// counts of the k folds are added into one report.
func CrossValidate(ctx context.Context, cfg classify.Config, items []Item, k int, opt labelmodel.Options) (Report, error) {
	if k < 2 || k > len(items) {
		return Report{}, fmt.Errorf("eval: cross-validation: %d folds for %d items", k, len(items))
	}
	rulesCfg := cfg
	rulesCfg.RulesOnly = true
	rules, err := classify.New(rulesCfg)
	if err != nil {
		return Report{}, fmt.Errorf("eval: %w", err)
	}
	examples := Examples(rules, items)
	var counts Counts
	version := ""
	for f := 0; f < k; f++ {
		var train []labelmodel.Example
		var test []Item
		for i := range items {
			if i%k == f {
				test = append(test, items[i])
			} else {
				train = append(train, examples[i])
			}
		}
		m, err := labelmodel.Train(train, len(post.Labels), len(examples[0].Dense), opt)
		if err != nil {
			return Report{}, fmt.Errorf("eval: fold %d: %w", f, err)
		}
		foldCfg := cfg
		foldCfg.LabelModel = m
		c, err := classify.New(foldCfg)
		if err != nil {
			return Report{}, fmt.Errorf("eval: fold %d: %w", f, err)
		}
		for i := range test {
			if err := ctx.Err(); err != nil {
				return Report{}, fmt.Errorf("eval: %w", err)
			}
			out := c.Classify(test[i].Post(), goldTime)
			version = out.Classifier
			if err := counts.Add(test[i].Gold, PredictionOf(out)); err != nil {
				return Report{}, err
			}
		}
	}
	return counts.Report(version + fmt.Sprintf(" (%d-fold cross-validation)", k)), nil
}
