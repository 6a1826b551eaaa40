package bluesky

import (
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzFrame feeds arbitrary Jetstream frames to the event decoding and the
// post mapping: no input may panic, and a mapped post has its at-URI.
func FuzzFrame(f *testing.F) {
	if b, err := os.ReadFile("testdata/jetstream_sequence.ndjson"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			f.Add([]byte(line))
		}
	}
	f.Add([]byte(`{"did":"did:plc:x","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"app.bsky.feed.post","rkey":"r","record":{"text":"\u202e#ecole","createdAt":"0001-01-01T00:00:00Z","facets":[{"features":[{"$type":"app.bsky.richtext.facet#tag","tag":""}]}]}}}`))
	f.Add([]byte(`{"did":"did:plc:x","time_us":-5,"kind":"commit"}`))
	f.Add([]byte(`{"did":"a/b","time_us":1,"kind":"commit","commit":{"operation":"create","collection":"c","rkey":"r","record":null}}`))
	seen := time.Date(2021, 4, 6, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, b []byte) {
		ev, err := decodeEvent(b)
		if err != nil || ev.Kind != "commit" || ev.Commit == nil {
			return
		}
		p, err := toPost(ev.Did, ev.Commit.Rkey, ev.Commit.Record, seen)
		if err == nil && p.ID != atURI(ev.Did, ev.Commit.Rkey) {
			t.Fatalf("post id %q from %q", p.ID, b)
		}
	})
}
