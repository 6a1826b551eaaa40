package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/internal/chtest"
)

// TestMain lets the test binary act as the vigie binary in a child process
// (VIGIE_TEST_AS_MAIN=1), so crash tests can kill -9 a real vigie process.
func TestMain(m *testing.M) {
	if os.Getenv("VIGIE_TEST_AS_MAIN") == "1" {
		os.Args = append([]string{"vigie"}, strings.Fields(os.Getenv("VIGIE_TEST_ARGS"))...)
		main()
		return
	}
	os.Exit(m.Run())
}

// vigieProcess starts `vigie args...` as a child process.
func vigieProcess(t *testing.T, args ...string) (*exec.Cmd, *strings.Builder) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "VIGIE_TEST_AS_MAIN=1", "VIGIE_TEST_ARGS="+strings.Join(args, " "))
	var out strings.Builder
	cmd.Stdout = &out
	logFile, err := os.Create(filepath.Join(t.TempDir(), "vigie.log"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { logFile.Close() })
	cmd.Stderr = logFile
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, &out
}

// TestKill9MidImportLosesNothing kills `vigie run` with SIGKILL in the
// middle of importing about 100,000 posts, restarts it on the same data
// folder, and checks that exactly every post is stored once and every
// rollup equals a recount from the raw table.
func TestKill9MidImportLosesNothing(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	want := scenario.Count(2)
	args := []string{"run", "--data", data, "--http=", "--scale", "2", "--log-level", "warn"}

	cmd, _ := vigieProcess(t, append(args, "--speed", "0")...)
	// Kill once some posts are stored, well before the end.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("nothing stored after 3 minutes")
		}
		time.Sleep(300 * time.Millisecond)
		if n := chtest.StoredSoFar(data); n > 5000 {
			t.Logf("kill -9 with %d of %d posts stored", n, want)
			break
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	// The ClickHouse child dies with its parent (Pdeathsig): wait for it.
	waitNoServer(t, data)

	cmd, out := vigieProcess(t, append(args, "--once")...)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("restarted run: %v", err)
		}
	case <-time.After(8 * time.Minute):
		_ = cmd.Process.Kill()
		t.Fatal("restarted run did not finish")
	}
	var sum struct {
		DistinctPosts int `json:"distinct_posts"`
	}
	if err := json.Unmarshal([]byte(out.String()), &sum); err != nil {
		t.Fatalf("summary %q: %v", out.String(), err)
	}
	if sum.DistinctPosts != want {
		t.Fatalf("distinct posts after kill -9 and restart: %d, want %d", sum.DistinctPosts, want)
	}
	db := chtest.Attach(t, data)
	if err := db.CheckRollups(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func waitNoServer(t *testing.T, data string) {
	t.Helper()
	state := filepath.Join(data, "clickhouse", "state.json")
	for i := 0; i < 100; i++ {
		b, err := os.ReadFile(state)
		if err != nil {
			return
		}
		var st struct{ PID int }
		if json.Unmarshal(b, &st) != nil || st.PID == 0 || syscall.Kill(st.PID, 0) != nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("the ClickHouse child outlived its killed parent")
}
