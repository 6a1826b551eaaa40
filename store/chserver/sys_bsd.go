//go:build unix && !linux

package chserver

import (
	"os/exec"
	"strconv"
	"strings"
	"syscall"
)

// sysProcAttr puts the child in its own process group. There is no
// Pdeathsig outside Linux: a server whose Vigie was killed keeps running, and
// the next Start attaches to it.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}

// processMatches reports whether pid is a server started with configPath.
func processMatches(pid int, configPath string) bool {
	out, err := exec.Command("ps", "-o", "args=", "-p", strconv.Itoa(pid)).Output()
	return err == nil && strings.Contains(string(out), "--config-file="+configPath)
}

// findServerProcess is not implemented outside Linux; a second server for
// the same Dir fails on ClickHouse's own status-file lock instead.
func findServerProcess(string) int { return 0 }
