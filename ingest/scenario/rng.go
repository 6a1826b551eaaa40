package scenario

// rng is a small splitmix64 generator: fast, allocation-free and fully
// determined by its seed, so that every post can be drawn from its own seed
// whatever the order in which posts are generated.
type rng struct{ s uint64 }

func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hash4 combines four numbers into a well-mixed seed.
func hash4(a, b, c, d uint64) uint64 {
	h := mix64(a ^ 0x243f6a8885a308d3)
	h = mix64(h ^ (b + 0x13198a2e03707344))
	h = mix64(h ^ (c + 0xa4093822299f31d0))
	return mix64(h ^ (d + 0x082efa98ec4e6c89))
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	return mix64(r.s)
}

// intn returns a number in [0, n); n must be in (0, 2^31).
func (r *rng) intn(n int) int {
	return int(((r.next() >> 32) * uint64(n)) >> 32)
}

// between returns a number in [lo, hi].
func (r *rng) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// float returns a number in [0, 1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

func (r *rng) chance(p float64) bool { return r.float() < p }

func pick[T any](r *rng, xs []T) T { return xs[r.intn(len(xs))] }

// wpick picks an index from cumulative weights (cum[len-1] is the total).
func wpick(r *rng, cum []float64) int {
	x := r.float() * cum[len(cum)-1]
	for i, c := range cum {
		if x < c {
			return i
		}
	}
	return len(cum) - 1
}

func cumulate(ws []float64) []float64 {
	out := make([]float64, len(ws))
	var t float64
	for i, w := range ws {
		t += w
		out[i] = t
	}
	return out
}
