// Package ingest reads posts from their sources, normalises them, keeps those
// that match the tracked terms and publishes them on the raw topic.
package ingest

import (
	"context"

	"github.com/vigie-edu/vigie/post"
)

// Emit hands a batch of posts to the publisher. It returns only once the
// batch is durably published (or has gone to the dead-letter topic), so a
// source may save its position as soon as Emit returns nil.
type Emit func(ctx context.Context, batch []post.Post) error

// Source is one origin of posts: the April 2021 scenario, an archive file, a
// live connector. Run reads until the source is exhausted (returning nil), the
// context ends (returning ctx.Err()), or a fatal error.
type Source interface {
	// Name identifies the source in logs and metrics, e.g. "scenario:april2021".
	Name() string
	Run(ctx context.Context, emit Emit) error
}
