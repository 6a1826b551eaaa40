package wsmsg

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/vigie-edu/vigie/internal/rawjson"
)

// serve starts a WebSocket server that sends msgs in order, then waits for
// the client to go; it returns a connected client.
func serve(t *testing.T, msgs []msg) *websocket.Conn {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer c.CloseNow()
		for _, m := range msgs {
			if err := c.Write(r.Context(), m.typ, m.b); err != nil {
				return
			}
		}
		_, _, _ = c.Read(r.Context()) // until the client closes
	}))
	t.Cleanup(srv.Close)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	c, _, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(srv.URL, "http"), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.CloseNow() })
	return c
}

type msg struct {
	typ websocket.MessageType
	b   []byte
}

func pattern(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = 'a' + byte(i%26)
	}
	return b
}

func TestRead(t *testing.T) {
	const max = 1 << 20
	big := pattern(max + 100<<10)
	cases := []struct {
		name     string
		send     msg
		wantLen  int // bytes returned
		wantSize int64
		tooLong  bool
	}{
		{"empty", msg{websocket.MessageText, nil}, 0, 0, false},
		{"small text", msg{websocket.MessageText, []byte(`{"id":"1"}`)}, 10, 10, false},
		{"binary", msg{websocket.MessageBinary, []byte{0, 1, 2}}, 3, 3, false},
		{"at the limit", msg{websocket.MessageText, pattern(max)}, max, max, false},
		{"one byte over", msg{websocket.MessageText, pattern(max + 1)}, rawjson.MaxRawBytes, max + 1, true},
		{"100 KiB over", msg{websocket.MessageText, big}, rawjson.MaxRawBytes, int64(len(big)), true},
		{"after the long ones", msg{websocket.MessageText, []byte(`{"id":"2"}`)}, 10, 10, false},
	}
	var msgs []msg
	for _, c := range cases {
		msgs = append(msgs, c.send)
	}
	conn := serve(t, msgs)
	conn.SetReadLimit(MaxDiscardBytes)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, c := range cases { // in order: one connection reads them all
		typ, b, size, err := Read(ctx, conn, max)
		if c.tooLong != errors.Is(err, ErrTooLong) || (!c.tooLong && err != nil) {
			t.Fatalf("%s: err = %v, want too long = %v", c.name, err, c.tooLong)
		}
		if typ != c.send.typ || len(b) != c.wantLen || size != c.wantSize {
			t.Errorf("%s: type %v, %d bytes, size %d; want %v, %d, %d", c.name, typ, len(b), size, c.send.typ, c.wantLen, c.wantSize)
		}
		if !bytes.HasPrefix(c.send.b, b) {
			t.Errorf("%s: the bytes returned are not the message's first bytes", c.name)
		}
	}
}

// TestReadPastTheReadLimit: a message longer than the connection's read
// limit ends the connection with an error other than ErrTooLong.
func TestReadPastTheReadLimit(t *testing.T) {
	conn := serve(t, []msg{{websocket.MessageText, pattern(3 << 20)}})
	conn.SetReadLimit(2 << 20)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, b, _, err := Read(ctx, conn, 1<<20)
	if err == nil || errors.Is(err, ErrTooLong) || b != nil {
		t.Fatalf("err = %v, %d bytes; want the connection's error and no bytes", err, len(b))
	}
	if _, _, _, err := Read(ctx, conn, 1<<20); err == nil {
		t.Error("the connection still reads after its read limit was passed")
	}
}

func TestReadCancelled(t *testing.T) {
	conn := serve(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, _, err := Read(ctx, conn, 1<<10); err == nil {
		t.Fatal("read on a cancelled context succeeded")
	}
}
