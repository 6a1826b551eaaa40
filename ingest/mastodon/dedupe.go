package mastodon

// recentSet remembers the most recent keys in bounded memory: two
// generations of at most size/2 keys each. When the current generation is
// full it becomes the previous one and the oldest generation is dropped; a
// key found in the previous generation moves to the current one. So it
// holds at most size keys, and always at least the size/2 most recently
// used. It is not safe for concurrent use (the source holds its lock).
type recentSet struct {
	cur, prev map[string]struct{}
	half      int
}

func newRecentSet(size int) *recentSet {
	half := max(size/2, 1)
	return &recentSet{cur: make(map[string]struct{}, half), prev: map[string]struct{}{}, half: half}
}

// Has reports whether key was added recently, refreshing it.
func (r *recentSet) Has(key string) bool {
	if _, ok := r.cur[key]; ok {
		return true
	}
	if _, ok := r.prev[key]; ok {
		r.Add(key)
		return true
	}
	return false
}

// Add remembers key.
func (r *recentSet) Add(key string) {
	if _, ok := r.cur[key]; ok {
		return
	}
	if len(r.cur) >= r.half {
		r.prev, r.cur = r.cur, make(map[string]struct{}, r.half)
	}
	r.cur[key] = struct{}{}
}

// Len returns how many keys the set holds.
func (r *recentSet) Len() int { return len(r.cur) + len(r.prev) }
