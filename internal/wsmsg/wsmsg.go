// Package wsmsg reads WebSocket messages with bounded memory: a message
// longer than the caller's limit is read to its end without being kept and
// comes back with its first bytes (for the dead-letter topic) and its size,
// so one hostile message costs neither the heap nor the connection.
package wsmsg

import (
	"bytes"
	"context"
	"errors"
	"io"

	"github.com/coder/websocket"

	"github.com/vigie-edu/vigie/internal/rawjson"
)

// MaxDiscardBytes is the read limit to set on a connection
// (Conn.SetReadLimit): what is read and thrown away of one oversized
// message before the library closes the connection (1009 message too big)
// and the source reconnects.
const MaxDiscardBytes = 64 << 20

// ErrTooLong: a message longer than the limit was read to its end and
// dropped.
var ErrTooLong = errors.New("WebSocket message too long")

// Read reads one message of at most max bytes and returns its type, its
// bytes and its size. A longer one is read to its end without being kept
// (the connection's read limit bounds that) and comes back as ErrTooLong
// with its first bytes (at most rawjson.MaxRawBytes, a copy) and its full
// size, so memory stays bounded and the stream goes on after it. Any other
// error is the connection's.
func Read(ctx context.Context, c *websocket.Conn, max int64) (websocket.MessageType, []byte, int64, error) {
	typ, r, err := c.Reader(ctx)
	if err != nil {
		return 0, nil, 0, err
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		return typ, nil, n, err
	}
	if n <= max {
		return typ, buf.Bytes(), n, nil
	}
	head := bytes.Clone(rawjson.ClipRaw(buf.Bytes()))
	buf = bytes.Buffer{}
	m, err := io.Copy(io.Discard, r)
	if err != nil {
		return typ, nil, n + m, err
	}
	return typ, head, n + m, ErrTooLong
}
