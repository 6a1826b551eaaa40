//go:build !unix

package chserver

import (
	"context"
	"errors"
	"syscall"
)

var errUnsupported = errors.New("a local clickhouse server is only supported on Linux and other Unix systems")

func lockDir(context.Context, string) (func(), error) { return nil, errUnsupported }
func processAlive(int) bool                           { return false }
func processMatches(int, string) bool                 { return false }
func findServerProcess(string) int                    { return 0 }
func signalGroup(int, syscall.Signal) error           { return errUnsupported }
func sysProcAttr() *syscall.SysProcAttr               { return nil }
