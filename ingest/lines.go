package ingest

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"

	"github.com/segmentio/kafka-go"
)

// Rejecter sends input that never became a post to the dead-letter topic
// (Publisher.Reject).
type Rejecter func(ctx context.Context, dead ...kafka.Message) error

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
