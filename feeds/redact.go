package feeds

import "net/url"

// Redacted is a feed's address as logs and chats may show it: a password
// in it (a feed behind HTTP basic auth, written https://user:password@host/…)
// replaced by "xxxxx". An address that does not parse is returned as it is.
func Redacted(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	return u.Redacted()
}
