package pipeline

import (
	"context"
	"time"

	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/metrics"
)

// observer returns m as a loop observer, or a nil interface without metrics.
func observer(m *metrics.Metrics) kafkax.Observer {
	if m == nil {
		return nil
	}
	return m
}

// watchLag publishes the consumer lag of the stages' groups every 10 s
// until ctx ends, and makes readiness depend on Kafka answering.
func watchLag(ctx context.Context, m *metrics.Metrics, kc kafkax.Config) {
	if m == nil {
		return
	}
	m.AddReadiness("kafka", func(ctx context.Context) error {
		_, err := kafkax.EndOffsets(ctx, kc, kafkax.TopicRaw)
		return err
	})
	go func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			for _, g := range []struct{ group, topic string }{
				{kafkax.GroupClassify, kafkax.TopicRaw}, {kafkax.GroupStore, kafkax.TopicClassified},
			} {
				if lag, err := kafkax.Lag(ctx, kc, g.group, g.topic); err == nil {
					m.SetLag(g.group, g.topic, lag)
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}
