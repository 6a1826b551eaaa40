// Package rawjson lets a connector keep the good parts of hostile JSON and
// bound what it sends to the dead-letter topic. It has one job at the
// ingest edge:
//
//   - cut a JSON array (Elements) or object (Members) into its raw values
//     even when encoding/json refuses the whole because one value nests
//     deeper than it allows, so that value is rejected alone and the others
//     still arrive;
//   - clip the raw bytes (ClipRaw) and the reason (ClipReason) of a dead
//     letter, since both may quote what a server sent.
//
// The splitters track only brackets and strings, never build a value, and
// never panic, whatever the input.
package rawjson

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Bounds of what a dead letter carries.
const (
	// MaxRawBytes bounds the original bytes of a dead letter (a Kafka
	// message is limited to about 1 MB by default).
	MaxRawBytes = 256 << 10
	// MaxReasonBytes bounds a rejection reason (it is a Kafka header and a
	// log attribute; a reason may quote a field the server sent).
	MaxReasonBytes = 1 << 10
)

// ClipRaw returns at most MaxRawBytes of b (b itself, not a copy).
func ClipRaw(b []byte) []byte {
	if len(b) <= MaxRawBytes {
		return b
	}
	return b[:MaxRawBytes]
}

// ClipReason cuts s to at most MaxReasonBytes on a rune boundary and marks
// the cut with "…"; a shorter s is returned as it is.
func ClipReason(s string) string {
	if len(s) <= MaxReasonBytes {
		return s
	}
	cut := MaxReasonBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// TooDeep reports whether err is the error encoding/json gives for a value
// nested deeper than it allows (10,000 levels).
func TooDeep(err error) bool {
	return err != nil && strings.Contains(err.Error(), "exceeded max depth")
}

// Elements returns the elements of the JSON array b. When encoding/json
// refuses b only because some elements nest deeper than it allows, the
// elements are cut out one by one (the deep ones then fail alone when
// decoded and the others still arrive); any other syntax error fails the
// whole array, with the error of encoding/json, since its element bounds
// cannot be trusted.
func Elements(b []byte) ([]json.RawMessage, error) {
	var items []json.RawMessage
	err := json.Unmarshal(b, &items)
	if err == nil || !TooDeep(err) {
		return items, err
	}
	items, serr := splitArray(b)
	if serr != nil {
		return nil, err
	}
	for _, it := range items {
		if derr := checkValue(it); derr != nil {
			return nil, derr
		}
	}
	return items, nil
}

// Members returns the raw value of each key of the JSON object b (the last
// one when a key repeats). It is for an object encoding/json refused as too
// deep (see TooDeep): b is cut with the tolerance of Elements, and every
// member must be well-formed JSON, if perhaps too deep. The error says
// where b first breaks otherwise.
func Members(b []byte) (map[string]json.RawMessage, error) {
	members, err := splitObject(b)
	if err != nil {
		return nil, err
	}
	for key, raw := range members {
		if err := checkValue(raw); err != nil {
			return nil, fmt.Errorf("member %q: %w", ClipReason(key), err)
		}
	}
	return members, nil
}

// checkValue reports the decoding error of one value, nil when it is
// well-formed but nested too deep for encoding/json: such a value is cut
// out exactly by valueEnd, and rejected later on its own.
func checkValue(raw []byte) error {
	var v json.RawMessage
	if err := json.Unmarshal(raw, &v); err != nil && !TooDeep(err) {
		return err
	}
	return nil
}

// errSplit: the bytes are not even a sequence of bracketed JSON values.
var errSplit = errors.New("not a JSON array")

// splitArray returns the raw elements of a top-level JSON array. It tracks
// only brackets and strings (one counter, no stack), so an element
// encoding/json refuses (nested deeper than it allows, malformed inside but
// balanced) still has bounds.
func splitArray(b []byte) ([]json.RawMessage, error) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '[' {
		return nil, fmt.Errorf("%w: does not start with '['", errSplit)
	}
	i++
	var out []json.RawMessage
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return out, fmt.Errorf("%w: unterminated array", errSplit)
		}
		switch b[i] {
		case ']':
			if j := skipSpace(b, i+1); j != len(b) {
				return out, fmt.Errorf("%w: data after the array at byte %d", errSplit, j)
			}
			return out, nil
		case ',':
			i++
			continue
		}
		end, err := valueEnd(b, i)
		if err != nil {
			return out, err
		}
		if end <= i {
			return out, fmt.Errorf("%w: unexpected %q at byte %d", errSplit, b[i], i)
		}
		out = append(out, json.RawMessage(b[i:end]))
		i = end
	}
}

// splitObject returns the raw value of each key of a top-level JSON
// object, with the tolerance of splitArray.
func splitObject(b []byte) (map[string]json.RawMessage, error) {
	i := skipSpace(b, 0)
	if i >= len(b) || b[i] != '{' {
		return nil, errors.New("not a JSON object")
	}
	i++
	out := map[string]json.RawMessage{}
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return out, errors.New("unterminated object")
		}
		switch b[i] {
		case '}':
			if j := skipSpace(b, i+1); j != len(b) {
				return out, fmt.Errorf("data after the object at byte %d", j)
			}
			return out, nil
		case ',':
			i++
			continue
		case '"':
		default:
			return out, fmt.Errorf("unexpected %q at byte %d, want a key", b[i], i)
		}
		end, err := valueEnd(b, i)
		if err != nil {
			return out, err
		}
		var key string
		if err := json.Unmarshal(b[i:end], &key); err != nil {
			return out, fmt.Errorf("bad key at byte %d: %w", i, err)
		}
		i = skipSpace(b, end)
		if i >= len(b) || b[i] != ':' {
			return out, fmt.Errorf("no ':' after key %q", ClipReason(key))
		}
		i = skipSpace(b, i+1)
		if i >= len(b) {
			return out, errors.New("unterminated object")
		}
		end, err = valueEnd(b, i)
		if err != nil {
			return out, err
		}
		if end <= i {
			return out, fmt.Errorf("unexpected %q at byte %d, want a value", b[i], i)
		}
		out[key] = json.RawMessage(b[i:end])
		i = end
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// valueEnd returns the index just past the value starting at b[i].
func valueEnd(b []byte, i int) (int, error) {
	switch b[i] {
	case '{', '[', '"':
		t := NewTracker(b[i])
		for j := i + 1; j < len(b); j++ {
			if t.Next(b[j]) {
				return j + 1, nil
			}
		}
		kind := "value"
		if b[i] == '"' {
			kind = "string"
		}
		return 0, fmt.Errorf("%w: %s at byte %d is cut", errSplit, kind, i)
	}
	j := i
	for j < len(b) {
		switch b[j] {
		case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}':
			return j, nil
		}
		j++
	}
	return j, nil
}

// Tracker follows a JSON object, array or string byte by byte, without
// decoding it, to find where it ends: brackets count only outside strings,
// and a quote ends a string only when it is not escaped. The in-memory
// splitters here and the streaming archive reader (ingest/archive) share it.
type Tracker struct {
	depth      int
	inStr, esc bool
}

// NewTracker starts following the value whose first byte is first: '{',
// '[' or '"'.
func NewTracker(first byte) Tracker {
	if first == '"' {
		return Tracker{inStr: true}
	}
	return Tracker{depth: 1}
}

// Next takes the value's next byte and reports whether it ends the value.
func (t *Tracker) Next(c byte) bool {
	switch {
	case t.inStr && t.esc:
		t.esc = false
	case t.inStr && c == '\\':
		t.esc = true
	case t.inStr && c == '"':
		t.inStr = false
		return t.depth == 0
	case t.inStr:
	case c == '"':
		t.inStr = true
	case c == '{' || c == '[':
		t.depth++
	case c == '}' || c == ']':
		t.depth--
		return t.depth == 0
	}
	return false
}
