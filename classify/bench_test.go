package classify

import (
	"runtime"
	"testing"

	"github.com/vigie-edu/vigie/post"
)

func samplePostValues() []post.Post {
	ps := make([]post.Post, len(samplePosts))
	for i, s := range samplePosts {
		ps[i] = textPost(s)
		ps[i].AuthorLocation = []string{"", "Lille", "Saint-Denis (93)", "Quelque part", "Paris 16"}[i%5]
		ps[i].AuthorBio = []string{"", "Prof de maths", "Maman de 3 enfants", "Journaliste"}[i%4]
	}
	return ps
}

func reportPostsPerSecond(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "posts/s")
}

// BenchmarkClassify is the whole classification of the sample mix.
func BenchmarkClassify(b *testing.B) {
	c := modelClassifier(b)
	ps := samplePostValues()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Classify(ps[i%len(ps)], testNow)
	}
	reportPostsPerSecond(b)
}

// BenchmarkLinguaAlone is lingua on exactly the texts Classify gives it,
// with the same detector: the reference Classify is measured against.
func BenchmarkLinguaAlone(b *testing.B) {
	c := modelClassifier(b)
	inputs := make([]string, len(samplePosts))
	for i, s := range samplePosts {
		inputs[i] = string(linguaInput(nil, s, maxLinguaRunes))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.det.ComputeLanguageConfidenceValues(inputs[i%len(inputs)])
	}
	reportPostsPerSecond(b)
}

// BenchmarkClassifyParallel is Classify from GOMAXPROCS goroutines.
func BenchmarkClassifyParallel(b *testing.B) {
	c := modelClassifier(b)
	ps := samplePostValues()
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Classify(ps[i%len(ps)], testNow)
			i++
		}
	})
	reportPostsPerSecond(b)
}

// BenchmarkClassifyLong is one 100 KB post (lingua sees 300 characters).
func BenchmarkClassifyLong(b *testing.B) {
	c := modelClassifier(b)
	p := textPost(longPost())
	b.SetBytes(int64(len(p.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c.Classify(p, testNow)
	}
	reportPostsPerSecond(b)
}

// TestHeap checks the live heap of a classifier with the default languages.
func TestHeap(t *testing.T) {
	c := modelClassifier(t)
	for _, p := range samplePostValues() {
		c.Classify(p, testNow)
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("live heap %d MB, sys %d MB", ms.HeapAlloc>>20, ms.Sys>>20)
	if ms.HeapAlloc > 200<<20 {
		t.Errorf("live heap %d MB, want under 200 MB", ms.HeapAlloc>>20)
	}
	runtime.KeepAlive(c)
}

// BenchmarkRules is Classify without the language detection and the
// label model: what the rules (and the model's feature hashing) cost.
func BenchmarkRules(b *testing.B) {
	c := modelClassifier(b)
	ps := samplePostValues()
	s := new(scratch)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := &ps[i%len(ps)]
		var out post.Classified
		c.rules(s, p, p.Text, &out)
	}
	reportPostsPerSecond(b)
}
