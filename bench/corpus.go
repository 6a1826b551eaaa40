// Package bench measures Vigie against the raw libraries it is built on,
// side by side in the same run (the machines are shared and noisy, so only
// ratios measured together mean something): the store stage against a raw
// clickhouse-go batch insert, the dashboard's queries on a large table, and
// the other figures `vigie bench` prints.
package bench

import (
	"iter"
	"strconv"
	"time"

	"github.com/vigie-edu/vigie/ingest/scenario"
	"github.com/vigie-edu/vigie/post"
)

// Month yields about n classified posts spread over the 30 days from
// 2021-04-01, in creation order: the scenario's day replayed day after day
// (the posts of copy c of day d get their own ids), labelled with the
// scenario's truth, so that loading millions of posts does not wait for the
// classifier. Sentiment and scores are filled plausibly.
func Month(n int) iter.Seq[post.Classified] {
	return func(yield func(post.Classified) bool) {
		const days = 30
		perDay := max(1, (n+days-1)/days)
		scale := max(1, (perDay+scenario.Count(1)-1)/scenario.Count(1))
		first := time.Date(2021, 4, 6, 0, 0, 0, 0, time.UTC)
		base := time.Date(2021, 4, 1, 0, 0, 0, 0, time.UTC)
		classifiedAt := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		emitted := 0
		for d := 0; d < days && emitted < n; d++ {
			shift := base.AddDate(0, 0, d).Sub(first)
			total := scenario.Count(scale)
			i := 0
			for it := range scenario.Items(scale) {
				// Keep perDay of the day's total posts, spread over the day.
				i++
				if (i*perDay)/total == ((i-1)*perDay)/total {
					continue
				}
				if emitted == n {
					break
				}
				p := it.Post
				p.ID = p.ID + "-d" + strconv.Itoa(d)
				p.CreatedAt = p.CreatedAt.Add(shift)
				p.IngestedAt = p.CreatedAt
				c := post.Classified{
					Post: p, Label: it.Truth.Label, Platform: it.Truth.Platform, Region: it.Truth.Region,
					Role: it.Truth.Role, Language: "fr", LangConfidence: 0.9, LangSource: "lingua",
					Classifier: "bench", ClassifiedAt: classifiedAt,
				}
				switch c.Label {
				case post.LabelOutage:
					c.Scores.Outage, c.Sentiment = 0.9, -0.6
				case post.LabelComplaint:
					c.Scores.Complaint, c.Sentiment = 0.8, -0.8
				case post.LabelTestimony:
					c.Scores.Testimony, c.Sentiment = 0.7, -0.1
				default:
					c.Scores.Other, c.Sentiment = 0.6, 0.1
				}
				if !yield(c) {
					return
				}
				emitted++
			}
		}
	}
}
