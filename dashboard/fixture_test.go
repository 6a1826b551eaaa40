package dashboard_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/dashboard"
	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// Hostile content planted in the data: it must come out of every page and
// export as inert text.
const (
	hostileText   = `<script>window.__xss="text"</script><img src=x onerror="window.__xss='img'"> Pronote est en panne`
	hostileAuthor = `<img src=x onerror="window.__xss='author'">`
	hostileTag    = `<img src=x onerror=alert(1)>`
)

// fixture is a real ClickHouse holding the April 2021 scenario classified
// by the real classifier, its rollups, its incidents, a coverage gap and a
// few hostile posts, with a dashboard reading it as the read-only user.
type fixture struct {
	ch     chtest.Server
	writer *store.DB
	reader *store.DB
	srv    *httptest.Server
	last   time.Time // the newest post
}

func newScenarioFixture(t testing.TB) *fixture {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	ch := chtest.Start(t)
	f := &fixture{ch: ch, writer: chtest.Open(t, ch.Writer), reader: chtest.Open(t, ch.Reader)}
	c, err := classify.New(classify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var raw []post.Post
	for it := range scenario.Items(1) {
		raw = append(raw, it.Post)
	}
	f.last = raw[len(raw)-1].CreatedAt
	// The newest posts of the day, and of the morning (before 11:00 Paris
	// time), are hostile: the "latest posts" list shows them first.
	morning := time.Date(2021, 4, 6, 8, 59, 59, 0, time.UTC)
	for i := range 6 {
		at := f.last.Add(time.Duration(i+1) * time.Second)
		if i >= 3 {
			at = morning
		}
		raw = append(raw, post.Post{ID: fmt.Sprintf("hostile-%d", i), Source: post.SourceArchive, CreatedAt: at,
			Text: hostileText, Author: hostileAuthor, AuthorName: hostileAuthor, AuthorLocation: "Paris",
			Hashtags: []string{hostileTag, "ecolealamaison"}, URL: "javascript:alert(1)", IngestedAt: at})
	}
	f.last = f.last.Add(3 * time.Second)
	classified := make([]post.Classified, len(raw))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(raw); i += workers {
				classified[i] = c.Classify(raw[i], raw[i].CreatedAt.Add(time.Minute))
			}
		}()
	}
	wg.Wait()
	for start := 0; start < len(classified); start += 20000 {
		batch := classified[start:min(start+20000, len(classified))]
		if err := f.writer.InsertPosts(ctx, batch); err != nil {
			t.Fatal(err)
		}
		times := make([]time.Time, len(batch))
		for i := range batch {
			times[i] = batch[i].CreatedAt
		}
		if err := f.writer.RefreshRollups(ctx, times); err != nil {
			t.Fatal(err)
		}
	}
	// A source was disconnected for twenty minutes in the afternoon.
	gapFrom := time.Date(2021, 4, 6, 12, 0, 0, 0, time.UTC)
	if err := f.writer.RecordGap(ctx, post.SourceMastodon, gapFrom, gapFrom.Add(20*time.Minute), "disconnected"); err != nil {
		t.Fatal(err)
	}
	cfg := pipeline.DefaultIncidentConfig()
	if _, err := pipeline.DetectIncidents(ctx, f.writer, cfg); err != nil {
		t.Fatal(err)
	}
	f.srv = httptest.NewServer(dashboard.New(f.reader, dashboard.Options{Refresh: time.Second}))
	t.Cleanup(f.srv.Close)
	return f
}

func get(t testing.TB, url string) (*http.Response, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}
