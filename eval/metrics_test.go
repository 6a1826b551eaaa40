package eval

import (
	"math"
	"testing"

	"github.com/vigie-edu/vigie/post"
)

const (
	O = post.LabelOutage
	C = post.LabelComplaint
	T = post.LabelTestimony
	X = post.LabelOther
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// countLabels counts gold/predicted label pairs with every other field equal.
func countLabels(t *testing.T, gold, pred []post.Label) Report {
	t.Helper()
	var c Counts
	for i := range gold {
		if err := c.Add(Gold{Label: gold[i], Role: post.RoleUnknown, Lang: "fr"},
			Prediction{Label: pred[i], Role: post.RoleUnknown, Lang: "fr"}); err != nil {
			t.Fatal(err)
		}
	}
	return c.Report("test-v1")
}

// TestLabelMetricsByHand checks precision, recall, F1, macro-F1, accuracy
// and the confusion matrix against figures computed by hand.
func TestLabelMetricsByHand(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []post.Label
		// want P, R, F1 per label in the order O, C, T, X
		want      [4][3]float64
		macro     float64
		accuracy  float64
		confusion [4][4]int
	}{
		{
			// O: tp 2, predicted 3 (2 from O, 1 from X), support 3 -> 2/3, 2/3, 2/3
			// C: tp 1, predicted 2 (1 from O, 1 from C), support 2 -> 1/2, 1/2, 1/2
			// T: tp 1, predicted 1, support 1 -> 1, 1, 1
			// X: tp 1, predicted 2 (1 from C, 1 from X), support 2 -> 1/2, 1/2, 1/2
			// macro = (2/3 + 1/2 + 1 + 1/2) / 4 = 2/3; accuracy 5/8
			name: "four labels",
			gold: []post.Label{O, O, O, C, C, T, X, X},
			pred: []post.Label{O, O, C, C, X, T, X, O},
			want: [4][3]float64{
				{2.0 / 3, 2.0 / 3, 2.0 / 3},
				{0.5, 0.5, 0.5},
				{1, 1, 1},
				{0.5, 0.5, 0.5},
			},
			macro:    2.0 / 3,
			accuracy: 5.0 / 8,
			confusion: [4][4]int{
				{2, 1, 0, 0},
				{0, 1, 0, 1},
				{0, 0, 1, 0},
				{1, 0, 0, 1},
			},
		},
		{
			// O: tp 1, predicted 2, support 3 -> P 1/2, R 1/3, F1 2·(1/6)/(5/6) = 0.4
			// X: tp 0, predicted 2, support 1 -> 0, 0, 0
			// C and T are absent from gold and predictions: not in the macro
			// macro = (0.4 + 0) / 2 = 0.2; accuracy 1/4
			name: "unequal precision and recall, absent labels",
			gold: []post.Label{O, O, O, X},
			pred: []post.Label{O, X, X, O},
			want: [4][3]float64{
				{0.5, 1.0 / 3, 0.4},
				{0, 0, 0},
				{0, 0, 0},
				{0, 0, 0},
			},
			macro:    0.2,
			accuracy: 0.25,
			confusion: [4][4]int{
				{1, 0, 0, 2},
				{0, 0, 0, 0},
				{0, 0, 0, 0},
				{1, 0, 0, 0},
			},
		},
		{
			// a label predicted but never in the gold counts in the macro
			// with F1 0: O 1,1,1 ; C P 0 (predicted 1, tp 0), R 0 -> macro 1/2
			name: "false positives of an absent label",
			gold: []post.Label{O, O},
			pred: []post.Label{O, C},
			want: [4][3]float64{
				{1, 0.5, 2.0 / 3},
				{0, 0, 0},
				{0, 0, 0},
				{0, 0, 0},
			},
			macro:    1.0 / 3,
			accuracy: 0.5,
			confusion: [4][4]int{
				{1, 1, 0, 0},
				{0, 0, 0, 0},
				{0, 0, 0, 0},
				{0, 0, 0, 0},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := countLabels(t, tt.gold, tt.pred)
			if r.Posts != len(tt.gold) || r.Classifier != "test-v1" {
				t.Errorf("posts %d classifier %q", r.Posts, r.Classifier)
			}
			for i, label := range post.Labels {
				m := r.Class(label)
				w := tt.want[i]
				if !near(m.Precision, w[0]) || !near(m.Recall, w[1]) || !near(m.F1, w[2]) {
					t.Errorf("%s: P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", label, m.Precision, m.Recall, m.F1, w[0], w[1], w[2])
				}
			}
			if !near(r.MacroF1, tt.macro) {
				t.Errorf("macro-F1 %.4f, want %.4f", r.MacroF1, tt.macro)
			}
			if !near(r.LabelAccuracy, tt.accuracy) {
				t.Errorf("accuracy %.4f, want %.4f", r.LabelAccuracy, tt.accuracy)
			}
			for i := range tt.confusion {
				for j := range tt.confusion[i] {
					if r.Confusion.Matrix[i][j] != tt.confusion[i][j] {
						t.Fatalf("confusion %v, want %v", r.Confusion.Matrix, tt.confusion)
					}
				}
			}
			// support and predicted are the row and column sums
			for i, m := range r.Classes {
				rows, cols := 0, 0
				for j := range nLabels {
					rows += tt.confusion[i][j]
					cols += tt.confusion[j][i]
				}
				if m.Support != rows || m.Predicted != cols {
					t.Errorf("%s: support %d predicted %d, want %d %d", m.Label, m.Support, m.Predicted, rows, cols)
				}
			}
		})
	}
}

// TestRegionAndFieldMetricsByHand checks region accuracy, the false-region
// rates and the platform, role and language accuracies by hand.
func TestRegionAndFieldMetricsByHand(t *testing.T) {
	pairs := []struct{ g, p Gold }{
		// region right, platform right, role right, lang right
		{Gold{O, "ent", "FR-HDF", "parent", "fr"}, Gold{O, "ent", "FR-HDF", "parent", "fr"}},
		// a region where the gold has none: false; platform wrong
		{Gold{O, "", "", "unknown", "fr"}, Gold{O, "pronote", "FR-IDF", "unknown", "fr"}},
		// a gold region predicted empty: missed, not false; role wrong
		{Gold{C, "", "FR-IDF", "teacher", "fr"}, Gold{C, "", "", "parent", "fr"}},
		// both empty: right; lang wrong
		{Gold{T, "cned", "", "pupil", "en"}, Gold{T, "cned", "", "pupil", "fr"}},
		// the wrong region: false; lang unknown counts as wrong
		{Gold{X, "", "FR-OCC", "media", "fr"}, Gold{X, "", "FR-PAC", "media", ""}},
	}
	var c Counts
	for _, pr := range pairs {
		p := Prediction{Label: pr.p.Label, Platform: pr.p.Platform, Region: pr.p.Region, Role: pr.p.Role, Lang: pr.p.Lang}
		if err := c.Add(pr.g, p); err != nil {
			t.Fatal(err)
		}
	}
	r := c.Report("v")
	g := r.Region
	// exact matches: posts 1 and 4 -> 2/5
	// predicted non-empty: posts 1, 2, 5 -> 3; wrong among them: 2 and 5 -> 2
	// false rate 2/5, of predicted 2/3; missed: post 3; with gold: 1, 3, 5
	if !near(g.Accuracy, 0.4) || !near(g.FalseRate, 0.4) || !near(g.FalseRateOfPredicted, 2.0/3) ||
		g.Predicted != 3 || g.False != 2 || g.Missed != 1 || g.WithGold != 3 {
		t.Errorf("region = %+v", g)
	}
	// platform wrong on post 2 -> 4/5; role wrong on post 3 -> 4/5; lang wrong on 4 and 5 -> 3/5
	if !near(r.PlatformAccuracy, 0.8) || !near(r.RoleAccuracy, 0.8) || !near(r.LangAccuracy, 0.6) {
		t.Errorf("platform %.3f role %.3f lang %.3f", r.PlatformAccuracy, r.RoleAccuracy, r.LangAccuracy)
	}
	if !near(r.MacroF1, 1) || !near(r.LabelAccuracy, 1) {
		t.Errorf("labels all right: macro %.3f accuracy %.3f", r.MacroF1, r.LabelAccuracy)
	}
}

func TestEmptyAndInvalid(t *testing.T) {
	var c Counts
	r := c.Report("v")
	if r.Posts != 0 || r.MacroF1 != 0 || r.Region.Accuracy != 0 || r.Region.FalseRateOfPredicted != 0 || len(r.Classes) != 4 {
		t.Errorf("empty report = %+v", r)
	}
	if err := c.Add(Gold{Label: "bogus"}, Prediction{Label: O}); err == nil {
		t.Error("unknown gold label accepted")
	}
	if err := c.Add(Gold{Label: O}, Prediction{Label: "bogus"}); err == nil {
		t.Error("unknown predicted label accepted")
	}
	if c.Report("v").Posts != 0 {
		t.Error("a refused pair was counted")
	}
}
