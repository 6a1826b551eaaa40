package eval

import (
	"context"
	"fmt"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// Classifier is what Run measures (classify.Classifier satisfies it).
type Classifier interface {
	Classify(p post.Post, now time.Time) post.Classified
}

// Result is the classifier's answer on one gold item.
type Result struct {
	Item       Item
	Pred       Prediction
	Evidence   []string
	Classifier string
}

// Wrong lists the fields where the prediction differs from the gold:
// "label", "platform", "region", "role", "lang".
func (r *Result) Wrong() []string {
	var out []string
	g, p := r.Item.Gold, r.Pred
	if g.Label != p.Label {
		out = append(out, "label")
	}
	if g.Platform != p.Platform {
		out = append(out, "platform")
	}
	if g.Region != p.Region {
		out = append(out, "region")
	}
	if g.Role != p.Role {
		out = append(out, "role")
	}
	if g.Lang != p.Lang {
		out = append(out, "lang")
	}
	return out
}

// PredictionOf reduces a classifier output to the fields the gold holds.
func PredictionOf(c post.Classified) Prediction {
	return Prediction{Label: c.Label, Platform: c.Platform, Region: c.Region, Role: c.Role, Lang: c.Language}
}

// Run classifies every item and measures the answers. The report's
// classifier version is the one the classifier stamped on its outputs; two
// different versions in one run are an error.
func Run(ctx context.Context, c Classifier, items []Item) (Report, []Result, error) {
	var counts Counts
	results := make([]Result, 0, len(items))
	version := ""
	for i := range items {
		if err := ctx.Err(); err != nil {
			return Report{}, nil, fmt.Errorf("eval: %w", err)
		}
		it := &items[i]
		out := c.Classify(it.Post(), goldTime)
		switch {
		case version == "":
			version = out.Classifier
		case out.Classifier != version:
			return Report{}, nil, fmt.Errorf("eval: item %s: classifier version %q, earlier %q", it.ID, out.Classifier, version)
		}
		pred := PredictionOf(out)
		if err := counts.Add(it.Gold, pred); err != nil {
			return Report{}, nil, fmt.Errorf("item %s: %w", it.ID, err)
		}
		results = append(results, Result{Item: *it, Pred: pred, Evidence: out.Evidence, Classifier: out.Classifier})
	}
	return counts.Report(version), results, nil
}
