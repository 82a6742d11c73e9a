package listenadvice

import (
	"errors"
	"fmt"
	"net"
	"os"
	"strings"
	"syscall"
	"testing"
)

func TestFor(t *testing.T) {
	wrap := func(errno error) error {
		return &net.OpError{Op: "listen", Net: "tcp", Err: os.NewSyscallError("bind", errno)}
	}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"taken port", wrap(syscall.EADDRINUSE), "another process holds the port"},
		{"not this machine's address", wrap(syscall.EADDRNOTAVAIL), "no such address"},
		{"privileged port", wrap(syscall.EACCES), "such as 8443"},
		{"a host that does not resolve", fmt.Errorf("listen tcp: %w", &net.DNSError{Err: "no such host", Name: "locahost", IsNotFound: true}), "does not resolve: write an address, such as 127.0.0.1:8443"},
		{"anything else", errors.New("address bad: missing port in address"), "write host:port of this machine, such as 127.0.0.1:8443"},
	}
	for _, tt := range tests {
		if got := For(tt.err, "127.0.0.1:8443"); !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q, want it to say %q", tt.name, got, tt.want)
		}
	}
}
