package sources

import (
	"errors"
	"net"
	"os"
	"syscall"
	"testing"
)

// TestFetchErrorNamesAHostThatIsWrong: /addsource of a host name that does
// not resolve, or of a host where nothing answers, was "I couldn't fetch
// that address"; the fetch's error now says which it was.
func TestFetchErrorNamesAHostThatIsWrong(t *testing.T) {
	dns := &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "nosuch.example", IsNotFound: true}}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	for _, tt := range []struct {
		name string
		err  error
		want error
	}{
		{"no such host", dns, ErrNoHost},
		{"refused", refused, ErrRefused},
	} {
		err := fetchError(tt.err)
		if !errors.Is(err, ErrFetch) || !errors.Is(err, tt.want) {
			t.Errorf("%s: fetchError = %v, want %v", tt.name, err, tt.want)
		}
	}
}
