package xapi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vigie-edu/vigie/internal/fold"
)

// termGroups turns the terms into one OR-group per term, each listing the
// spellings X must be asked for explicitly:
//
//	ecolealamaison -> #ecolealamaison OR #écoleàlamaison OR … OR "ecolealamaison" OR "écoleàlamaison" …
//	#cned          -> #cned
//	ma classe a la maison -> "ma classe a la maison" OR "ma classe à la maison"
func (c Config) termGroups() ([]string, error) {
	var groups []string
	seen := map[string]bool{}
	for _, raw := range c.Terms {
		hashtagOnly := strings.HasPrefix(strings.TrimSpace(raw), "#")
		term := strings.Join(strings.Fields(strings.ToLower(strings.TrimPrefix(strings.TrimSpace(raw), "#"))), " ")
		folded := strings.TrimSpace(string(fold.AppendWords(nil, []byte(term))))
		if folded == "" {
			return nil, fmt.Errorf("x: empty term %q", raw)
		}
		if seen[folded] {
			continue
		}
		seen[folded] = true
		spellings := []string{term}
		for _, s := range append([]string{stripAccents(term)}, c.Variants[folded]...) {
			s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
			if s != "" && !slices.Contains(spellings, s) {
				spellings = append(spellings, s)
			}
		}
		var clauses []string
		oneWord := !strings.ContainsAny(term, " ") && hashtagWord(term)
		if oneWord {
			for _, s := range spellings {
				if hashtagWord(s) {
					clauses = append(clauses, "#"+s)
				}
			}
		}
		if !hashtagOnly || !oneWord {
			for _, s := range spellings {
				clauses = append(clauses, `"`+s+`"`)
			}
		}
		groups = append(groups, strings.Join(clauses, " OR "))
	}
	return groups, nil
}

// stripAccents folds accented letters ("é" -> "e") and keeps everything
// else, punctuation included: the unaccented spelling of a term.
func stripAccents(s string) string {
	var b strings.Builder
	for _, r := range s {
		if f := fold.Rune(r); f != "" {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hashtagWord reports whether s can follow a '#': letters, digits, '_'.
func hashtagWord(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '_' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
			return false
		}
	}
	return true
}

// pack joins the groups with OR into as few expressions as fit in max
// characters each (X counts characters, not bytes), the -is:retweet suffix
// included.
func (c Config) pack(groups []string, max int, what string) ([]string, error) {
	wrap := func(ors string) string {
		if c.ExcludeRetweets {
			return "(" + ors + ") -is:retweet"
		}
		return ors
	}
	var out []string
	cur := ""
	for _, g := range groups {
		if n := utf8.RuneCountInString(wrap(g)); n > max {
			return nil, fmt.Errorf("x: one term needs a %s of %d characters, more than the %d allowed: %s", what, n, max, g)
		}
		if cur == "" {
			cur = g
			continue
		}
		if next := cur + " OR " + g; utf8.RuneCountInString(wrap(next)) <= max {
			cur = next
			continue
		}
		out = append(out, wrap(cur))
		cur = g
	}
	if cur != "" {
		out = append(out, wrap(cur))
	}
	return out, nil
}

// rules returns the filtered-stream rule values this configuration wants.
func (c Config) rules() ([]string, error) {
	g, err := c.termGroups()
	if err != nil {
		return nil, err
	}
	r, err := c.pack(g, c.MaxRuleLen, "rule")
	if err != nil {
		return nil, err
	}
	if len(r) > DefaultMaxRules {
		return nil, fmt.Errorf("x: %d rules exceed the %d allowed", len(r), DefaultMaxRules)
	}
	return r, nil
}

// queries returns the recent-search queries covering the same terms.
func (c Config) queries() ([]string, error) {
	g, err := c.termGroups()
	if err != nil {
		return nil, err
	}
	return c.pack(g, c.MaxQueryLen, "search query")
}

// rule is one filtered-stream rule.
type rule struct {
	ID    flexID `json:"id,omitempty"`
	Value string `json:"value"`
	Tag   string `json:"tag,omitempty"`
}

type rulesResponse struct {
	Data []rule `json:"data"`
	Meta struct {
		NextToken string `json:"next_token"`
		Summary   struct {
			Created    int `json:"created"`
			NotCreated int `json:"not_created"`
			Invalid    int `json:"invalid"`
			Deleted    int `json:"deleted"`
			NotDeleted int `json:"not_deleted"`
		} `json:"summary"`
	} `json:"meta"`
	Errors []problem `json:"errors"`
}

// ruleChanges is what a rules sync did.
type ruleChanges struct {
	Added, Deleted, Kept, Foreign int
}

// listRules reads every rule of the app, following pagination.
func (s *Source) listRules(ctx context.Context) ([]rule, error) {
	var all []rule
	token := ""
	for page := 0; page < 100; page++ {
		q := url.Values{"max_results": {"1000"}}
		if token != "" {
			q.Set("pagination_token", token)
		}
		var r rulesResponse
		if _, err := s.doJSON(ctx, http.MethodGet, rulesPath, q, nil, &r); err != nil {
			return nil, err
		}
		all = append(all, r.Data...)
		if token = r.Meta.NextToken; token == "" {
			return all, nil
		}
	}
	return nil, fmt.Errorf("x: rules listing did not end after 100 pages")
}

// syncRules makes the app's rules tagged RuleTag exactly the wanted set:
// missing rules are added first (so the stream never runs with fewer rules
// than needed), then stale ones are deleted. Rules with another tag are
// never touched; a foreign rule with a wanted value counts as present (X
// refuses duplicates).
func (s *Source) syncRules(ctx context.Context) (ruleChanges, error) {
	var ch ruleChanges
	existing, err := s.listRules(ctx)
	if err != nil {
		return ch, err
	}
	have := map[string]bool{}
	var stale []string
	for _, r := range existing {
		mine := r.Tag == s.cfg.RuleTag
		switch {
		case !mine:
			ch.Foreign++
			have[r.Value] = true
		case slices.Contains(s.rules, r.Value) && !have[r.Value]:
			ch.Kept++
			have[r.Value] = true
		default: // stale, or a duplicate of a kept one
			stale = append(stale, string(r.ID))
		}
	}
	var add []rule
	for _, v := range s.rules {
		if !have[v] {
			add = append(add, rule{Value: v, Tag: s.cfg.RuleTag})
		}
	}
	if len(add) > 0 {
		var r rulesResponse
		body := map[string]any{"add": add}
		if _, err := s.doJSON(ctx, http.MethodPost, rulesPath, nil, body, &r); err != nil {
			return ch, err
		}
		for _, p := range r.Errors {
			if strings.Contains(p.Type, "duplicate-rules") || strings.EqualFold(p.Title, "DuplicateRule") {
				continue // already there under another tag
			}
			return ch, fmt.Errorf("x: rules refused: %w", &ruleError{p})
		}
		if r.Meta.Summary.Invalid > 0 {
			return ch, fmt.Errorf("x: %d rules refused as invalid", r.Meta.Summary.Invalid)
		}
		ch.Added = r.Meta.Summary.Created
		if ch.Added == 0 && r.Meta.Summary.NotCreated == 0 {
			ch.Added = len(r.Data)
		}
	}
	if len(stale) > 0 {
		var r rulesResponse
		body := map[string]any{"delete": map[string]any{"ids": stale}}
		if _, err := s.doJSON(ctx, http.MethodPost, rulesPath, nil, body, &r); err != nil {
			return ch, err
		}
		ch.Deleted = r.Meta.Summary.Deleted
		if r.Meta.Summary.NotDeleted > 0 {
			s.log.Warn("x: some stale rules were not deleted", "not_deleted", r.Meta.Summary.NotDeleted)
		}
	}
	return ch, nil
}

// ruleError is a rule X refused (invalid, rule cap): no retry fixes it.
type ruleError struct{ p problem }

func (e *ruleError) Error() string {
	var b bytes.Buffer
	b.WriteString(e.p.Title)
	if e.p.Detail != "" {
		b.WriteString(": " + e.p.Detail)
	}
	if e.p.Value != "" {
		b.WriteString(" (rule " + e.p.Value + ")")
	}
	if e.p.Type != "" {
		b.WriteString(" [" + e.p.Type + "]")
	}
	return b.String()
}

// marshalBody encodes a JSON request body.
func marshalBody(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("x: encode request: %w", err)
	}
	return b, nil
}
