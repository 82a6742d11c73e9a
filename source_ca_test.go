package main

import (
	"bytes"
	"context"
	"encoding/pem"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/config"
	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// A config source on a server with a self-signed certificate had no way to
// be accepted: every fetch failed as an untrusted certificate. Its
// [[sources]] block may now name the certificate (ca_file), trusted for
// that source's host alone; a file that cannot be read or holds no
// certificate stops the start, naming sources[N].ca_file.
func TestASourceTrustsTheCAItsBlockNames(t *testing.T) {
	feed := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<rss version="2.0"><channel><title>Intranet</title><item><title>One</title><guid>1</guid></item></channel></rss>`)
	})
	own := httptest.NewTLSServer(feed)
	defer own.Close()
	other := httptest.NewTLSServer(feed) // the same certificate, another host (port): not trusted through own's block
	defer other.Close()
	dir := t.TempDir()
	ca := filepath.Join(dir, "myca.pem")
	if err := os.WriteFile(ca, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: own.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	fetch := func(rt http.RoundTripper, url string) error {
		_, err := feeds.NewFetcher(feeds.FetcherOptions{Timeout: 10 * time.Second, MaxBytes: 1 << 20, UserAgent: "test", Transport: rt}).Fetch(context.Background(), url, "", "")
		return err
	}
	srcs := []config.Source{{Name: "Intranet", URL: own.URL + "/rss", CAFile: ca}, {Name: "Other", URL: other.URL + "/rss"}}
	rt, err := sourceCAs(srcs, http.DefaultTransport)
	if err != nil {
		t.Fatal(err)
	}
	if err := fetch(rt, own.URL+"/rss"); err != nil {
		t.Errorf("the source with its CA: %v", err)
	}
	if err := fetch(http.DefaultTransport, own.URL+"/rss"); err == nil || feeds.FailureOf(err).Kind != news.FailTLS {
		t.Errorf("without the CA: %v, want an untrusted certificate", err)
	}
	if err := fetch(rt, other.URL+"/rss"); err == nil {
		t.Error("another host was trusted through a source's ca_file")
	}
	if plain, err := sourceCAs(srcs[1:], http.DefaultTransport); err != nil || plain != http.DefaultTransport {
		t.Errorf("no ca_file: %v, %v; want the transport as it was", plain, err)
	}

	notPEM := filepath.Join(dir, "ca.der")
	if err := os.WriteFile(notPEM, own.Certificate().Raw, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, file, want string }{
		{"missing", filepath.Join(dir, "nope.pem"), "no such file"},
		{"not PEM", notPEM, "holds no PEM certificate"},
	} {
		bad := []config.Source{{Name: "A", URL: "https://a.example/rss"}, {Name: "Intranet", URL: own.URL, CAFile: tt.file}}
		_, err := sourceCAs(bad, http.DefaultTransport)
		if err == nil || !strings.Contains(err.Error(), "sources[1].ca_file") || !strings.Contains(err.Error(), `"Intranet"`) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v; want sources[1].ca_file, the source and %q", tt.name, err, tt.want)
		}
		if tt.name == "missing" && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("missing: %v does not wrap os.ErrNotExist", err)
		}
	}
}

// ca_file = "myca.pem" in /etc/newshound/newshound.toml, beside the
// configuration: the start said "open myca.pem: no such file or directory",
// since a relative path is read from the working folder. It says so, and,
// when the file is beside the configuration, the whole path to write.
func TestARelativeCAFileSaysWhereItIsRead(t *testing.T) {
	etc := t.TempDir()
	if err := os.WriteFile(filepath.Join(etc, "myca.pem"), []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfgPath := filepath.Join(etc, "newshound.toml")
	if err := os.WriteFile(cfgPath, []byte("[storage]\npath = \""+filepath.Join(t.TempDir(), "n.db")+"\"\n[[sources]]\nname = \"Intranet\"\nurl = \"https://intra.example/rss\"\nca_file = \"myca.pem\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" }).Run(context.Background(), cfgPath)
	wd, _ := os.Getwd()
	for _, want := range []string{"sources[0].ca_file", "read from the working folder " + wd, `ca_file = "` + filepath.Join(etc, "myca.pem") + `"`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("a relative ca_file beside the configuration: %v; want %q", err, want)
		}
	}
	if exitStatus(err) != exitConfig {
		t.Errorf("exit status %d, want %d", exitStatus(err), exitConfig)
	}
}
