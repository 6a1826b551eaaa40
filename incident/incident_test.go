package incident

import (
	"testing"
	"time"
)

var t0 = time.Date(2021, 4, 6, 5, 0, 0, 0, time.UTC) // 07:00 Paris

// series builds 15-minute points for one key from counts.
func series(region, platform string, counts ...uint64) []Point {
	var out []Point
	for i, n := range counts {
		out = append(out, Point{Bucket: t0.Add(time.Duration(i) * 15 * time.Minute), Region: region, Platform: platform, Posts: n})
	}
	return out
}

func TestDetectOpensSustainedRiseAndClosesAfterRecovery(t *testing.T) {
	c := Defaults()
	counts := []uint64{0, 1, 0, 1, 8, 9, 30, 60, 55, 20, 1, 0, 0, 1}
	from, to := t0, t0.Add(time.Duration(len(counts))*15*time.Minute)
	found := c.Detect(series("FR-IDF", "ent", counts...), nil, from, to)
	if len(found) != 1 {
		t.Fatalf("found %d incidents, want 1: %+v", len(found), found)
	}
	f := found[0]
	if f.Region != "FR-IDF" || f.Platform != "ent" || f.Level != Major {
		t.Errorf("incident %+v, want a major ENT incident in FR-IDF", f)
	}
	if want := t0.Add(4 * 15 * time.Minute); !f.Start.Equal(want) {
		t.Errorf("start %s, want %s", f.Start, want)
	}
	if want := t0.Add(10 * 15 * time.Minute); !f.End.Equal(want) {
		t.Errorf("end %s, want %s", f.End, want)
	}
	if f.Peak != 60 || f.Posts != 8+9+30+60+55+20 || f.Open {
		t.Errorf("peak %d posts %d open %v", f.Peak, f.Posts, f.Open)
	}
	if f.ID == "" || f.ID != c.Detect(series("FR-IDF", "ent", counts...), nil, from, to)[0].ID {
		t.Error("incident id not stable")
	}
}

func TestSingleSpikeAndScatteredReportsAreNotIncidents(t *testing.T) {
	c := Defaults()
	pts := append(series("FR-BRE", "ent", 0, 2, 0, 30, 0, 1, 3, 0, 2), series("FR-ARA", "ent", 2, 3, 2, 4, 3, 2, 4, 3, 2)...)
	if found := c.Detect(pts, nil, t0, t0.Add(9*15*time.Minute)); len(found) != 0 {
		t.Fatalf("found %+v, want nothing", found)
	}
}

func TestHistoryRaisesTheBaseline(t *testing.T) {
	c := Defaults()
	today := []uint64{10, 12, 11, 10}
	// The same slots had as many reports on each of the five previous school days.
	// Slots are in Paris time: the history crosses the switch to summer time.
	var past []Point
	for d := 1; d <= 5; d++ {
		day := time.Date(2021, 4, 6-7*d, 7, 0, 0, 0, c.Location)
		for i, n := range today {
			past = append(past, Point{Bucket: day.Add(time.Duration(i) * 15 * time.Minute), Region: "", Platform: "pronote", Posts: n})
		}
	}
	now := series("FR-HDF", "pronote", today...) // national: region is ignored
	if found := c.Detect(now, nil, t0, t0.Add(time.Hour)); len(found) != 1 || found[0].Region != "" {
		t.Fatalf("without history: %+v, want one national incident", found)
	}
	if found := c.Detect(now, past, t0, t0.Add(time.Hour)); len(found) != 0 {
		t.Fatalf("with history: %+v, want nothing (this is normal for the slot)", found)
	}
}

func TestOpenIncidentAtEndOfData(t *testing.T) {
	c := Defaults()
	found := c.Detect(series("", "cned", 0, 50, 80, 90), nil, t0, t0.Add(time.Hour))
	if len(found) != 1 || !found[0].Open || !found[0].End.Equal(t0.Add(time.Hour)) {
		t.Fatalf("found %+v, want one open incident", found)
	}
}
