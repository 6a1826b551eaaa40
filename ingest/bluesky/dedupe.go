package bluesky

import "sync"

// recentSet remembers the last max keys added (FIFO eviction). It drops
// the events Jetstream replays after a reconnect (the rewind overlap) and the
// posts both the stream and a backfill see. Safe for concurrent use.
type recentSet struct {
	mu   sync.Mutex
	max  int
	ring []string
	next int
	m    map[string]struct{}
}

func newRecentSet(max int) *recentSet {
	return &recentSet{max: max, m: make(map[string]struct{}, min(max, 4096))}
}

// Add inserts key and reports whether it was new.
func (r *recentSet) Add(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.m[key]; ok {
		return false
	}
	if len(r.ring) < r.max {
		r.ring = append(r.ring, key)
	} else {
		delete(r.m, r.ring[r.next])
		r.ring[r.next] = key
		r.next = (r.next + 1) % r.max
	}
	r.m[key] = struct{}{}
	return true
}

// Has reports whether key is among the recent keys.
func (r *recentSet) Has(key string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	_, ok := r.m[key]
	return ok
}

// Len is the number of keys held.
func (r *recentSet) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.m)
}
