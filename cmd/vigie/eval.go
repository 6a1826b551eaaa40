package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/peterbourgon/ff/v3/ffcli"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/classify/labelmodel"
	"github.com/vigie-edu/vigie/eval"
)

// evalOutput is what `vigie eval --json` prints: the report, plus the
// posts the classifier got wrong when --errors is given.
type evalOutput struct {
	eval.Report
	Errors []evalError `json:"errors,omitempty"`
}

type evalError struct {
	ID       string          `json:"id"`
	Wrong    []string        `json:"wrong"`
	Gold     eval.Gold       `json:"gold"`
	Pred     eval.Prediction `json:"predicted"`
	Text     string          `json:"text"`
	Evidence []string        `json:"evidence,omitempty"`
}

func (a *app) evalCmd() *ffcli.Command {
	fs := newFlagSet("vigie eval", a.stderr)
	var gold stringList
	fs.Var(&gold, "gold", "a gold file (JSON Lines), repeatable; builtin:NAME is a part shipped with Vigie (dev, train-a..train-d, test, holdout, holdout-2)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object")
	withErrors := fs.Bool("errors", false, "also list the posts where the classifier differs from the gold")
	rulesOnly := fs.Bool("rules-only", false, "measure the hand-written rules alone, without the trained label model")
	modelPath := fs.String("model", "", "measure with this label model file (from 'vigie train --out') instead of the embedded one")
	return &ffcli.Command{
		Name:       "eval",
		ShortUsage: "vigie eval --gold FILE [--gold FILE ...] [--json] [--errors]",
		ShortHelp:  "measure the classifier against a hand-labelled gold set",
		LongHelp: `Classifies every post of the gold files and prints per-class precision, recall
and F1, macro-F1, the confusion matrix (gold rows, predicted columns), region
accuracy and false-region rate, platform, role and language accuracy, and the
classifier version. eval/gold/README.md describes the gold format and the
labelling rules. Shipped parts: builtin:dev and builtin:train-a to train-d (the
label model is trained on them), builtin:test (validation), builtin:holdout and
builtin:holdout-2 (held out; the README quotes holdout-2). --rules-only measures
the hand-written rules without the model; --model FILE another trained model.`,
		FlagSet: fs,
		Options: ffOptions(),
		Exec: func(ctx context.Context, args []string) error {
			if len(args) > 0 {
				return fmt.Errorf("eval: unexpected arguments %q", args)
			}
			if len(gold) == 0 {
				return errors.New("eval: --gold is required (a file, or builtin:NAME, e.g. builtin:holdout-2)")
			}
			items, err := eval.Load(gold...)
			if err != nil {
				return err
			}
			cfg := classify.Config{RulesOnly: *rulesOnly}
			if *modelPath != "" {
				if *rulesOnly {
					return errors.New("eval: --model and --rules-only exclude each other")
				}
				if cfg.LabelModel, err = readModel(*modelPath); err != nil {
					return fmt.Errorf("eval: %w", err)
				}
			}
			c, err := classify.New(cfg)
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			report, results, err := eval.Run(ctx, c, items)
			if err != nil {
				return err
			}
			if *asJSON {
				out := evalOutput{Report: report}
				if *withErrors {
					for _, r := range results {
						if wrong := r.Wrong(); len(wrong) > 0 {
							out.Errors = append(out.Errors, evalError{ID: r.Item.ID, Wrong: wrong, Gold: r.Item.Gold,
								Pred: r.Pred, Text: r.Item.Text, Evidence: r.Evidence})
						}
					}
				}
				return json.NewEncoder(a.stdout).Encode(out)
			}
			if err := eval.WriteText(a.stdout, report); err != nil {
				return fmt.Errorf("eval: write report: %w", err)
			}
			if *withErrors {
				fmt.Fprintln(a.stdout, "\nposts that differ from the gold:")
				if _, err := eval.WriteErrors(a.stdout, results); err != nil {
					return fmt.Errorf("eval: write errors: %w", err)
				}
			}
			return nil
		},
	}
}

// readModel reads a label model file.
func readModel(path string) (*labelmodel.Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := labelmodel.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}
