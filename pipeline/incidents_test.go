package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
)

// TestIncidentWebhookIsSignedAndRetried stores a burst of ENT outage
// reports in a real ClickHouse, runs a detection pass, and checks the
// webhook got one signed notification despite a first failure; a second
// pass with nothing new sends nothing.
func TestIncidentWebhookIsSignedAndRetried(t *testing.T) {
	ch := chtest.Start(t)
	db := chtest.Open(t, ch.Writer)
	ctx := context.Background()
	t0 := time.Date(2021, 4, 6, 6, 0, 0, 0, time.UTC)
	var posts []post.Classified
	var times []time.Time
	for i := 0; i < 240; i++ {
		at := t0.Add(time.Duration(i) * 30 * time.Second) // 2 hours
		label := post.LabelOther
		if i >= 60 && i < 180 { // one hour of outage reports
			label = post.LabelOutage
		}
		posts = append(posts, post.Classified{
			Post:  post.Post{ID: fmt.Sprint(i), Source: "x", CreatedAt: at, Text: fmt.Sprintf("ENT en panne %d", i)},
			Label: label, Platform: post.PlatformENT, Region: "FR-GES", Classifier: "t", ClassifiedAt: time.Now(),
		})
		times = append(times, at)
	}
	if err := db.InsertPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	if err := db.RefreshRollups(ctx, times); err != nil {
		t.Fatal(err)
	}

	var mu sync.Mutex
	calls, delivered := 0, []map[string]any{}
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		body, _ := io.ReadAll(r.Body)
		if got, want := r.Header.Get(pipeline.WebhookSignatureHeader), pipeline.Sign("s3cret", body); got != want {
			t.Errorf("signature %q, want %q", got, want)
		}
		if calls == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		var m map[string]any
		_ = json.Unmarshal(body, &m)
		delivered = append(delivered, m)
	}))
	defer hook.Close()

	cfg := pipeline.DefaultIncidentConfig()
	cfg.Webhook, cfg.WebhookSecret = hook.URL, "s3cret"
	found, err := pipeline.DetectIncidents(ctx, db, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) != 1 || found[0].Region != "FR-GES" || found[0].Platform != post.PlatformENT || found[0].Level != "incident" {
		t.Fatalf("found %+v", found)
	}
	if len(found[0].Examples) != 3 {
		t.Errorf("examples = %+v", found[0].Examples)
	}
	if _, err := pipeline.DetectIncidents(ctx, db, cfg); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 2 || len(delivered) != 1 || delivered[0]["event"] != "incident.closed" {
		t.Errorf("webhook calls %d, delivered %v", calls, delivered)
	}
	stored, err := db.Incidents(ctx)
	if err != nil || len(stored) != 1 {
		t.Fatalf("stored incidents %+v %v", stored, err)
	}
}
