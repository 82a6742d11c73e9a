package metrics

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/newshound/newshound/internal/listenadvice"
)

// shutdownTimeout bounds how long a stopping Server waits for scrapes in flight.
const shutdownTimeout = 5 * time.Second

// Server serves a handler (Metrics.Handler) on a listening address.
type Server struct {
	ln  net.Listener
	srv *http.Server
}

// NewServer listens on addr (host:port) at once, so that a taken port fails
// at start rather than later; it fails when the address cannot be listened on.
func NewServer(addr string, h http.Handler) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("metrics.listen %s: %w (%s)", addr, err, listenadvice.For(err, "127.0.0.1:6397"))
	}
	return &Server{ln: ln, srv: &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}}, nil
}

// Addr returns the address the server listens on (the chosen port when addr ended in ":0").
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Run serves until ctx is done, then shuts down gracefully, waiting a few
// seconds at most for requests in flight. It fails when serving fails.
func (s *Server) Run(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("metrics server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownTimeout)
	defer cancel()
	err := s.srv.Shutdown(sctx)
	if serr := <-errc; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	if err != nil {
		return fmt.Errorf("metrics server shutdown: %w", err)
	}
	return nil
}
