package chserver

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// binary is a ClickHouse server executable and its flavour.
type binary struct {
	path string
	// multi is true for the multi-call "clickhouse" binary, run as
	// "clickhouse server"; false for "clickhouse-server" (a binary of its own,
	// as in Debian's 18.16, or a symlink to the multi-call binary, which
	// dispatches on its name).
	multi bool
}

func (b binary) args(configPath string) []string {
	if b.multi {
		return []string{"server", "--config-file=" + configPath}
	}
	return []string{"--config-file=" + configPath}
}

func binaryAt(path string) binary {
	return binary{path: path, multi: !strings.HasPrefix(filepath.Base(path), "clickhouse-server")}
}

// defaultBinaryDirs are searched after PATH: Debian installs clickhouse-server
// in /usr/sbin, which is not on an ordinary user's PATH.
func defaultBinaryDirs() []string {
	return []string{"/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin"}
}

// findBinary resolves the server binary: explicit (must exist), else
// clickhouse-server then clickhouse on PATH, then in extraDirs.
func findBinary(explicit string, extraDirs []string) (binary, error) {
	if explicit != "" {
		fi, err := os.Stat(explicit)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return binary{}, fmt.Errorf("%w: %s does not exist; %s", ErrNotInstalled, explicit, installHint)
			}
			return binary{}, fmt.Errorf("clickhouse binary %s: %w", explicit, err)
		}
		if fi.IsDir() || fi.Mode().Perm()&0o111 == 0 {
			return binary{}, fmt.Errorf("clickhouse binary %s is not an executable file", explicit)
		}
		return binaryAt(explicit), nil
	}
	names := []string{"clickhouse-server", "clickhouse"}
	for _, name := range names {
		if p, err := exec.LookPath(name); err == nil {
			if abs, err := filepath.Abs(p); err == nil {
				p = abs
			}
			return binaryAt(p), nil
		}
	}
	for _, name := range names {
		for _, d := range extraDirs {
			p := filepath.Join(d, name)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode().Perm()&0o111 != 0 {
				return binaryAt(p), nil
			}
		}
	}
	return binary{}, fmt.Errorf("%w: neither clickhouse-server nor clickhouse is on PATH or in %s; %s",
		ErrNotInstalled, strings.Join(extraDirs, ", "), installHint)
}
