package eval

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vigie-edu/vigie/post"
)

const goodLine = `{"id":"a1","text":"Pronote planté","author_name":"","author_bio":"","author_location":"Lille","place":"","gold":{"label":"outage_report","platform":"pronote","region":"FR-HDF","role":"unknown","lang":"fr"}}`

func TestReadRejectsBadGold(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"not json", "{nope", "a.jsonl:1"},
		{"unknown field", strings.Replace(goodLine, `"place":""`, `"plcae":""`, 1), "unknown field"},
		{"unknown label", strings.Replace(goodLine, "outage_report", "outage", 1), "gold label"},
		{"unknown platform", strings.Replace(goodLine, `"pronote"`, `"moodle"`, 1), "gold platform"},
		{"old region code", strings.Replace(goodLine, "FR-HDF", "FR-NPDC", 1), "gold region"},
		{"unknown role", strings.Replace(goodLine, `"unknown"`, `"student"`, 1), "gold role"},
		{"bad lang", strings.Replace(goodLine, `"fr"}`, `"FRA"}`, 1), "gold lang"},
		{"empty text", strings.Replace(goodLine, "Pronote planté", "  ", 1), "missing text"},
		{"no id", strings.Replace(goodLine, `"a1"`, `""`, 1), "missing id"},
		{"duplicate id", goodLine + "\n\n" + goodLine, "already on line 1"},
		{"trailing data", goodLine + ` {}`, "trailing"},
		{"empty file", "\n# only a comment\n", "no gold items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tt.data), "a.jsonl")
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want ErrInvalid containing %q", err, tt.want)
			}
		})
	}
	items, err := Read(strings.NewReader("# comment\n\n"+goodLine+"\n"), "a.jsonl")
	if err != nil || len(items) != 1 || items[0].Gold.Region != "FR-HDF" || items[0].AuthorLocation != "Lille" {
		t.Fatalf("good line: %v %+v", err, items)
	}
	p := items[0].Post()
	if p.ID != "a1" || p.Text != "Pronote planté" || p.AuthorLocation != "Lille" || p.CreatedAt.IsZero() {
		t.Errorf("Post() = %+v", p)
	}
	if err := post.Validate(&p, p.IngestedAt); err != nil {
		t.Errorf("Post() does not validate: %v", err)
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(a, []byte(goodLine+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte(strings.Replace(goodLine, `"a1"`, `"b1"`, 1)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	items, err := Load(a, b)
	if err != nil || len(items) != 2 || items[1].ID != "b1" {
		t.Fatalf("Load(a, b) = %v, %v", items, err)
	}
	if _, err := Load(a, a); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "in both") {
		t.Errorf("same id in two files: %v", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.jsonl")); err == nil {
		t.Error("missing file accepted")
	}
	if _, err := Load(); err == nil {
		t.Error("no file accepted")
	}
	if _, err := Load("builtin:nope"); err == nil || !strings.Contains(err.Error(), "builtin:dev") {
		t.Errorf("unknown built-in: %v", err)
	}
	dev, err := Load("builtin:dev", "builtin:test")
	if err != nil || len(dev) < 400 {
		t.Fatalf("built-in gold: %d items, %v", len(dev), err)
	}
}

// TestGoldSetComposition checks the shipped gold set against what issue 4
// asks of it: at least 400 posts, a held-out part of at least 160 posts
// (about 40 %) stratified by label, every label, platform, role and region
// in both parts, a share of posts without a region, a few in English.
func TestGoldSetComposition(t *testing.T) {
	dev, err := Load("gold/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	test, err := Load("gold/test.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load("gold/dev.jsonl", "gold/test.jsonl"); err != nil {
		t.Fatalf("the parts overlap: %v", err)
	}
	total := len(dev) + len(test)
	if total < 400 || len(test) < 160 {
		t.Fatalf("%d posts, %d held out: want ≥ 400 and ≥ 160", total, len(test))
	}
	if share := float64(len(test)) / float64(total); share < 0.35 || share > 0.45 {
		t.Errorf("held-out share %.2f, want about 0.40", share)
	}
	count := func(items []Item, key func(Gold) string) map[string]int {
		m := map[string]int{}
		for _, it := range items {
			m[key(it.Gold)]++
		}
		return m
	}
	label := func(g Gold) string { return string(g.Label) }
	dl, tl := count(dev, label), count(test, label)
	for _, l := range post.Labels {
		d, h := float64(dl[string(l)])/float64(len(dev)), float64(tl[string(l)])/float64(len(test))
		if dl[string(l)] == 0 || tl[string(l)] == 0 || d-h > 0.03 || h-d > 0.03 {
			t.Errorf("label %s: %.3f of dev, %.3f of test: not stratified", l, d, h)
		}
	}
	for name, part := range map[string][]Item{"dev": dev, "test": test} {
		platforms := count(part, func(g Gold) string { return g.Platform })
		for _, p := range append(post.Platforms[:], "") {
			if platforms[p] == 0 {
				t.Errorf("%s: no post with platform %q", name, p)
			}
		}
		roles := count(part, func(g Gold) string { return g.Role })
		for _, r := range post.Roles {
			if roles[r] == 0 {
				t.Errorf("%s: no post with role %q", name, r)
			}
		}
		regions := count(part, func(g Gold) string { return g.Region })
		for _, r := range post.Regions {
			if regions[r] == 0 {
				t.Errorf("%s: no post in region %s", name, r)
			}
		}
		if share := float64(regions[""]) / float64(len(part)); share < 0.2 || share > 0.4 {
			t.Errorf("%s: %.2f of posts without a region, want about 0.3", name, share)
		}
		langs := count(part, func(g Gold) string { return g.Lang })
		if share := float64(langs["en"]) / float64(len(part)); share < 0.03 || share > 0.1 || langs["fr"] < len(part)*85/100 {
			t.Errorf("%s: languages %v", name, langs)
		}
	}
}
