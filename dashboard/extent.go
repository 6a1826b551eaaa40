package dashboard

import (
	"context"
	"sync"
	"time"
)

// ExtentTTL is how long the time extent of the stored posts is reused. A
// page refresh asks for it twice (the summary and the "regions affected
// now" list) and it costs a scan of the minute rollup (about 40 ms on 10
// million posts); the page refreshes every 10 s.
const ExtentTTL = 2 * time.Second

// extentCache is Queries with Extent remembered for ExtentTTL.
type extentCache struct {
	Queries
	now func() time.Time

	mu       sync.Mutex
	at       time.Time
	from, to time.Time
	ok       bool
}

// Extent implements Queries; errors are not remembered.
func (c *extentCache) Extent(ctx context.Context) (from, to time.Time, ok bool, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	now := c.now()
	if !c.at.IsZero() && now.Sub(c.at) < ExtentTTL && !now.Before(c.at) {
		return c.from, c.to, c.ok, nil
	}
	from, to, ok, err = c.Queries.Extent(ctx)
	if err != nil {
		return from, to, ok, err
	}
	c.at, c.from, c.to, c.ok = now, from, to, ok
	return from, to, ok, nil
}
