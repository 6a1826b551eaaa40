package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

var day = time.Date(2021, 4, 6, 7, 0, 0, 0, time.UTC)

func classified(i int, label post.Label, region string, at time.Time) post.Classified {
	return post.Classified{
		Post: post.Post{
			ID: fmt.Sprint(i), Source: post.SourceScenario, CreatedAt: day.Add(time.Duration(i) * time.Minute),
			Text: "Pronote plante encore #ecolealamaison", Hashtags: []string{"ecolealamaison"}, IngestedAt: at,
		},
		Label: label, Region: region, Platform: post.PlatformPronote, Language: "fr",
		Role: post.RoleTeacher, Classifier: "test-v1", ClassifiedAt: at,
	}
}

// insert stores posts the way the store stage does: insert, then recount
// the rollups of the hours they touch.
func insert(t *testing.T, db *store.DB, posts []post.Classified) {
	t.Helper()
	ctx := context.Background()
	if err := db.InsertPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	times := make([]time.Time, len(posts))
	for i, p := range posts {
		times[i] = p.CreatedAt
	}
	if err := db.RefreshRollups(ctx, times); err != nil {
		t.Fatal(err)
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	srv := chtest.Start(t)
	applied, err := store.Migrate(context.Background(), srv.Writer)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != 0 {
		t.Fatalf("second migrate applied %v, want nothing", applied)
	}
	all, err := store.Migrations()
	if err != nil || len(all) == 0 {
		t.Fatalf("migrations: %v %v", all, err)
	}
}

// TestRedeliveryAndReclassificationCountOnce inserts the same posts twice (a
// redelivered batch), then again with a newer classification: counts see
// each post once, with its newest label.
func TestRedeliveryAndReclassificationCountOnce(t *testing.T) {
	srv := chtest.Start(t)
	db := chtest.Open(t, srv.Writer)
	ctx := context.Background()
	t0 := time.Now().UTC().Truncate(time.Second)
	var batch []post.Classified
	for i := 0; i < 100; i++ {
		batch = append(batch, classified(i, post.LabelOutage, "FR-IDF", t0))
	}
	for range 2 {
		insert(t, db, batch)
	}
	totals, err := db.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if totals.Posts != 100 || totals.ByLabel[post.LabelOutage] != 100 {
		t.Fatalf("after redelivery: %+v, want 100 outage reports", totals)
	}
	raw, err := db.RawRows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if raw != 200 {
		t.Logf("raw rows %d (merges may already have deduplicated)", raw)
	}

	// A new classifier version relabels the first 30 posts.
	var re []post.Classified
	for i := 0; i < 30; i++ {
		re = append(re, classified(i, post.LabelComplaint, "FR-HDF", t0.Add(time.Second)))
	}
	insert(t, db, re)
	totals, err = db.Totals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if totals.Posts != 100 || totals.ByLabel[post.LabelOutage] != 70 || totals.ByLabel[post.LabelComplaint] != 30 {
		t.Fatalf("after reclassification: %+v, want 70 outage reports and 30 complaints", totals)
	}
	rt, err := db.RollupTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rt.Posts != 100 || rt.ByLabel[post.LabelOutage] != 70 || rt.ByLabel[post.LabelComplaint] != 30 {
		t.Fatalf("rollup totals after reclassification: %+v", rt)
	}
	if err := db.CheckRollups(ctx); err != nil {
		t.Fatal(err)
	}
	byRegion, err := db.CountByLabelRegion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]uint64{"outage_report/FR-IDF": 70, "complaint/FR-HDF": 30}
	if len(byRegion) != len(want) {
		t.Fatalf("by label and region: %+v", byRegion)
	}
	for _, r := range byRegion {
		if want[string(r.Label)+"/"+r.Region] != r.Posts {
			t.Errorf("%s/%s = %d", r.Label, r.Region, r.Posts)
		}
	}
}

func TestQueriesBucketAndBindWindow(t *testing.T) {
	srv := chtest.Start(t)
	db := chtest.Open(t, srv.Writer)
	ctx := context.Background()
	now := time.Now().UTC()
	var batch []post.Classified
	for i := 0; i < 60; i++ { // one post a minute from 07:00 to 07:59
		label := post.LabelOutage
		if i%3 == 0 {
			label = post.LabelTestimony
		}
		region := "FR-OCC"
		if i%2 == 0 {
			region = ""
		}
		batch = append(batch, classified(i, label, region, now))
	}
	insert(t, db, batch)
	w := store.Window{From: day, To: day.Add(30 * time.Minute), Bucket: store.FifteenMinutes}
	rows, err := db.OutagesByRegion(ctx, w)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]uint64{}
	for _, r := range rows {
		got[r.Bucket.Format("15:04")+" "+r.Region] = r.Posts
	}
	// Minutes 0..14: outage when i%3 != 0 -> 10 posts; region FR-OCC when odd.
	want := map[string]uint64{"07:00 ": 5, "07:00 FR-OCC": 5, "07:15 ": 5, "07:15 FR-OCC": 5}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q = %d, want %d (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("unexpected buckets: %v", got)
	}
	mix, err := db.LabelMix(ctx, store.Window{From: day, To: day.Add(time.Hour), Bucket: store.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if len(mix) != 2 || mix[0].Posts+mix[1].Posts != 60 {
		t.Errorf("label mix = %+v", mix)
	}
	from, to, ok, err := db.Extent(ctx)
	if err != nil || !ok || !from.Equal(day) || !to.Equal(day.Add(59*time.Minute)) {
		t.Errorf("extent = %v %v %v %v", from, to, ok, err)
	}
	if _, err := db.OutagesByRegion(ctx, store.Window{From: day, To: day.Add(time.Hour), Bucket: "1 DAY); DROP TABLE posts; --"}); err == nil {
		t.Error("a bucket outside the list was accepted")
	}
	if _, err := store.ParseBucket("2h"); err == nil {
		t.Error("ParseBucket accepted 2h")
	}
}

func TestReadonlyUserCannotWrite(t *testing.T) {
	srv := chtest.Start(t)
	ro := chtest.Open(t, srv.Reader)
	ctx := context.Background()
	err := ro.InsertPosts(ctx, []post.Classified{classified(1, post.LabelOther, "", time.Now())})
	if err == nil || !strings.Contains(strings.ToLower(err.Error()), "readonly") {
		t.Fatalf("insert as readonly: err = %v, want a readonly refusal", err)
	}
	var lines [][]string
	err = ro.QueryTSV(ctx, "SELECT 'a\tb' AS s, 42 AS n, ['x'] AS arr", func(l []string) error { lines = append(lines, l); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(lines[0], ",") != "s,n,arr" || strings.Join(lines[1], "|") != `a\tb|42|['x']` {
		t.Errorf("tsv = %q", lines)
	}
	if err := ro.QueryTSV(ctx, "DROP TABLE posts", func([]string) error { return nil }); err == nil {
		t.Error("readonly user dropped a table")
	}
}

func TestGapsAreRecordedAndQueried(t *testing.T) {
	srv := chtest.Start(t)
	db := chtest.Open(t, srv.Writer)
	ctx := context.Background()
	if err := db.RecordGap(ctx, "mastodon:piaille.fr", day, day.Add(5*time.Minute), "disconnected"); err != nil {
		t.Fatal(err)
	}
	gaps, err := db.Gaps(ctx, day.Add(-time.Hour), day.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(gaps) != 1 || gaps[0].Reason != "disconnected" || !gaps[0].To.Equal(day.Add(5*time.Minute)) {
		t.Fatalf("gaps = %+v", gaps)
	}
	if gaps, _ := db.Gaps(ctx, day.Add(time.Hour), day.Add(2*time.Hour)); len(gaps) != 0 {
		t.Errorf("gap outside the window returned: %+v", gaps)
	}
}

// TestDirtyHoursAreRecountedOnceAndAgainWhenMarkedAgain: the refresher
// recounts marked hours, then finds nothing, until a new mark.
func TestDirtyHoursAreRecountedOnceAndAgainWhenMarkedAgain(t *testing.T) {
	srv := chtest.Start(t)
	db := chtest.Open(t, srv.Writer)
	ctx := context.Background()
	batch := []post.Classified{classified(1, post.LabelOutage, "FR-IDF", time.Now()), classified(90, post.LabelOther, "", time.Now())}
	times := []time.Time{batch[0].CreatedAt, batch[1].CreatedAt}
	if err := db.MarkDirty(ctx, times); err != nil {
		t.Fatal(err)
	}
	if err := db.InsertPosts(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if n, err := db.RefreshDirty(ctx, 10); err != nil || n != 2 {
		t.Fatalf("first refresh: %d hours, %v; want 2", n, err)
	}
	if n, err := db.RefreshDirty(ctx, 10); err != nil || n != 0 {
		t.Fatalf("second refresh: %d hours, %v; want 0", n, err)
	}
	if err := db.CheckRollups(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.MarkDirty(ctx, times[:1]); err != nil {
		t.Fatal(err)
	}
	if n, err := db.RefreshDirty(ctx, 10); err != nil || n != 1 {
		t.Fatalf("after a new mark: %d hours, %v; want 1", n, err)
	}
}
