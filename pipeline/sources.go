package pipeline

import (
	"fmt"
	"strings"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/scenario"
)

// SourceOptions apply to the sources that replay recorded time.
type SourceOptions struct {
	// Speed replays the scenario at X times real time (0: as fast as possible).
	Speed float64
	// Scale multiplies the scenario's posts (benchmarks).
	Scale int
}

// SourceSpecs documents the source specs OpenSource accepts.
const SourceSpecs = `scenario:april2021  the built-in 6 April 2021 scenario (~50,000 posts; --scale, --speed)
file:PATH           an archive file in Vigie's JSON Lines format (gzip accepted)`

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
		return ingest.NewJSONLFile(arg, reject), nil
	}
	return nil, fmt.Errorf("source %q: unknown kind %q, want one of:\n%s", spec, kind, SourceSpecs)
}
