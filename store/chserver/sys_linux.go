package chserver

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// sysProcAttr puts the child in its own process group (a terminal's Ctrl-C
// reaches Vigie, which stops the server in order) and has the kernel send it
// SIGTERM when Vigie dies, even on kill -9. Pdeathsig follows the OS thread
// that started the child; Go keeps threads alive unless a goroutine exits
// while locked to one, which this package never does.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}

// processArgs returns the command-line arguments of pid.
func processArgs(pid int) [][]byte {
	b, err := os.ReadFile(filepath.Join("/proc", strconv.Itoa(pid), "cmdline"))
	if err != nil || len(b) == 0 {
		return nil
	}
	return bytes.Split(bytes.TrimRight(b, "\x00"), []byte{0})
}

// processMatches reports whether pid is a server started with configPath
// (one of its arguments is --config-file=configPath).
func processMatches(pid int, configPath string) bool {
	want := []byte("--config-file=" + configPath)
	for _, arg := range processArgs(pid) {
		if bytes.Equal(arg, want) {
			return true
		}
	}
	return false
}

// findServerProcess returns the pid of a live process started with
// configPath as its config file, or 0.
func findServerProcess(configPath string) int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return 0
	}
	self := os.Getpid()
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == self {
			continue
		}
		if processMatches(pid, configPath) {
			return pid
		}
	}
	return 0
}
