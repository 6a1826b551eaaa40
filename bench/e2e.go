package bench

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/pipeline"
)

// EndToEndResult is a whole `vigie run --once` on embedded Kafka and a
// local ClickHouse.
type EndToEndResult struct {
	Posts int
	// Seconds is the window: from the first post handed to Kafka
	// to the last batch inserted into ClickHouse; PostsPerS is Posts over it.
	Seconds   float64
	PostsPerS float64
	// WallSeconds is the whole run: Kafka, ClickHouse and the classifier
	// starting before the window, the final rollup recount and incident
	// pass after it.
	WallSeconds float64
	PeakRSSMiB  float64 // this process only; the ClickHouse child is excluded
}

// EndToEnd runs the scenario scaled to about n posts through the whole
// pipeline in this process, from an empty data folder, until every post is
// stored, and times it from the first publish to the last row stored.
func EndToEnd(ctx context.Context, dir string, n int) (EndToEndResult, error) {
	scale := max(1, (n+scenario.Count(1)/2)/scenario.Count(1))
	res := EndToEndResult{Posts: scenario.Count(scale)}
	if err := os.RemoveAll(dir); err != nil {
		return res, err
	}
	resetPeakRSS()
	start := time.Now()
	sum, err := pipeline.Run(ctx, pipeline.Config{
		DataDir: dir, Sources: []string{"scenario:april2021"}, Scale: scale, Once: true,
		Kafka: pipeline.KafkaConfig{Partitions: 4}, CH: pipeline.ClickHouseConfig{Database: "vigie"},
		Logger: slog.New(slog.DiscardHandler),
	})
	if err != nil {
		return res, err
	}
	res.WallSeconds = time.Since(start).Seconds()
	res.Posts = int(sum.Stored)
	if sum.StoredPerSecond == 0 {
		return res, fmt.Errorf("bench: the run stored %d posts and timed no window", sum.Stored)
	}
	res.PostsPerS = sum.StoredPerSecond
	res.Seconds = float64(res.Posts) / res.PostsPerS
	res.PeakRSSMiB = peakRSSMiB()
	return res, nil
}

// resetPeakRSS returns the memory of earlier runs to the system and resets
// this process's peak resident set, so that each run's peak is its own
// (Linux: writing 5 to /proc/self/clear_refs resets VmHWM; elsewhere the
// peak stays the process's).
func resetPeakRSS() {
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// peakRSSMiB reads this process's peak resident set (VmHWM) from /proc.
func peakRSSMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmHWM:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// Paired is one end-to-end run and the classifier measured alone just
// before and just after it. The machine is shared and its speed drifts:
// a run's efficiency is taken against the mean of the two measurements
// that bracket it, not against one made minutes away.
type Paired struct {
	EndToEnd      EndToEndResult
	Before, After ClassifyResult
}

// Reference is the classifier's rate alone around the run.
func (p Paired) Reference() float64 {
	return (p.Before.ClassifyPerSec + p.After.ClassifyPerSec) / 2
}

// Series is several end-to-end runs, the classifier measurements around
// them (one more than the runs), and their medians.
type Series struct {
	Runs     []Paired
	Classify []ClassifyResult
	// Medians: of the runs, and of every classifier measurement.
	PostsPerS, WallPostsPerS, ClassifyPerSec, LinguaPerSec, ClassifyRatio float64
	// PeakRSSMiB is the highest of the runs' peaks.
	PeakRSSMiB float64
}

// Efficiency is the median over the runs of the end-to-end rate over the
// slowest stage alone: the classifier around that run, or other (the
// slowest of the stages measured once, 0 if none) when it is slower.
func (s Series) Efficiency(other float64) float64 {
	var rs []float64
	for _, r := range s.Runs {
		slowest := r.Reference()
		if other > 0 {
			slowest = min(slowest, other)
		}
		if slowest > 0 && r.EndToEnd.PostsPerS > 0 {
			rs = append(rs, r.EndToEnd.PostsPerS/slowest)
		}
	}
	if len(rs) == 0 {
		return 0
	}
	return median(rs)
}

// RunSeries measures the classifier alone (CompareClassify on stagePosts
// posts), then makes runs end-to-end runs of n posts (n = 0: none), each
// followed by the classifier again. profile, if not nil, wraps the first
// end-to-end run (a CPU profile).
func RunSeries(ctx context.Context, dir string, n, runs, stagePosts int, profile func(func() error) error, log *slog.Logger) (Series, error) {
	var s Series
	if n <= 0 {
		runs = 0
	} else {
		runs = max(runs, 1)
	}
	classifyAlone := func() (ClassifyResult, error) {
		log.Info("classifier against lingua-go alone", "posts", stagePosts)
		cl, err := CompareClassify(stagePosts)
		if err == nil {
			s.Classify = append(s.Classify, cl)
		}
		return cl, err
	}
	before, err := classifyAlone()
	if err != nil {
		return s, err
	}
	for i := range runs {
		log.Info("end-to-end run", "run", i+1, "of", runs, "posts", n)
		p := Paired{Before: before}
		run := func() (err error) {
			p.EndToEnd, err = EndToEnd(ctx, dir, n)
			return err
		}
		if i == 0 && profile != nil {
			err = profile(run)
		} else {
			err = run()
		}
		if err != nil {
			return s, err
		}
		if p.After, err = classifyAlone(); err != nil {
			return s, err
		}
		before = p.After
		s.Runs = append(s.Runs, p)
		log.Info("measured", "run", i+1, "end_to_end_posts_per_s", int(p.EndToEnd.PostsPerS), "peak_rss_mib", int(p.EndToEnd.PeakRSSMiB),
			"classify_before", int(p.Before.ClassifyPerSec), "classify_after", int(p.After.ClassifyPerSec),
			"end_to_end_vs_classifier", fmt.Sprintf("%.3f", Series{Runs: []Paired{p}}.Efficiency(0)))
	}
	var e2e, wall, cl, li, ratio []float64
	for _, c := range s.Classify {
		cl = append(cl, c.ClassifyPerSec)
		li = append(li, c.LinguaSec)
		ratio = append(ratio, c.Ratio)
	}
	for _, r := range s.Runs {
		e2e = append(e2e, r.EndToEnd.PostsPerS)
		wall = append(wall, float64(r.EndToEnd.Posts)/r.EndToEnd.WallSeconds)
		s.PeakRSSMiB = max(s.PeakRSSMiB, r.EndToEnd.PeakRSSMiB)
	}
	s.ClassifyPerSec, s.LinguaPerSec, s.ClassifyRatio = median(cl), median(li), median(ratio)
	s.PostsPerS, s.WallPostsPerS = median(e2e), median(wall)
	return s, nil
}
