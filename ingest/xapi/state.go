package xapi

import (
	"time"
)

// twitterEpoch is the start of X's snowflake ids (2010-11-04T01:42:54.657Z):
// an id's top 41 bits are milliseconds since then, so an id tells its time.
const twitterEpoch = 1288834974657

// idTime is the creation time encoded in a snowflake id.
func idTime(id uint64) time.Time {
	return time.UnixMilli(int64(id>>22) + twitterEpoch).UTC()
}

// idSet remembers the last n ids seen, to drop the posts that a backfill and
// the stream both deliver. Memory: about 32 bytes per id measured
// (BenchmarkIDSet), 3.2 MB at the default 100,000.
type idSet struct {
	m    map[uint64]struct{}
	ring []uint64
	next int
	full bool
}

func newIDSet(n int) *idSet {
	return &idSet{m: make(map[uint64]struct{}, n), ring: make([]uint64, n)}
}

// add records id and reports whether it was new.
func (s *idSet) add(id uint64) bool {
	if _, ok := s.m[id]; ok {
		return false
	}
	if s.full {
		delete(s.m, s.ring[s.next])
	}
	s.ring[s.next] = id
	s.m[id] = struct{}{}
	s.next++
	if s.next == len(s.ring) {
		s.next, s.full = 0, true
	}
	return true
}

func (s *idSet) has(id uint64) bool {
	_, ok := s.m[id]
	return ok
}

// schedule is one of the documented reconnect backoffs
// (source-formats.md §3.3): deterministic, since X asks for these exact
// steps and only one connection per app exists to de-synchronise.
type schedule struct {
	base, max time.Duration
	linear    bool
	n         int
}

// The three schedules of the docs.
func netSchedule() schedule {
	return schedule{base: 250 * time.Millisecond, max: 16 * time.Second, linear: true}
}
func httpSchedule() schedule { return schedule{base: 5 * time.Second, max: 320 * time.Second} }
func rateSchedule() schedule { return schedule{base: time.Minute, max: 16 * time.Minute} }

// next returns the wait before the next attempt: linear schedules start at
// 0 (reconnect at once) and add base each time; exponential ones start at
// base and double. Both stop growing at max.
func (s *schedule) next() time.Duration {
	var d time.Duration
	if s.linear {
		d = s.base * time.Duration(s.n)
	} else {
		d = s.base << min(s.n, 20)
	}
	if s.n < 1<<20 {
		s.n++
	}
	return min(d, s.max)
}

func (s *schedule) reset() { s.n = 0 }
