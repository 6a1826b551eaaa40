package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vigie-edu/vigie/internal/chtest"
	"github.com/vigie-edu/vigie/post"
)

// TestStagesWaitForAnUnreachableBroker starts `vigie ingest`, `vigie
// classify` and `vigie store` with --brokers pointing at a closed port.
// Each must log a clear error naming the address and retry with growing
// backoff (no crash loop, no silent hang), serve /healthz while /readyz
// says not ready and why; once a broker appears at that address, each
// starts working by itself: /readyz flips to ready and the posts ingest
// publishes are classified and stored. SIGTERM then stops each cleanly.
func TestStagesWaitForAnUnreachableBroker(t *testing.T) {
	ch := chtest.Start(t)
	db := chtest.Open(t, ch.Writer)
	brokerAddr := unusedAddr(t) // nothing listens there yet
	const posts = 300
	archive := filepath.Join(t.TempDir(), "posts.jsonl")
	var lines []string
	for i := 0; i < posts; i++ {
		b, _ := json.Marshal(post.Post{ID: "late-broker-" + strconv.Itoa(i), Source: post.SourceArchive,
			CreatedAt: time.Date(2021, 4, 6, 9, i%60, 0, 0, time.UTC), Text: "Pronote ne répond plus ce matin #ecolealamaison"})
		lines = append(lines, string(b))
	}
	if err := os.WriteFile(archive, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	common := []string{"--brokers", brokerAddr, "--partitions", "3", "--log-level", "info", "--drain", "20s"}
	stages := map[string]*stageProc{
		"ingest":   startStage(t, nil, unusedAddr(t), append([]string{"ingest", "--data", t.TempDir(), "--source", "file:" + archive}, common...)...),
		"classify": startStage(t, nil, unusedAddr(t), append([]string{"classify", "--data", t.TempDir(), "--workers", "2"}, common...)...),
		"store": startStage(t, []string{"VIGIE_CLICKHOUSE_PASSWORD=" + ch.Writer.Password}, unusedAddr(t),
			append([]string{"store", "--data", t.TempDir(), "--clickhouse", ch.Writer.Addr, "--clickhouse-user", ch.Writer.User}, common...)...),
	}

	// While nothing listens: retries with backoff, logged with the address;
	// alive; not ready, and saying why.
	retry := regexp.MustCompile(`msg="kafka not reachable, retrying" brokers=\[` + regexp.QuoteMeta(brokerAddr) + `\] retry_in=(\S+) err=".*` +
		regexp.QuoteMeta(brokerAddr) + `.*connection refused`)
	for name, c := range stages {
		eventually(t, 30*time.Second, name+": four retries logged", func() bool {
			if !c.running() {
				t.Fatalf("%s exited while the broker is unreachable: %v\n%s", name, c.err, lastLines(c.logs(), 20))
			}
			return len(retry.FindAllString(c.logs(), -1)) >= 4
		})
		var waits []string
		for _, m := range retry.FindAllStringSubmatch(c.logs(), -1) {
			waits = append(waits, m[1])
		}
		if strings.Join(waits[:4], " ") != "500ms 1s 2s 4s" {
			t.Errorf("%s: backoff %v, want 500ms 1s 2s 4s ...", name, waits)
		}
		if code, _ := c.get("/healthz"); code != 200 {
			t.Errorf("%s: /healthz = %d while the broker is unreachable", name, code)
		}
		code, body := c.get("/readyz")
		if code != 503 || !strings.Contains(body, "connecting to Kafka at "+brokerAddr) {
			t.Errorf("%s: /readyz = %d %s while the broker is unreachable", name, code, body)
		}
		t.Logf("%s: retries at %v; /readyz %d %s", name, waits, code, strings.TrimSpace(body))
	}

	// A broker appears at that address.
	faultBroker(t, t.TempDir(), brokerAddr)
	appeared := time.Now()
	for _, name := range []string{"classify", "store"} {
		c := stages[name]
		eventually(t, 40*time.Second, name+" ready once the broker is up", func() bool {
			if !c.running() {
				t.Fatalf("%s exited: %v", name, c.err)
			}
			return c.ready()
		})
		t.Logf("%s ready %s after the broker appeared", name, time.Since(appeared).Round(100*time.Millisecond))
	}
	if err := stages["ingest"].wait(t, 40*time.Second); err != nil {
		t.Fatalf("ingest: %v", err)
	}
	var counts struct{ Published int }
	if err := json.Unmarshal([]byte(stages["ingest"].stdout()), &counts); err != nil || counts.Published != posts {
		t.Fatalf("ingest printed %q (%v), want %d published", stages["ingest"].stdout(), err, posts)
	}
	eventually(t, 40*time.Second, "the posts classified and stored", func() bool {
		tot, err := db.Totals(context.Background())
		return err == nil && tot.Posts == posts
	})
	t.Logf("all %d posts stored %s after the broker appeared", posts, time.Since(appeared).Round(100*time.Millisecond))
	for _, name := range []string{"classify", "store"} {
		if code, took := stages[name].stop(t, 35*time.Second); code != 0 {
			t.Errorf("%s exited %d after SIGTERM (%s)", name, code, took)
		}
	}
}
