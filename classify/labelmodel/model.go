// Package labelmodel is a small trained text model: multinomial logistic
// regression over hashed character n-grams and words, plus a few dense
// features supplied by the caller (the rule scores of package classify).
// It predicts one of K classes with a probability for each.
//
// The model is trained in Go (Train) on hand-labelled posts and saved in a
// compact binary form (Model.WriteTo, Read); package classify embeds the
// saved model. Training is deterministic for a given seed and input order.
package labelmodel

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Bits is the size of the hashed feature space: 2^Bits buckets.
const Bits = 18

// dim is the number of hashed buckets.
const dim = 1 << Bits

// Input is what the model sees of one post.
type Input struct {
	// Hashed feature ids (see Features), repeats allowed.
	IDs []uint32
	// Dense features, the same number for every input of a model (e.g.
	// rule scores in [0, 1]).
	Dense []float32
}

// Model holds the weights of a K-class logistic regression.
type Model struct {
	classes int
	dense   int
	w       []float32 // dim × classes, row-major: w[id*classes+k]
	wd      []float32 // dense × classes
	bias    []float32 // classes
}

// Classes is the number of classes the model predicts.
func (m *Model) Classes() int { return m.classes }

// Dense is the number of dense features an Input must carry.
func (m *Model) Dense() int { return m.dense }

// newModel allocates a zero model.
func newModel(classes, dense int) *Model {
	return &Model{
		classes: classes, dense: dense,
		w:    make([]float32, dim*classes),
		wd:   make([]float32, dense*classes),
		bias: make([]float32, classes),
	}
}

// scale is the value of each hashed feature occurrence: inputs of any
// length get a comparable norm.
func scale(n int) float32 {
	if n == 0 {
		return 0
	}
	return float32(1 / math.Sqrt(float64(n)))
}

// logits computes the raw class scores of in into out (len classes).
func (m *Model) logits(in Input, out []float32) {
	copy(out, m.bias)
	v := scale(len(in.IDs))
	for _, id := range in.IDs {
		row := m.w[int(id&(dim-1))*m.classes:][:m.classes]
		for k, w := range row {
			out[k] += v * w
		}
	}
	for j, x := range in.Dense[:m.dense] {
		row := m.wd[j*m.classes:][:m.classes]
		for k, w := range row {
			out[k] += x * w
		}
	}
}

// softmax turns logits into probabilities in place.
func softmax(z []float32) {
	mx := z[0]
	for _, v := range z[1:] {
		mx = max(mx, v)
	}
	var sum float64
	for k, v := range z {
		e := math.Exp(float64(v - mx))
		z[k] = float32(e)
		sum += e
	}
	for k := range z {
		z[k] = float32(float64(z[k]) / sum)
	}
}

// Predict writes the class probabilities of in into probs (len Classes)
// and returns the index of the most probable class. Inputs with fewer
// dense features than the model expects are an error of the caller: it
// panics, like an index out of range.
func (m *Model) Predict(in Input, probs []float32) int {
	probs = probs[:m.classes]
	m.logits(in, probs)
	softmax(probs)
	best := 0
	for k, p := range probs {
		if p > probs[best] {
			best = k
		}
	}
	return best
}

// Contribution is how much one hashed feature pushes class k's logit.
func (m *Model) Contribution(in Input, id uint32, k int) float32 {
	return scale(len(in.IDs)) * m.w[int(id&(dim-1))*m.classes+k]
}

// The file form: magic, version, classes, dense, bias, dense weights, then
// the non-zero rows of the hashed weights as (id, classes × float32), all
// little-endian, gzip-compressed.
const (
	magic       = "VIGIELM1"
	fileVersion = 1
)

// ErrFormat marks a model file that cannot be read.
var ErrFormat = errors.New("labelmodel: bad model file")

// WriteTo writes the model in its file form.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	var buf []byte
	buf = append(buf, magic...)
	buf = le.AppendUint32(buf, fileVersion)
	buf = le.AppendUint32(buf, uint32(m.classes))
	buf = le.AppendUint32(buf, uint32(m.dense))
	for _, v := range m.bias {
		buf = le.AppendUint32(buf, math.Float32bits(v))
	}
	for _, v := range m.wd {
		buf = le.AppendUint32(buf, math.Float32bits(v))
	}
	rows := 0
	for id := 0; id < dim; id++ {
		if !zeroRow(m.w[id*m.classes : (id+1)*m.classes]) {
			rows++
		}
	}
	buf = le.AppendUint32(buf, uint32(rows))
	if _, err := bw.Write(buf); err != nil {
		return cw.n, fmt.Errorf("labelmodel: write: %w", err)
	}
	for id := 0; id < dim; id++ {
		row := m.w[id*m.classes : (id+1)*m.classes]
		if zeroRow(row) {
			continue
		}
		buf = le.AppendUint32(buf[:0], uint32(id))
		for _, v := range row {
			buf = le.AppendUint32(buf, math.Float32bits(v))
		}
		if _, err := bw.Write(buf); err != nil {
			return cw.n, fmt.Errorf("labelmodel: write: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, fmt.Errorf("labelmodel: write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("labelmodel: write: %w", err)
	}
	return cw.n, nil
}

func zeroRow(row []float32) bool {
	for _, v := range row {
		if v != 0 {
			return false
		}
	}
	return true
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a model in its file form.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic)+12)
	if _, err := io.ReadFull(br, head); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrFormat, err)
	}
	le := binary.LittleEndian
	if string(head[:len(magic)]) != magic || le.Uint32(head[len(magic):]) != fileVersion {
		return nil, fmt.Errorf("%w: not a version %d model", ErrFormat, fileVersion)
	}
	classes := int(le.Uint32(head[len(magic)+4:]))
	dense := int(le.Uint32(head[len(magic)+8:]))
	if classes < 2 || classes > 64 || dense > 1024 {
		return nil, fmt.Errorf("%w: %d classes, %d dense features", ErrFormat, classes, dense)
	}
	m := newModel(classes, dense)
	floats := func(dst []float32) error {
		b := make([]byte, 4*len(dst))
		if _, err := io.ReadFull(br, b); err != nil {
			return err
		}
		for i := range dst {
			dst[i] = math.Float32frombits(le.Uint32(b[4*i:]))
		}
		return nil
	}
	if err := floats(m.bias); err != nil {
		return nil, fmt.Errorf("%w: bias: %v", ErrFormat, err)
	}
	if err := floats(m.wd); err != nil {
		return nil, fmt.Errorf("%w: dense weights: %v", ErrFormat, err)
	}
	var nb [4]byte
	if _, err := io.ReadFull(br, nb[:]); err != nil {
		return nil, fmt.Errorf("%w: row count: %v", ErrFormat, err)
	}
	rows := int(le.Uint32(nb[:]))
	if rows > dim {
		return nil, fmt.Errorf("%w: %d rows", ErrFormat, rows)
	}
	for i := 0; i < rows; i++ {
		if _, err := io.ReadFull(br, nb[:]); err != nil {
			return nil, fmt.Errorf("%w: row %d: %v", ErrFormat, i, err)
		}
		id := int(le.Uint32(nb[:]))
		if id >= dim {
			return nil, fmt.Errorf("%w: row id %d", ErrFormat, id)
		}
		if err := floats(m.w[id*classes : (id+1)*classes]); err != nil {
			return nil, fmt.Errorf("%w: row %d: %v", ErrFormat, i, err)
		}
	}
	return m, nil
}
