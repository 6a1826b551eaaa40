package classify

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strconv"

	"github.com/vigie-edu/vigie/classify/labelmodel"
	"github.com/vigie-edu/vigie/post"
)

// labelModelFile is the trained label model (see `vigie train` and
// eval/gold/README.md): logistic regression over character n-grams, words
// and the rules' own scores, trained on the development and training parts
// of the gold set only.
//
//go:embed label-model.lm
var labelModelFile []byte

// embeddedModel reads the embedded label model.
func embeddedModel() (*labelmodel.Model, error) {
	m, err := labelmodel.Read(bytes.NewReader(labelModelFile))
	if err != nil {
		return nil, fmt.Errorf("embedded label model: %w", err)
	}
	return m, nil
}

// denseFeatures is the number of dense model inputs appendDense writes.
const denseFeatures = 4 + len(post.Labels) + len(post.Roles) + 7

// appendDense appends what the rules found, as model inputs in [0, 1]: the
// rule scores, the rule label, the role, whether a platform is named, and
// a few structural clues the rules weigh.
func appendDense(dst []float32, out *post.Classified, platformNamed bool, t *tally, ns *normStats) []float32 {
	dst = append(dst, out.Scores.Outage, out.Scores.Complaint, out.Scores.Testimony, out.Scores.Other)
	for _, l := range post.Labels {
		dst = append(dst, flag(out.Label == l))
	}
	for _, r := range post.Roles {
		dst = append(dst, flag(out.Role == r))
	}
	return append(dst,
		flag(platformNamed),
		flag(ns.questions > 0),
		sat(t.firstPerson),
		sat(t.target),
		sat(t.news),
		flag(ns.angryEmoj > 0),
		flag(ns.deadEmoj > 0),
	)
}

func flag(b bool) float32 {
	if b {
		return 1
	}
	return 0
}

// modelWords is how many of the words that pushed the model's label most
// are given as evidence.
const modelWords = 3

// decideByModel makes the model's most probable label the post's label
// (ties go to the label of higher priority) and adds the model's
// confidence and the words of the text that pushed it most to the
// evidence. Each label's score becomes the larger of the rules' score and
// the model's probability: scores stay independent per label (a post can
// count as an outage report and a complaint, as the contract wants), and
// the label's own score is at least the model's confidence in it.
func (c *Classifier) decideByModel(s *scratch, out *post.Classified, t *tally) {
	best := c.model.Predict(s.model, s.probs[:])
	p := s.probs
	out.Label = post.Labels[best]
	sc := &out.Scores
	sc.Outage, sc.Complaint = max(sc.Outage, p[0]), max(sc.Complaint, p[1])
	sc.Testimony, sc.Other = max(sc.Testimony, p[2]), max(sc.Other, p[3])
	t.addEvidence("model:" + string(out.Label) + "=" + strconv.FormatFloat(float64(p[best]), 'f', 2, 32))

	type push struct {
		word []byte
		w    float32
	}
	var top [modelWords]push
	labelmodel.Words(s.text, func(w []byte) {
		v := c.model.Contribution(s.model, labelmodel.WordID(w), best)
		if v <= top[modelWords-1].w || slices.ContainsFunc(top[:], func(p push) bool { return bytes.Equal(p.word, w) }) {
			return
		}
		top[modelWords-1] = push{w, v}
		slices.SortStableFunc(top[:], func(a, b push) int {
			switch {
			case a.w > b.w:
				return -1
			case a.w < b.w:
				return 1
			}
			return 0
		})
	})
	for _, p := range top {
		if p.w > 0 {
			t.addEvidence("word:" + string(p.word))
		}
	}
}

// ModelInput is what the label model sees of p: the features of its text
// and bio and the rules' findings. It is how `vigie train` builds its
// examples; the classifier must be built with RulesOnly so that the rules'
// label in the input is the one the model will see at run time.
func (c *Classifier) ModelInput(p post.Post) labelmodel.Input {
	s := c.getScratch()
	defer c.putScratch(s)
	var out post.Classified
	c.rules(s, &p, unescape(p.Text), &out)
	return labelmodel.Input{IDs: slices.Clone(s.model.IDs), Dense: slices.Clone(s.model.Dense)}
}
