package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/post"
)

func runCLI(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	dir := t.TempDir()
	out, _ := os.Create(filepath.Join(dir, "stdout"))
	errf, _ := os.Create(filepath.Join(dir, "stderr"))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	err = newRoot(out, errf).ParseAndRun(ctx, args)
	out.Close()
	errf.Close()
	o, _ := os.ReadFile(filepath.Join(dir, "stdout"))
	e, _ := os.ReadFile(filepath.Join(dir, "stderr"))
	return string(o), string(e), err
}

func TestHelpForEveryCommand(t *testing.T) {
	_, stderr, err := runCLI(t, "--help")
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("--help: %v", err)
	}
	for _, cmd := range []string{"run", "ingest", "classify", "store", "dashboard", "migrate", "sql"} {
		if !strings.Contains(stderr, cmd) {
			t.Errorf("root help does not list %s", cmd)
		}
		_, sub, err := runCLI(t, cmd, "--help")
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(sub, "-data") || !strings.Contains(sub, "-config") {
			t.Errorf("%s --help: %v\n%s", cmd, err, sub)
		}
	}
	if _, _, err := runCLI(t, "nosuch"); err == nil {
		t.Error("unknown command accepted")
	}
}

func TestStageCommandsNeedBrokers(t *testing.T) {
	for _, cmd := range []string{"ingest", "classify", "store"} {
		_, _, err := runCLI(t, cmd, "--data", t.TempDir(), "--config", stageConf(t, cmd))
		if err == nil || !strings.Contains(err.Error(), "--brokers") {
			t.Errorf("%s without brokers: %v", cmd, err)
		}
	}
}

// TestRunOnceFromEnvAndConfigFile runs the real pipeline on a small archive,
// configured by an environment variable and a config file, then queries it
// with 'vigie sql'.
func TestRunOnceFromEnvAndConfigFile(t *testing.T) {
	dir := t.TempDir()
	archive := filepath.Join(dir, "posts.jsonl")
	var lines []string
	for i, text := range []string{
		"Impossible de se connecter à Pronote ce matin #ecolealamaison",
		"Le site du CNED est encore en panne, page blanche #CNED",
		"Journée de cours à distance avec mes trois enfants et un seul ordinateur #EcoleALaMaison",
	} {
		b, _ := json.Marshal(post.Post{ID: string(rune('a' + i)), Source: post.SourceArchive,
			CreatedAt: time.Date(2021, 4, 6, 9, i, 0, 0, time.UTC), Text: text, AuthorLocation: "Lille"})
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(archive, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "vigie.conf")
	if err := os.WriteFile(conf, []byte("# test config\nsource file:"+archive+"\nhttp 127.0.0.1:0\npartitions 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	t.Setenv("VIGIE_DATA", data)
	stdout, stderr, err := runCLI(t, "run", "--config", conf, "--once")
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr)
	}
	var sum struct {
		Ingested, Classified, Stored, DLQ int
		DistinctPosts                     int            `json:"distinct_posts"`
		ByLabel                           map[string]int `json:"by_label"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("summary %q: %v", stdout, err)
	}
	if sum.Ingested != 3 || sum.Stored != 3 || sum.DistinctPosts != 3 || len(sum.ByLabel) != 4 {
		t.Errorf("summary = %s", stdout)
	}
	if _, err := os.Stat(filepath.Join(data, "clickhouse", "config.xml")); err != nil {
		t.Errorf("VIGIE_DATA not used: %v", err)
	}

	out, stderr, err := runCLI(t, "sql", "--data", data, "-q", "SELECT id, source FROM posts FINAL ORDER BY id")
	if err != nil {
		t.Fatalf("sql: %v\n%s", err, stderr)
	}
	if want := "id\tsource\na\tarchive\nb\tarchive\nc\tarchive\n"; out != want {
		t.Errorf("sql output %q, want %q", out, want)
	}
	if _, _, err := runCLI(t, "sql", "--data", data, "-q", "DROP TABLE posts"); err == nil {
		t.Error("vigie sql could drop a table")
	}

	ids, stderr, err := runCLI(t, "export-posts", "--data", data, "--format", "ids", "--from", "2021-04-06", "--to", "2021-04-07")
	if err != nil || ids != "a\nb\nc\n" {
		t.Errorf("export ids: %q %v\n%s", ids, err, stderr)
	}
	csvOut, _, err := runCLI(t, "export-posts", "--data", data, "--format", "csv", "--limit", "2")
	if lines := strings.Split(strings.TrimSpace(csvOut), "\n"); err != nil || len(lines) != 3 || !strings.HasPrefix(lines[0], "id,source,created_at") {
		t.Errorf("export csv: %q %v", csvOut, err)
	}
	jsonl, _, err := runCLI(t, "export-posts", "--data", data, "--source", "archive", "--region", "FR-HDF")
	if err != nil || strings.Count(jsonl, "\n") != 3 || !strings.Contains(jsonl, `"label":`) {
		t.Errorf("export jsonl: %q %v", jsonl, err)
	}
	re, _, err := runCLI(t, "reclassify", "--data", data)
	if err != nil || !strings.Contains(re, `"reclassified":0`) {
		t.Errorf("reclassify on current data: %q %v", re, err)
	}
	inc, _, err := runCLI(t, "incidents", "--data", data, "--json")
	if err != nil || inc != "" {
		t.Errorf("incidents on three posts: %q %v", inc, err)
	}
}

// stageConf gives the ingest stage a source, so only --brokers is missing.
func stageConf(t *testing.T, cmd string) string {
	p := filepath.Join(t.TempDir(), "conf")
	content := ""
	if cmd == "ingest" {
		content = "source scenario:april2021\n"
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
