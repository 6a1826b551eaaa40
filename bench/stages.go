package bench

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pemistahl/lingua-go"
	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/post"
)

// scenarioPosts returns the first n scenario posts (the scale grows as needed).
func scenarioPosts(n int) []post.Post {
	scale := max(1, (n+scenario.Count(1)-1)/scenario.Count(1))
	out := make([]post.Post, 0, n)
	for it := range scenario.Items(scale) {
		if len(out) == n {
			break
		}
		out = append(out, it.Post)
	}
	return out
}

// parallel runs fn over items on one goroutine per core, each taking the
// next item as it frees up (as the classify stage's workers do), and
// returns the time taken.
func parallel[T any](items []T, fn func(T)) time.Duration {
	start := time.Now()
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(runtime.GOMAXPROCS(0), len(items)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < len(items); i = int(next.Add(1) - 1) {
				fn(items[i])
			}
		})
	}
	wg.Wait()
	return time.Since(start)
}

// ClassifyResult compares the whole classifier with lingua-go alone on the same texts.
type ClassifyResult struct {
	Posts                     int
	ClassifyPerSec, LinguaSec float64
	Ratio                     float64
}

// CompareClassify classifies n scenario posts, then runs lingua-go alone
// (same languages, models preloaded) on the same texts, both on one
// goroutine per core, alternating three rounds and keeping the medians.
func CompareClassify(n int) (ClassifyResult, error) {
	res := ClassifyResult{Posts: n}
	c, err := classify.New(classify.Config{})
	if err != nil {
		return res, err
	}
	// lingua as the classifier runs it: the same languages, models
	// preloaded, low-accuracy mode (classify.Config.HighAccuracy is off).
	det := lingua.NewLanguageDetectorBuilder().
		FromLanguages(lingua.French, lingua.English, lingua.Spanish, lingua.German, lingua.Italian,
			lingua.Portuguese, lingua.Dutch, lingua.Arabic).
		WithPreloadedLanguageModels().WithLowAccuracyMode().Build()
	posts := scenarioPosts(n)
	now := time.Now()
	var cl, li []float64
	for round := 0; round < 3; round++ {
		d := parallel(posts, func(p post.Post) { c.Classify(p, now) })
		cl = append(cl, float64(n)/d.Seconds())
		d = parallel(posts, func(p post.Post) { det.ComputeLanguageConfidenceValues(p.Text) })
		li = append(li, float64(n)/d.Seconds())
	}
	res.ClassifyPerSec, res.LinguaSec = median(cl), median(li)
	res.Ratio = res.ClassifyPerSec / res.LinguaSec
	return res, nil
}

// median is the middle value (the mean of the two middle ones for an even
// count; 0 for none).
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 0 {
		return (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return s[len(s)/2]
}

// IngestResult compares the ingest publisher (normalise, match the tracked
// terms, encode, write with acks from all replicas) with a kafka-go Writer
// alone writing the same messages.
type IngestResult struct {
	Posts                    int
	PublishPerSec, RawPerSec float64
	Ratio                    float64
}

// CompareIngest publishes n scenario posts through ingest.Publisher and, on
// another topic, the same encoded messages with a bare kafka-go Writer, in
// batches of 1,000, alternating, on an embedded broker in dir.
func CompareIngest(ctx context.Context, dir string, n int) (IngestResult, error) {
	res := IngestResult{Posts: n}
	broker, err := kafkax.StartEmbedded(dir, 0, slog.New(slog.DiscardHandler))
	if err != nil {
		return res, err
	}
	defer broker.Close()
	kc := kafkax.Config{Brokers: broker.Brokers(), Partitions: 4, ReplicationFactor: 1}
	if err := kafkax.EnsureTopics(ctx, kc); err != nil {
		return res, err
	}
	client := &kafka.Client{Addr: kafka.TCP(kc.Brokers...)}
	if _, err := client.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{{Topic: "bench.raw", NumPartitions: 4, ReplicationFactor: 1}}}); err != nil {
		return res, fmt.Errorf("bench: create topic: %w", err)
	}
	tracker, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		return res, err
	}
	rawW, dlqW := kafkax.NewWriter(kc, kafkax.TopicRaw), kafkax.NewWriter(kc, kafkax.TopicDLQ)
	defer rawW.Close()
	defer dlqW.Close()
	pub := ingest.NewPublisher(ingest.PublisherConfig{Tracker: tracker, Logger: slog.New(slog.DiscardHandler)}, rawW, dlqW)
	bare := kafkax.NewWriter(kc, "bench.raw")
	defer bare.Close()

	posts := scenarioPosts(n)
	// The bare writer gets the messages the publisher would produce, encoded beforehand.
	msgs := make([]kafka.Message, len(posts))
	for i := range posts {
		p := posts[i]
		if err := post.Normalize(&p, time.Now()); err != nil {
			return res, err
		}
		p.Matched = tracker.Match(&p)
		b, err := p.Marshal()
		if err != nil {
			return res, err
		}
		msgs[i] = kafka.Message{Key: []byte(p.Key() + strconv.Itoa(i)), Value: b}
	}
	var pubTime, rawTime time.Duration
	for lo := 0; lo < len(posts); lo += 1000 {
		hi := min(lo+1000, len(posts))
		batch := append([]post.Post(nil), posts[lo:hi]...)
		start := time.Now()
		if err := pub.Emit(ctx, batch); err != nil {
			return res, err
		}
		pubTime += time.Since(start)
		start = time.Now()
		if err := bare.WriteMessages(ctx, msgs[lo:hi]...); err != nil {
			return res, fmt.Errorf("bench: raw produce: %w", err)
		}
		rawTime += time.Since(start)
	}
	res.PublishPerSec = float64(n) / pubTime.Seconds()
	res.RawPerSec = float64(n) / rawTime.Seconds()
	res.Ratio = res.PublishPerSec / res.RawPerSec
	return res, nil
}
