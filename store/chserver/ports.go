package chserver

import (
	"fmt"
	"net"
	"strconv"
)

// portFree reports whether port can be bound on 127.0.0.1.
func portFree(port int) bool {
	ln, err := net.Listen("tcp", hostPort(port))
	if err != nil {
		return false
	}
	ln.Close()
	return true
}

// choosePorts picks the TCP and HTTP ports: an explicit port must be free; for
// 0, the port this Dir used last (prev) when free, else a free one chosen by
// the kernel.
func choosePorts(tcp, http, prevTCP, prevHTTP int) (int, int, error) {
	var held []net.Listener
	defer func() {
		for _, ln := range held {
			ln.Close()
		}
	}()
	pick := func(name string, want, prev, other int) (int, error) {
		if want != 0 {
			if !portFree(want) {
				return 0, fmt.Errorf("%s port %d on 127.0.0.1 is in use", name, want)
			}
			return want, nil
		}
		if prev > 0 && prev <= 65535 && prev != other && portFree(prev) {
			return prev, nil
		}
		// Hold the picked port until both are chosen so they differ.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return 0, fmt.Errorf("pick a free %s port: %w", name, err)
		}
		held = append(held, ln)
		_, p, _ := net.SplitHostPort(ln.Addr().String())
		return strconv.Atoi(p)
	}
	tcpPort, err := pick("tcp", tcp, prevTCP, http)
	if err != nil {
		return 0, 0, err
	}
	httpPort, err := pick("http", http, prevHTTP, tcpPort)
	if err != nil {
		return 0, 0, err
	}
	return tcpPort, httpPort, nil
}
