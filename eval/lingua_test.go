package eval

import (
	"context"
	"testing"

	"github.com/vigie-edu/vigie/classify"
)

// TestLinguaModes backs the classifier's default: lingua's low-accuracy
// mode (half the cost, a sixth of the memory) must detect the gold posts'
// languages as well as the high-accuracy mode. Measured when it was
// chosen: 449/450 (low) against 448/450 (high) on dev + test.
func TestLinguaModes(t *testing.T) {
	items, err := Load("builtin:dev", "builtin:test")
	if err != nil {
		t.Fatal(err)
	}
	acc := make(map[bool]float64)
	for _, high := range []bool{false, true} {
		c, err := classify.New(classify.Config{HighAccuracy: high})
		if err != nil {
			t.Fatal(err)
		}
		r, _, err := Run(context.Background(), c, items)
		if err != nil {
			t.Fatal(err)
		}
		acc[high] = r.LangAccuracy
		t.Logf("high accuracy %v: language accuracy %.3f on %d posts", high, r.LangAccuracy, r.Posts)
	}
	if acc[false] < acc[true]-0.005 || acc[false] < 0.98 {
		t.Errorf("low-accuracy mode %.3f against high-accuracy %.3f: the default should change", acc[false], acc[true])
	}
}
