package feeds

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"syscall"

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
