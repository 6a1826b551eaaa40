package pipeline

import (
	"fmt"
	"os"
	"strings"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/archive"
	"github.com/vigie-edu/vigie/ingest/bluesky"
	"github.com/vigie-edu/vigie/ingest/mastodon"
	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/ingest/xapi"
)

// SourceOptions apply to the sources that replay recorded time.
type SourceOptions struct {
	// Speed replays the scenario at X times real time (0: as fast as possible).
	Speed float64
	// Scale multiplies the scenario's posts (benchmarks).
	Scale int
	// Progress, when set, receives the progress of each file: source with
	// its path, at most a few times a second and once when it is done.
	Progress func(path string, p archive.Progress)
	// Terms are the tracked hashtags and keywords (live sources ask for them).
	Terms []string
	// Deps give live sources their checkpoints, gap recorder and logger.
	Deps ingest.Deps
	// Getenv reads the sources' credentials (os.Getenv when nil).
	Getenv func(string) string
}

// SourceSpecs documents the source specs OpenSource accepts.
const SourceSpecs = `scenario:april2021  the built-in 6 April 2021 scenario (~50,000 posts; --scale, --speed)
file:PATH           an archive file, gzip accepted, its format detected from the content:
                    twarc2 (raw pages or flattened), X API v1.1 JSON, Mastodon statuses,
                    Bluesky Jetstream, 4CAT NDJSON, DMI-TCAT CSV, twarc-csv, Vigie JSON Lines
mastodon:HOST       live hashtag streams of a Mastodon instance, with REST backfill
                    (VIGIE_MASTODON_TOKEN or VIGIE_MASTODON_TOKEN_FILE; one --source per instance)
bluesky:jetstream   Bluesky's Jetstream firehose filtered on the tracked terms, with searchPosts
                    backfill (VIGIE_BLUESKY_IDENTIFIER, VIGIE_BLUESKY_APP_PASSWORD[_FILE])
x:stream            X API v2 filtered stream with rules from the tracked terms, refilled by
                    recent search (VIGIE_X_BEARER_TOKEN or VIGIE_X_BEARER_TOKEN_FILE)
x:search            X API v2 recent search once (from the checkpoint or the last 7 days)`

// OpenSource turns a source spec into a source.
func OpenSource(spec string, opts SourceOptions, reject ingest.Rejecter) (ingest.Source, error) {
	kind, arg, ok := strings.Cut(spec, ":")
	if !ok || arg == "" {
		return nil, fmt.Errorf("source %q: want KIND:ARG, one of:\n%s", spec, SourceSpecs)
	}
	switch kind {
	case "scenario":
		if arg != scenario.Name {
			return nil, fmt.Errorf("source %q: unknown scenario %q (known: %s)", spec, arg, scenario.Name)
		}
		return scenario.NewSource(scenario.Config{Scale: opts.Scale, Speed: opts.Speed}), nil
	case "file":
		var fileOpts []archive.Option
		if progress := opts.Progress; progress != nil {
			fileOpts = append(fileOpts, archive.WithProgress(func(p archive.Progress) { progress(arg, p) }))
		}
		return archive.NewSource(arg, reject, fileOpts...), nil
	case "mastodon":
		cfg, err := mastodon.FromSpec(arg, getenv(opts))
		if err != nil {
			return nil, fmt.Errorf("source %q: %w", spec, err)
		}
		cfg.Reject = reject
		return mastodon.New(cfg, opts.Deps)
	case "bluesky":
		cfg, err := bluesky.FromSpec(arg, getenv(opts))
		if err != nil {
			return nil, fmt.Errorf("source %q: %w", spec, err)
		}
		if len(opts.Terms) > 0 {
			cfg.Terms = opts.Terms
		}
		return bluesky.New(cfg, opts.Deps, reject)
	case "x":
		return xapi.Open(arg, opts.Terms, getenv(opts), opts.Deps, reject)
	}
	return nil, fmt.Errorf("source %q: unknown kind %q, want one of:\n%s", spec, kind, SourceSpecs)
}

func getenv(opts SourceOptions) func(string) string {
	if opts.Getenv != nil {
		return opts.Getenv
	}
	return os.Getenv
}
