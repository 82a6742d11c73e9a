package stories

import (
	"net/url"
	"sort"
	"strings"
)

// isTracking reports whether a query parameter (its key in lower case, and
// its value) says who sent the reader rather than which page they read.
func isTracking(key, value string) bool {
	if strings.HasPrefix(key, "utm_") {
		return true
	}
	switch key {
	case "fbclid", "gclid", "dclid", "gclsrc", "msclkid", "yclid", "igshid", "twclid", "ttclid", "mc_cid", "mc_eid",
		"_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ref", "ref_src", "ref_url", "cmpid", "ocid", "ito", "smid", "smtyp",
		"at_medium", "at_campaign", "s_cid", "xtor", "guccounter", "__twitter_impression", "taid", "amp", "amp_js_v", "usqp":
		return true
	case "outputtype", "output", "format":
		return strings.EqualFold(value, "amp")
	}
	return false
}

// CanonicalURL returns the form of an article address that two copies of
// the same page share (see the package rules). A string that is not an
// absolute http(s) URL comes back trimmed and otherwise unchanged.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return raw
	}
	host := strings.ToLower(u.Hostname())
	for trimmed := true; trimmed; {
		trimmed = false
		for _, p := range []string{"www.", "m.", "mobile.", "amp."} {
			if strings.HasPrefix(host, p) && strings.Count(host, ".") > 1 {
				host, trimmed = strings.TrimPrefix(host, p), true
			}
		}
	}
	if port := u.Port(); port != "" && port != "80" && port != "443" {
		host += ":" + port
	}
	return "https://" + host + canonicalPath(u.EscapedPath()) + canonicalQuery(u.RawQuery)
}

// canonicalPath removes amp variants and a trailing slash.
func canonicalPath(p string) string {
	switch {
	case strings.HasPrefix(p, "/amp/"):
		p = p[len("/amp"):]
	case strings.HasSuffix(p, "/amp"), strings.HasSuffix(p, "/amp/"):
		p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), "/amp")
	}
	p = strings.Replace(p, ".amp.html", ".html", 1)
	p = strings.TrimSuffix(p, ".amp")
	p = strings.TrimRight(p, "/")
	if p == "" {
		return "/"
	}
	return p
}

// canonicalQuery drops tracking parameters and sorts the rest.
func canonicalQuery(raw string) string {
	if raw == "" {
		return ""
	}
	var keep []string
	for _, part := range strings.Split(raw, "&") {
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		k, err := url.QueryUnescape(key)
		if err != nil {
			k = key
		}
		if v, err := url.QueryUnescape(value); err == nil {
			value = v
		}
		if isTracking(strings.ToLower(k), value) {
			continue
		}
		keep = append(keep, part)
	}
	if len(keep) == 0 {
		return ""
	}
	sort.Strings(keep)
	return "?" + strings.Join(keep, "&")
}
