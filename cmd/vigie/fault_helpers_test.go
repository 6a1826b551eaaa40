package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/vigie-edu/vigie/internal/kafkax"
)

// stageProc is a `vigie` process (this test binary re-executed as main, see
// TestMain) whose logs and stdout go to files the test reads while it runs.
type stageProc struct {
	cmd               *exec.Cmd
	logPath, outPath  string
	done              chan struct{}
	err               error
	exited            time.Time
	metricsURL, brief string
}

// startStage starts `vigie args...` with extra environment variables. With
// a non-empty metricsAddr it serves its health endpoints there.
func startStage(t *testing.T, env []string, metricsAddr string, args ...string) *stageProc {
	t.Helper()
	dir := t.TempDir()
	c := &stageProc{logPath: filepath.Join(dir, "vigie.log"), outPath: filepath.Join(dir, "stdout"),
		done: make(chan struct{}), brief: strings.Join(args[:1], " ")}
	if metricsAddr != "" {
		args = append(args, "--metrics-addr", metricsAddr)
		c.metricsURL = "http://" + metricsAddr
	}
	c.cmd = exec.Command(os.Args[0], "-test.run=^$")
	c.cmd.Env = append(append(os.Environ(), "VIGIE_TEST_AS_MAIN=1", "VIGIE_TEST_ARGS="+strings.Join(args, " ")), env...)
	logFile, err := os.Create(c.logPath)
	if err != nil {
		t.Fatal(err)
	}
	outFile, err := os.Create(c.outPath)
	if err != nil {
		t.Fatal(err)
	}
	c.cmd.Stderr, c.cmd.Stdout = logFile, outFile
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.err = c.cmd.Wait()
		c.exited = time.Now()
		logFile.Close()
		outFile.Close()
		close(c.done)
	}()
	t.Cleanup(func() {
		if c.running() {
			_ = c.cmd.Process.Kill()
			<-c.done
		}
		if t.Failed() {
			t.Logf("log of vigie %s:\n%s", c.brief, lastLines(c.logs(), 40))
		}
	})
	return c
}

func (c *stageProc) running() bool {
	select {
	case <-c.done:
		return false
	default:
		return true
	}
}

func (c *stageProc) logs() string {
	b, _ := os.ReadFile(c.logPath)
	return string(b)
}

func (c *stageProc) stdout() string {
	b, _ := os.ReadFile(c.outPath)
	return string(b)
}

// stop sends SIGTERM and waits up to limit for the process to exit; it
// returns the exit code and how long the exit took.
func (c *stageProc) stop(t *testing.T, limit time.Duration) (int, time.Duration) {
	t.Helper()
	sent := time.Now()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-c.done:
	case <-time.After(limit):
		t.Fatalf("vigie %s still running %s after SIGTERM", c.brief, limit)
	}
	code := 0
	var exit *exec.ExitError
	if errors.As(c.err, &exit) {
		code = exit.ExitCode()
	} else if c.err != nil {
		t.Fatal(c.err)
	}
	return code, c.exited.Sub(sent)
}

// wait waits up to limit for the process to exit by itself.
func (c *stageProc) wait(t *testing.T, limit time.Duration) error {
	t.Helper()
	select {
	case <-c.done:
		return c.err
	case <-time.After(limit):
		t.Fatalf("vigie %s did not finish within %s", c.brief, limit)
		return nil
	}
}

func (c *stageProc) get(path string) (int, string) {
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get(c.metricsURL + path)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (c *stageProc) ready() bool {
	code, _ := c.get("/readyz")
	return code == http.StatusOK
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func unusedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func eventually(t *testing.T, d time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > d {
			t.Fatalf("%s: not within %s", what, d)
		}
		time.Sleep(200 * time.Millisecond)
	}
	return time.Since(start)
}

// faultBroker starts an embedded broker for the stage processes, on addr
// ("" for any free port), with the pipeline's topics.
func faultBroker(t *testing.T, dir, addr string) (kafkax.Config, *kafkax.Embedded) {
	t.Helper()
	port := 0
	if addr != "" {
		_, p, _ := net.SplitHostPort(addr)
		port, _ = strconv.Atoi(p)
	}
	e, err := kafkax.StartEmbedded(dir, port, slog.Default())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Close)
	kc := kafkax.Config{Brokers: e.Brokers(), Partitions: 3, ReplicationFactor: 1}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := kafkax.EnsureTopics(ctx, kc); err != nil {
		t.Fatal(err)
	}
	return kc, e
}

// keysIn reads every partition of topic up to the offsets in upTo (to
// its end when upTo is nil) and returns the distinct keys.
func keysIn(t *testing.T, kc kafkax.Config, topic string, upTo map[int]int64) map[string]bool {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	keys := map[string]bool{}
	for p := 0; p < kc.Partitions; p++ {
		conn, err := kafka.DialLeader(ctx, "tcp", kc.Brokers[0], topic, p)
		if err != nil {
			t.Fatal(err)
		}
		end, err := conn.ReadLastOffset()
		if err != nil {
			t.Fatal(err)
		}
		if upTo != nil {
			end = min(end, upTo[p])
		}
		for off := int64(0); off < end; {
			if _, err := conn.Seek(off, kafka.SeekAbsolute); err != nil {
				t.Fatal(err)
			}
			_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
			batch := conn.ReadBatch(1, 16<<20)
			for off < end {
				m, err := batch.ReadMessage()
				if err != nil {
					break
				}
				keys[string(m.Key)] = true
				off = m.Offset + 1
			}
			if err := batch.Close(); err != nil && off < end {
				t.Fatalf("read %s/%d at %d: %v", topic, p, off, err)
			}
		}
		conn.Close()
	}
	return keys
}

// committedOffsets returns the committed offset of group on every partition of
// topic (-1 where it committed nothing).
func committedOffsets(t *testing.T, kc kafkax.Config, group, topic string) map[int]int64 {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client := &kafka.Client{Addr: kafka.TCP(kc.Brokers...), Timeout: 10 * time.Second}
	parts := make([]int, kc.Partitions)
	for i := range parts {
		parts[i] = i
	}
	resp, err := client.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: parts}})
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]int64{}
	for _, p := range resp.Topics[topic] {
		if p.Error != nil {
			t.Fatal(p.Error)
		}
		out[p.Partition] = p.CommittedOffset
	}
	return out
}

// checkCommitsAreDownstream fails unless every message of topic below
// group's committed offsets has its key in downstream: a stage commits only
// what the next stage already has.
func checkCommitsAreDownstream(t *testing.T, kc kafkax.Config, group, topic string, downstream map[string]bool) int {
	t.Helper()
	offs := committedOffsets(t, kc, group, topic)
	done := keysIn(t, kc, topic, offs)
	for k := range done {
		if !downstream[k] {
			t.Fatalf("%s committed %s past post %s, which the next stage does not have", group, topic, k)
		}
	}
	return len(done)
}
