package feeds

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/url"
	"strings"
)

// FindHub returns the WebSub hub a feed names and its topic: from the
// answer's Link headers first (rel="hub", rel="self"), then from the
// feed's own links (Atom <link rel="hub">, RSS <atom:link rel="hub">, a
// JSON Feed's hubs and feed_url), relative ones resolved against base, the
// feed's URL. The topic is the self link, or base when the feed names
// none. hub is "" when the feed names no http or https hub. It reads only
// the feed's head: the first item ends the search.
func FindHub(base string, body []byte, links []string) (hub, topic string) {
	hub, topic = linkHeader(links, "hub"), linkHeader(links, "self")
	if hub == "" || topic == "" {
		h, s := feedLinks(body)
		if hub == "" {
			hub = h
		}
		if topic == "" {
			topic = s
		}
	}
	hub, topic = absolute(base, hub), absolute(base, topic)
	if topic == "" {
		topic = base
	}
	return hub, topic
}

// absolute resolves ref against base; "" when it is not http or https.
func absolute(base, ref string) string {
	if ref == "" {
		return ""
	}
	b, err := url.Parse(base)
	if err != nil {
		return ""
	}
	u, err := b.Parse(strings.TrimSpace(ref))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment = ""
	return u.String()
}

// linkHeader returns the first target of the Link header values whose rel
// is rel ("" when none): `<https://hub.example/>; rel="hub", <…>; rel="self"`.
func linkHeader(values []string, rel string) string {
	for _, v := range values {
		for v != "" {
			start := strings.IndexByte(v, '<')
			end := strings.IndexByte(v, '>')
			if start < 0 || end < start {
				break
			}
			target := v[start+1 : end]
			params := v[end+1:]
			next := ""
			if i := strings.Index(params, ",<"); i >= 0 {
				params, next = params[:i], params[i+1:]
			} else if i := strings.Index(params, ", <"); i >= 0 {
				params, next = params[:i], params[i+2:]
			}
			for _, p := range strings.Split(params, ";") {
				k, val, ok := strings.Cut(strings.TrimSpace(p), "=")
				if !ok || !strings.EqualFold(strings.TrimSpace(k), "rel") {
					continue
				}
				for _, r := range strings.Fields(strings.Trim(strings.TrimSpace(val), `"`)) {
					if strings.EqualFold(r, rel) {
						return target
					}
				}
			}
			v = next
		}
	}
	return ""
}

// feedLinks reads the hub and self links of a feed's head: a JSON Feed's
// hubs and feed_url, or the <link rel="hub|self" href="…"> elements (Atom,
// or atom:link in RSS) before the first item or entry.
func feedLinks(body []byte) (hub, self string) {
	if trimmed := bytes.TrimSpace(body); len(trimmed) > 0 && trimmed[0] == '{' {
		var jf struct {
			FeedURL string `json:"feed_url"`
			Hubs    []struct {
				Type string `json:"type"`
				URL  string `json:"url"`
			} `json:"hubs"`
		}
		if json.Unmarshal(trimmed, &jf) != nil {
			return "", ""
		}
		for _, h := range jf.Hubs {
			if strings.EqualFold(h.Type, "websub") || strings.EqualFold(h.Type, "pubsubhubbub") {
				return h.URL, jf.FeedURL
			}
		}
		return "", jf.FeedURL
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // the links are ASCII
	for hub == "" || self == "" {
		tok, err := d.Token()
		if err != nil {
			return hub, self
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(el.Name.Local) {
		case "item", "entry":
			return hub, self
		case "link":
			var rel, href string
			for _, a := range el.Attr {
				switch strings.ToLower(a.Name.Local) {
				case "rel":
					rel = strings.ToLower(strings.TrimSpace(a.Value))
				case "href":
					href = strings.TrimSpace(a.Value)
				}
			}
			if rel == "hub" && hub == "" {
				hub = href
			} else if rel == "self" && self == "" {
				self = href
			}
		}
	}
	return hub, self
}
