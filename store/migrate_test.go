package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/post"
	"github.com/vigie-edu/vigie/store"
)

// TestRollupRebuildKeepsCounts runs migration 0006 (the rollups rebuilt
// sorted by label first) again over rollups holding recounts of several
// versions, twice, as a restart after a crash would: the counts stay those
// of the posts, and the tables are sorted by label first.
func TestRollupRebuildKeepsCounts(t *testing.T) {
	srv := chtest.Start(t)
	db := chtest.Open(t, srv.Writer)
	ctx := context.Background()
	t0 := time.Now().UTC().Truncate(time.Second)
	var batch []post.Classified
	for i := 0; i < 200; i++ {
		label := post.LabelOutage
		if i%3 == 0 {
			label = post.LabelComplaint
		}
		batch = append(batch, classified(i, label, "FR-GES", t0))
	}
	insert(t, db, batch)
	insert(t, db, batch[:50]) // a redelivery: recounts with newer versions

	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr: []string{srv.Writer.Addr},
		Auth: clickhouse.Auth{Database: srv.Writer.Database, Username: srv.Writer.User, Password: srv.Writer.Password},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	migrations, err := store.Migrations()
	if err != nil {
		t.Fatal(err)
	}
	var rebuild []string
	for _, m := range migrations {
		if m.Version == 6 {
			rebuild = m.Statements
		}
	}
	if len(rebuild) == 0 {
		t.Fatal("no migration 0006")
	}
	for run := 0; run < 2; run++ {
		for _, stmt := range rebuild {
			if err := conn.Exec(ctx, stmt); err != nil {
				t.Fatalf("run %d: %s: %v", run, stmt, err)
			}
		}
	}

	rt, err := db.RollupTotals(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if rt.Posts != 200 || rt.ByLabel[post.LabelComplaint] != 67 || rt.ByLabel[post.LabelOutage] != 133 {
		t.Errorf("rollup totals after the rebuild: %+v, want 133 outage reports and 67 complaints", rt)
	}
	if err := db.CheckRollups(ctx); err != nil {
		t.Errorf("rollups after the rebuild: %v", err)
	}
	for _, table := range []string{"rollup_1m", "rollup_15m", "rollup_1h", "rollup_1d"} {
		var create string
		if err := conn.QueryRow(ctx, "SHOW CREATE TABLE "+table).Scan(&create); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(create, "ORDER BY (label, bucket,") {
			t.Errorf("%s is not sorted by label first: %s", table, create)
		}
	}
}
