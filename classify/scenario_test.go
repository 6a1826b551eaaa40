package classify

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/post"
)

// scenarioStride keeps one scenario post in scenarioStride (the whole day
// is ~50,000 posts, ~25 s): set VIGIE_SCENARIO_ALL=1 to classify them all.
const scenarioStride = 4

// TestScenarioAgreement classifies the April 2021 scenario and logs how
// often the classifier agrees with what the generator meant, per field.
// The floor is loose on purpose: this measures, the gold set will tune.
// Beware: the scenario is synthetic, and the v0 cue lists were completed
// after reading its misses; expect lower figures on real posts.
func TestScenarioAgreement(t *testing.T) {
	if testing.Short() {
		t.Skip("scenario agreement skipped in -short mode")
	}
	c := testClassifier(t)
	stride := scenarioStride
	if os.Getenv("VIGIE_SCENARIO_ALL") != "" {
		stride = 1
	}
	seen := 0
	var n, label, platform, role int
	var regionGiven, regionRight, regionTruth, regionFound, regionAgree int
	confusion := map[[2]post.Label]int{}
	misses := map[string][]string{}
	for it := range scenario.Items(1) {
		if seen++; seen%stride != 0 {
			continue
		}
		got := c.Classify(it.Post, testNow)
		checkValid(t, got, testNow)
		n++
		confusion[[2]post.Label{it.Truth.Label, got.Label}]++
		if got.Label == it.Truth.Label {
			label++
		} else if len(misses["label"]) < 8 {
			misses["label"] = append(misses["label"], fmt.Sprintf("%s->%s %.90q", it.Truth.Label, got.Label, it.Post.Text))
		}
		if got.Platform == it.Truth.Platform {
			platform++
		} else if len(misses["platform"]) < 5 {
			misses["platform"] = append(misses["platform"], fmt.Sprintf("%q->%q %.90q", it.Truth.Platform, got.Platform, it.Post.Text))
		}
		if got.Role == it.Truth.Role {
			role++
		} else if len(misses["role"]) < 5 {
			misses["role"] = append(misses["role"], fmt.Sprintf("%s->%s name=%q bio=%.60q", it.Truth.Role, got.Role, it.Post.AuthorName, it.Post.AuthorBio))
		}
		if got.Region == it.Truth.Region {
			regionAgree++
		}
		if it.Truth.Region != "" {
			regionTruth++
			if got.Region == it.Truth.Region {
				regionFound++
			}
		}
		if got.Region != "" {
			regionGiven++
			if got.Region == it.Truth.Region {
				regionRight++
			} else if len(misses["region"]) < 5 {
				misses["region"] = append(misses["region"], fmt.Sprintf("%q->%q (%s) place=%q loc=%q", it.Truth.Region, got.Region, got.RegionSource, it.Post.Place, it.Post.AuthorLocation))
			}
		}
	}
	if n == 0 {
		t.Fatal("the scenario yielded no post")
	}
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	t.Logf("scenario: %d posts (one in %d)", n, stride)
	t.Logf("label agreement    %5.1f%%", pct(label, n))
	t.Logf("platform agreement %5.1f%%", pct(platform, n))
	t.Logf("role agreement     %5.1f%%", pct(role, n))
	t.Logf("region: precision %5.1f%% (%d given), recall %5.1f%% (%d with a true region), agreement incl. empty %5.1f%%",
		pct(regionRight, regionGiven), regionGiven, pct(regionFound, regionTruth), regionTruth, pct(regionAgree, n))
	var rows []string
	for _, truth := range post.Labels {
		var cells []string
		for _, got := range post.Labels {
			cells = append(cells, fmt.Sprintf("%6d", confusion[[2]post.Label{truth, got}]))
		}
		rows = append(rows, fmt.Sprintf("%-14s %s", truth, strings.Join(cells, "")))
	}
	t.Logf("label confusion (rows truth, columns outage complaint testimony other):\n%s", strings.Join(rows, "\n"))
	keys := make([]string, 0, len(misses))
	for k := range misses {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		t.Logf("%s misses, e.g.:\n  %s", k, strings.Join(misses[k], "\n  "))
	}
	if pct(label, n) < 60 {
		t.Errorf("label agreement %.1f%%, want at least 60%%", pct(label, n))
	}
}
