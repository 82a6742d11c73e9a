package news

import (
	"strconv"
	"strings"
)

// FailureKind is what went wrong with a source's last fetch.
type FailureKind string

// The kinds of FetchFailure. Their names are part of the stored encoding:
// never rename one.
const (
	FailStatus     FailureKind = "status"      // the server answered an HTTP status other than 200 or 304 (Status)
	FailTimeout    FailureKind = "timeout"     // no whole answer within poller.timeout
	FailDNS        FailureKind = "dns"         // the host name does not resolve
	FailRefused    FailureKind = "refused"     // the server refused the connection
	FailReset      FailureKind = "reset"       // the connection was cut before the answer ended
	FailTLS        FailureKind = "tls"         // the site's certificate or TLS handshake failed
	FailPlainHTTP  FailureKind = "plain-http"  // an https:// url whose server answered without TLS (plain HTTP)
	FailTooLarge   FailureKind = "too-large"   // the answer is larger than poller.max_bytes
	FailRedirects  FailureKind = "redirects"   // too many redirects, or a redirect to a scheme not allowed
	FailNotFeed    FailureKind = "not-feed"    // the answer is not RSS, Atom or JSON Feed
	FailBrokenFeed FailureKind = "broken-feed" // the answer is RSS, Atom or JSON Feed by its start but does not parse
	FailBlocked    FailureKind = "blocked"     // the address is private or local, refused for a chat's source
	FailDatabase   FailureKind = "database"    // the fetch went well, storing its articles failed
	FailOther      FailureKind = "other"       // anything else: Detail says what
)

// FetchFailure says why a source's last fetch failed, in parts a reader
// translates (/sources); Detail keeps the error's English text for the
// operator. Its Encode form is what Source.LastError and FetchResult.Err
// store.
type FetchFailure struct {
	Kind   FailureKind
	Status int // the HTTP status of FailStatus
	Detail string
}

// failurePrefix marks an encoded failure; the error text stored before
// failures had parts never starts with it.
const failurePrefix = "@"

// Encode returns f in a stable text form, "@kind/status/detail"
// ("@status/404/http status 404 Not Found"), which ParseFetchFailure reads
// back.
func (f FetchFailure) Encode() string {
	return failurePrefix + string(f.Kind) + "/" + strconv.Itoa(f.Status) + "/" + f.Detail
}

// ParseFetchFailure reads what Encode wrote. It reports false for anything
// else, such as the error text stored by older versions, which a reader then
// shows as it is.
func ParseFetchFailure(s string) (FetchFailure, bool) {
	rest, ok := strings.CutPrefix(s, failurePrefix)
	if !ok {
		return FetchFailure{}, false
	}
	kind, rest, ok := strings.Cut(rest, "/")
	if !ok || kind == "" {
		return FetchFailure{}, false
	}
	status, detail, ok := strings.Cut(rest, "/")
	if !ok {
		return FetchFailure{}, false
	}
	n, err := strconv.Atoi(status)
	if err != nil || n < 0 || n > 999 {
		return FetchFailure{}, false
	}
	return FetchFailure{Kind: FailureKind(kind), Status: n, Detail: detail}, true
}
