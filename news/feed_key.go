package news

import (
	"net"
	"net/url"
	"strings"
)

// FeedKey is a feed URL reduced by the normalisations RFC 3986 makes always
// safe, which no server can tell apart: the scheme's and host's letter case,
// the scheme's default port (:80 for http, :443 for https), an empty path
// written "/", and the fragment (never sent). Two URLs with one key are one
// feed. Anything else (a trailing slash on a longer path, the query,
// percent-encoding, the user information) may name another resource and is
// kept as written. It returns "" for what does not parse as an absolute
// http(s) URL.
func FeedKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return ""
	}
	host := strings.ToLower(u.Host)
	if h, port, err := net.SplitHostPort(host); err == nil &&
		(scheme == "http" && port == "80" || scheme == "https" && port == "443") {
		host = h
		if strings.Contains(h, ":") {
			host = "[" + h + "]"
		}
	}
	k := url.URL{Scheme: scheme, User: u.User, Host: host, Path: u.Path, RawPath: u.RawPath, RawQuery: u.RawQuery, ForceQuery: u.ForceQuery}
	if k.Path == "" {
		k.Path = "/"
	}
	return k.String()
}
