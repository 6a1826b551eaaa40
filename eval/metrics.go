package eval

import (
	"fmt"
	"slices"

	"github.com/vigie-edu/vigie/post"
)

// Prediction is what the classifier decided about one post, in the terms
// of the gold.
type Prediction struct {
	Label    post.Label `json:"label"`
	Platform string     `json:"platform"`
	Region   string     `json:"region"`
	Role     string     `json:"role"`
	Lang     string     `json:"lang"`
}

// nLabels is the number of labels of the contract.
const nLabels = len(post.Labels)

// Counts accumulates gold/prediction pairs. The zero value is ready.
type Counts struct {
	posts int
	// confusion[g][p] counts posts of gold label g predicted p, in the
	// order of post.Labels.
	confusion [nLabels][nLabels]int
	// region: exact matches ("" is a value), non-empty predictions, wrong
	// non-empty predictions, gold regions predicted empty.
	regionOK, regionPredicted, regionFalse, regionMissed, regionGold int
	platformOK, roleOK, langOK                                       int
}

// Add counts one post. A label outside the contract is an error (and the
// post is not counted).
func (c *Counts) Add(g Gold, p Prediction) error {
	gi, pi := slices.Index(post.Labels[:], g.Label), slices.Index(post.Labels[:], p.Label)
	if gi < 0 {
		return fmt.Errorf("eval: gold label %q is not a label of the contract", g.Label)
	}
	if pi < 0 {
		return fmt.Errorf("eval: predicted label %q is not a label of the contract", p.Label)
	}
	c.posts++
	c.confusion[gi][pi]++
	if g.Region == p.Region {
		c.regionOK++
	}
	if g.Region != "" {
		c.regionGold++
		if p.Region == "" {
			c.regionMissed++
		}
	}
	if p.Region != "" {
		c.regionPredicted++
		if p.Region != g.Region {
			c.regionFalse++
		}
	}
	if g.Platform == p.Platform {
		c.platformOK++
	}
	if g.Role == p.Role {
		c.roleOK++
	}
	if g.Lang == p.Lang {
		c.langOK++
	}
	return nil
}

// ClassMetrics are the figures of one label. Precision is 0 when the label
// was never predicted, recall 0 when it is absent from the gold, F1 0 when
// both are 0.
type ClassMetrics struct {
	Label     post.Label `json:"label"`
	Precision float64    `json:"precision"`
	Recall    float64    `json:"recall"`
	F1        float64    `json:"f1"`
	// Support is the number of gold posts with this label.
	Support int `json:"support"`
	// Predicted is the number of posts predicted with this label.
	Predicted int `json:"predicted"`
}

// Confusion is the label confusion matrix: Matrix[i][j] counts posts of
// gold label Labels[i] predicted Labels[j].
type Confusion struct {
	Labels []post.Label `json:"labels"`
	Matrix [][]int      `json:"matrix"`
}

// RegionMetrics are the region figures. Accuracy is an exact match with ""
// as a value. FalseRate is the share of all posts given a non-empty region
// that is wrong; FalseRateOfPredicted the same over the posts given a
// non-empty region. Missed counts gold regions predicted empty.
type RegionMetrics struct {
	Accuracy             float64 `json:"accuracy"`
	FalseRate            float64 `json:"false_rate"`
	FalseRateOfPredicted float64 `json:"false_rate_of_predicted"`
	Predicted            int     `json:"predicted"`
	False                int     `json:"false"`
	Missed               int     `json:"missed"`
	// WithGold is the number of posts whose gold region is not empty.
	WithGold int `json:"with_gold"`
}

// Report holds every figure of one evaluation.
type Report struct {
	// Classifier is the version string of the classifier measured.
	Classifier string         `json:"classifier"`
	Posts      int            `json:"posts"`
	Classes    []ClassMetrics `json:"classes"`
	// MacroF1 is the mean F1 over the labels present in the gold or the
	// predictions (all four on any real gold set).
	MacroF1          float64       `json:"macro_f1"`
	LabelAccuracy    float64       `json:"label_accuracy"`
	Confusion        Confusion     `json:"confusion"`
	Region           RegionMetrics `json:"region"`
	PlatformAccuracy float64       `json:"platform_accuracy"`
	RoleAccuracy     float64       `json:"role_accuracy"`
	LangAccuracy     float64       `json:"lang_accuracy"`
}

// ratio is a/b, 0 when b is 0.
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report computes the figures of the posts counted so far.
func (c *Counts) Report(classifier string) Report {
	r := Report{
		Classifier: classifier,
		Posts:      c.posts,
		Confusion:  Confusion{Labels: slices.Clone(post.Labels[:])},
		Region: RegionMetrics{
			Accuracy:             ratio(c.regionOK, c.posts),
			FalseRate:            ratio(c.regionFalse, c.posts),
			FalseRateOfPredicted: ratio(c.regionFalse, c.regionPredicted),
			Predicted:            c.regionPredicted,
			False:                c.regionFalse,
			Missed:               c.regionMissed,
			WithGold:             c.regionGold,
		},
		PlatformAccuracy: ratio(c.platformOK, c.posts),
		RoleAccuracy:     ratio(c.roleOK, c.posts),
		LangAccuracy:     ratio(c.langOK, c.posts),
	}
	correct, present := 0, 0
	var sumF1 float64
	for i, label := range post.Labels {
		r.Confusion.Matrix = append(r.Confusion.Matrix, slices.Clone(c.confusion[i][:]))
		m := ClassMetrics{Label: label}
		for j := range nLabels {
			m.Support += c.confusion[i][j]
			m.Predicted += c.confusion[j][i]
		}
		tp := c.confusion[i][i]
		correct += tp
		m.Precision = ratio(tp, m.Predicted)
		m.Recall = ratio(tp, m.Support)
		if m.Precision+m.Recall > 0 {
			m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
		}
		if m.Support > 0 || m.Predicted > 0 {
			present++
			sumF1 += m.F1
		}
		r.Classes = append(r.Classes, m)
	}
	if present > 0 {
		r.MacroF1 = sumF1 / float64(present)
	}
	r.LabelAccuracy = ratio(correct, c.posts)
	return r
}

// Class returns the metrics of one label (zero metrics if unknown).
func (r *Report) Class(label post.Label) ClassMetrics {
	for _, m := range r.Classes {
		if m.Label == label {
			return m
		}
	}
	return ClassMetrics{Label: label}
}
