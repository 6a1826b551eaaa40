package labelmodel

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Example is one labelled input.
type Example struct {
	Input
	Class int
}

// Options tune training; the zero value means the defaults.
type Options struct {
	// Epochs over the examples (default 30).
	Epochs int
	// LearningRate of AdaGrad (default 0.1: best of 0.05-0.5 in 5-fold
	// cross-validation on the training gold).
	LearningRate float64
	// L2 regularisation per update (default 1e-4).
	L2 float64
	// Seed of the example order (default 1).
	Seed uint64
	// IgnoreDense trains on the hashed features alone: the dense weights
	// stay zero, so the dense inputs have no effect (a text-only model).
	IgnoreDense bool
}

func (o Options) withDefaults() Options {
	if o.Epochs == 0 {
		o.Epochs = 30
	}
	if o.LearningRate == 0 {
		o.LearningRate = 0.1
	}
	if o.L2 == 0 {
		o.L2 = 1e-4
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	return o
}

// Validate reports the first problem of the options.
func (o Options) Validate() error {
	switch {
	case o.Epochs < 0 || o.Epochs > 10000:
		return fmt.Errorf("labelmodel: options: epochs %d outside [0, 10000]", o.Epochs)
	case o.LearningRate < 0 || math.IsNaN(o.LearningRate) || math.IsInf(o.LearningRate, 0):
		return fmt.Errorf("labelmodel: options: learning rate %v", o.LearningRate)
	case o.L2 < 0 || math.IsNaN(o.L2) || math.IsInf(o.L2, 0):
		return fmt.Errorf("labelmodel: options: L2 %v", o.L2)
	}
	return nil
}

// Train fits a model of the given number of classes and dense features to
// the examples: softmax cross-entropy, AdaGrad, L2 applied to the weights
// an example touches, examples shuffled each epoch by a seeded generator
// (the same inputs and options give the same model on the same machine).
func Train(examples []Example, classes, dense int, opt Options) (*Model, error) {
	if err := opt.Validate(); err != nil {
		return nil, err
	}
	opt = opt.withDefaults()
	if classes < 2 {
		return nil, fmt.Errorf("labelmodel: train: %d classes, need 2 or more", classes)
	}
	if len(examples) == 0 {
		return nil, fmt.Errorf("labelmodel: train: no examples")
	}
	for i, ex := range examples {
		if ex.Class < 0 || ex.Class >= classes {
			return nil, fmt.Errorf("labelmodel: train: example %d: class %d outside [0, %d)", i, ex.Class, classes)
		}
		if len(ex.Dense) != dense {
			return nil, fmt.Errorf("labelmodel: train: example %d: %d dense features, want %d", i, len(ex.Dense), dense)
		}
	}
	m := newModel(classes, dense)
	// AdaGrad accumulators, one per weight.
	gw := make(map[uint32][]float32)
	gd := make([]float32, len(m.wd))
	gb := make([]float32, classes)
	lr, l2 := float32(opt.LearningRate), float32(opt.L2)
	step := func(w, g *float32, grad float32) {
		*g += grad * grad
		*w -= lr * grad / float32(math.Sqrt(float64(*g)+1e-8))
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x76696769))
	probs := make([]float32, classes)
	for epoch := 0; epoch < opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			ex := &examples[i]
			m.logits(ex.Input, probs) // dense weights are zero under IgnoreDense
			softmax(probs)
			probs[ex.Class]-- // gradient of the loss w.r.t. the logits
			for k, g := range probs {
				step(&m.bias[k], &gb[k], g)
			}
			for j, x := range ex.Dense {
				if opt.IgnoreDense {
					break
				}
				for k, g := range probs {
					idx := j*classes + k
					step(&m.wd[idx], &gd[idx], g*x+l2*m.wd[idx])
				}
			}
			v := scale(len(ex.IDs))
			for _, id := range ex.IDs {
				id &= dim - 1
				acc := gw[id]
				if acc == nil {
					acc = make([]float32, classes)
					gw[id] = acc
				}
				row := m.w[int(id)*classes:][:classes]
				for k, g := range probs {
					step(&row[k], &acc[k], g*v+l2*row[k])
				}
			}
		}
	}
	return m, nil
}
