package bench

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"slices"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Figure is one measured number, as `vigie bench` prints and writes it.
type Figure struct {
	Figure string  `json:"figure"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Target string  `json:"target"`
	Met    bool    `json:"met"`
}

// InsertResult compares the store stage's insert path (insert the posts,
// mark their hours for recount) with a raw clickhouse-go batch insert of the
// same rows into a table of the same definition, batch by batch, alternated.
// The rollup recount, which the store stage runs beside the inserts, is
// timed on its own.
type InsertResult struct {
	Posts          int
	SinkRowsPerSec float64
	RawRowsPerSec  float64
	Ratio          float64
	// RecountRowsPerSec is the rate at which the rollup refresher, running
	// beside the sink in the store stage, recounts what was inserted.
	RecountRowsPerSec float64
}

// CompareInsert loads posts into db through the sink and, alternating batch
// by batch, the same rows into posts_bench_raw with the bare driver.
func CompareInsert(ctx context.Context, cfg store.Config, db *store.DB, posts iter2, batchSize int) (InsertResult, error) {
	var res InsertResult
	raw, err := clickhouse.Open(&clickhouse.Options{
		Addr: []string{cfg.Addr},
		Auth: clickhouse.Auth{Database: cfg.Database, Username: cfg.User, Password: cfg.Password},
	})
	if err != nil {
		return res, fmt.Errorf("bench: open raw connection: %w", err)
	}
	defer raw.Close()
	if err := raw.Exec(ctx, "DROP TABLE IF EXISTS posts_bench_raw"); err != nil {
		return res, fmt.Errorf("bench: %w", err)
	}
	if err := raw.Exec(ctx, "CREATE TABLE posts_bench_raw AS posts"); err != nil {
		return res, fmt.Errorf("bench: %w", err)
	}
	defer func() { _ = raw.Exec(context.WithoutCancel(ctx), "DROP TABLE IF EXISTS posts_bench_raw") }()

	var sinkTime, rawTime, recountTime time.Duration
	batch := make([]post.Classified, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		start := time.Now()
		if err := rawInsert(ctx, raw, batch); err != nil {
			return err
		}
		rawTime += time.Since(start)

		start = time.Now()
		times := make([]time.Time, len(batch))
		for i := range batch {
			times[i] = batch[i].CreatedAt
		}
		if err := db.InsertPosts(ctx, batch); err != nil {
			return err
		}
		if err := db.MarkDirty(ctx, times); err != nil {
			return err
		}
		sinkTime += time.Since(start)

		start = time.Now()
		for {
			n, err := db.RefreshDirty(ctx, 48)
			if err != nil {
				return err
			}
			if n == 0 {
				break
			}
		}
		recountTime += time.Since(start)
		res.Posts += len(batch)
		batch = batch[:0]
		return nil
	}
	for c := range posts {
		batch = append(batch, c)
		if len(batch) == batchSize {
			if err := flush(); err != nil {
				return res, err
			}
		}
	}
	if err := flush(); err != nil {
		return res, err
	}
	res.SinkRowsPerSec = float64(res.Posts) / sinkTime.Seconds()
	res.RawRowsPerSec = float64(res.Posts) / rawTime.Seconds()
	res.Ratio = res.SinkRowsPerSec / res.RawRowsPerSec
	res.RecountRowsPerSec = float64(res.Posts) / recountTime.Seconds()
	return res, nil
}

// iter2 is a sequence of posts (iter.Seq[post.Classified]).
type iter2 = func(yield func(post.Classified) bool)

// rawInsert is what anyone would write with clickhouse-go alone: one
// prepared batch, one Append per row, Send.
func rawInsert(ctx context.Context, conn driver.Conn, posts []post.Classified) error {
	b, err := conn.PrepareBatch(ctx, `INSERT INTO posts_bench_raw (post_key, id, source, created_at, ingested_at,
		author, author_name, author_location, author_bio, text, source_lang, hashtags, matched, place, url, label,
		score_outage, score_complaint, score_testimony, score_other, evidence, platform, region, region_source,
		lang, lang_confidence, lang_source, role, sentiment, classifier, classified_at, version)`)
	if err != nil {
		return fmt.Errorf("bench: raw prepare: %w", err)
	}
	defer b.Close()
	for i := range posts {
		c := &posts[i]
		if err := b.Append(c.Key(), c.ID, c.Source, c.CreatedAt, c.IngestedAt, c.Author, c.AuthorName,
			c.AuthorLocation, c.AuthorBio, c.Text, c.Post.Lang, orEmpty(c.Hashtags), orEmpty(c.Matched), c.Place, c.URL,
			string(c.Label), c.Scores.Outage, c.Scores.Complaint, c.Scores.Testimony, c.Scores.Other,
			orEmpty(c.Evidence), c.Platform, c.Region, c.RegionSource, c.Language, c.LangConfidence, c.LangSource,
			c.Role, c.Sentiment, c.Classifier, c.ClassifiedAt, uint64(c.ClassifiedAt.UnixMilli())); err != nil {
			return fmt.Errorf("bench: raw append: %w", err)
		}
	}
	if err := b.Send(); err != nil {
		return fmt.Errorf("bench: raw send: %w", err)
	}
	return nil
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// QueryLatency is the latency of one dashboard query over repeated runs.
type QueryLatency struct {
	Query    string
	P50, P95 time.Duration
}

// DashboardQueries runs the main typed queries of the dashboard, runs
// times each, over the whole stored period, and returns their latencies
// (PageRefreshes measures the page as a whole).
func DashboardQueries(ctx context.Context, db *store.DB, runs int) ([]QueryLatency, error) {
	from, to, ok, err := db.Extent(ctx)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("bench: no posts stored")
	}
	to = to.Add(time.Second)
	queries := []struct {
		name string
		run  func() error
	}{
		{"extent", func() error { _, _, _, err := db.Extent(ctx); return err }},
		{"totals", func() error { _, err := db.RollupTotals(ctx); return err }},
		{"outages by region, 1h buckets", func() error {
			_, err := db.OutagesByRegion(ctx, store.Window{From: from, To: to, Bucket: store.Hour})
			return err
		}},
		{"outages by region, last day, 15m", func() error {
			_, err := db.OutagesByRegion(ctx, store.Window{From: to.Add(-24 * time.Hour), To: to, Bucket: store.FifteenMinutes})
			return err
		}},
		{"label mix, 1d buckets", func() error {
			_, err := db.LabelMix(ctx, store.Window{From: from, To: to, Bucket: store.Day})
			return err
		}},
		{"incidents", func() error { _, err := db.Incidents(ctx); return err }},
	}
	var out []QueryLatency
	perQuery := make([][]time.Duration, len(queries))
	for r := 0; r < runs; r++ {
		for i, q := range queries {
			start := time.Now()
			if err := q.run(); err != nil {
				return nil, fmt.Errorf("bench: %s: %w", q.name, err)
			}
			perQuery[i] = append(perQuery[i], time.Since(start))
		}
	}
	for i, q := range queries {
		out = append(out, QueryLatency{Query: q.name, P50: percentile(perQuery[i], 50), P95: percentile(perQuery[i], 95)})
	}
	return out, nil
}

// PageRefreshes serves the dashboard over db on a loopback port and
// measures runs refreshes of the whole page, as the page's script makes
// them (dashboard.Refresh: the summary, then every chart, the "regions
// affected now" list and the latest posts in parallel), after one warm-up.
func PageRefreshes(ctx context.Context, db *store.DB, runs int) (QueryLatency, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return QueryLatency{}, fmt.Errorf("bench: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	served := make(chan error, 1)
	go func() {
		served <- dashboard.ServeWith(ctx, ln, db, dashboard.Options{Logger: slog.New(slog.DiscardHandler)})
	}()
	defer func() {
		cancel()
		<-served
	}()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: time.Minute}
	times := make([]time.Duration, 0, runs)
	for r := -1; r < runs; r++ {
		// The page refreshes every 10 s: wait out the dashboard's short
		// caches so each refresh pays for what a reader's would.
		if r >= 0 {
			if !ingest.Sleep(ctx, dashboard.ExtentTTL+100*time.Millisecond) {
				return QueryLatency{}, ctx.Err()
			}
		}
		d, err := dashboard.Refresh(ctx, client, base)
		if err != nil {
			return QueryLatency{}, fmt.Errorf("bench: page refresh: %w", err)
		}
		if r >= 0 {
			times = append(times, d)
		}
	}
	return QueryLatency{Query: "whole page refresh", P50: percentile(times, 50), P95: percentile(times, 95)}, nil
}

func percentile(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := (len(s)*p + 99) / 100
	return s[min(max(i-1, 0), len(s)-1)]
}

// BytesPerPost is the on-disk size of the posts table divided by its rows.
func BytesPerPost(ctx context.Context, db *store.DB) (float64, error) {
	var bytes, rows uint64
	err := db.QueryTSV(ctx, "SELECT sum(bytes_on_disk), sum(rows) FROM system.parts WHERE active AND database = currentDatabase() AND table = 'posts'",
		func(line []string) error {
			if line[0] == "sum(bytes_on_disk)" {
				return nil
			}
			_, err := fmt.Sscan(line[0]+" "+line[1], &bytes, &rows)
			return err
		})
	if err != nil || rows == 0 {
		return 0, err
	}
	return float64(bytes) / float64(rows), nil
}
