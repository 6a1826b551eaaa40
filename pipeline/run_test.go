package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
)

func runConfig(dir string, sources ...string) pipeline.Config {
	return pipeline.Config{
		DataDir: dir, Sources: sources, Kafka: pipeline.KafkaConfig{Partitions: 3},
		CH: pipeline.ClickHouseConfig{Database: "vigie"}, Once: true, Logger: slog.Default(),
	}
}

func run(t *testing.T, cfg pipeline.Config) pipeline.Summary {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	sum, err := pipeline.Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// expected classifies the scenario in-process: what ClickHouse must hold.
type expected struct {
	posts         int
	byLabel       map[post.Label]uint64
	byLabelRegion map[string]uint64
}

var (
	expectOnce sync.Once
	expect     expected
)

func expectedScenario(t *testing.T) expected {
	expectOnce.Do(func() {
		c, err := classify.New(classify.Config{})
		if err != nil {
			t.Fatal(err)
		}
		tracker, err := ingest.NewTracker(ingest.DefaultTerms)
		if err != nil {
			t.Fatal(err)
		}
		expect = expected{byLabel: map[post.Label]uint64{}, byLabelRegion: map[string]uint64{}}
		now := time.Now()
		for it := range scenario.Items(1) {
			p := it.Post
			if err := post.Normalize(&p, now); err != nil {
				t.Fatalf("scenario post %s invalid: %v", p.Key(), err)
			}
			p.Matched = tracker.Match(&p)
			if len(p.Matched) == 0 {
				continue
			}
			cl := c.Classify(p, now)
			expect.posts++
			expect.byLabel[cl.Label]++
			expect.byLabelRegion[string(cl.Label)+"/"+cl.Region]++
		}
	})
	return expect
}

func checkStored(t *testing.T, dir string, sum pipeline.Summary) {
	t.Helper()
	want := expectedScenario(t)
	if sum.DistinctPosts != uint64(want.posts) {
		t.Errorf("distinct_posts = %d, want %d", sum.DistinctPosts, want.posts)
	}
	for _, l := range post.Labels {
		if sum.ByLabel[l] != want.byLabel[l] {
			t.Errorf("by_label[%s] = %d, want %d", l, sum.ByLabel[l], want.byLabel[l])
		}
	}
	db := chtest.Attach(t, dir)
	rows, err := db.CountByLabelRegion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]uint64{}
	for _, r := range rows {
		got[string(r.Label)+"/"+r.Region] = r.Posts
	}
	for k, v := range want.byLabelRegion {
		if got[k] != v {
			t.Errorf("label/region %s: %d stored, want %d", k, got[k], v)
		}
	}
	if len(got) != len(want.byLabelRegion) {
		t.Errorf("stored %d label/region pairs, want %d", len(got), len(want.byLabelRegion))
	}
	if err := db.CheckRollups(context.Background()); err != nil {
		t.Error(err)
	}
}

// TestScenarioEndToEnd: every generated post reaches ClickHouse exactly once,
// by label and region as classified; running the finished scenario again
// changes no count.
func TestScenarioEndToEnd(t *testing.T) {
	dir := t.TempDir()
	want := expectedScenario(t)
	sum := run(t, runConfig(dir, "scenario:april2021"))
	t.Logf("first run: %+v", sum)
	if sum.Ingested != int64(want.posts) || sum.Classified != sum.Ingested || sum.Stored != sum.Ingested || sum.DLQ != 0 {
		t.Errorf("summary %+v: want %d ingested, classified and stored, no DLQ", sum, want.posts)
	}
	if sum.FirstPublished.IsZero() || !sum.LastStored.After(sum.FirstPublished) || sum.StoredPerSecond <= 0 {
		t.Errorf("window %s - %s, %g stored/s: want the first publish before the last insert", sum.FirstPublished, sum.LastStored, sum.StoredPerSecond)
	}
	checkStored(t, dir, sum)

	checkScenarioIncidents(t, dir)

	again := run(t, runConfig(dir, "scenario:april2021"))
	t.Logf("second run: %+v", again)
	if again.Ingested != int64(want.posts) {
		t.Errorf("second run ingested %d, want %d", again.Ingested, want.posts)
	}
	checkStored(t, dir, again)
}

// TestRestartLosesNothing stops a run part-way, then runs again on the same
// data folder: nothing lost, nothing counted twice.
func TestRestartLosesNothing(t *testing.T) {
	dir := t.TempDir()
	want := expectedScenario(t)
	cfg := runConfig(dir, "scenario:april2021")
	cfg.Once = false
	cfg.Speed = 600 // ten hours of scenario a minute: stopping part-way is certain

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type result struct {
		sum pipeline.Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := pipeline.Run(ctx, cfg)
		done <- result{sum, err}
	}()
	// Stop once something is stored.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		if time.Now().After(deadline) {
			t.Fatal("nothing stored after 3 minutes")
		}
		time.Sleep(500 * time.Millisecond)
		if stored := chtest.StoredSoFar(dir); stored > 0 {
			t.Logf("stopping with %d posts stored", stored)
			break
		}
	}
	cancel()
	first := <-done
	if first.err != nil {
		t.Fatal(first.err)
	}
	t.Logf("interrupted run: %+v", first.sum)
	if first.sum.DistinctPosts == 0 || first.sum.DistinctPosts >= uint64(want.posts) {
		t.Fatalf("interrupted run stored %d posts: not part-way", first.sum.DistinctPosts)
	}

	second := run(t, runConfig(dir, "scenario:april2021"))
	t.Logf("resumed run: %+v", second)
	checkStored(t, dir, second)
}

// TestFileSourceSendsBadLinesToDLQ: a JSONL archive with broken lines
// imports its good posts and dead-letters the rest with a reason.
func TestFileSourceSendsBadLinesToDLQ(t *testing.T) {
	dir := t.TempDir()
	good := func(id string) string {
		p := post.Post{ID: id, Source: post.SourceArchive, CreatedAt: time.Date(2021, 4, 6, 9, 30, 0, 0, time.UTC),
			Text: "Le site du CNED est en panne #ecolealamaison", AuthorLocation: "Lille"}
		b, _ := json.Marshal(p)
		return string(b)
	}
	lines := good("1") + "\n" +
		"{not json\n" +
		good("2") + "\n" +
		"{\"id\":\"3\",\"source\":\"archive\",\"text\":\"\xff\xfe\"}\n" +
		`{"source":"archive","created_at":"2021-04-06T09:00:00Z","text":"pas d'id #cned"}` + "\n" +
		`{"id":"5","source":"archive","created_at":"0001-01-01T00:00:01Z","text":"date absurde #cned"}` + "\n" +
		good("3") + "\n" +
		`{"id":"6","source":"archive","created_at":"2021-04-06T09:00:00Z","text":"aucun terme suivi"}` + "\n" +
		`{"id":"7","source":"arch` // truncated last line
	path := filepath.Join(dir, "archive.jsonl")
	if err := os.WriteFile(path, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := run(t, runConfig(dir, "file:"+path))
	t.Logf("%+v", sum)
	if sum.Ingested != 3 || sum.Stored != 3 || sum.DistinctPosts != 3 {
		t.Errorf("want the 3 good posts ingested and stored: %+v", sum)
	}
	if sum.DLQ != 5 {
		t.Errorf("dlq = %d, want 5 (malformed, invalid UTF-8, missing id, absurd date, truncated)", sum.DLQ)
	}
}

func TestConfigValidate(t *testing.T) {
	cfg := runConfig("")
	if err := cfg.Validate(); err == nil {
		t.Error("empty data folder accepted")
	}
	cfg = runConfig(t.TempDir(), "nosuch:thing")
	_, err := pipeline.Run(context.Background(), func() pipeline.Config { c := cfg; c.Kafka.Partitions = 0; return c }())
	if err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("zero partitions accepted: %v", err)
	}
}

// checkScenarioIncidents: the detector finds the CNED outage and the ENT
// outages of the regions the scenario disrupts, and nothing in calm regions.
func checkScenarioIncidents(t *testing.T, dir string) {
	t.Helper()
	db := chtest.Attach(t, dir)
	incidents, err := db.Incidents(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	paris, _ := time.LoadLocation("Europe/Paris")
	disrupted := map[string]bool{"FR-IDF": true, "FR-HDF": true, "FR-OCC": true, "FR-NOR": true, "FR-CVL": true, "FR-GES": true, "FR-NAQ": true}
	entRegions := map[string]bool{}
	cned := false
	for _, in := range incidents {
		t.Logf("%s %s %q %s-%s peak %d (expected %.1f) posts %d examples %d", in.Level, in.Platform, in.Region,
			in.Start.In(paris).Format("15:04"), in.End.In(paris).Format("15:04"), in.Peak, in.Expected, in.Posts, len(in.Examples))
		switch in.Platform {
		case post.PlatformENT:
			if !disrupted[in.Region] {
				t.Errorf("ENT incident in calm region %s: %+v", in.Region, in.Found)
			}
			entRegions[in.Region] = true
		case post.PlatformCNED:
			start, end := in.Start.In(paris), in.End.In(paris)
			if in.Region == "" && in.Level != "watch" && start.Hour() >= 8 && start.Hour() <= 10 && end.Hour() >= 18 {
				cned = true
			}
		}
		if len(in.Examples) == 0 {
			t.Errorf("incident %s without example posts", in.ID)
		}
	}
	if !cned {
		t.Error("no CNED incident covering 09:00-19:30 Paris")
	}
	for r := range disrupted {
		if !entRegions[r] {
			t.Errorf("no ENT incident in disrupted region %s", r)
		}
	}
}
