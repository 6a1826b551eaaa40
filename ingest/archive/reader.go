// Package archive reads the archive files researchers hold: twarc2 pages
// and flattened tweets, X API v1.1 JSON, Mastodon statuses, Bluesky
// Jetstream events, 4CAT NDJSON, DMI-TCAT and twarc-csv exports, and Vigie's
// own JSON Lines, gzip-compressed or not. The format is detected from the
// content. Files are read one record at a time, never whole.
package archive

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/post"
)

// DefaultMaxRecordBytes bounds one record (a line, a JSON array element, a
// CSV record). twarc2 pages of 500 tweets with their includes reach a few
// MB; a longer record is rejected, and reading goes on after it.
const DefaultMaxRecordBytes = 16 << 20

// maxRawBytes bounds the raw bytes a rejection carries to the dead-letter
// topic (Kafka's default message limit is 1 MB).
const maxRawBytes = 256 << 10

// Record is what Next returns: a post, or a rejection (Reject != nil).
type Record struct {
	// Line is the line of the input (decompressed) where the record starts.
	Line   int
	Post   post.Post
	Reject *Rejection
}

// Rejection is input that did not become a valid post.
type Rejection struct {
	Reason string
	// Raw holds the record's original bytes (clipped to 256 KB).
	Raw []byte
}

// Stats count what a Reader did so far.
type Stats struct {
	// Posts returned, records rejected, and records that are not posts
	// (v1.1 delete and limit notices, Jetstream deletes, reposts and
	// identity events, twarc2 keep-alives and error lines).
	Posts, Rejected, Skipped int64
	// BytesRead of the input as stored (compressed bytes for gzip).
	BytesRead int64
}

type options struct {
	now       func() time.Time
	format    Format
	maxRecord int
	// Source only.
	progress func(Progress)
	every    time.Duration
	batch    int
}

// Option configures a Reader or a Source.
type Option func(*options)

// WithClock sets the clock post validation measures "in the future" with
// (default time.Now); the Source also paces progress reports with it.
func WithClock(now func() time.Time) Option { return func(o *options) { o.now = now } }

// WithFormat skips detection (the layout, lines or array, is still found).
func WithFormat(f Format) Option { return func(o *options) { o.format = f } }

// WithMaxRecordBytes bounds one record (default DefaultMaxRecordBytes).
func WithMaxRecordBytes(n int) Option { return func(o *options) { o.maxRecord = n } }

func buildOptions(opts []Option) options {
	o := options{now: time.Now, maxRecord: DefaultMaxRecordBytes, every: 250 * time.Millisecond, batch: 1000}
	for _, opt := range opts {
		opt(&o)
	}
	if o.maxRecord <= 0 {
		o.maxRecord = DefaultMaxRecordBytes
	}
	return o
}

// Reader reads the records of one archive.
type Reader struct {
	opts    options
	closer  io.Closer
	count   *countingReader
	format  Format
	split   splitter
	parser  parser
	res     results
	pending []Record
	next    int
	done    bool
	stats   Stats
}

// Open opens an archive file and detects its format.
func Open(path string, opts ...Option) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("archive: %w", err)
	}
	r, err := NewReader(f, opts...)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("archive %s: %w", path, err)
	}
	r.closer = f
	return r, nil
}

// NewReader reads an archive from r (gzip-compressed or not) and detects
// its format from the first bytes. It fails with ErrUnknownFormat when the
// content is none of the formats; an empty input is no error (Next returns
// io.EOF at once).
func NewReader(in io.Reader, opts ...Option) (*Reader, error) {
	r := &Reader{opts: buildOptions(opts), count: &countingReader{r: in}}
	raw := bufio.NewReaderSize(r.count, 64<<10)
	var plain io.Reader = raw
	if magic, err := raw.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(raw)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrUnknownFormat, err)
		}
		plain = zr
	}
	br := bufio.NewReaderSize(plain, HeadSize)
	head, _ := br.Peek(HeadSize)
	if r.count.err != nil {
		return nil, fmt.Errorf("read: %w", r.count.err)
	}
	d, err := detect(head)
	switch {
	case errors.Is(err, ErrEmpty):
		r.done = true
		return r, nil
	case err != nil && r.opts.format == FormatUnknown:
		return nil, err
	}
	if r.opts.format != FormatUnknown && r.opts.format != d.format {
		d.format = r.opts.format
		if (d.format == FormatTCAT || d.format == FormatTwarcCSV) != (d.layout == layoutCSV) {
			return nil, fmt.Errorf("%w: the content does not look like %s", ErrUnknownFormat, d.format)
		}
	}
	if bytes.HasPrefix(head, bom) {
		_, _ = br.Discard(len(bom))
	}
	r.format = d.format
	switch d.layout {
	case layoutLines:
		r.split = newLineSplitter(br, r.opts.maxRecord)
	case layoutArray, layoutConcat:
		r.split = newValueSplitter(br, r.opts.maxRecord, d.layout == layoutArray)
	case layoutCSV:
		r.split = newCSVSplitter(br, r.opts.maxRecord)
	}
	r.parser = newParser(d)
	if r.parser == nil {
		return nil, fmt.Errorf("%w: %q", ErrUnknownFormat, d.format)
	}
	return r, nil
}

func newParser(d detection) parser {
	switch d.format {
	case FormatVigie:
		return vigieParser{}
	case FormatTwarc2:
		return twarc2Parser{}
	case FormatTwarc2Flat:
		return flatParser{}
	case FormatXv11:
		return v11Parser{}
	case FormatMastodon:
		return mastodonParser{}
	case FormatJetstream:
		return &jetstreamParser{}
	case Format4CAT:
		return fourCATParser{}
	case FormatTCAT:
		return &csvParser{comma: d.comma, toPost: tcatPost}
	case FormatTwarcCSV:
		return &csvParser{comma: d.comma, toPost: twarcCSVPost}
	}
	return nil
}

// Format is the detected (or forced) format; FormatUnknown for an empty input.
func (r *Reader) Format() Format { return r.format }

// Stats returns the counts so far.
func (r *Reader) Stats() Stats {
	s := r.stats
	s.BytesRead = r.count.n
	return s
}

// Close closes the file Open opened.
func (r *Reader) Close() error {
	if r.closer == nil {
		return nil
	}
	return r.closer.Close()
}

// Next returns the next post or rejection, or io.EOF at the end. Posts are
// normalised and validated (post.Normalize): an invalid one (no id, an
// absurd date, an oversized field) comes back as a rejection. Records that
// are not posts (delete and limit notices, reposts, keep-alives) are
// counted in Stats().Skipped and not returned. Any other error is a read
// error of the underlying file.
func (r *Reader) Next() (Record, error) {
	for {
		if r.next < len(r.pending) {
			rec := r.pending[r.next]
			r.pending[r.next] = Record{}
			r.next++
			return rec, nil
		}
		if r.done {
			return Record{}, io.EOF
		}
		r.pending, r.next = r.pending[:0], 0
		if err := r.fill(); err != nil {
			return Record{}, err
		}
	}
}

// fill reads one record and queues what it became.
func (r *Reader) fill() error {
	rec, line, atEOF, err := r.split.next()
	switch {
	case errors.Is(err, io.EOF):
		r.done = true
		return nil
	case errors.Is(err, errTooLong):
		r.reject(line, nil, fmt.Sprintf("record longer than %d bytes", r.opts.maxRecord))
		return nil
	case errors.Is(err, errTruncated):
		r.reject(line, rec, "truncated record at end of file")
		return nil
	case err != nil:
		r.done = true
		if r.count.err != nil {
			return fmt.Errorf("archive: read: %w", r.count.err)
		}
		// The decompressor failed: the rest of the file is lost.
		if len(bytes.TrimSpace(rec)) > 0 {
			r.reject(line, rec, "record cut by a corrupt or truncated gzip stream")
		} else {
			r.reject(line, nil, "corrupt or truncated gzip stream: "+err.Error())
		}
		return nil
	}
	if len(bytes.TrimSpace(rec)) == 0 {
		return nil
	}
	if !utf8.Valid(rec) {
		r.reject(line, rec, "record is not valid UTF-8")
		return nil
	}
	r.res.reset()
	if perr := r.parser.parse(rec, &r.res); perr != nil {
		reason := perr.Error()
		if atEOF {
			reason = "truncated last record? " + reason
		}
		r.reject(line, rec, reason)
		return nil
	}
	for _, it := range r.res.rejects {
		r.reject(line, it.raw, it.reason)
	}
	if len(r.res.posts) == 0 && len(r.res.rejects) == 0 && !r.res.header {
		r.stats.Skipped++
		return nil
	}
	now := r.opts.now()
	for i := range r.res.posts {
		p := r.res.posts[i]
		if p.IngestedAt.IsZero() {
			p.IngestedAt = now
		}
		if err := post.Normalize(&p, now); err != nil {
			raw := rec
			if len(r.res.posts) > 1 {
				raw, _ = json.Marshal(p)
			}
			r.reject(line, raw, err.Error())
			continue
		}
		r.stats.Posts++
		r.pending = append(r.pending, Record{Line: line, Post: p})
	}
	return nil
}

func (r *Reader) reject(line int, raw []byte, reason string) {
	r.stats.Rejected++
	if len(raw) > maxRawBytes {
		raw = raw[:maxRawBytes]
	}
	r.pending = append(r.pending, Record{Line: line, Reject: &Rejection{Reason: reason, Raw: bytes.Clone(raw)}})
}

// results collects what one record became: posts, rejected items inside
// the record (one bad tweet of a twarc2 page), or nothing (a notice).
type results struct {
	posts   []post.Post
	rejects []itemReject
	// header marks a record that is structure, not data (a CSV header).
	header bool
}

type itemReject struct {
	raw    []byte
	reason string
}

func (r *results) reset() {
	clear(r.posts) // drop references to the previous record's strings
	r.posts = r.posts[:0]
	r.rejects = r.rejects[:0]
	r.header = false
}

// parser turns one record into posts. An error rejects the whole record.
type parser interface {
	parse(rec []byte, res *results) error
}

// Where formats a record's origin: "path:line".
func Where(path string, line int) string { return path + ":" + strconv.Itoa(line) }

// countingReader counts the bytes read from the file and keeps its last
// error apart from the decompressor's.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) {
		c.err = err
	}
	return n, err
}
