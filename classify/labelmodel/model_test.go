package labelmodel

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// toy is a small problem a text model must learn: which of three topics a
// sentence is about, from words it shares with other sentences of the
// topic, plus one dense feature that only class 2 sets.
func toy() []Example {
	texts := []struct {
		text  string
		class int
	}{
		{" pronote est en panne ce matin ", 0},
		{" le site du cned est en panne ", 0},
		{" panne totale de l ent depuis 8h ", 0},
		{" encore une panne de pronote ", 0},
		{" le ministre nous ment encore ", 1},
		{" honte au ministre et au rectorat ", 1},
		{" le rectorat se moque de nous ", 1},
		{" ministre incompetent demission ", 1},
		{" trois enfants un seul ordinateur ", 2},
		{" mes enfants font leurs devoirs dans la cuisine ", 2},
		{" journee difficile avec les enfants a la maison ", 2},
		{" les enfants dorment enfin ", 2},
	}
	out := make([]Example, len(texts))
	for i, t := range texts {
		d := float32(0)
		if t.class == 2 {
			d = 1
		}
		out[i] = Example{Input: Input{IDs: AppendText(nil, []byte(t.text)), Dense: []float32{d}}, Class: t.class}
	}
	return out
}

func TestTrainLearnsAndGeneralises(t *testing.T) {
	m, err := Train(toy(), 3, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	probs := make([]float32, 3)
	for i, ex := range toy() {
		if got := m.Predict(ex.Input, probs); got != ex.Class {
			t.Errorf("training example %d: class %d, want %d (%v)", i, got, ex.Class, probs)
		}
	}
	unseen := []struct {
		text  string
		dense float32
		want  int
	}{
		{" panne de pronote aujourd hui ", 0, 0},
		{" le ministre ment ", 0, 1},
		{" les enfants a la maison ", 1, 2},
	}
	for _, u := range unseen {
		in := Input{IDs: AppendText(nil, []byte(u.text)), Dense: []float32{u.dense}}
		got := m.Predict(in, probs)
		if got != u.want {
			t.Errorf("%q: class %d, want %d (%v)", u.text, got, u.want, probs)
		}
		var sum float32
		for _, p := range probs {
			if p < 0 || p > 1 {
				t.Errorf("%q: probability %v outside [0, 1]", u.text, p)
			}
			sum += p
		}
		if sum < 0.999 || sum > 1.001 {
			t.Errorf("%q: probabilities sum to %v", u.text, sum)
		}
	}
	// The words that decide are the ones that explain.
	in := Input{IDs: AppendText(nil, []byte(" panne de pronote ")), Dense: []float32{0}}
	if a, b := m.Contribution(in, WordID([]byte("panne")), 0), m.Contribution(in, WordID([]byte("de")), 0); a <= b {
		t.Errorf("contribution of \"panne\" to class 0 %v, of \"de\" %v", a, b)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	a, err := Train(toy(), 3, 1, Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(toy(), 3, 1, Options{Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a.w, b.w) || !slices.Equal(a.wd, b.wd) || !slices.Equal(a.bias, b.bias) {
		t.Error("two trainings with the same seed differ")
	}
}

func TestTrainRefusesBadInput(t *testing.T) {
	ex := toy()
	tests := []struct {
		name     string
		examples []Example
		classes  int
		dense    int
		opt      Options
		want     string
	}{
		{"no examples", nil, 3, 1, Options{}, "no examples"},
		{"one class", ex, 1, 1, Options{}, "classes"},
		{"class out of range", ex, 2, 1, Options{}, "outside"},
		{"dense mismatch", ex, 3, 2, Options{}, "dense features"},
		{"negative epochs", ex, 3, 1, Options{Epochs: -1}, "epochs"},
		{"negative L2", ex, 3, 1, Options{L2: -1}, "L2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Train(tt.examples, tt.classes, tt.dense, tt.opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestFileRoundTrip(t *testing.T) {
	m, err := Train(toy(), 3, 1, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	back, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.Classes() != 3 || back.Dense() != 1 {
		t.Fatalf("read %d classes, %d dense", back.Classes(), back.Dense())
	}
	if !slices.Equal(m.w, back.w) || !slices.Equal(m.wd, back.wd) || !slices.Equal(m.bias, back.bias) {
		t.Error("weights changed through the file")
	}

	// Broken files are refused with ErrFormat, never a panic.
	raw := buf.Bytes()
	for _, bad := range [][]byte{nil, []byte("not gzip"), raw[:len(raw)/2]} {
		if _, err := Read(bytes.NewReader(bad)); !errors.Is(err, ErrFormat) {
			t.Errorf("Read(%d bytes): %v, want ErrFormat", len(bad), err)
		}
	}
}

func TestFeaturesAreBounded(t *testing.T) {
	if ids := AppendText(nil, nil); len(ids) != 0 {
		t.Errorf("empty text: %d features", len(ids))
	}
	long := bytes.Repeat([]byte(" panne"), 100_000)
	ids := AppendText(nil, long)
	if len(ids) > 4*MaxTextBytes {
		t.Errorf("600 KB text: %d features, want at most %d", len(ids), 4*MaxTextBytes)
	}
	// Same bytes, different kinds: a word and a bio word are not one feature.
	w := AppendText(nil, []byte("panne"))
	f := AppendField(nil, []byte("panne"))
	if len(f) != 1 || slices.Contains(w, f[0]) {
		t.Errorf("field feature %v among text features %v", f, w)
	}
}
