package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/vigie-edu/vigie/classify"
)

// floors are the figures the classifier must not fall below on each part
// of the gold set. They are set a little under what was measured with
// classify rules-v0.2.0 (eval/gold/README.md has the full report):
//
//	part  macro-F1  region acc  false regions  platform  role   lang
//	dev   0.989     0.996       0.0 %          0.989     0.959  0.996
//	test  0.780     0.978       0.6 %          0.994     0.950  0.994
//
// The test part was measured once, after the tuning on dev was over. A
// change that lowers them is a regression; a change that raises them
// should raise the floors with it (and say so).
var floors = []struct {
	file                      string
	macroF1, region, platform float64
	role, lang                float64
	maxFalseRegion            float64
	minClassF1                float64
}{
	{"gold/dev.jsonl", 0.96, 0.98, 0.97, 0.93, 0.98, 0.01, 0.94},
	{"gold/test.jsonl", 0.76, 0.96, 0.98, 0.93, 0.98, 0.02, 0.68},
}

func TestClassifierFloors(t *testing.T) {
	c, err := classify.New(classify.Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range floors {
		t.Run(f.file, func(t *testing.T) {
			items, err := Load(f.file)
			if err != nil {
				t.Fatal(err)
			}
			r, _, err := Run(context.Background(), c, items)
			if err != nil {
				t.Fatal(err)
			}
			if r.Classifier != classify.Version {
				t.Errorf("report version %q, classifier %q", r.Classifier, classify.Version)
			}
			var failed []string
			check := func(name string, got, floor float64) {
				if got < floor {
					failed = append(failed, name)
				}
			}
			check("macro-F1", r.MacroF1, f.macroF1)
			check("region accuracy", r.Region.Accuracy, f.region)
			check("platform accuracy", r.PlatformAccuracy, f.platform)
			check("role accuracy", r.RoleAccuracy, f.role)
			check("language accuracy", r.LangAccuracy, f.lang)
			check("false-region rate (as 1 - rate)", 1-r.Region.FalseRate, 1-f.maxFalseRegion)
			for _, m := range r.Classes {
				check("F1 of "+string(m.Label), m.F1, f.minClassF1)
			}
			if len(failed) > 0 {
				var b strings.Builder
				_ = WriteText(&b, r)
				t.Errorf("%s fell below its floor: %s\n%s", f.file, strings.Join(failed, ", "), b.String())
			}
		})
	}
}
