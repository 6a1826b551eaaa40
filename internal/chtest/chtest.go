// Package chtest starts a real local ClickHouse server for tests: a fresh
// server in the test's temp dir, with Vigie's schema migrated.
package chtest

import (
	"context"
	"log/slog"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/store"
	"github.com/vigie-edu/vigie/store/chserver"
)

// Server is a migrated test server and its two users.
type Server struct {
	Writer, Reader store.Config
	Dir            string
}

// Start starts a server under t.TempDir() and stops it when the test ends.
// The test fails (it does not skip) when no clickhouse binary is installed:
// CI installs it, and a test that silently skips proves nothing.
func Start(t testing.TB) Server {
	t.Helper()
	if _, err := exec.LookPath("clickhouse-server"); err != nil {
		if _, err := exec.LookPath("/usr/sbin/clickhouse-server"); err != nil {
			if _, err := exec.LookPath("clickhouse"); err != nil {
				t.Fatal("no clickhouse server installed: apt-get install clickhouse-server (make test does it)")
			}
		}
	}
	dir := filepath.Join(t.TempDir(), "clickhouse")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	srv, err := chserver.Start(ctx, chserver.Config{Dir: dir, Logger: slog.Default()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, scancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer scancel()
		if err := srv.Stop(sctx); err != nil {
			t.Errorf("stop clickhouse: %v", err)
		}
	})
	w, r := srv.Writer(), srv.Reader()
	s := Server{
		Writer: store.Config{Addr: srv.Addr(), Database: "vigie", User: w.User, Password: w.Password},
		Reader: store.Config{Addr: srv.Addr(), Database: "vigie", User: r.User, Password: r.Password},
		Dir:    dir,
	}
	if _, err := store.Migrate(ctx, s.Writer); err != nil {
		t.Fatal(err)
	}
	return s
}

// Open opens cfg and closes it when the test ends.
func Open(t testing.TB, cfg store.Config) *store.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	db, err := store.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// Attach connects, as the writer, to the local server of a Vigie data
// folder (starting it if no process serves it) and releases it when the
// test ends.
func Attach(t testing.TB, dataDir string) *store.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	srv, err := chserver.Start(ctx, chserver.Config{Dir: filepath.Join(dataDir, "clickhouse")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Stop(context.Background()) })
	w := srv.Writer()
	db, err := store.Open(ctx, store.Config{Addr: srv.Addr(), Database: "vigie", User: w.User, Password: w.Password})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// StoredSoFar counts the distinct posts stored through the server that a
// running Vigie started for dataDir; 0 while that server is not up (it
// never starts one itself).
func StoredSoFar(dataDir string) uint64 {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	srv, err := chserver.Start(ctx, chserver.Config{Dir: filepath.Join(dataDir, "clickhouse"), StartTimeout: time.Second})
	if err != nil {
		return 0
	}
	if srv.Owned() { // nobody served it: we just started one, stop it again
		_ = srv.Stop(ctx)
		return 0
	}
	w := srv.Writer()
	db, err := store.Open(ctx, store.Config{Addr: srv.Addr(), Database: "vigie", User: w.User, Password: w.Password})
	if err != nil {
		return 0
	}
	defer db.Close()
	tot, err := db.Totals(ctx)
	if err != nil {
		return 0
	}
	return tot.Posts
}

// StoredKeys returns the post keys (source:id) in db's posts table.
func StoredKeys(t testing.TB, db *store.DB) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	header := true
	err := db.QueryTSV(context.Background(), "SELECT DISTINCT concat(source, ':', id) FROM posts", func(line []string) error {
		if header {
			header = false
			return nil
		}
		keys[line[0]] = true
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}
