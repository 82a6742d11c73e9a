package feeds

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/summarize"
)

// A stranger's sources that fail for a reason the operator can fix: each
// "fetch failed" line names the fix (a login in the url, a source gone for
// good, a feed moved away, a slow server and poller.timeout, a private
// certificate and ca_file, a page that is no feed); a server error, which
// only waiting mends, names none.
func TestFetchFailedLogNamesTheFix(t *testing.T) {
	clock := testkit.NewClock(testNow)
	st := testkit.OpenStore(t, clock.Now)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/login":
			w.Header().Set("WWW-Authenticate", `Basic realm="feed"`)
			w.WriteHeader(http.StatusUnauthorized)
		case "/gone":
			w.WriteHeader(http.StatusGone)
		case "/moved-away":
			w.WriteHeader(http.StatusNotFound)
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<html><body>no feed here</body></html>"))
		case "/slow":
			<-release
		default:
			w.WriteHeader(http.StatusBadGateway)
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // before srv.Close, which waits for /slow's handler
	tlsSrv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	t.Cleanup(tlsSrv.Close)
	for _, path := range []string{"/login", "/gone", "/moved-away", "/page", "/slow", "/broken"} {
		testkit.UpsertSource(t, st, strings.TrimPrefix(path, "/"), srv.URL+path, "config")
	}
	testkit.UpsertSource(t, st, "selfsigned", tlsSrv.URL+"/feed", "config")
	// A login written into the url, refused: not "write a login into the url".
	testkit.UpsertSource(t, st, "badlogin", strings.Replace(srv.URL, "http://", "http://reader:s3cret-pw@", 1)+"/login", "config")
	// An https:// url at a server that speaks plain HTTP: no certificate to
	// trust, the url's scheme (or port) is wrong.
	testkit.UpsertSource(t, st, "plainhttp", strings.Replace(srv.URL, "http://", "https://", 1)+"/page", "config")
	sum, err := summarize.New(summarize.Options{Sentences: 3, MaxChars: 600})
	if err != nil {
		t.Fatal(err)
	}
	var logs lockedBuffer
	f := newTestFetcher(1<<20, time.Second)
	p, err := NewPoller(Options{
		Schedule: "@every 1h", MaxAge: 48 * time.Hour, Concurrency: 8,
		Fetcher: f, Store: st, Sink: &recordingSink{}, Summarizer: sum,
		Logger: slog.New(slog.NewTextHandler(&logs, nil)), Now: clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	mustPoll(t, p)
	lines := map[string]string{}
	for _, line := range strings.Split(logs.String(), "\n") {
		if strings.Contains(line, `msg="fetch failed"`) {
			name := line[strings.Index(line, "source=")+len("source="):]
			lines[name[:strings.IndexByte(name, ' ')]] = line
		}
	}
	for source, fix := range map[string]string{
		"login":      "https://user:password@host",
		"gone":       "remove the source",
		"moved-away": "new url",
		"page":       "the feed's own url",
		"slow":       "poller.timeout",
		"selfsigned": "ca_file",
		"plainhttp":  "use http://",
	} {
		line, ok := lines[source]
		if !ok {
			t.Errorf("no fetch failed line for %s:\n%s", source, logs.String())
			continue
		}
		if !strings.Contains(line, "fix=") || !strings.Contains(line, fix) {
			t.Errorf("the line of %s names no fix with %q:\n%s", source, fix, line)
		}
	}
	if line := lines["badlogin"]; !strings.Contains(line, "refused the login") || !strings.Contains(line, "reader") ||
		strings.Contains(line, "s3cret-pw") || strings.Contains(line, "user:password@") {
		t.Errorf("a refused login in the url: want it said refused, the user named and no password: %q", line)
	}
	if line := lines["plainhttp"]; strings.Contains(line, "ca_file") {
		t.Errorf("a server speaking plain HTTP is no certificate to trust: %q", line)
	}
	if line := lines["broken"]; line == "" || strings.Contains(line, "fix=") {
		t.Errorf("a 502 is waited out, with no fix to name: %q", line)
	}
}

// A server that answers an https:// url's handshake with no TLS record at
// all ("first record does not look like a TLS handshake") is named as plain
// HTTP, not as a certificate to trust with ca_file; a certificate that is not
// trusted still names ca_file.
func TestFailureFixPlainHTTPIsNoCertificate(t *testing.T) {
	header := fmt.Errorf("Get %q: %w", "https://feeds.example:8080/rss", tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"})
	fix := failureFix(failure(header, false), header, "")
	if !strings.Contains(fix, "http://") || strings.Contains(fix, "ca_file") {
		t.Errorf("first record no TLS handshake: fix %q, want http:// and no ca_file", fix)
	}
	cert := fmt.Errorf("Get: %w", x509.UnknownAuthorityError{})
	if fix := failureFix(failure(cert, false), cert, ""); !strings.Contains(fix, "ca_file") {
		t.Errorf("unknown authority: fix %q, want ca_file", fix)
	}
}
