package archive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Format is an archive format Vigie reads.
type Format string

// The formats Detect recognises.
const (
	FormatUnknown Format = ""
	// FormatVigie is Vigie's own JSON Lines: one post.Post (or
	// post.Classified) per line.
	FormatVigie Format = "vigie-jsonl"
	// FormatTwarc2 is what `twarc2 search|stream|timeline` writes: one API v2
	// response per line (data, includes, meta or matching_rules).
	FormatTwarc2 Format = "twarc2"
	// FormatTwarc2Flat is `twarc2 flatten` output (one v2 tweet per line
	// with author, geo and referenced tweets expanded); plain v2 tweets too.
	FormatTwarc2Flat Format = "twarc2-flat"
	// FormatXv11 is X API v1.1 tweet JSON: streaming lines (with delete and
	// limit notices) or REST arrays.
	FormatXv11 Format = "x-v1.1"
	// FormatMastodon is Mastodon Status JSON: an array (REST dump) or one
	// status per line.
	FormatMastodon Format = "mastodon"
	// FormatJetstream is Bluesky Jetstream events, one per line.
	FormatJetstream Format = "jetstream"
	// Format4CAT is a 4CAT dataset NDJSON (Twitter v2 or Bluesky items).
	Format4CAT Format = "4cat"
	// FormatTCAT is the DMI-TCAT "export all tweets" CSV or TSV.
	FormatTCAT Format = "tcat-csv"
	// FormatTwarcCSV is the `twarc2 csv` (twarc-csv) tweet CSV.
	FormatTwarcCSV Format = "twarc-csv"
)

// Formats lists every format Detect recognises.
var Formats = [...]Format{FormatVigie, FormatTwarc2, FormatTwarc2Flat, FormatXv11, FormatMastodon,
	FormatJetstream, Format4CAT, FormatTCAT, FormatTwarcCSV}

// ErrUnknownFormat: the content is none of the formats Vigie reads.
var ErrUnknownFormat = errors.New("unknown archive format")

// ErrEmpty: the input holds nothing but blanks.
var ErrEmpty = errors.New("empty archive")

// HeadSize is how much (decompressed) input Detect looks at.
const HeadSize = 1 << 20

// layout is how records are cut from the input.
type layout int

const (
	layoutLines  layout = iota // one JSON value per line
	layoutArray                // one top-level JSON array
	layoutConcat               // JSON values one after another, pretty-printed
	layoutCSV                  // a CSV or TSV with a header line
)

// detection is what detect learns from the head of the input.
type detection struct {
	format Format
	layout layout
	comma  rune // CSV separator
}

// Detect tells the format of an archive from its first bytes (HeadSize is
// plenty; less works for all but very long first records). A gzip head is
// decompressed first. The file name plays no part.
func Detect(head []byte) (Format, error) {
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return FormatUnknown, fmt.Errorf("%w: gzip: %v", ErrUnknownFormat, err)
		}
		// A head cut mid-stream decompresses partly: keep what came out.
		plain, _ := io.ReadAll(io.LimitReader(zr, HeadSize))
		head = plain
	}
	d, err := detect(head)
	return d.format, err
}

// detect works on decompressed bytes.
func detect(head []byte) (detection, error) {
	head = bytes.TrimPrefix(head, bom)
	body := bytes.TrimLeft(head, " \t\r\n")
	if len(body) == 0 {
		return detection{}, ErrEmpty
	}
	switch body[0] {
	case '[':
		return detectValues(body, layoutArray)
	case '{', '"':
		first, _, _ := bytes.Cut(body, []byte{'\n'})
		if concatStart(first, len(first) < len(body)) {
			return detectValues(body, layoutConcat)
		}
		return detectLines(body)
	}
	return detectCSV(body)
}

var bom = []byte{0xef, 0xbb, 0xbf}

// concatStart reports whether a first line starting with '{' begins a
// pretty-printed object rather than a JSON line: "{" alone, or a line that
// is not JSON and ends where an indented object continues.
func concatStart(first []byte, complete bool) bool {
	t := bytes.TrimSpace(first)
	if string(t) == "{" {
		return true
	}
	if !complete || json.Valid(t) {
		return false
	}
	last := t[len(t)-1]
	return last == ',' || last == '{' || last == '['
}

// maxSniffRecords bounds how many records detection looks at.
const maxSniffRecords = 64

func detectLines(body []byte) (detection, error) {
	sp := newLineSplitter(bufio.NewReader(bytes.NewReader(body)), HeadSize)
	var recs [][]byte
	for len(recs) < maxSniffRecords {
		rec, _, _, err := sp.next()
		if err != nil {
			break
		}
		if len(bytes.TrimSpace(rec)) > 0 {
			recs = append(recs, bytes.Clone(rec))
		}
	}
	return pick(recs, layoutLines)
}

func detectValues(body []byte, l layout) (detection, error) {
	sp := newValueSplitter(bufio.NewReader(bytes.NewReader(body)), HeadSize, l == layoutArray)
	var recs [][]byte
	for len(recs) < maxSniffRecords {
		rec, _, _, err := sp.next()
		if len(rec) > 0 {
			recs = append(recs, bytes.Clone(rec))
		}
		if err != nil {
			break
		}
	}
	if l == layoutArray && len(recs) == 0 {
		return detection{}, ErrEmpty // "[]": an empty dump
	}
	return pick(recs, l)
}

// pick decides from the first records: the first strong clue wins, else
// the first weak one (a v1.1 file that starts with delete notices).
func pick(recs [][]byte, l layout) (detection, error) {
	weak := FormatUnknown
	for _, rec := range recs {
		f, strong := classify(sniff(rec))
		if strong {
			return detection{format: f, layout: l}, nil
		}
		if weak == FormatUnknown {
			weak = f
		}
	}
	if weak != FormatUnknown {
		return detection{format: weak, layout: l}, nil
	}
	if len(recs) == 0 {
		return detection{layout: l}, ErrEmpty
	}
	return detection{layout: l}, fmt.Errorf("%w: JSON records of no known shape (first: %s)", ErrUnknownFormat, clip(string(recs[0]), 120))
}

// shape is what sniff learns of one JSON record: its top-level keys with the
// kind of their values ('{', '[', '"', '0' number, 'b' bool, 'n' null), and
// the strings of a few keys. It survives truncation: keys before the cut
// are known.
type shape struct {
	keys   map[string]byte
	source string // "source" value
	str    string // the record itself when it is a JSON string
}

func (s shape) has(keys ...string) bool {
	for _, k := range keys {
		if _, ok := s.keys[k]; !ok {
			return false
		}
	}
	return true
}

func (s shape) hasAny(keys ...string) bool {
	for _, k := range keys {
		if _, ok := s.keys[k]; ok {
			return true
		}
	}
	return false
}

func (s shape) kind(key string) byte { return s.keys[key] }

// maxSniffKeys bounds the work on one record.
const maxSniffKeys = 256

func sniff(rec []byte) shape {
	s := shape{keys: map[string]byte{}}
	dec := json.NewDecoder(bytes.NewReader(rec))
	tok, err := dec.Token()
	if err != nil {
		return s
	}
	if str, ok := tok.(string); ok {
		s.str = str
		return s
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return s
	}
	for len(s.keys) < maxSniffKeys {
		tok, err := dec.Token()
		if err != nil {
			return s
		}
		key, ok := tok.(string)
		if !ok {
			return s // '}'
		}
		val, err := dec.Token()
		if err != nil {
			s.keys[key] = 0
			return s
		}
		switch v := val.(type) {
		case json.Delim:
			s.keys[key] = byte(v)
			for depth := 1; depth > 0; {
				t, err := dec.Token()
				if err != nil {
					return s
				}
				if d, ok := t.(json.Delim); ok {
					if d == '{' || d == '[' {
						depth++
					} else {
						depth--
					}
				}
			}
		case string:
			s.keys[key] = '"'
			if key == "source" {
				s.source = v
			}
		case float64, json.Number:
			s.keys[key] = '0'
		case bool:
			s.keys[key] = 'b'
		case nil:
			s.keys[key] = 'n'
		}
	}
	return s
}

// v11Notices are the non-tweet lines of a v1.1 stream.
var v11Notices = []string{"delete", "limit", "scrub_geo", "disconnect", "warning", "status_withheld", "user_withheld", "event", "friends"}

// vigieSources are the post.Source values Vigie writes.
var vigieSources = []string{"scenario", "mastodon", "bluesky", "x", "archive"}

// classify names the format of one record; strong is false for clues that
// several formats share (a v1.1 delete notice, a twarc2 error line).
func classify(s shape) (f Format, strong bool) {
	switch {
	case len(s.keys) == 0:
		return FormatUnknown, false
	case s.has("data"):
		return FormatTwarc2, true
	case s.has("did") && s.hasAny("kind", "time_us"):
		return FormatJetstream, true
	case s.hasAny("4CAT_metadata", "author_user") || (s.has("id") && s.hasAny("author_username", "author_fullname")):
		return Format4CAT, true
	case s.has("id") && (s.kind("__twarc") == '{' || s.kind("author") == '{'):
		return FormatTwarc2Flat, true
	case s.has("id_str") || s.hasAny("full_text", "retweeted_status", "extended_tweet") ||
		(s.kind("user") == '{' && s.has("text")):
		return FormatXv11, true
	case s.kind("account") == '{' && s.hasAny("content", "uri"):
		return FormatMastodon, true
	case s.has("id") && (s.has("ingested_at") || (s.has("created_at") && contains(vigieSources, s.source))):
		return FormatVigie, true
	case s.has("id", "text") && s.hasAny("author_id", "edit_history_tweet_ids", "edit_history_post_ids", "referenced_tweets", "conversation_id"):
		return FormatTwarc2Flat, true
	case !s.has("id") && s.hasAny(v11Notices...):
		return FormatXv11, false
	case !s.has("id") && s.hasAny("errors", "meta", "includes", "matching_rules"):
		return FormatTwarc2, false
	}
	return FormatUnknown, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// detectCSV recognises TCAT and twarc-csv by their header.
func detectCSV(body []byte) (detection, error) {
	first, _, _ := bytes.Cut(body, []byte{'\n'})
	first = bytes.TrimRight(first, "\r")
	comma := ','
	if bytes.Count(first, []byte{'\t'}) > bytes.Count(first, []byte{','}) {
		comma = '\t'
	}
	cr := csv.NewReader(bytes.NewReader(first))
	cr.Comma = comma
	header, err := cr.Read()
	if err != nil {
		return detection{layout: layoutCSV, comma: comma}, fmt.Errorf("%w: not JSON, and no CSV header: %v", ErrUnknownFormat, err)
	}
	cols := map[string]bool{}
	for _, h := range header {
		cols[strings.TrimSpace(h)] = true
	}
	switch {
	case cols["id"] && cols["text"] && cols["from_user_name"] && (cols["created_at"] || cols["time"]):
		return detection{format: FormatTCAT, layout: layoutCSV, comma: comma}, nil
	case cols["id"] && cols["text"] && cols["created_at"] && (cols["author.username"] || cols["author_id"] && cols["__twarc.url"] || cols["referenced_tweets.retweeted.id"]):
		return detection{format: FormatTwarcCSV, layout: layoutCSV, comma: comma}, nil
	}
	return detection{layout: layoutCSV, comma: comma}, fmt.Errorf("%w: a CSV header of no known export (%s)", ErrUnknownFormat, clip(string(first), 120))
}
