package kafkax

import (
	"bytes"
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
)

// TestWriterSplitsBatchesUnderTheBrokerLimit writes, in one call, more
// bytes than a broker accepts in one record batch (3,000 messages of
// 1.5 KB on one key, so one partition): the writer must split them, not
// fail with "Message Size Too Large" forever. This blocked the classify
// stage once classified posts grew past 1 KB.
func TestWriterSplitsBatchesUnderTheBrokerLimit(t *testing.T) {
	cfg, e := startBroker(t, t.TempDir())
	defer e.Close()
	w := NewWriter(cfg, TopicClassified)
	defer w.Close()
	value := bytes.Repeat([]byte("x"), 1500)
	msgs := make([]kafka.Message, 3000)
	for i := range msgs {
		msgs[i] = kafka.Message{Key: []byte("same-key"), Value: append([]byte(strconv.Itoa(i)), value...)}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := w.WriteMessages(ctx, msgs...); err != nil {
		t.Fatalf("writing 4.5 MB in one call: %v", err)
	}
	if got := len(readAll(t, cfg, TopicClassified, len(msgs))); got != len(msgs) {
		t.Errorf("read back %d messages, want %d", got, len(msgs))
	}
}
