package feeds

import (
	"crypto/tls"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/newshound/newshound/news"
)

// failureFix is what the operator can do about a failed fetch, as the
// "fetch failed" log line says it (English: the logs are the operator's), or
// "" when there is nothing to do but wait (a server error, a reset, a 429:
// the poller backs off and tries again by itself). The chat's /sources says
// the same in the chat's language (bot's fetchFailure). err is the fetch's
// error, which tells a server speaking plain HTTP at an https:// url (a TLS
// record header it cannot read) from a certificate not trusted: both are
// FailTLS. rawURL is the source's url: a 401 for a url that carries a login
// says that login was refused, not to write one (and never shows the password).
func failureFix(f news.FetchFailure, err error, rawURL string) string {
	if plainHTTP(err) {
		return plainHTTPFix
	}
	switch f.Kind {
	case news.FailStatus:
		switch f.Status {
		case http.StatusUnauthorized:
			if fix := refusedLogin(rawURL); fix != "" {
				return fix
			}
			return "the feed asks for a login: write it into the source's url, https://user:password@host/feed.xml (or check the one written there)"
		case http.StatusForbidden:
			return "the server refuses this client: it may block poller.user_agent or this machine's address; open the url from this machine to see why"
		case http.StatusNotFound:
			return "nothing is at this address any more: open the site, find its feed's new url and put it in the source (or remove the source)"
		case http.StatusGone:
			return "the server says the feed is gone for good: remove the source (from [[sources]], or /removesource)"
		}
	case news.FailTimeout:
		return "no whole answer within poller.timeout: raise it if the server is slow, or check that this machine reaches the host"
	case news.FailDNS:
		return "the url's host name does not resolve: check its spelling, and this machine's DNS"
	case news.FailRefused:
		return "nothing answers at the url's host and port: check the port, and that the server runs"
	case news.FailTLS:
		return "the server's certificate is not trusted: a self-signed or private-CA certificate is trusted when the source's [[sources]] block names it, ca_file = \"/path/ca.pem\""
	case news.FailRedirects:
		return "open the url to see where its redirects lead, and put the final feed's address in the source"
	case news.FailBrokenFeed:
		return "the feed is there but does not parse (cut short or malformed, see err): the site's error, tried again with backoff; if it lasts, tell the site, or check that no proxy or filter cuts the answer"
	case news.FailNotFeed:
		return "the answer is no RSS, Atom or JSON Feed: put the feed's own url in the source (a page that links to one works too)"
	case news.FailBlocked:
		return "a chat's source may not reach private or local addresses: set telegram.allow_private_urls, or put the source in [[sources]]"
	}
	return ""
}

// refusedLogin is the fix for a 401 when rawURL carries a login, "" when it
// carries none. It names the user, never the password.
func refusedLogin(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.User == nil {
		return ""
	}
	if _, ok := u.User.Password(); !ok {
		return fmt.Sprintf("the server refused the login in the source's url (user %q, no password): write the password after the user, https://user:password@host/feed.xml", u.User.Username())
	}
	return fmt.Sprintf("the server refused the login in the source's url (user %q): check the user name and password written there, and that the feed takes a basic login", u.User.Username())
}

// plainHTTPFix is the fix for an https:// url whose server does not speak
// TLS there.
const plainHTTPFix = "the server speaks plain HTTP (or no TLS) at this address: use http:// in the url, or the port where it speaks https"

// plainHTTP reports whether err is an https:// fetch from a server that
// answered without TLS: net/http's "server gave HTTP response to HTTPS
// client" (no exported error to match but its text), or a first record that
// is no TLS handshake (tls.RecordHeaderError, a server answering in another
// protocol).
func plainHTTP(err error) bool {
	var header tls.RecordHeaderError
	return err != nil && (errors.As(err, &header) || strings.Contains(err.Error(), "server gave HTTP response to HTTPS client"))
}
