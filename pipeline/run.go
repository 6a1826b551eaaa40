package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/segmentio/kafka-go"
	"golang.org/x/sync/errgroup"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/archive"
	"github.com/vigie-edu/vigie/internal/kafkax"
	"github.com/vigie-edu/vigie/internal/metrics"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Config is everything `vigie run` needs.
type Config struct {
	DataDir  string
	HTTPAddr string // "" disables the dashboard
	// HTTPAuth protects the dashboard; required for a non-loopback HTTPAddr.
	HTTPAuth dashboard.Auth
	Sources  []string
	// SourceValues are sources given as values rather than specs (a
	// program embedding the pipeline, the freshness benchmark); they run
	// beside Sources.
	SourceValues []ingest.Source
	Speed        float64
	Scale        int
	Terms        []string
	Kafka        KafkaConfig
	CH           ClickHouseConfig
	// Once stops when the sources are exhausted and every post is stored.
	Once bool
	// KeepUnmatched publishes posts that match no tracked term too (an
	// archive a researcher already filtered).
	KeepUnmatched bool
	// Progress receives the progress of archive files.
	Progress func(path string, p archive.Progress)
	// Workers classify in parallel (0: one per core).
	Workers int
	// Incidents configures the detection passes, run every IncidentEvery
	// while the pipeline runs and once more when it stops.
	Incidents     IncidentConfig
	IncidentEvery time.Duration
	// Drain bounds how long a stop may take to finish and commit each
	// stage's batch in hand (0: kafkax.DefaultDrainTimeout).
	Drain time.Duration
	// Metrics, if set, receives the stages' metrics and readiness checks.
	Metrics *metrics.Metrics
	Logger  *slog.Logger
}

// Validate reports a configuration that cannot work.
func (c Config) Validate() error {
	if c.DataDir == "" {
		return errors.New("no data folder")
	}
	if len(c.Sources) == 0 && len(c.SourceValues) == 0 {
		return errors.New("no source")
	}
	if c.Speed < 0 {
		return fmt.Errorf("speed must be 0 (as fast as possible) or positive, got %g", c.Speed)
	}
	if c.Kafka.Partitions < 1 {
		return fmt.Errorf("partitions must be at least 1, got %d", c.Kafka.Partitions)
	}
	return nil
}

// Summary is what `vigie run --once` prints: the counts of this run, and the
// distinct posts in ClickHouse after it (all runs on the data folder).
type Summary struct {
	Ingested      int64                 `json:"ingested"`
	Classified    int64                 `json:"classified"`
	Stored        int64                 `json:"stored"`
	DLQ           int64                 `json:"dlq"`
	DistinctPosts uint64                `json:"distinct_posts"`
	ByLabel       map[post.Label]uint64 `json:"by_label"`
	// FirstPublished is when the first post was handed to Kafka, and
	// LastStored when the last batch's insert returned. The end-to-end
	// window runs from the earlier of FirstPublished and the first insert
	// (a backlog left by an earlier run on the data folder is stored
	// before anything is published) to LastStored: it leaves out the start
	// of Kafka, ClickHouse and the classifier before it, and the final
	// rollup recount and incident pass after it.
	FirstPublished time.Time `json:"first_published,omitzero"`
	LastStored     time.Time `json:"last_stored,omitzero"`
	// StoredPerSecond is Stored over that window.
	StoredPerSecond float64 `json:"stored_per_second,omitempty"`
}

// timedInserter is a PostInserter that remembers when its first and last
// inserts returned.
type timedInserter struct {
	PostInserter
	first, last atomic.Pointer[time.Time]
}

func (t *timedInserter) InsertPosts(ctx context.Context, posts []post.Classified) error {
	err := t.PostInserter.InsertPosts(ctx, posts)
	if err == nil && len(posts) > 0 {
		now := time.Now()
		t.first.CompareAndSwap(nil, &now)
		t.last.Store(&now)
	}
	return err
}

// window returns the end-to-end window of a run that published from
// firstPublished: zero times when nothing was stored.
func (t *timedInserter) window(firstPublished time.Time) (from, to time.Time) {
	first, last := t.first.Load(), t.last.Load()
	if first == nil || last == nil {
		return time.Time{}, time.Time{}
	}
	from = *first
	if !firstPublished.IsZero() && firstPublished.Before(from) {
		from = firstPublished
	}
	return from, *last
}

// Run runs the whole pipeline in this process: Kafka (embedded unless
// brokers are given), ClickHouse (a local server unless an address is
// given), the sources, the classify and store stages, and the dashboard.
// It stops when ctx ends, or with Once when everything is stored; in-flight
// batches are flushed either way.
func Run(ctx context.Context, cfg Config) (Summary, error) {
	var sum Summary
	if err := cfg.Validate(); err != nil {
		return sum, fmt.Errorf("run: %w", err)
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	started := cfg.Metrics.Starting("pipeline", "starting: Kafka, ClickHouse, language models")

	kfk, err := StartKafka(ctx, cfg.DataDir, cfg.Kafka, log)
	if err != nil {
		return sum, fmt.Errorf("run: %w", err)
	}
	defer kfk.Close()
	ch, err := StartClickHouse(ctx, cfg.DataDir, cfg.CH, true, log)
	if err != nil {
		return sum, fmt.Errorf("run: %w", err)
	}
	defer func() {
		sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := ch.Stop(sctx); err != nil {
			log.Error("stop clickhouse", "err", err)
		}
	}()
	writerDB, err := store.Open(ctx, ch.Writer)
	if err != nil {
		return sum, fmt.Errorf("run: %w", err)
	}
	defer writerDB.Close()
	readerDB, err := store.Open(ctx, ch.Reader)
	if err != nil {
		return sum, fmt.Errorf("run: %w", err)
	}
	defer readerDB.Close()

	start := time.Now()
	log.Info("loading language models")
	classifier, err := classify.New(classify.Config{})
	if err != nil {
		return sum, fmt.Errorf("run: %w", err)
	}
	log.Info("classifier ready", "version", classify.Version, "took", time.Since(start).Round(time.Millisecond))

	var classified, stored atomic.Int64
	stages, stopStages := context.WithCancel(context.WithoutCancel(ctx))
	defer stopStages()
	var stageGroup errgroup.Group
	watchLag(stages, cfg.Metrics, kfk.Config)
	if cfg.Metrics != nil {
		cfg.Metrics.AddReadiness("clickhouse", writerDB.Ping)
	}
	classifyLoop, closeClassify := newClassifyStage(kfk.Config, classifier, cfg.Workers, cfg.Drain, &classified, observer(cfg.Metrics), log)
	defer closeClassify()
	inserter := &timedInserter{PostInserter: writerDB}
	storeLoop, closeStore := newStoreStage(kfk.Config, inserter, cfg.Drain, &stored, observer(cfg.Metrics), log)
	defer closeStore()
	stageGroup.Go(func() error { return classifyLoop.Run(stages) })
	stageGroup.Go(func() error { return storeLoop.Run(stages) })
	refresherCtx, stopRefresher := context.WithCancel(context.WithoutCancel(ctx))
	defer stopRefresher()
	refresherDone := make(chan struct{})
	go func() {
		defer close(refresherDone)
		RefreshRollupsLoop(refresherCtx, writerDB, 500*time.Millisecond, time.Minute, &stored, log)
	}()

	var dashDone chan error
	dashCtx, stopDash := context.WithCancel(context.WithoutCancel(ctx))
	defer stopDash()
	if cfg.HTTPAddr != "" {
		if err := dashboard.CheckListen(cfg.HTTPAddr, cfg.HTTPAuth); err != nil {
			stopStages()
			_ = stageGroup.Wait()
			return sum, fmt.Errorf("run: %w", err)
		}
		ln, err := net.Listen("tcp", cfg.HTTPAddr)
		if err != nil {
			stopStages()
			_ = stageGroup.Wait()
			return sum, fmt.Errorf("run: dashboard: %w", err)
		}
		dashDone = make(chan error, 1)
		go func() {
			dashDone <- dashboard.ServeWith(dashCtx, ln, readerDB, dashboard.Options{Logger: log, Auth: cfg.HTTPAuth})
		}()
		log.Info("dashboard ready", "url", "http://"+ln.Addr().String())
	}

	if cfg.Incidents.Detector.Step == 0 {
		cfg.Incidents = DefaultIncidentConfig()
	}
	if cfg.IncidentEvery <= 0 {
		cfg.IncidentEvery = 30 * time.Second
	}
	cfg.Incidents.Logger = log
	detectCtx, stopDetect := context.WithCancel(ctx)
	defer stopDetect()
	detectDone := make(chan struct{})
	go func() {
		defer close(detectDone)
		DetectIncidentsLoop(detectCtx, writerDB, cfg.Incidents, cfg.IncidentEvery, log)
	}()

	ing, err := newIngest(kfk.Config, cfg, gapRecorder{writerDB}, log)
	if err != nil {
		stopStages()
		_ = stageGroup.Wait()
		return sum, fmt.Errorf("run: %w", err)
	}
	defer ing.close()
	if cfg.Metrics != nil {
		cfg.Metrics.RegisterIngest(ing.counts)
	}
	started()
	ingestErr := ing.run(ctx)
	if ingestErr != nil && !errors.Is(ingestErr, context.Canceled) {
		log.Error("ingest failed", "err", ingestErr)
	}

	if cfg.Once && ingestErr == nil {
		log.Info("sources exhausted, waiting for every post to be stored")
		if err := waitDrained(ctx, kfk.Config); err != nil {
			ingestErr = err
		}
	} else if ingestErr == nil {
		log.Info("sources exhausted; pipeline keeps running until interrupted")
		<-ctx.Done()
	}

	// Stop: the loops finish the batch in hand and commit it.
	if ctx.Err() != nil {
		log.Info("stopping: flushing the batches in flight")
	}
	stopStages()
	stageErr := stageGroup.Wait()
	// Stages are stopped: recount what they marked, so rollups are exact.
	stopRefresher()
	<-refresherDone
	stopDash()
	if dashDone != nil {
		if err := <-dashDone; err != nil {
			log.Error("dashboard stopped", "err", err)
		}
	}

	stopDetect()
	<-detectDone
	fctx, fcancel := context.WithTimeout(context.Background(), time.Minute)
	found, err := DetectIncidents(fctx, writerDB, cfg.Incidents)
	fcancel()
	if err != nil {
		log.Error("incident detection failed", "err", err)
	} else {
		log.Info("incidents detected", "count", len(found))
	}

	pub := ing.publisher.Stats()
	cs, ss := classifyLoop.Stats(), storeLoop.Stats()
	sum = Summary{
		Ingested:   pub.Published,
		Classified: classified.Load(),
		Stored:     stored.Load(),
		DLQ:        pub.DeadLettered + cs.Poisoned + ss.Poisoned,
		ByLabel:    map[post.Label]uint64{},

		FirstPublished: pub.FirstWrite,
	}
	from, to := inserter.window(pub.FirstWrite)
	sum.LastStored = to
	if w := to.Sub(from); w > 0 {
		sum.StoredPerSecond = float64(sum.Stored) / w.Seconds()
	}
	qctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	totals, err := writerDB.Totals(qctx)
	if err != nil {
		return sum, fmt.Errorf("run: summary: %w", err)
	}
	sum.DistinctPosts = totals.Posts
	for _, l := range post.Labels {
		sum.ByLabel[l] = totals.ByLabel[l]
	}
	if err := errors.Join(stageErr, ingestErr); err != nil && !errors.Is(err, context.Canceled) {
		return sum, fmt.Errorf("run: %w", err)
	}
	return sum, nil
}

func newClassifyStage(kc kafkax.Config, c Classifier, workers int, drain time.Duration, done *Counter, obs kafkax.Observer, log *slog.Logger) (*kafkax.Loop, func()) {
	reader := kafka.NewReader(kafkax.ReaderConfig(kc, kafkax.GroupClassify, kafkax.TopicRaw, 5000))
	out := kafkax.NewWriter(kc, kafkax.TopicClassified)
	dlq := kafkax.NewWriter(kc, kafkax.TopicDLQ)
	loop := kafkax.NewLoop(kafkax.LoopConfig{Stage: "classify", BatchSize: 5000, DrainTimeout: drain, Logger: log, Observer: obs},
		reader, dlq, ClassifyHandler(c, out, workers, time.Now, done))
	return loop, func() { reader.Close(); out.Close(); dlq.Close() }
}

func newStoreStage(kc kafkax.Config, db PostInserter, drain time.Duration, done *Counter, obs kafkax.Observer, log *slog.Logger) (*kafkax.Loop, func()) {
	reader := kafka.NewReader(kafkax.ReaderConfig(kc, kafkax.GroupStore, kafkax.TopicClassified, 20000))
	dlq := kafkax.NewWriter(kc, kafkax.TopicDLQ)
	// A short backoff cap: once ClickHouse is back, the batch in hand lands
	// within a couple of seconds.
	loop := kafkax.NewLoop(kafkax.LoopConfig{Stage: "store", BatchSize: 20000, BatchWait: 500 * time.Millisecond,
		MaxBackoff: 2 * time.Second, DrainTimeout: drain, Logger: log, Observer: obs},
		reader, dlq, StoreHandler(db, time.Now, done))
	return loop, func() { reader.Close(); dlq.Close() }
}

// waitDrained waits until the classify and store groups have committed
// everything in their topics.
func waitDrained(ctx context.Context, kc kafkax.Config) error {
	for _, g := range []struct{ group, topic string }{
		{kafkax.GroupClassify, kafkax.TopicRaw},
		{kafkax.GroupStore, kafkax.TopicClassified},
	} {
		for {
			lag, err := kafkax.Lag(ctx, kc, g.group, g.topic)
			if err == nil && lag == 0 {
				break
			}
			select {
			case <-ctx.Done():
				return fmt.Errorf("waiting for %s to drain %s: %w", g.group, g.topic, ctx.Err())
			case <-time.After(100 * time.Millisecond):
			}
		}
	}
	return nil
}

// ingestSide runs the sources into one publisher.
type ingestSide struct {
	publisher *ingest.Publisher
	sources   []ingest.Source
	raw, dlq  *kafka.Writer
	drain     time.Duration
	log       *slog.Logger
}

func newIngest(kc kafkax.Config, cfg Config, gaps ingest.GapRecorder, log *slog.Logger) (*ingestSide, error) {
	terms := cfg.Terms
	if len(terms) == 0 {
		terms = ingest.DefaultTerms
	}
	tracker, err := ingest.NewTracker(terms)
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	checkpoints, err := ingest.OpenFileCheckpoints(filepath.Join(cfg.DataDir, "ingest", "checkpoints.json"))
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	drain := cfg.Drain
	if drain <= 0 {
		drain = kafkax.DefaultDrainTimeout
	}
	in := &ingestSide{raw: kafkax.NewWriter(kc, kafkax.TopicRaw), dlq: kafkax.NewWriter(kc, kafkax.TopicDLQ), drain: drain, log: log}
	in.publisher = ingest.NewPublisher(ingest.PublisherConfig{Tracker: tracker, KeepUnmatched: cfg.KeepUnmatched, Logger: log}, in.raw, in.dlq)
	deps := ingest.Deps{Gaps: gaps, Checkpoints: checkpoints, Logger: log}.WithDefaults()
	for _, spec := range cfg.Sources {
		src, err := OpenSource(spec, SourceOptions{Speed: cfg.Speed, Scale: cfg.Scale, Progress: cfg.Progress, Terms: cfg.Terms, Deps: deps},
			in.publisher.Reject)
		if err != nil {
			in.close()
			return nil, fmt.Errorf("ingest: %w", err)
		}
		in.sources = append(in.sources, src)
	}
	in.sources = append(in.sources, cfg.SourceValues...)
	return in, nil
}

// run runs the sources until they are exhausted or ctx ends. A batch a
// source handed over before ctx ended is still published (within drain):
// a stop never abandons a write half done.
func (in *ingestSide) run(ctx context.Context) error {
	var abandoned atomic.Int64
	emit := func(ectx context.Context, batch []post.Post) error {
		drain, cancel := kafkax.DrainContext(ectx, in.drain)
		defer cancel()
		err := in.publisher.Emit(drain, batch)
		if err != nil && ectx.Err() != nil {
			abandoned.Add(int64(len(batch)))
		}
		return err
	}
	g, gctx := errgroup.WithContext(ctx)
	for _, src := range in.sources {
		g.Go(func() error {
			in.log.Info("source started", "source", src.Name())
			if err := src.Run(gctx, emit); err != nil {
				return fmt.Errorf("source %s: %w", src.Name(), err)
			}
			in.log.Info("source exhausted", "source", src.Name())
			return nil
		})
	}
	err := g.Wait()
	if ctx.Err() != nil {
		if n := abandoned.Load(); n > 0 {
			in.log.Warn("ingest stopped with batches unpublished after the drain timeout", "posts", n, "drain_timeout", in.drain)
		} else {
			in.log.Info("drained: ingest stopped with every batch handed over published", "stage", "ingest",
				"published", in.publisher.Stats().Published)
		}
	}
	return err
}

func (in *ingestSide) counts() (published, unmatched, deadLettered int64) {
	s := in.publisher.Stats()
	return s.Published, s.Unmatched, s.DeadLettered
}

func (in *ingestSide) close() {
	in.raw.Close()
	in.dlq.Close()
}
