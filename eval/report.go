package eval

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// WriteText prints a report for people: per-class figures, macro-F1, the
// confusion matrix (gold rows, predicted columns) and the region,
// platform, role and language figures.
func WriteText(w io.Writer, r Report) error {
	ew := &errWriter{w: w}
	ew.printf("classifier %s, %d posts\n\n", r.Classifier, r.Posts)
	tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "label\tprecision\trecall\tF1\tsupport\tpredicted\t\n")
	for _, m := range r.Classes {
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%.3f\t%d\t%d\t\n", m.Label, m.Precision, m.Recall, m.F1, m.Support, m.Predicted)
	}
	tw.Flush()
	ew.printf("\nmacro-F1 %.3f   label accuracy %.3f\n\n", r.MacroF1, r.LabelAccuracy)

	ew.printf("confusion matrix (rows: gold, columns: predicted)\n")
	tw = tabwriter.NewWriter(ew, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t")
	for _, l := range r.Confusion.Labels {
		fmt.Fprintf(tw, "%s\t", l)
	}
	fmt.Fprintf(tw, "\n")
	for i, row := range r.Confusion.Matrix {
		fmt.Fprintf(tw, "%s\t", r.Confusion.Labels[i])
		for _, n := range row {
			fmt.Fprintf(tw, "%d\t", n)
		}
		fmt.Fprintf(tw, "\n")
	}
	tw.Flush()

	g := r.Region
	ew.printf("\nregion accuracy     %.3f (exact match, \"\" counts as a value)\n", g.Accuracy)
	ew.printf("false regions       %.1f %% of all posts (%d/%d), %.1f %% of posts given a region (%d/%d)\n",
		100*g.FalseRate, g.False, r.Posts, 100*g.FalseRateOfPredicted, g.False, g.Predicted)
	ew.printf("regions missed      %d of %d posts with a gold region\n", g.Missed, g.WithGold)
	ew.printf("platform accuracy   %.3f\n", r.PlatformAccuracy)
	ew.printf("role accuracy       %.3f\n", r.RoleAccuracy)
	ew.printf("language accuracy   %.3f\n", r.LangAccuracy)
	return ew.err
}

// WriteErrors lists the results that differ from the gold, one block per
// post: the wrong fields (gold -> predicted), the text and the evidence.
// It returns the number of posts listed.
func WriteErrors(w io.Writer, results []Result) (int, error) {
	ew := &errWriter{w: w}
	n := 0
	for i := range results {
		r := &results[i]
		wrong := r.Wrong()
		if len(wrong) == 0 {
			continue
		}
		n++
		var diffs []string
		for _, f := range wrong {
			g, p := field(r.Item.Gold, f), field(r.Pred, f)
			diffs = append(diffs, fmt.Sprintf("%s %s -> %s", f, quoteEmpty(g), quoteEmpty(p)))
		}
		ew.printf("%s  %s\n", r.Item.ID, strings.Join(diffs, "; "))
		ew.printf("    text: %s\n", clip(r.Item.Text, 240))
		if r.Item.AuthorLocation != "" || r.Item.Place != "" || r.Item.AuthorBio != "" {
			ew.printf("    location: %q  place: %q  bio: %q\n", r.Item.AuthorLocation, r.Item.Place, clip(r.Item.AuthorBio, 80))
		}
		if len(r.Evidence) > 0 {
			ew.printf("    evidence: %s\n", strings.Join(r.Evidence, " "))
		}
		if r.Item.Note != "" {
			ew.printf("    note: %s\n", r.Item.Note)
		}
	}
	return n, ew.err
}

// field returns one field of a Gold or a Prediction by name.
func field(v any, name string) string {
	switch x := v.(type) {
	case Gold:
		return pick(name, string(x.Label), x.Platform, x.Region, x.Role, x.Lang)
	case Prediction:
		return pick(name, string(x.Label), x.Platform, x.Region, x.Role, x.Lang)
	}
	return ""
}

func pick(name, label, platform, region, role, lang string) string {
	switch name {
	case "label":
		return label
	case "platform":
		return platform
	case "region":
		return region
	case "role":
		return role
	case "lang":
		return lang
	}
	return ""
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, args ...any) {
	fmt.Fprintf(e, format, args...)
}
