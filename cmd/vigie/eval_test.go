package main

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-edu/vigie/classify"
	"github.com/vigie-edu/vigie/eval"
)

// smallGold is three hand-labelled posts; the classifier gets the first
// two right and the third (a dry complaint) is there to be listed.
const smallGold = `{"id":"s1","text":"Pronote a planté, impossible de se connecter","author_name":"","author_bio":"maman de 2","author_location":"Lille","place":"","gold":{"label":"outage_report","platform":"pronote","region":"FR-HDF","role":"parent","lang":"fr"}}
{"id":"s2","text":"Mes 3 enfants, un seul ordi, et moi en télétravail.","author_name":"","author_bio":"","author_location":"","place":"","gold":{"label":"testimony","platform":"","region":"","role":"parent","lang":"fr"}}
{"id":"s3","text":"Tuto : comment flouter son arrière-plan en visio","author_name":"","author_bio":"","author_location":"Marseille","place":"","gold":{"label":"complaint","platform":"visio","region":"FR-PAC","role":"unknown","lang":"fr"}}
`

func TestEvalCommand(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "small.jsonl")
	if err := os.WriteFile(gold, []byte(smallGold), 0o644); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, err := runCLI(t, "eval", "--gold", gold, "--json", "--errors")
	if err != nil {
		t.Fatalf("eval --json: %v\n%s", err, stderr)
	}
	var out struct {
		eval.Report
		Errors []struct {
			ID    string   `json:"id"`
			Wrong []string `json:"wrong"`
		} `json:"errors"`
	}
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("--json output %q: %v", stdout, err)
	}
	if out.Posts != 3 || out.Classifier != classify.Version || len(out.Confusion.Matrix) != 4 || len(out.Classes) != 4 {
		t.Errorf("report = %+v", out.Report)
	}
	// s3 is gold complaint and the classifier says other: complaint has
	// recall 0, other has precision 0.
	if m := out.Class("complaint"); m.Support != 1 || m.Recall != 0 {
		t.Errorf("complaint = %+v", m)
	}
	if len(out.Errors) == 0 || out.Errors[len(out.Errors)-1].ID != "s3" {
		t.Errorf("errors = %+v", out.Errors)
	}
	for _, e := range out.Errors {
		if e.ID == "s1" && len(e.Wrong) > 0 {
			t.Errorf("s1 should be right: %v", e.Wrong)
		}
	}

	stdout, stderr, err = runCLI(t, "eval", "--gold", "builtin:dev", "--errors")
	if err != nil {
		t.Fatalf("eval builtin:dev: %v\n%s", err, stderr)
	}
	for _, want := range []string{"classifier " + classify.Version, "270 posts", "macro-F1", "confusion matrix",
		"region accuracy", "false regions", "platform accuracy", "role accuracy", "language accuracy", "posts that differ"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("text report lacks %q:\n%s", want, stdout)
		}
	}
}

func TestEvalCommandErrors(t *testing.T) {
	if _, _, err := runCLI(t, "eval"); err == nil || !strings.Contains(err.Error(), "--gold") {
		t.Errorf("no --gold: %v", err)
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(strings.Replace(smallGold, `"testimony"`, `"story"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCLI(t, "eval", "--gold", bad)
	if !errors.Is(err, eval.ErrInvalid) || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("bad gold: %v", err)
	}
	if _, _, err := runCLI(t, "eval", "--gold", "builtin:nope"); err == nil {
		t.Error("unknown built-in accepted")
	}
	if _, stderr, err := runCLI(t, "eval", "--help"); !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "-gold") {
		t.Errorf("eval --help: %v\n%s", err, stderr)
	}
	if _, stderr, _ := runCLI(t, "--help"); !strings.Contains(stderr, "eval") {
		t.Error("root help does not list eval")
	}
}
