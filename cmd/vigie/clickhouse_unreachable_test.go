package main

import (
	"context"
	"log/slog"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/store"
	"github.com/vigie-edu/vigie/store/chserver"
)

// TestStoreWaitsForClickHouse starts `vigie store` while its external
// ClickHouse is down: it must stay up, log each retry with the address,
// answer /healthz while /readyz says it is not ready and why, and become
// ready by itself once the server is back (not exit and rely on a restart
// loop). SIGTERM then stops it cleanly.
func TestStoreWaitsForClickHouse(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	// A server started once gives the users and port, then goes down.
	dir := filepath.Join(t.TempDir(), "clickhouse")
	srv, err := chserver.Start(ctx, chserver.Config{Dir: dir, Logger: slog.Default()})
	if err != nil {
		t.Fatal(err)
	}
	addr, w := srv.Addr(), srv.Writer()
	if _, err := store.Migrate(ctx, store.Config{Addr: addr, Database: "vigie", User: w.User, Password: w.Password}); err != nil {
		t.Fatal(err)
	}
	if err := srv.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	kc, _ := faultBroker(t, t.TempDir(), "")

	c := startStage(t, []string{"VIGIE_CLICKHOUSE_PASSWORD=" + w.Password}, unusedAddr(t),
		"store", "--data", t.TempDir(), "--brokers", kc.Brokers[0], "--clickhouse", addr, "--clickhouse-user", w.User, "--drain", "5s")
	retry := regexp.MustCompile(`msg="clickhouse not reachable, retrying" addr=` + regexp.QuoteMeta(addr) + ` retry_in=(\S+)`)
	eventually(t, 30*time.Second, "three retries logged", func() bool {
		if !c.running() {
			t.Fatalf("vigie store exited while ClickHouse is down: %v\n%s", c.err, lastLines(c.logs(), 20))
		}
		return len(retry.FindAllString(c.logs(), -1)) >= 3
	})
	var waits []string
	for _, m := range retry.FindAllStringSubmatch(c.logs(), -1) {
		waits = append(waits, m[1])
	}
	if strings.Join(waits[:3], " ") != "500ms 1s 2s" {
		t.Errorf("backoff %v, want 500ms 1s 2s ...", waits)
	}
	if strings.Contains(c.logs(), w.Password) {
		t.Error("the ClickHouse password is in the logs")
	}
	if code, _ := c.get("/healthz"); code != 200 {
		t.Errorf("/healthz = %d while ClickHouse is down", code)
	}
	if code, body := c.get("/readyz"); code != 503 || !strings.Contains(body, "ClickHouse") {
		t.Errorf("/readyz = %d %q while ClickHouse is down", code, body)
	}

	// The server comes back on its folder and port.
	srv, err = chserver.Start(ctx, chserver.Config{Dir: dir, Logger: slog.Default()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop(context.Background())
	if srv.Addr() != addr {
		t.Fatalf("the server came back on %s, not %s", srv.Addr(), addr)
	}
	took := eventually(t, 30*time.Second, "ready once ClickHouse is back", c.ready)
	t.Logf("retries at %v; ready %s after ClickHouse came back", waits, took.Round(100*time.Millisecond))
	if code, took := c.stop(t, 30*time.Second); code != 0 {
		t.Errorf("SIGTERM: exit %d after %s", code, took)
	}
}
