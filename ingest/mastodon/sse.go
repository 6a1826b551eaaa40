package mastodon

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/vigie-edu/vigie/ingest"
)

// maxFrameBytes bounds one SSE line, one SSE event's data and one WebSocket
// message. A status is a few kilobytes; media and cards make it longer.
const maxFrameBytes = 2 << 20

// streamEvent is one event read from a stream.
type streamEvent struct {
	name string // update, status.update, delete, ...
	data []byte // a Status JSON, or the bare id of a delete
	tag  string // the hashtag the server says the event is for ("" on SSE)
	bad  string // a framing problem: the event is rejected with this reason
}

// sseReader parses a text/event-stream (the WHATWG framing Mastodon's
// streaming server writes): "event:" and "data:" fields, several data lines
// joined by '\n', a blank line ending the event, lines starting with ':'
// being comments (the ":)" greeting and the ":thump" heartbeat).
type sseReader struct {
	lines *ingest.LineReader
	// alive is called for every line read, heartbeats included.
	alive func()
}

func newSSEReader(r io.Reader, alive func()) *sseReader {
	return &sseReader{lines: ingest.NewLineReader(r, maxFrameBytes), alive: alive}
}

// Next returns the next event, io.EOF at the end of the stream (an event cut
// by the end of the stream is dropped, as the SSE spec says), or the read
// error.
func (r *sseReader) Next() (streamEvent, error) {
	var (
		ev      streamEvent
		data    []byte
		hasData bool
	)
	for {
		line, _, err := r.lines.Next()
		switch {
		case errors.Is(err, ingest.ErrLineTooLong):
			r.alive()
			ev.bad = fmt.Sprintf("SSE line longer than %d bytes", maxFrameBytes)
			hasData = true
			continue
		case err != nil:
			return streamEvent{}, err
		}
		r.alive()
		if len(line) == 0 { // dispatch
			if !hasData {
				ev = streamEvent{}
				continue
			}
			if ev.name == "" {
				ev.name = "message"
			}
			ev.data = data
			return ev, nil
		}
		if line[0] == ':' { // comment: greeting or heartbeat
			continue
		}
		field, value, found := bytes.Cut(line, []byte{':'})
		if found {
			value = bytes.TrimPrefix(value, []byte{' '})
		}
		switch string(field) {
		case "event":
			ev.name = string(value)
		case "data":
			if ev.bad != "" {
				continue
			}
			if len(data)+len(value)+1 > maxFrameBytes {
				ev.bad = fmt.Sprintf("SSE event data longer than %d bytes", maxFrameBytes)
				data = nil
				hasData = true
				continue
			}
			if hasData {
				data = append(data, '\n')
			}
			data = append(data, value...)
			hasData = true
		}
		// id, retry and unknown fields are ignored, as the spec says.
	}
}
