// Package kafkax is the only place that knows how Vigie talks to Kafka: the
// topic names, how writers are configured (acks from every replica, short
// batch timeout), the consumer loop with its commit rules (fetch a batch,
// handle it, commit only after success, poison messages to the dead-letter
// topic), consumer lag, and the embedded broker used on a single machine.
package kafkax

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/segmentio/kafka-go"
)

// Topics of the pipeline.
const (
	TopicRaw        = "vigie.posts.raw"
	TopicClassified = "vigie.posts.classified"
	TopicDLQ        = "vigie.dlq"
)

// Consumer groups of the stages.
const (
	GroupClassify = "vigie-classify"
	GroupStore    = "vigie-store"
)

// Headers set on dead-letter messages.
const (
	HeaderStage     = "vigie-stage"
	HeaderReason    = "vigie-reason"
	HeaderTopic     = "vigie-topic"
	HeaderPartition = "vigie-partition"
	HeaderOffset    = "vigie-offset"
	// HeaderOrigin says where input rejected by ingest came from (file:line, post key).
	HeaderOrigin = "vigie-origin"
)

// Config says which brokers to talk to and how topics are laid out.
type Config struct {
	// Brokers are host:port addresses of the Kafka cluster.
	Brokers []string
	// Partitions of each topic created by EnsureTopics.
	Partitions int
	// ReplicationFactor of each topic created by EnsureTopics.
	ReplicationFactor int
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	if len(c.Brokers) == 0 {
		return errors.New("kafka: no broker address")
	}
	for _, b := range c.Brokers {
		if _, _, err := net.SplitHostPort(b); err != nil {
			return fmt.Errorf("kafka: broker address %q: %w", b, err)
		}
	}
	if c.Partitions < 1 {
		return fmt.Errorf("kafka: partitions must be at least 1, got %d", c.Partitions)
	}
	if c.ReplicationFactor < 1 {
		return fmt.Errorf("kafka: replication factor must be at least 1, got %d", c.ReplicationFactor)
	}
	return nil
}

// ParseBrokers splits a comma-separated broker list.
func ParseBrokers(s string) []string {
	var out []string
	for _, b := range strings.Split(s, ",") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// EnsureTopics creates the pipeline's topics when they do not exist yet.
// Existing topics are left as they are.
func EnsureTopics(ctx context.Context, cfg Config) error {
	// kafka-go reports an unreachable broker as "[8] Broker Not Available";
	// dial first so the error says which address refused and why.
	if err := reachable(ctx, cfg.Brokers); err != nil {
		return fmt.Errorf("kafka: create topics: %w", err)
	}
	client := newClient(cfg)
	var req kafka.CreateTopicsRequest
	for _, t := range []string{TopicRaw, TopicClassified, TopicDLQ} {
		req.Topics = append(req.Topics, kafka.TopicConfig{
			Topic:             t,
			NumPartitions:     cfg.Partitions,
			ReplicationFactor: cfg.ReplicationFactor,
		})
	}
	resp, err := client.CreateTopics(ctx, &req)
	if err != nil {
		return fmt.Errorf("kafka: create topics on %s: %w", strings.Join(cfg.Brokers, ","), err)
	}
	for topic, terr := range resp.Errors {
		if terr != nil && !errors.Is(terr, kafka.TopicAlreadyExists) {
			return fmt.Errorf("kafka: create topic %s: %w", topic, terr)
		}
	}
	return nil
}

// maxBatchBytes bounds one produced record batch. Kafka brokers refuse a
// batch larger than message.max.bytes (1,048,588 by default, and kfake's
// default too) with "Message Size Too Large": 1,000 classified posts of
// 1.1 KB used to make such a batch and block the classify stage in
// retries. kafka-go counts message bytes only, so keep a margin for the
// batch and record headers.
const maxBatchBytes = 900 << 10

// reachable returns nil when at least one broker accepts a TCP connection,
// else every dial error (each names its address).
func reachable(ctx context.Context, brokers []string) error {
	var errs []error
	for _, b := range brokers {
		var d net.Dialer
		dctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		conn, err := d.DialContext(dctx, "tcp", b)
		cancel()
		if err == nil {
			conn.Close()
			return nil
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("no broker reachable: %w", errors.Join(errs...))
}

// NewWriter returns a writer for topic that waits for every in-sync replica
// (RequireAll), hashes keys to partitions (a post always lands on the same
// partition), and flushes quickly. Callers write slices, not single messages.
func NewWriter(cfg Config, topic string) *kafka.Writer {
	return &kafka.Writer{
		Addr:         kafka.TCP(cfg.Brokers...),
		Topic:        topic,
		Balancer:     &kafka.Hash{},
		RequiredAcks: kafka.RequireAll,
		BatchSize:    1000,
		BatchBytes:   maxBatchBytes,
		BatchTimeout: 5 * time.Millisecond,
		MaxAttempts:  5,
	}
}

// Lag returns how many messages of topic the group has not committed yet,
// summed over partitions. A partition the group never committed counts from
// its first offset.
func Lag(ctx context.Context, cfg Config, group, topic string) (int64, error) {
	client := newClient(cfg)
	first, last, err := partitionOffsets(ctx, client, topic)
	if err != nil {
		return 0, err
	}
	parts := make([]int, 0, len(last))
	for p := range last {
		parts = append(parts, p)
	}
	committed, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: parts}})
	if err != nil {
		return 0, fmt.Errorf("kafka: committed offsets of %s on %s: %w", group, topic, err)
	}
	var lag int64
	for _, p := range committed.Topics[topic] {
		if p.Error != nil {
			return 0, fmt.Errorf("kafka: committed offset of %s %s/%d: %w", group, topic, p.Partition, p.Error)
		}
		pos := p.CommittedOffset
		if pos < 0 {
			pos = first[p.Partition]
		}
		if d := last[p.Partition] - pos; d > 0 {
			lag += d
		}
	}
	return lag, nil
}

// EndOffsets returns the sum over partitions of the next offset of topic: how
// many messages the topic has received in all.
func EndOffsets(ctx context.Context, cfg Config, topic string) (int64, error) {
	_, last, err := partitionOffsets(ctx, newClient(cfg), topic)
	if err != nil {
		return 0, err
	}
	var n int64
	for _, o := range last {
		n += o
	}
	return n, nil
}

func newClient(cfg Config) *kafka.Client {
	return &kafka.Client{Addr: kafka.TCP(cfg.Brokers...), Timeout: 10 * time.Second}
}

// partitionOffsets returns the first and the next (end) offset of every
// partition of topic.
func partitionOffsets(ctx context.Context, client *kafka.Client, topic string) (first, last map[int]int64, err error) {
	meta, err := client.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return nil, nil, fmt.Errorf("kafka: metadata of %s: %w", topic, err)
	}
	if len(meta.Topics) != 1 || meta.Topics[0].Error != nil {
		return nil, nil, fmt.Errorf("kafka: metadata of %s: topic missing", topic)
	}
	var firsts, lasts []kafka.OffsetRequest
	for _, p := range meta.Topics[0].Partitions {
		firsts = append(firsts, kafka.FirstOffsetOf(p.ID))
		lasts = append(lasts, kafka.LastOffsetOf(p.ID))
	}
	first = make(map[int]int64)
	last = make(map[int]int64)
	for _, q := range []struct {
		reqs []kafka.OffsetRequest
		pick func(kafka.PartitionOffsets)
	}{
		{firsts, func(p kafka.PartitionOffsets) { first[p.Partition] = p.FirstOffset }},
		{lasts, func(p kafka.PartitionOffsets) { last[p.Partition] = p.LastOffset }},
	} {
		resp, err := client.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: q.reqs}})
		if err != nil {
			return nil, nil, fmt.Errorf("kafka: list offsets of %s: %w", topic, err)
		}
		for _, p := range resp.Topics[topic] {
			if p.Error != nil {
				return nil, nil, fmt.Errorf("kafka: list offsets of %s/%d: %w", topic, p.Partition, p.Error)
			}
			q.pick(p)
		}
	}
	return first, last, nil
}

// DeadLetter builds the dead-letter copy of msg: the original bytes and key,
// with the stage, the reason and where it came from in headers.
func DeadLetter(stage, reason string, msg kafka.Message) kafka.Message {
	return kafka.Message{
		Key:   msg.Key,
		Value: msg.Value,
		Headers: []kafka.Header{
			{Key: HeaderStage, Value: []byte(stage)},
			{Key: HeaderReason, Value: []byte(reason)},
			{Key: HeaderTopic, Value: []byte(msg.Topic)},
			{Key: HeaderPartition, Value: []byte(strconv.Itoa(msg.Partition))},
			{Key: HeaderOffset, Value: []byte(strconv.FormatInt(msg.Offset, 10))},
		},
	}
}

// Header returns the value of the first header named key, or "".
func Header(msg kafka.Message, key string) string {
	for _, h := range msg.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return ""
}
