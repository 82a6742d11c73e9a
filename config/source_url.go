package config

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// sameFeedKey is raw reduced by the normalisations RFC 3986 makes always
// safe, which no server can tell apart: the scheme's and host's letter case,
// the scheme's default port (:80 for http, :443 for https), an empty path
// written "/", and the fragment (never sent). Anything else (a trailing
// slash on a longer path, the query, percent-encoding, the user information)
// may name another resource and is kept as written. It returns "" for what
// does not parse as an http(s) URL.
func sameFeedKey(raw string) string {
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

// sameFeeds warns of [[sources]] blocks whose URLs differ in writing but
// name one feed (sameFeedKey): it would be fetched twice and each article
// stored and listed twice. The same text twice is refused
// (validateSources); these only warned, as a configuration that started
// before keeps starting.
func (c Config) sameFeeds() []string {
	var w []string
	first := map[string]int{}
	for i, s := range c.Sources {
		key := sameFeedKey(s.URL)
		if key == "" {
			continue
		}
		j, ok := first[key]
		if !ok {
			first[key] = i
			continue
		}
		w = append(w, fmt.Sprintf("sources[%d].url %q is the same feed as sources[%d].url %q (%s): they differ only in "+
			"letter case, a default port, an empty path or a #fragment, so it is fetched and stored twice; keep one of the two blocks",
			i, maskPassword(s.URL), j, maskPassword(c.Sources[j].URL), c.Sources[j].Name))
	}
	return w
}
