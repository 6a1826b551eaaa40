package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/classify/labelmodel"
	"github.com/vigie-edu/vigie/eval"
)

func (a *app) trainCmd() *ffcli.Command {
	fs := newFlagSet("vigie train", a.stderr)
	var gold stringList
	fs.Var(&gold, "gold", "a gold file to train on, repeatable (default: builtin:dev and builtin:train-a to train-d)")
	out := fs.String("out", "", "write the trained model to this file (the shipped one is classify/label-model.lm)")
	folds := fs.Int("cv", 0, "print a K-fold cross-validation report on the training gold first (e.g. 5)")
	epochs := fs.Int("epochs", 0, "training epochs (0: the default, 30)")
	lr := fs.Float64("lr", 0, "AdaGrad learning rate (0: the default, 0.1)")
	l2 := fs.Float64("l2", 0, "L2 regularisation (0: the default, 1e-4)")
	seed := fs.Uint64("seed", 0, "seed of the example order (0: the default, 1)")
	textOnly := fs.Bool("text-only", false, "train on the text features alone, ignoring the rules' scores (for comparison)")
	return &ffcli.Command{
		Name:       "train",
		ShortUsage: "vigie train [--gold FILE ...] [--cv K] [--out FILE]",
		ShortHelp:  "train the label model (logistic regression) on hand-labelled gold posts",
		LongHelp: `Trains the classifier's label model: a logistic regression over character
n-grams, words, bio words and the rules' own scores, on gold files (by default
the development and training parts shipped with Vigie; held-out parts are never
trained on). --cv K first prints a K-fold cross-validation report (the honest
way to tune --epochs, --lr and --l2 without looking at held-out data); --out
writes the model. Training is deterministic: the same gold and options give the
same model. To ship a new model, write it to classify/label-model.lm, bump
classify.Version and measure it once on a held-out part never used before (see
eval/gold/README.md: the shipped held-out parts have been measured already).`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("train: unexpected arguments %q", args)
			}
			if len(gold) == 0 {
				gold = eval.TrainingGold()
			}
			items, err := eval.Load(gold...)
			if err != nil {
				return err
			}
			opt := labelmodel.Options{Epochs: *epochs, LearningRate: *lr, L2: *l2, Seed: *seed, IgnoreDense: *textOnly}
			if err := opt.Validate(); err != nil {
				return fmt.Errorf("train: %w", err)
			}
			if *folds > 0 {
				report, err := eval.CrossValidate(ctx, classify.Config{}, items, *folds, opt)
				if err != nil {
					return err
				}
				if err := eval.WriteText(a.stdout, report); err != nil {
					return fmt.Errorf("train: write report: %w", err)
				}
			}
			if *out == "" {
				if *folds == 0 {
					return fmt.Errorf("train: nothing to do: give --out FILE and/or --cv K")
				}
				return nil
			}
			rules, err := classify.New(classify.Config{RulesOnly: true})
			if err != nil {
				return fmt.Errorf("train: %w", err)
			}
			m, err := eval.Train(rules, items, opt)
			if err != nil {
				return err
			}
			return writeModel(*out, m)
		},
	}
}

// writeModel writes m to path through a temporary file, so a failed write
// never leaves half a model behind.
func writeModel(path string, m *labelmodel.Model) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".model-*")
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := m.WriteTo(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("train: write %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("train: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("train: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	return nil
}
