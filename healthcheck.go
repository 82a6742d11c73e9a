package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// healthcheckTimeout bounds the whole check: a container runtime's
// HEALTHCHECK gives a check 30 s by default.
const healthcheckTimeout = 10 * time.Second

// runHealthcheck is `newshound healthcheck [-config FILE]`: it asks the
// running bot's /healthz, on metrics.listen, and prints the answer; for a
// container's HEALTHCHECK, since the image (scratch) has no shell or curl.
// It fails with /healthz's reason when the bot is not ready, or when
// nothing answers there; with a *configError when metrics.listen is off;
// and on a bad command line or configuration.
func runHealthcheck(ctx context.Context, args []string, getenv func(string) string, out io.Writer) error {
	cfg, _, err := storageCommand("healthcheck", "usage: newshound healthcheck [-config FILE]\nasks the running bot's /healthz on metrics.listen: exit status 0 when ready, 1 with the reason when not", 0, args, getenv, out)
	if err != nil {
		return err
	}
	if cfg.Metrics.Listen == "" && !slices.ContainsFunc(args, func(a string) bool { return strings.HasPrefix(strings.TrimLeft(a, "-"), "config") }) {
		return &configError{errors.New("no -config: give the configuration the bot runs with, whose metrics.listen serves /healthz: newshound healthcheck -config /etc/newshound/newshound.toml")}
	}
	if cfg.Metrics.Listen == "" {
		return &configError{errors.New("metrics.listen is not set, so the bot serves no /healthz: set it (the image's /config/newshound.toml has listen = \":9090\")")}
	}
	url := "http://" + dialable(cfg.Metrics.Listen) + "/healthz"
	ctx, cancel := context.WithTimeout(ctx, healthcheckTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	client := &http.Client{Transport: &http.Transport{Proxy: nil}} // never through HTTP_PROXY
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("GET %s: %w (is the bot running, with this configuration?)", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return fmt.Errorf("GET %s: %w", url, err)
	}
	text := strings.TrimSpace(string(body))
	if resp.StatusCode != http.StatusOK && resp.StatusCode != http.StatusServiceUnavailable {
		// Newshound answers 200 or 503 with its reason: another
		// program's 404 page was printed whole as the bot's reason.
		return fmt.Errorf("%s answered %s, which Newshound never does: another program answers at metrics.listen %s (ss -ltnp names it), "+
			"so the bot is not running with this configuration, or listens elsewhere; give healthcheck the -config the bot runs with, or set metrics.listen to a port of its own", url, resp.Status, cfg.Metrics.Listen)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s: %s", url, resp.Status, text)
	}
	fmt.Fprintln(out, text)
	return nil
}

// dialable is a listen address as one dials it: an unspecified host
// (":9090", "0.0.0.0:9090", "[::]:9090") is this machine's loopback.
func dialable(listen string) string {
	host, port, err := net.SplitHostPort(listen)
	if err != nil {
		return listen
	}
	switch ip := net.ParseIP(host); {
	case host == "" || (ip != nil && ip.To4() != nil && ip.IsUnspecified()):
		host = "127.0.0.1"
	case ip != nil && ip.IsUnspecified():
		host = "::1"
	}
	return net.JoinHostPort(host, port)
}
