package scenario

import (
	"fmt"

	"github.com/vigie-edu/vigie/ingest"
)

// defaultTracker is the ingest tracker of the default terms: every scenario
// post must match at least one of them, exactly as ingest will match it.
func defaultTracker() *ingest.Tracker {
	t, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		// DefaultTerms is a fixed list: this cannot happen at run time.
		panic(fmt.Sprintf("scenario: default terms: %v", err))
	}
	return t
}

// Terms returns the tracked terms every scenario post matches at least one
// of (ingest.DefaultTerms, folded).
func Terms() []string { return defaultTracker().Terms() }
