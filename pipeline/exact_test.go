package pipeline_test

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/pipeline"
	"github.com/vigie-edu/vigie/post"
)

func classifiedMessages(t *testing.T, n int, label post.Label, classifier string) []kafka.Message {
	t.Helper()
	var msgs []kafka.Message
	for i := 0; i < n; i++ {
		c := post.Classified{
			Post: post.Post{ID: fmt.Sprint(i), Source: post.SourceX, CreatedAt: time.Date(2021, 4, 6, 7, i%120, 0, 0, time.UTC),
				Text: "Impossible de se connecter à Pronote, le site plante depuis ce matin #ecolealamaison", AuthorLocation: "Lille"},
			Label: label, Platform: post.PlatformPronote, Region: "FR-HDF", Classifier: classifier, ClassifiedAt: time.Now(),
		}
		b, err := c.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		msgs = append(msgs, kafka.Message{Key: []byte(c.Key()), Value: b})
	}
	return msgs
}

// TestCrashBetweenInsertAndCommit: the store handler inserts a batch, the
// process dies before the commit, the batch is delivered again: counts and
// every rollup stay exact.
func TestCrashBetweenInsertAndCommit(t *testing.T) {
	ch := chtest.Start(t)
	db := chtest.Open(t, ch.Writer)
	ctx := context.Background()
	var stored atomic.Int64
	handle := pipeline.StoreHandler(db, time.Now, &stored)
	msgs := classifiedMessages(t, 500, post.LabelOutage, "v1")
	for delivery := 0; delivery < 3; delivery++ { // first delivery, then two redeliveries
		if _, err := handle(ctx, msgs); err != nil {
			t.Fatal(err)
		}
	}
	if err := pipeline.DrainRollups(ctx, db); err != nil {
		t.Fatal(err)
	}
	totals, err := db.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if totals.Posts != 500 || totals.ByLabel[post.LabelOutage] != 500 {
		t.Fatalf("after redelivery: %+v", totals)
	}
	if err := db.CheckRollups(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestReclassifyReplacesLabelsWithoutDoubleCounting stores posts labelled
// by an older classifier, reclassifies them, and checks that each post
// counts once under its new label, in the posts table and every rollup.
func TestReclassifyReplacesLabelsWithoutDoubleCounting(t *testing.T) {
	ch := chtest.Start(t)
	db := chtest.Open(t, ch.Writer)
	ctx := context.Background()
	var stored atomic.Int64
	// The old classifier called these posts "other".
	if _, err := pipeline.StoreHandler(db, time.Now, &stored)(ctx, classifiedMessages(t, 300, post.LabelOther, "old-v0")); err != nil {
		t.Fatal(err)
	}
	if err := pipeline.DrainRollups(ctx, db); err != nil {
		t.Fatal(err)
	}
	c, err := classify.New(classify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	from, to := time.Date(2021, 4, 6, 0, 0, 0, 0, time.UTC), time.Date(2021, 4, 7, 0, 0, 0, 0, time.UTC)
	n, err := pipeline.Reclassify(ctx, db, c, classify.Version, from, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n != 300 {
		t.Fatalf("reclassified %d posts, want 300", n)
	}
	totals, err := db.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if totals.Posts != 300 || totals.ByLabel[post.LabelOutage] != 300 {
		t.Fatalf("after reclassification: %+v, want 300 outage reports", totals)
	}
	if err := db.CheckRollups(ctx); err != nil {
		t.Fatal(err)
	}
	again, err := pipeline.Reclassify(ctx, db, c, classify.Version, from, to, nil)
	if err != nil || again != 0 {
		t.Fatalf("second reclassification rewrote %d posts (%v), want 0", again, err)
	}
}
