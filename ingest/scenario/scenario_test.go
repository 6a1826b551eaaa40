package scenario

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/ingest"
	"github.com/vigie-edu/vigie/post"
)

// day1 caches Items(1): many tests read it.
var day1 = sync.OnceValue(func() []Item {
	return slices.Collect(Items(1))
})

func utc(h, m int) time.Time { return time.Date(2021, 4, 6, h, m, 0, 0, time.UTC) }

// paris converts a Paris time of 6 April 2021 to UTC.
func paris(h, m int) time.Time { return utc(h-2, m) }

func TestDeterministicAndCounted(t *testing.T) {
	a := day1()
	b := slices.Collect(Items(1))
	if len(a) != len(b) {
		t.Fatalf("two runs: %d and %d posts", len(a), len(b))
	}
	for i := range a {
		if !itemsEqual(a[i], b[i]) {
			t.Fatalf("post %d differs between runs:\n%+v\n%+v", i, a[i], b[i])
		}
	}
	if n := Count(1); n != len(a) {
		t.Errorf("Count(1) = %d, Items(1) yields %d", n, len(a))
	}
	if Count(0) != Count(1) {
		t.Errorf("Count(0) = %d, want Count(1) = %d", Count(0), Count(1))
	}
	ids := make(map[string]bool, len(a))
	for _, it := range a {
		if ids[it.Post.ID] {
			t.Fatalf("duplicate id %s", it.Post.ID)
		}
		ids[it.Post.ID] = true
	}

	// Scale 3: three copies, copy 0 being the scale-1 day.
	n3 := 0
	ids3 := make(map[string]bool, 3*len(a))
	var copy0 []Item
	for it := range Items(3) {
		n3++
		if ids3[it.Post.ID] {
			t.Fatalf("scale 3: duplicate id %s", it.Post.ID)
		}
		ids3[it.Post.ID] = true
		if strings.HasPrefix(it.Post.ID, "apr2021-0-") {
			copy0 = append(copy0, it)
		}
	}
	if c := Count(3); c != n3 {
		t.Errorf("Count(3) = %d, Items(3) yields %d", c, n3)
	}
	if r := float64(n3) / float64(len(a)); r < 2.9 || r > 3.1 {
		t.Errorf("scale 3 has %.2f× the posts of scale 1", r)
	}
	if len(copy0) != len(a) {
		t.Fatalf("copy 0 of scale 3 has %d posts, scale 1 has %d", len(copy0), len(a))
	}
	for i := range a {
		if !itemsEqual(a[i], copy0[i]) {
			t.Fatalf("copy 0 of scale 3 differs from scale 1 at %d", i)
		}
	}
}

func itemsEqual(a, b Item) bool {
	p, q := a.Post, b.Post
	return a.Truth == b.Truth && p.ID == q.ID && p.Source == q.Source && p.CreatedAt.Equal(q.CreatedAt) &&
		p.Author == q.Author && p.AuthorName == q.AuthorName && p.AuthorLocation == q.AuthorLocation &&
		p.AuthorBio == q.AuthorBio && p.Text == q.Text && p.Lang == q.Lang && slices.Equal(p.Hashtags, q.Hashtags) &&
		p.Place == q.Place && p.URL == q.URL && slices.Equal(p.Matched, q.Matched) && p.IngestedAt.Equal(q.IngestedAt)
}

func TestVolumeAndTimes(t *testing.T) {
	items := day1()
	if n := len(items); n < 45000 || n > 55000 {
		t.Errorf("%d posts at scale 1, want about 50,000", n)
	}
	from, to := utc(5, 0), utc(18, 0)
	var prev time.Time
	perMin := make([]int, minutes)
	for i, it := range items {
		c := it.Post.CreatedAt
		if c.Location() != time.UTC {
			t.Fatalf("post %d: CreatedAt %v not UTC", i, c)
		}
		if c.Before(from) || !c.Before(to) {
			t.Fatalf("post %d: CreatedAt %v outside 05:00–18:00 UTC", i, c)
		}
		if c.Before(prev) {
			t.Fatalf("post %d: CreatedAt %v before previous %v", i, c, prev)
		}
		prev = c
		perMin[int(c.Sub(from)/time.Minute)]++
	}
	rate := func(a, b time.Time) float64 {
		n := 0
		for m := int(a.Sub(from) / time.Minute); m < int(b.Sub(from)/time.Minute); m++ {
			n += perMin[m]
		}
		return float64(n) / b.Sub(a).Minutes()
	}
	peak := rate(paris(8, 30), paris(10, 0))
	early := rate(paris(7, 0), paris(7, 30))
	lunch := rate(paris(12, 30), paris(13, 30))
	afternoon := rate(paris(14, 30), paris(16, 30))
	evening := rate(paris(19, 0), paris(20, 0))
	t.Logf("posts/min: early %.0f, peak %.0f, lunch %.0f, afternoon %.0f, evening %.0f", early, peak, lunch, afternoon, evening)
	if !(peak > 2*early && peak > 1.5*lunch && afternoon > lunch && lunch > evening) {
		t.Errorf("daily curve not realistic: early %.0f, peak %.0f, lunch %.0f, afternoon %.0f, evening %.0f",
			early, peak, lunch, afternoon, evening)
	}
}

var (
	disrupted = []string{"FR-IDF", "FR-HDF", "FR-OCC", "FR-NOR", "FR-CVL", "FR-GES", "FR-NAQ"}
	calm      = []string{"FR-ARA", "FR-BFC", "FR-BRE", "FR-COR", "FR-PDL", "FR-PAC", "FR-971", "FR-972", "FR-973", "FR-974", "FR-976"}
)

func TestStoryline(t *testing.T) {
	items := day1()
	isOutage := func(it Item, platform string) bool {
		return it.Truth.Label == post.LabelOutage && it.Truth.Platform == platform
	}

	// CNED: down 09:02–19:30 Paris, reports from everywhere.
	in, out, unknownRegion := 0, 0, 0
	cnedRegions := map[string]bool{}
	for _, it := range items {
		if !isOutage(it, post.PlatformCNED) {
			continue
		}
		c := it.Post.CreatedAt
		if !c.Before(paris(9, 2)) && c.Before(paris(19, 30)) {
			in++
		} else {
			out++
		}
		cnedRegions[it.Truth.Region] = true
		if it.Truth.Region == "" {
			unknownRegion++
		}
	}
	t.Logf("CNED outage reports: %d in the window, %d outside; %d without region", in, out, unknownRegion)
	if in < 5000 || float64(out) > 0.01*float64(in) {
		t.Errorf("CNED outage reports: %d in 09:02–19:30 and %d outside, want thousands in and ≤1%% outside", in, out)
	}
	if len(cnedRegions) < 15 || float64(unknownRegion) < 0.25*float64(in+out) {
		t.Errorf("CNED reports come from %d regions, %d without region: want them spread out", len(cnedRegions), unknownRegion)
	}

	// Pronote: 10:30–12:30 Paris, nationwide.
	in, out = 0, 0
	for _, it := range items {
		if isOutage(it, post.PlatformPronote) {
			if c := it.Post.CreatedAt; !c.Before(paris(10, 30)) && c.Before(paris(12, 30)) {
				in++
			} else {
				out++
			}
		}
	}
	if in < 1000 || float64(out) > 0.1*float64(in) {
		t.Errorf("Pronote outage reports: %d in 10:30–12:30 and %d outside", in, out)
	}

	// ENT: seven disrupted regions, within their windows; calm regions quiet.
	entCount := map[string]int{}
	entInWindow := map[string]int{}
	posts := map[string]int{}
	calmTimes := map[string][]time.Time{}
	windows := map[string][]window{}
	for _, inc := range entIncidents {
		windows[regions[inc.region].code] = inc.windows
	}
	for _, it := range items {
		reg := it.Truth.Region
		posts[reg]++
		if !isOutage(it, post.PlatformENT) {
			continue
		}
		entCount[reg]++
		c := it.Post.CreatedAt
		for _, w := range windows[reg] {
			if !c.Before(paris(0, w.from)) && c.Before(paris(0, w.to)) {
				entInWindow[reg]++
			}
		}
		if slices.Contains(calm, reg) {
			calmTimes[reg] = append(calmTimes[reg], c)
		}
	}
	minDisrupted := len(items)
	for _, reg := range disrupted {
		n := entCount[reg]
		minDisrupted = min(minDisrupted, n)
		if n < 200 {
			t.Errorf("%s: only %d ENT outage reports", reg, n)
		}
		if float64(entInWindow[reg]) < 0.95*float64(n) {
			t.Errorf("%s: %d of %d ENT outage reports within its windows", reg, entInWindow[reg], n)
		}
	}
	maxCalm := 0
	for _, reg := range calm {
		n := entCount[reg]
		maxCalm = max(maxCalm, n)
		if float64(n) > 0.01*float64(posts[reg]) {
			t.Errorf("calm %s: %d ENT outage reports among %d posts", reg, n, posts[reg])
		}
		// scattered: never 5 within half an hour
		ts := calmTimes[reg]
		for i := range ts {
			if i+4 < len(ts) && ts[i+4].Sub(ts[i]) < 30*time.Minute {
				t.Errorf("calm %s: 5 ENT outage reports between %v and %v", reg, ts[i], ts[i+4])
				break
			}
		}
	}
	t.Logf("ENT outage reports: disrupted %v; calm max %d", entCount, maxCalm)
	if minDisrupted < 10*max(maxCalm, 1) {
		t.Errorf("ENT outage reports: weakest disrupted region has %d, busiest calm region %d", minDisrupted, maxCalm)
	}

	// The mix follows the story: outage reports spike during outages.
	share := func(a, b time.Time) float64 {
		n, o := 0, 0
		for _, it := range items {
			if c := it.Post.CreatedAt; !c.Before(a) && c.Before(b) {
				n++
				if it.Truth.Label == post.LabelOutage {
					o++
				}
			}
		}
		return float64(o) / float64(n)
	}
	before, during := share(paris(7, 0), paris(7, 55)), share(paris(9, 10), paris(11, 0))
	t.Logf("outage share: %.3f before 08:00, %.3f 09:10–11:00", before, during)
	if before > 0.03 || during < 0.4 {
		t.Errorf("outage share %.3f before the outages and %.3f during them", before, during)
	}
}

func TestVariety(t *testing.T) {
	items := day1()
	texts := map[string]bool{}
	n := 0
	for _, it := range items {
		if it.Truth.Label == post.LabelOutage && n < 1000 {
			n++
			texts[it.Post.Text] = true
		}
	}
	if len(texts) < 900 {
		t.Errorf("%d distinct texts among %d outage reports", len(texts), n)
	}
	grams := map[[3]string]bool{}
	distinct := map[string]bool{}
	for _, it := range items {
		distinct[it.Post.Text] = true
		w := strings.Fields(strings.ToLower(it.Post.Text))
		for i := 0; i+2 < len(w); i++ {
			grams[[3]string{w[i], w[i+1], w[i+2]}] = true
		}
	}
	t.Logf("%d distinct texts of %d, %d distinct word 3-grams", len(distinct), len(items), len(grams))
	if len(grams) < 50000 {
		t.Errorf("only %d distinct word 3-grams", len(grams))
	}
	if float64(len(distinct)) < 0.9*float64(len(items)) {
		t.Errorf("only %d distinct texts among %d posts", len(distinct), len(items))
	}

	labels, platforms, roles, regs, langs := map[post.Label]int{}, map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	authors := map[string]bool{}
	for _, it := range items {
		labels[it.Truth.Label]++
		platforms[it.Truth.Platform]++
		roles[it.Truth.Role]++
		regs[it.Truth.Region]++
		langs[it.Post.Lang]++
		authors[it.Post.Author] = true
	}
	for _, l := range post.Labels {
		if labels[l] < 2000 {
			t.Errorf("label %s: %d posts", l, labels[l])
		}
	}
	for _, p := range post.Platforms {
		if platforms[p] < 500 {
			t.Errorf("platform %s: %d posts", p, platforms[p])
		}
	}
	for _, r := range post.Roles {
		if roles[r] < 500 {
			t.Errorf("role %s: %d posts", r, roles[r])
		}
	}
	for _, r := range post.Regions {
		if regs[r] < 50 {
			t.Errorf("region %s: %d posts", r, regs[r])
		}
	}
	if len(regs) != len(post.Regions)+1 {
		t.Errorf("regions used: %v", regs)
	}
	total := float64(len(items))
	if f := float64(langs[""]) / total; f < 0.25 || f > 0.35 {
		t.Errorf("%.2f of posts without lang, want about 0.3", f)
	}
	if f := float64(langs["en"]) / total; f < 0.01 || f > 0.03 {
		t.Errorf("%.3f of posts in English, want about 0.02", f)
	}
	if langs["es"] == 0 || langs["de"] == 0 {
		t.Errorf("no Spanish or German post: %v", langs)
	}
	if len(authors) < 5000 {
		t.Errorf("only %d distinct authors", len(authors))
	}
	t.Logf("labels %v\nplatforms %v\nroles %v\nlangs %v\nauthors %d", labels, platforms, roles, langs, len(authors))
}

func TestPostsAreValid(t *testing.T) {
	items := day1()
	tracker, err := ingest.NewTracker(ingest.DefaultTerms)
	if err != nil {
		t.Fatal(err)
	}
	// which region each identifying profile location or ENT name points to
	locRegion := map[string]string{}
	var entNames [][2]string
	for _, r := range regions {
		for _, l := range r.locs {
			locRegion[l] = r.code
		}
		for _, e := range r.ents {
			entNames = append(entNames, [2]string{e.subj, r.code})
		}
	}
	author := map[string]post.Post{}
	now := time.Now()
	for i, it := range items {
		p := it.Post
		q := p
		if err := post.Normalize(&q, now); err != nil {
			t.Fatalf("post %s does not normalize: %v\n%+v", p.ID, err, p)
		}
		if q.Text != p.Text || q.AuthorLocation != p.AuthorLocation || q.Author != p.Author || q.AuthorBio != p.AuthorBio {
			t.Fatalf("post %s changed by Normalize:\n%q\n%q", p.ID, p.Text, q.Text)
		}
		if p.Source != post.SourceScenario || !strings.HasPrefix(p.ID, "apr2021-0-") {
			t.Fatalf("post %d: source %q id %q", i, p.Source, p.ID)
		}
		if p.URL != "https://scenario.vigie.invalid/@"+p.Author+"/"+p.ID {
			t.Fatalf("post %s: url %q", p.ID, p.URL)
		}
		if len(p.Matched) == 0 {
			t.Fatalf("post %s matches no tracked term: %q", p.ID, p.Text)
		}
		if i%7 == 0 {
			if want := tracker.Match(&p); !slices.Equal(p.Matched, want) {
				t.Fatalf("post %s: Matched %v, ingest tracker finds %v in %q", p.ID, p.Matched, want, p.Text)
			}
		}
		for _, h := range p.Hashtags {
			if !strings.Contains(p.Text, "#"+h) {
				t.Fatalf("post %s: hashtag %q not in %q", p.ID, h, p.Text)
			}
		}
		if strings.Count(p.Text, "#") != len(p.Hashtags) {
			t.Fatalf("post %s: hashtags %q in %q", p.ID, p.Hashtags, p.Text)
		}
		if strings.ContainsAny(p.Text, "§¤¢¦£¨¥©®ª¬±µ¹¯³~") || strings.Contains(p.Text, "  ") {
			t.Fatalf("post %s: template left-overs in %q", p.ID, p.Text)
		}
		tr := it.Truth
		if tr.Region != "" && !post.IsRegion(tr.Region) {
			t.Fatalf("post %s: region %q", p.ID, tr.Region)
		}
		// the region is consistent with every clue
		if r, ok := locRegion[p.AuthorLocation]; ok && r != tr.Region {
			t.Fatalf("post %s: location %q is %s, truth says %q", p.ID, p.AuthorLocation, r, tr.Region)
		}
		for _, e := range entNames {
			if containsWord(p.Text, e[0]) && e[1] != tr.Region {
				t.Fatalf("post %s: text names %q (%s), truth says %q: %q", p.ID, e[0], e[1], tr.Region, p.Text)
			}
		}
		if p.Place != "" && tr.Region == "" {
			t.Fatalf("post %s: geotag %q but no region", p.ID, p.Place)
		}
		if tr.Platform != "" && !slices.Contains(post.Platforms[:], tr.Platform) {
			t.Fatalf("post %s: platform %q", p.ID, tr.Platform)
		}
		if !slices.Contains(post.Roles[:], tr.Role) {
			t.Fatalf("post %s: role %q", p.ID, tr.Role)
		}
		// authors are stable: one handle, one profile
		if a, ok := author[p.Author]; ok && (a.AuthorBio != p.AuthorBio || a.AuthorName != p.AuthorName || a.AuthorLocation != p.AuthorLocation) {
			t.Fatalf("author %s: profile %q/%q/%q then %q/%q/%q", p.Author, a.AuthorName, a.AuthorBio, a.AuthorLocation,
				p.AuthorName, p.AuthorBio, p.AuthorLocation)
		}
		author[p.Author] = p
	}
}

// containsWord reports whether s contains w not glued to other letters or digits.
func containsWord(s, w string) bool {
	isWord := func(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' }
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWord(s[a-1])) && (b == len(s) || !isWord(s[b])) {
			return true
		}
		i = a + 1
	}
}

func TestSourceRun(t *testing.T) {
	items := day1()
	clock := func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }
	src := NewSource(Config{BatchSize: 777, Clock: clock})
	if src.Name() != "scenario:april2021" {
		t.Errorf("Name() = %q", src.Name())
	}
	var got []post.Post
	batches := 0
	err := src.Run(context.Background(), func(_ context.Context, batch []post.Post) error {
		batches++
		if len(batch) == 0 || len(batch) > 777 {
			t.Fatalf("batch of %d posts", len(batch))
		}
		got = append(got, batch...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(items) {
		t.Fatalf("Run emitted %d posts, want %d", len(got), len(items))
	}
	for i := range got {
		if got[i].ID != items[i].Post.ID || got[i].Text != items[i].Post.Text {
			t.Fatalf("post %d: %s, want %s", i, got[i].ID, items[i].Post.ID)
		}
		if !got[i].IngestedAt.Equal(clock()) {
			t.Fatalf("post %d: IngestedAt %v", i, got[i].IngestedAt)
		}
	}
	if want := (len(items) + 776) / 777; batches != want {
		t.Errorf("%d batches, want %d", batches, want)
	}
}

func TestSourceCancelAndErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	err := NewSource(Config{BatchSize: 100}).Run(ctx, func(context.Context, []post.Post) error {
		n++
		if n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n != 3 {
		t.Errorf("after cancel: %v after %d batches", err, n)
	}

	boom := errors.New("broker down")
	err = NewSource(Config{}).Run(context.Background(), func(context.Context, []post.Post) error { return boom })
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "scenario") {
		t.Errorf("emit error: %v", err)
	}

	if err := NewSource(Config{Speed: -1}).Run(context.Background(), nil); err == nil {
		t.Error("negative speed accepted")
	}
}

// fakeTime is a clock that moves only when the source sleeps.
type fakeTime struct{ now time.Time }

func (f *fakeTime) clock() time.Time { return f.now }
func (f *fakeTime) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.now = f.now.Add(d)
	return nil
}

func TestSourcePacing(t *testing.T) {
	const speed = 3600 // the 13-hour day in 13 seconds
	ft := &fakeTime{now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	start := ft.now
	cfg := Config{Speed: speed, BatchSize: 50, Clock: ft.clock}
	cfg.sleep = ft.sleep
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var first time.Time
	emitted, batches := 0, 0
	err := NewSource(cfg).Run(ctx, func(_ context.Context, batch []post.Post) error {
		batches++
		for _, p := range batch {
			if first.IsZero() {
				first = p.CreatedAt
			}
			due := start.Add(time.Duration(float64(p.CreatedAt.Sub(first)) / speed))
			if ft.now.Before(due) {
				t.Fatalf("post %s created %v emitted at %v, due at %v", p.ID, p.CreatedAt, ft.now, due)
			}
			// with a clock that only moves in sleep, a due post never waits
			if lag := ft.now.Sub(due); lag > time.Second/speed {
				t.Fatalf("post %s emitted %v late", p.ID, lag)
			}
		}
		emitted += len(batch)
		if emitted >= 5000 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run: %v", err)
	}
	// 5000 posts cover about 3 hours of scenario: about 3 s at 3600×
	elapsed := ft.now.Sub(start)
	want := time.Duration(float64(day1()[emitted-1].Post.CreatedAt.Sub(first)) / speed)
	if elapsed < want || elapsed > want+time.Second/speed {
		t.Errorf("replayed %d posts in %v of fake time, want %v", emitted, elapsed, want)
	}
	if batches < emitted/50 || batches >= emitted {
		t.Errorf("%d batches for %d posts", batches, emitted)
	}
}

// TestSourcePacingRealClock checks, with the real clock, that no post is
// emitted before it is due (a lower bound only, so it cannot flake).
func TestSourcePacingRealClock(t *testing.T) {
	const speed = 3600
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	before := time.Now()
	var first time.Time
	n := 0
	err := NewSource(Config{Speed: speed}).Run(ctx, func(_ context.Context, batch []post.Post) error {
		now := time.Now()
		for _, p := range batch {
			if first.IsZero() {
				first = p.CreatedAt
			}
			if due := before.Add(time.Duration(float64(p.CreatedAt.Sub(first)) / speed)); now.Before(due) {
				t.Errorf("post %s emitted %v early", p.ID, due.Sub(now))
			}
		}
		n += len(batch)
		return nil
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Run: %v", err)
	}
	// 300 ms at 3600× is 18 minutes of the day: hundreds of posts, not thousands
	if n == 0 || n > 3000 {
		t.Errorf("%d posts emitted in 300 ms at %d×", n, speed)
	}
}

func BenchmarkItems(b *testing.B) {
	n := 0
	for b.Loop() {
		for it := range Items(1) {
			n += len(it.Post.Text)&1 + 1
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "posts/s")
}

func BenchmarkCount(b *testing.B) {
	for b.Loop() {
		Count(20)
	}
}
