package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Gap is a window during which a live source may have missed posts: a
// disconnection, a rate-limit wait, a cursor that could not be resumed.
// Charts and exports show gaps next to the counts, so a quiet hour is never
// mistaken for a calm one.
type Gap struct {
	Source string    `json:"source"`
	From   time.Time `json:"from"`
	To     time.Time `json:"to"`
	Reason string    `json:"reason"`
}

// GapRecorder stores gaps (in ClickHouse, through the pipeline).
type GapRecorder interface {
	RecordGap(ctx context.Context, g Gap) error
}

// Checkpoints keep a live source's position (a cursor, a since_id) so that a
// restart resumes where the last published post left off. A source saves
// its position only after Emit has returned for the posts before it.
type Checkpoints interface {
	Load(key string) (value string, ok bool, err error)
	Save(key, value string) error
}

// Deps are what live sources get from the process that runs them.
type Deps struct {
	Gaps        GapRecorder
	Checkpoints Checkpoints
	Logger      *slog.Logger
	// HTTPClient for REST calls and streams (nil: a client with no overall
	// timeout, since streams are long-lived; sources set their own deadlines).
	HTTPClient *http.Client
	Now        func() time.Time
}

// WithDefaults fills the unset fields.
func (d Deps) WithDefaults() Deps {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.HTTPClient == nil {
		d.HTTPClient = &http.Client{}
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Gaps == nil {
		d.Gaps = logGaps{d.Logger}
	}
	if d.Checkpoints == nil {
		d.Checkpoints = &MemoryCheckpoints{}
	}
	return d
}

// logGaps only logs gaps, for runs without a gap store.
type logGaps struct{ l *slog.Logger }

func (g logGaps) RecordGap(_ context.Context, gap Gap) error {
	g.l.Warn("source gap", "source", gap.Source, "from", gap.From, "to", gap.To, "reason", gap.Reason)
	return nil
}

// MemoryCheckpoints keeps positions in memory (tests, one-off runs).
type MemoryCheckpoints struct {
	mu sync.Mutex
	m  map[string]string
}

// Load implements Checkpoints.
func (c *MemoryCheckpoints) Load(key string) (string, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok, nil
}

// Save implements Checkpoints.
func (c *MemoryCheckpoints) Save(key, value string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	c.m[key] = value
	return nil
}

// FileCheckpoints keeps positions in a JSON file, rewritten atomically
// (write to a temp file, then rename) on every save.
type FileCheckpoints struct {
	path string
	mu   sync.Mutex
	m    map[string]string
}

// OpenFileCheckpoints reads the checkpoints at path (a missing file is empty).
func OpenFileCheckpoints(path string) (*FileCheckpoints, error) {
	c := &FileCheckpoints{path: path, m: map[string]string{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, fmt.Errorf("checkpoints: %w", err)
	}
	if err := json.Unmarshal(b, &c.m); err != nil {
		return nil, fmt.Errorf("checkpoints %s: %w", path, err)
	}
	return c, nil
}

// Load implements Checkpoints.
func (c *FileCheckpoints) Load(key string) (string, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return v, ok, nil
}

// Save implements Checkpoints.
func (c *FileCheckpoints) Save(key, value string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[key] = value
	b, err := json.MarshalIndent(c.m, "", "  ")
	if err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(c.path), 0o755); err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	tmp := c.path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	if err := os.Rename(tmp, c.path); err != nil {
		return fmt.Errorf("checkpoints: %w", err)
	}
	return nil
}

// Backoff yields growing waits with full jitter between Min and a cap that
// doubles from Min up to Max; Reset after a success.
type Backoff struct {
	Min, Max time.Duration
	attempt  int
}

// Next returns the wait before the next attempt.
func (b *Backoff) Next() time.Duration {
	lo, hi := b.Min, b.Min<<min(b.attempt, 30)
	if hi > b.Max || hi <= 0 {
		hi = b.Max
	}
	b.attempt++
	if hi <= lo {
		return lo
	}
	return lo + rand.N(hi-lo)
}

// Reset starts the sequence again.
func (b *Backoff) Reset() { b.attempt = 0 }

// Sleep waits d or until ctx ends; it reports whether the full wait passed.
func Sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
