package dashboard

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryMessageKeyExists reads the package's Go source for T("key") and
// Tf("key", …) calls and checks each key has its French and English text, so
// a raw key never shows on the page.
func TestEveryMessageKeyExists(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	call := regexp.MustCompile(`\bTf?\("([a-z][a-z0-9.\-_]*)"`)
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(b), -1) {
			if strings.HasSuffix(m[1], ".") { // a prefix completed at run time ("role." + role)
				continue
			}
			found++
			msg, ok := messages[m[1]]
			if !ok || msg[0] == "" || msg[1] == "" {
				t.Errorf("%s: message %q has no French or English text", f, m[1])
			}
		}
	}
	if found == 0 {
		t.Fatal("no T(...) call found: the pattern is wrong")
	}
}
