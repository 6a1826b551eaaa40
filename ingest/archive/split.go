package archive

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/vigie-edu/vigie/internal/rawjson"
)

// Errors of the record splitters. A record longer than the limit is skipped
// (the splitter resumes after it); a truncated record is the last one.
var (
	errTooLong   = errors.New("record too long")
	errTruncated = errors.New("record truncated at end of input")
)

// splitter cuts the decompressed input into records: lines, JSON values,
// or CSV records. next returns the record (valid until the next call), the
// line it starts on, and whether it ended at end of input without a
// terminator (a last line without newline).
type splitter interface {
	next() (rec []byte, line int, atEOF bool, err error)
}

// lineSplitter reads lines of at most max bytes without ever holding a
// longer one in memory.
type lineSplitter struct {
	r    *bufio.Reader
	max  int
	line int
	buf  []byte
	done bool
}

func newLineSplitter(r *bufio.Reader, max int) *lineSplitter {
	return &lineSplitter{r: r, max: max}
}

func (s *lineSplitter) next() ([]byte, int, bool, error) {
	if s.done {
		return nil, s.line, false, io.EOF
	}
	s.line++
	s.buf = s.buf[:0]
	tooLong := false
	for {
		chunk, err := s.r.ReadSlice('\n')
		if !tooLong {
			if len(s.buf)+len(chunk) > s.max+2 { // +2: the line's own \r\n
				tooLong = true
				s.buf = s.buf[:0]
			} else {
				s.buf = append(s.buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			s.done = true
			if !errors.Is(err, io.EOF) {
				return s.buf, s.line, true, err
			}
			if len(s.buf) == 0 && !tooLong {
				return nil, s.line, false, io.EOF
			}
			if tooLong {
				return nil, s.line, true, errTooLong
			}
			return bytes.TrimRight(s.buf, "\r"), s.line, true, nil
		}
		break
	}
	if tooLong {
		return nil, s.line, false, errTooLong
	}
	return bytes.TrimRight(s.buf, "\r\n"), s.line, false, nil
}

// valueSplitter cuts a stream of JSON values (pretty-printed objects one
// after another) or the elements of one top-level array, tracking brackets
// and strings only: each value is then decoded on its own, so a malformed
// element is rejected and the next one still imports, and the file is never
// held in memory whole.
type valueSplitter struct {
	r       *bufio.Reader
	max     int
	line    int // line of the read position, 1-based
	array   bool
	started bool
	buf     []byte
	err     error // sticky read error
}

func newValueSplitter(r *bufio.Reader, max int, array bool) *valueSplitter {
	return &valueSplitter{r: r, max: max, line: 1, array: array}
}

func (s *valueSplitter) readByte() (byte, bool) {
	if s.err != nil {
		return 0, false
	}
	c, err := s.r.ReadByte()
	if err != nil {
		s.err = err
		return 0, false
	}
	if c == '\n' {
		s.line++
	}
	return c, true
}

func (s *valueSplitter) fail(atEOF bool) ([]byte, int, bool, error) {
	if errors.Is(s.err, io.EOF) {
		return nil, s.line, atEOF, io.EOF
	}
	return nil, s.line, true, s.err
}

func (s *valueSplitter) next() ([]byte, int, bool, error) {
	for {
		c, ok := s.readByte()
		if !ok {
			return s.fail(false)
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
			continue
		case s.array && !s.started && c == '[':
			s.started = true
			continue
		case s.array && s.started && c == ',':
			continue
		case s.array && s.started && c == ']':
			s.array = false // anything after the array: more values
			continue
		}
		s.started = true
		return s.value(c)
	}
}

func (s *valueSplitter) value(first byte) ([]byte, int, bool, error) {
	start := s.line
	s.buf = append(s.buf[:0], first)
	tooLong := false
	add := func(c byte) {
		if tooLong {
			return
		}
		if len(s.buf) >= s.max {
			tooLong = true
			s.buf = s.buf[:0]
			return
		}
		s.buf = append(s.buf, c)
	}
	end := func() ([]byte, int, bool, error) {
		if tooLong {
			return nil, start, false, errTooLong
		}
		return s.buf, start, false, nil
	}
	truncated := func() ([]byte, int, bool, error) {
		if s.err != nil && !errors.Is(s.err, io.EOF) {
			return s.buf, start, true, s.err
		}
		if tooLong {
			return nil, start, true, errTooLong
		}
		return s.buf, start, true, errTruncated
	}
	switch first {
	case '{', '[', '"':
		t := rawjson.NewTracker(first)
		for {
			c, ok := s.readByte()
			if !ok {
				return truncated()
			}
			add(c)
			if t.Next(c) {
				return end()
			}
		}
	}
	// A scalar (or garbage): up to the next delimiter, left unread.
	for {
		b, err := s.r.Peek(1)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return end()
			}
			s.err = err
			return truncated()
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}':
			return end()
		}
		c, _ := s.readByte()
		add(c)
	}
}

// csvSplitter cuts CSV records: physical lines joined while a quoted field
// is open (an odd number of '"' so far), so that each record keeps its raw
// bytes and its first line number.
type csvSplitter struct {
	lines *lineSplitter
	max   int
	buf   []byte
}

func newCSVSplitter(r *bufio.Reader, max int) *csvSplitter {
	return &csvSplitter{lines: newLineSplitter(r, max), max: max}
}

func (s *csvSplitter) next() ([]byte, int, bool, error) {
	first, start, atEOF, err := s.lines.next()
	if err != nil {
		return first, start, atEOF, err
	}
	quotes := bytes.Count(first, []byte{'"'})
	if quotes%2 == 0 {
		return first, start, atEOF, nil
	}
	s.buf = append(s.buf[:0], first...)
	for quotes%2 == 1 {
		more, _, atEOF, err := s.lines.next()
		switch {
		case errors.Is(err, io.EOF):
			return s.buf, start, true, errTruncated
		case errors.Is(err, errTooLong):
			return nil, start, atEOF, errTooLong
		case err != nil:
			return s.buf, start, true, err
		}
		if len(s.buf)+1+len(more) > s.max {
			return nil, start, atEOF, errTooLong
		}
		s.buf = append(s.buf, '\n')
		s.buf = append(s.buf, more...)
		quotes += bytes.Count(more, []byte{'"'})
		if atEOF && quotes%2 == 1 {
			return s.buf, start, true, errTruncated
		}
	}
	return s.buf, start, false, nil
}
