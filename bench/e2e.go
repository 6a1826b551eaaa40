package bench

import (
	"context"
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
	Posts      int
	Seconds    float64
	PostsPerS  float64
	PeakRSSMiB float64 // this process only; the ClickHouse child is excluded
}

// EndToEnd runs the scenario scaled to about n posts through the whole
// pipeline in this process, from an empty data folder, until every post is
// stored.
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
	res.Seconds = time.Since(start).Seconds()
	res.Posts = int(sum.Stored)
	res.PostsPerS = float64(res.Posts) / res.Seconds
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
