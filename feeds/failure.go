package feeds

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"

	"github.com/mmcdole/gofeed"

	"github.com/newshound/newshound/news"
)

// errRedirects marks a redirect the fetcher refused to follow.
var errRedirects = errors.New("redirect refused")

// failure says what kind of failure err of a fetch is, for /sources to say
// in the chat's language; stored is true when the fetch went well and
// storing its articles failed. Detail keeps err's text.
func failure(err error, stored bool) news.FetchFailure {
	f := news.FetchFailure{Kind: news.FailOther, Detail: err.Error()}
	var status *StatusError
	var dns *net.DNSError
	var certInvalid x509.CertificateInvalidError
	var unknownAuthority x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var verify *tls.CertificateVerificationError
	var alert tls.AlertError
	var recordHeader tls.RecordHeaderError
	var netErr net.Error
	switch {
	case stored:
		f.Kind = news.FailDatabase
	case errors.As(err, &status):
		f.Kind, f.Status = news.FailStatus, status.Code
	case errors.Is(err, ErrBlockedAddress):
		f.Kind = news.FailBlocked
	case errors.Is(err, ErrTooLarge):
		f.Kind = news.FailTooLarge
	case errors.Is(err, errBrokenFeed):
		f.Kind = news.FailBrokenFeed
	case errors.Is(err, ErrNotFeed):
		f.Kind = news.FailNotFeed
	case errors.Is(err, errRedirects):
		f.Kind = news.FailRedirects
	case errors.As(err, &dns):
		f.Kind = news.FailDNS
	case plainHTTP(err): // before the TLS errors: a record header error is one
		f.Kind = news.FailPlainHTTP
	case errors.As(err, &certInvalid), errors.As(err, &unknownAuthority), errors.As(err, &hostname),
		errors.As(err, &verify), errors.As(err, &alert), errors.As(err, &recordHeader):
		f.Kind = news.FailTLS
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, os.ErrDeadlineExceeded),
		errors.As(err, &netErr) && netErr.Timeout():
		f.Kind = news.FailTimeout
	case errors.Is(err, syscall.ECONNREFUSED):
		f.Kind = news.FailRefused
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.EPIPE):
		f.Kind = news.FailReset
	}
	return f
}

// notFeed wraps the error of a body that did not parse as a feed with
// ErrNotFeed, and with errBrokenFeed too when the parser took it for a feed
// (RSS, Atom or JSON Feed by its start) that then failed: a cut or
// malformed feed, which the right url serves, not a page.
func notFeed(err error) error {
	if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
		return fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	return brokenFeed{err}
}

// brokenFeed is a feed that does not parse: errors.Is takes it for
// ErrNotFeed (callers that branch on it) and errBrokenFeed, and its text
// does not call it "not a feed".
type brokenFeed struct{ err error }

func (b brokenFeed) Error() string { return errBrokenFeed.Error() + ": " + b.err.Error() }

func (b brokenFeed) Is(target error) bool { return target == ErrNotFeed || target == errBrokenFeed }
