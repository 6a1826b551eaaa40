package chserver

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
)

const pollInterval = 50 * time.Millisecond

// errExited is returned by waitReady when the child exits while waited for.
var errExited = errors.New("server exited")

// waitReady polls the server until it answers on both ports, and returns its
// version. It gives up after timeout, when ctx ends, or when exited is closed.
func waitReady(ctx context.Context, timeout time.Duration, tcpPort, httpPort int, c Credentials, exited <-chan struct{}) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	tick := time.NewTicker(pollInterval)
	defer tick.Stop()
	var last error
	for {
		version, err := probe(ctx, tcpPort, httpPort, c)
		if err == nil {
			return version, nil
		}
		last = err
		select {
		case <-exited:
			return "", errExited
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return "", fmt.Errorf("no answer after %v: %w", timeout, last)
			}
			return "", fmt.Errorf("%w (last probe: %v)", ctx.Err(), last)
		case <-tick.C:
		}
	}
}

// probe checks HTTP GET /ping, then runs select version() over the native
// protocol as c.
func probe(ctx context.Context, tcpPort, httpPort int, c Credentials) (string, error) {
	if err := pingHTTP(ctx, httpPort); err != nil {
		return "", err
	}
	return nativeVersion(ctx, tcpPort, c)
}

func pingHTTP(ctx context.Context, port int) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+hostPort(port)+"/ping", nil)
	if err != nil {
		return err
	}
	// No keep-alive: an idle connection left open would hold up the
	// server's shutdown until its keep-alive timeout.
	req.Close = true
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("http ping: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "Ok.") {
		return fmt.Errorf("http ping: %s %q", resp.Status, body)
	}
	return nil
}

func nativeVersion(ctx context.Context, port int, c Credentials) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	conn, err := clickhouse.Open(&clickhouse.Options{
		Addr:        []string{hostPort(port)},
		Auth:        clickhouse.Auth{Database: "default", Username: c.User, Password: c.Password},
		DialTimeout: 2 * time.Second,
		ReadTimeout: 5 * time.Second,
	})
	if err != nil {
		return "", fmt.Errorf("native: %w", err)
	}
	defer conn.Close()
	var v string
	if err := conn.QueryRow(ctx, "SELECT version()").Scan(&v); err != nil {
		return "", fmt.Errorf("native: %w", err)
	}
	return v, nil
}
