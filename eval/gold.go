// Package eval measures the classifier against a hand-written gold set:
// loading and validating the gold files, the metrics (per-class precision,
// recall and F1, macro-F1, the confusion matrix, region, platform, role and
// language accuracy, the false-region rate) and the report printed by
// `vigie eval`.
//
// The gold set lives in gold/: dev.jsonl is the development part (rules
// may be tuned on its errors), test.jsonl the held-out part (measured, never
// tuned on). gold/README.md documents the format and the labelling rules.
package eval

import (
	"bufio"
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/vigie-edu/vigie/post"
)

// ErrInvalid marks a gold file that cannot be used: a malformed line, an
// unknown label, platform, region or role, a missing text, a duplicate id.
var ErrInvalid = errors.New("invalid gold data")

// Builtin holds the gold files shipped with Vigie (every gold/*.jsonl), so
// `vigie eval --gold builtin:holdout-2` works without a checkout.
//
//go:embed gold/*.jsonl
var builtin embed.FS

// BuiltinPrefix names an embedded gold file: "builtin:dev", "builtin:holdout-2"...
const BuiltinPrefix = "builtin:"

// Gold is what a human decided about one post, by the contracts of
// DESIGN.md. Empty Platform and Region mean "none" and "unknown".
type Gold struct {
	Label    post.Label `json:"label"`
	Platform string     `json:"platform"`
	Region   string     `json:"region"`
	Role     string     `json:"role"`
	Lang     string     `json:"lang"`
}

// Item is one gold post: what the classifier sees, and the gold answer.
type Item struct {
	ID             string `json:"id"`
	Text           string `json:"text"`
	Author         string `json:"author,omitempty"`
	AuthorName     string `json:"author_name"`
	AuthorBio      string `json:"author_bio"`
	AuthorLocation string `json:"author_location"`
	Place          string `json:"place"`
	// LangTag is the language tag the source gave, if any (may be wrong).
	LangTag string `json:"lang_tag,omitempty"`
	Gold    Gold   `json:"gold"`
	// Note says why the gold is what it is, for the ambiguous cases.
	Note string `json:"note,omitempty"`
}

// goldTime is the creation time given to every gold post: the morning of
// 6 April 2021 (Paris), the day the platforms collapsed.
var goldTime = time.Date(2021, 4, 6, 7, 30, 0, 0, time.UTC)

// Post is the post the classifier is given for this item.
func (it *Item) Post() post.Post {
	return post.Post{
		ID:             it.ID,
		Source:         post.SourceArchive,
		CreatedAt:      goldTime,
		Author:         it.Author,
		AuthorName:     it.AuthorName,
		AuthorLocation: it.AuthorLocation,
		AuthorBio:      it.AuthorBio,
		Text:           it.Text,
		Lang:           it.LangTag,
		Place:          it.Place,
		IngestedAt:     goldTime,
	}
}

// validate reports the first reason the item cannot be used.
func (it *Item) validate() error {
	switch {
	case strings.TrimSpace(it.ID) == "":
		return errors.New("missing id")
	case strings.TrimSpace(it.Text) == "":
		return errors.New("missing text")
	case !slices.Contains(post.Labels[:], it.Gold.Label):
		return fmt.Errorf("gold label %q is not one of %v", it.Gold.Label, post.Labels)
	case it.Gold.Platform != "" && !slices.Contains(post.Platforms[:], it.Gold.Platform):
		return fmt.Errorf("gold platform %q is not one of %v (or empty)", it.Gold.Platform, post.Platforms)
	case it.Gold.Region != "" && !slices.Contains(post.Regions[:], it.Gold.Region):
		return fmt.Errorf("gold region %q is not an ISO 3166-2:FR code of the contract (or empty)", it.Gold.Region)
	case !slices.Contains(post.Roles[:], it.Gold.Role):
		return fmt.Errorf("gold role %q is not one of %v", it.Gold.Role, post.Roles)
	case len(it.Gold.Lang) != 2 || strings.ToLower(it.Gold.Lang) != it.Gold.Lang:
		return fmt.Errorf("gold lang %q is not a lower-case ISO 639-1 code", it.Gold.Lang)
	}
	return nil
}

// maxLine bounds one gold line (a post is at most 64 KB of text).
const maxLine = 1 << 20

// Read reads gold items, one JSON object per line (blank lines and lines
// starting with '#' are skipped). name is used in error messages. Unknown
// fields are refused, so a typo in a gold file does not pass silently.
func Read(r io.Reader, name string) ([]Item, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	var items []Item
	seen := map[string]int{}
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var it Item
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w: %v", name, n, ErrInvalid, err)
		}
		if dec.More() {
			return nil, fmt.Errorf("eval: %s:%d: %w: trailing data after the object", name, n, ErrInvalid)
		}
		if err := it.validate(); err != nil {
			return nil, fmt.Errorf("eval: %s:%d: %w: %v", name, n, ErrInvalid, err)
		}
		if prev, dup := seen[it.ID]; dup {
			return nil, fmt.Errorf("eval: %s:%d: %w: id %q already on line %d", name, n, ErrInvalid, it.ID, prev)
		}
		seen[it.ID] = n
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: read %s: %w", name, err)
	}
	if len(items) == 0 {
		return nil, fmt.Errorf("eval: %s: %w: no gold items", name, ErrInvalid)
	}
	return items, nil
}

// Load reads gold files (paths, or "builtin:NAME" for gold/NAME.jsonl) and
// returns their items in order. An id present in two files is an error: the
// parts of a gold set never overlap.
func Load(paths ...string) ([]Item, error) {
	if len(paths) == 0 {
		return nil, fmt.Errorf("eval: no gold file given")
	}
	var all []Item
	from := map[string]string{}
	for _, p := range paths {
		items, err := loadOne(p)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			if other, dup := from[it.ID]; dup {
				return nil, fmt.Errorf("eval: %w: id %q is in both %s and %s", ErrInvalid, it.ID, other, p)
			}
			from[it.ID] = p
		}
		all = append(all, items...)
	}
	return all, nil
}

func loadOne(path string) ([]Item, error) {
	if name, ok := strings.CutPrefix(path, BuiltinPrefix); ok {
		f, err := builtin.Open("gold/" + name + ".jsonl")
		if err != nil {
			return nil, fmt.Errorf("eval: unknown built-in gold file %q (want %sdev or %stest)", path, BuiltinPrefix, BuiltinPrefix)
		}
		defer f.Close()
		return Read(f, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: open gold file: %w", err)
	}
	defer f.Close()
	return Read(f, path)
}
