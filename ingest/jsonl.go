package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"unicode/utf8"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/post"
)

// Rejecter sends input that never became a post to the dead-letter topic
// (Publisher.Reject).
type Rejecter func(ctx context.Context, dead ...kafka.Message) error

// JSONLFile reads Vigie's own JSON Lines format: one post.Post (or
// post.Classified, whose extra fields are ignored) per line, optionally
// gzip-compressed. A line that does not decode goes to the dead-letter topic
// with its line number; the rest of the file still imports.
type JSONLFile struct {
	Path      string
	BatchSize int
	reject    Rejecter
}

// NewJSONLFile returns a source reading path.
func NewJSONLFile(path string, reject Rejecter) *JSONLFile {
	return &JSONLFile{Path: path, BatchSize: 1000, reject: reject}
}

// Name implements Source.
func (f *JSONLFile) Name() string { return "file:" + f.Path }

// Run implements Source.
func (f *JSONLFile) Run(ctx context.Context, emit Emit) error {
	file, err := os.Open(f.Path)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", f.Name(), err)
	}
	defer file.Close()
	r, err := maybeGunzip(file)
	if err != nil {
		return fmt.Errorf("ingest %s: %w", f.Name(), err)
	}
	lines := NewLineReader(r, post.MaxMessageBytes)
	batch := make([]post.Post, 0, f.BatchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := emit(ctx, batch)
		batch = batch[:0]
		return err
	}
	for {
		line, n, err := lines.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		where := f.Path + ":" + strconv.Itoa(n)
		var reason string
		switch {
		case errors.Is(err, ErrLineTooLong):
			reason = fmt.Sprintf("line longer than %d bytes", post.MaxMessageBytes)
		case err != nil:
			return fmt.Errorf("ingest %s: read line %d: %w", f.Name(), n, err)
		case len(bytes.TrimSpace(line)) == 0:
			continue
		case !utf8.Valid(line):
			reason = "line is not valid UTF-8"
		default:
			var p post.Post
			if jerr := json.Unmarshal(line, &p); jerr != nil {
				reason = "malformed JSON: " + jerr.Error()
			} else {
				batch = append(batch, p)
			}
		}
		if reason != "" {
			if err := f.reject(ctx, RejectRaw(line, reason+" at line "+strconv.Itoa(n), where)); err != nil {
				return err
			}
		}
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return fmt.Errorf("ingest %s: %w", f.Name(), err)
			}
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("ingest %s: %w", f.Name(), err)
	}
	return nil
}

// maybeGunzip decompresses r when it starts with the gzip magic bytes.
func maybeGunzip(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, err := br.Peek(2)
	if err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return zr, nil
	}
	return br, nil
}

// ErrLineTooLong is returned for a line longer than the reader's limit; the
// reader skips the rest of it and goes on with the next line.
var ErrLineTooLong = errors.New("line too long")

// LineReader reads lines of at most max bytes without ever holding a longer
// line in memory. A last line without a newline is returned too.
type LineReader struct {
	r    *bufio.Reader
	max  int
	n    int
	buf  []byte
	done bool
}

// NewLineReader reads lines from r.
func NewLineReader(r io.Reader, max int) *LineReader {
	return &LineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// Next returns the next line (without its newline) and its 1-based number.
// The returned slice is valid until the next call.
func (l *LineReader) Next() ([]byte, int, error) {
	if l.done {
		return nil, l.n, io.EOF
	}
	l.n++
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+1 {
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			l.done = true
			if len(l.buf) == 0 && !tooLong {
				return nil, l.n, io.EOF
			}
		} else if err != nil {
			return nil, l.n, err
		}
		break
	}
	if tooLong {
		return nil, l.n, ErrLineTooLong
	}
	return bytes.TrimRight(l.buf, "\r\n"), l.n, nil
}
