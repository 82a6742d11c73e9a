// Package listenadvice says what an operator should change in a listen
// address that the system refused, for the settings that take one
// (metrics.listen, telegram.webhook_listen).
package listenadvice

import (
	"errors"
	"net"
	"syscall"
)

// For says what to change in a listen address that err refused: the port is
// taken, the host is not this machine's, the port needs privileges, the host
// name does not resolve (a typo, "locahost"). example is an address to offer,
// such as "127.0.0.1:9090"; its port is named for a privileged one. A
// taken port names what holds it, where this machine's /proc tells (see
// system.holder): "ss -ltnp names it" sent an operator to a command that,
// run as another user, names no process.
func For(err error, example string) string {
	return thisSystem().advice(err, example)
}

// advice is For on the system s.
func (s system) advice(err error, example string) string {
	_, port, _ := net.SplitHostPort(example)
	var dns *net.DNSError
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		if h := s.holder(portOf(err)); h != "" {
			return "another process holds the port: " + h + "; pick another port, or stop it"
		}
		return "another process holds the port: pick another one, or stop it (ss -ltnp names it)"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return "this machine has no such address: write 127.0.0.1, or one of this machine's addresses"
	case errors.Is(err, syscall.EACCES):
		return "a port below 1024 needs privileges Newshound does not have: pick one above 1024, such as " + port
	case errors.As(err, &dns):
		return "the host name does not resolve: write an address, such as " + example
	}
	return "write host:port of this machine, such as " + example
}
