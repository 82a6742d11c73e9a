package listenadvice

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// A port this process holds is named with its name and pid, read from
// this machine's /proc.
func TestForNamesTheProcessHoldingThePort(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is Linux's")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = net.Listen("tcp", ln.Addr().String())
	if err == nil {
		t.Fatal("a second listen on a held port passed")
	}
	comm, _ := os.ReadFile("/proc/self/comm")
	want := fmt.Sprintf("%s (pid %d) holds it", strings.TrimSpace(string(comm)), os.Getpid())
	if got := For(err, "127.0.0.1:6397"); !strings.Contains(got, want) {
		t.Errorf("For: %q, want it to say %q", got, want)
	}
}

// fakeSystem is a /proc with one listening socket on port 9090 (inode
// 777, owned by uid), held by the process pid (none: 0), and a unit
// folder with units (file name: text).
func fakeSystem(t *testing.T, uid, pid int, units map[string]string) system {
	t.Helper()
	root := t.TempDir()
	proc, unitDir := filepath.Join(root, "proc"), filepath.Join(root, "units")
	for _, d := range []string{filepath.Join(proc, "net"), unitDir, filepath.Join(proc, "42", "fd")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	tcp := "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n" +
		"   0: 0100007F:1FA3 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 555 1 0 100 0 0 10 0\n" +
		fmt.Sprintf("   1: 00000000:2382 00000000:0000 0A 00000000:00000000 00:00000000 00000000  %4d        0 777 1 0 100 0 0 10 0\n", uid)
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(proc, "net", "tcp6"), tcp)
	if err := os.Symlink("socket:[555]", filepath.Join(proc, "42", "fd", "3")); err != nil {
		t.Fatal(err)
	}
	if pid > 0 {
		fd := filepath.Join(proc, fmt.Sprint(pid), "fd")
		if err := os.MkdirAll(fd, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink("socket:[777]", filepath.Join(fd, "5")); err != nil {
			t.Fatal(err)
		}
		name := "prometheus"
		if pid == 1 {
			name = "systemd"
		}
		write(filepath.Join(proc, fmt.Sprint(pid), "comm"), name+"\n")
	}
	for name, text := range units {
		write(filepath.Join(unitDir, name), text)
	}
	return system{proc: proc, units: []string{unitDir}, uid: 1000}
}

func TestAdviceNamesWhatHoldsThePort(t *testing.T) {
	taken := &net.OpError{Op: "listen", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 9090}, Err: os.NewSyscallError("bind", syscall.EADDRINUSE)}
	cockpit := map[string]string{"cockpit.socket": "[Socket]\nListenStream=9090\n", "other.socket": "[Socket]\nListenStream=[::]:9091\n"}
	tests := []struct {
		name string
		sys  system
		want string
	}{
		{"a process", fakeSystem(t, 998, 3100, nil), "prometheus (pid 3100) holds it; pick another port"},
		{"a socket unit", fakeSystem(t, 0, 1, cockpit), "the systemd socket unit cockpit.socket holds it (systemctl disable --now cockpit.socket frees it)"},
		{"systemd, no unit file found", fakeSystem(t, 0, 1, nil), "systemd holds it for a socket unit"},
		{"a hidden process, a socket unit there", fakeSystem(t, 0, 0, cockpit), "the systemd socket unit cockpit.socket listens there"},
		{"another user's process", fakeSystem(t, 4242, 0, nil), "another user's process holds it (uid 4242; sudo ss -ltnp names it)"},
		{"nothing found", system{proc: t.TempDir()}, "another process holds the port: pick another one, or stop it (ss -ltnp names it)"},
	}
	for _, tt := range tests {
		if got := tt.sys.advice(taken, "127.0.0.1:6397"); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want it to say %q", tt.name, got, tt.want)
		}
	}
}

// BenchmarkHolder is the cost of naming what holds a taken port on this
// machine: the listening sockets read, then every process's open files.
func BenchmarkHolder(b *testing.B) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	s := thisSystem()
	for b.Loop() {
		if s.holder(port) == "" {
			b.Fatal("nothing named")
		}
	}
}
