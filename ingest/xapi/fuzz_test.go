package xapi

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

// FuzzStreamLine feeds arbitrary stream lines to the decoding and mapping a
// stream line goes through: no input may panic, and a mapped post has an id.
func FuzzStreamLine(f *testing.F) {
	if b, err := os.ReadFile("testdata/stream.ndjson"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			f.Add([]byte(line))
		}
	}
	f.Add([]byte(`{"data":{"id":"1","text":"&amp;&lt;script&gt;","created_at":"2021-04-06T09:00:00.000Z"}}`))
	f.Add([]byte(`{"data":{"id":1e400}}`))
	f.Add([]byte(`{"data":"x","includes":{"users":[{"id":null}]}}`))
	f.Add([]byte(`{"errors":[{"title":"operational-disconnect"}]}`))
	f.Add([]byte("\r\n"))
	now := time.Date(2021, 4, 6, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, b []byte) {
		var m streamMessage
		if err := json.Unmarshal(b, &m); err != nil {
			return
		}
		for _, p := range m.Errors {
			_ = p.describe()
			_ = p.operationalDisconnect()
		}
		if len(m.Data) == 0 {
			return
		}
		tw, err := decodeTweet(m.Data)
		if err != nil {
			return
		}
		p, _, err := mapTweet(&tw, &m.Includes, now)
		if err == nil && p.ID == "" {
			t.Fatalf("mapped a post without id from %q", b)
		}
	})
}
