package bench

import (
	"context"
	"fmt"
	"log/slog"
	"os"
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
	res.Seconds = sum.LastStored.Sub(sum.FirstPublished).Seconds()
	res.PostsPerS = sum.StoredPerSecond
	res.PeakRSSMiB = peakRSSMiB()
	return res, nil
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
