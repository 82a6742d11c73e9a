package bot

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"

	"golang.org/x/net/http/httpproxy"
)

// proxyNote says how Telegram's calls leave this machine, for the log line
// "telegram unreachable": through which proxy, named by the environment
// variable that set it (net/http honours HTTPS_PROXY, HTTP_PROXY and
// NO_PROXY, and their lower-case forms), or directly, with the variable to
// set where Telegram is blocked; a loopback endpoint (a local Bot API
// server) goes directly whatever is set, and gets no proxy advice. A proxy's
// user and password are not shown.
// getenv nil is os.Getenv; endpoint is telegram.api_endpoint, a format with
// the token and the method.
func proxyNote(endpoint string, getenv func(string) string) string {
	if getenv == nil {
		getenv = os.Getenv
	}
	u, err := url.Parse(fmt.Sprintf(endpoint, "TOKEN", "getMe"))
	if err != nil || u.Host == "" {
		return ""
	}
	pick := func(names ...string) (string, string) {
		for _, n := range names {
			if v := getenv(n); v != "" {
				return n, v
			}
		}
		return "", ""
	}
	httpsName, httpsVal := pick("HTTPS_PROXY", "https_proxy")
	httpName, httpVal := pick("HTTP_PROXY", "http_proxy")
	noName, noVal := pick("NO_PROXY", "no_proxy")
	cfg := httpproxy.Config{HTTPSProxy: httpsVal, HTTPProxy: httpVal, NoProxy: noVal}
	proxy, err := cfg.ProxyFunc()(u)
	name, want := httpsName, "HTTPS_PROXY"
	if u.Scheme == "http" {
		name, want = httpName, "HTTP_PROXY"
	}
	host := u.Hostname()
	loopback := host == "localhost" || net.ParseIP(host).IsLoopback()
	switch {
	case loopback:
		// net/http never sends a loopback address through a proxy: there is
		// no proxy to check or to set.
		if set := strings.TrimSpace(httpName + " " + httpsName); set != "" {
			return fmt.Sprintf("calls go directly: %s is set, but %s is a loopback address, which never goes through a proxy", set, host)
		}
		return fmt.Sprintf("calls go directly: %s is a loopback address, which never goes through a proxy", host)
	case err != nil:
		return fmt.Sprintf("%s does not read as a proxy address (%v): calls go directly", name, err)
	case proxy != nil:
		return fmt.Sprintf("calls go through the proxy %s (from %s): check that it is up and lets %s through", proxy.Redacted(), name, host)
	case name != "" && noVal != "":
		return fmt.Sprintf("calls go directly: %s is set, but %s=%s may exclude %s", name, noName, noVal, host)
	case name != "":
		return fmt.Sprintf("calls go directly: %s is set, but not used for %s", name, host)
	default:
		set := ""
		if other := strings.TrimSpace(httpName + " " + httpsName); other != "" {
			set = fmt.Sprintf(" (%s is set, which %s calls do not use)", other, u.Scheme)
		}
		return fmt.Sprintf("calls go directly, no proxy: %s is not set%s; where Telegram is blocked, set %s=http://proxy:port (or its lower-case form; NO_PROXY lists the hosts that skip it)", want, set, want)
	}
}
