package bot

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestConsoleImportsALocalFile: the console's /import asked for an OPML
// file sent as a document, which a terminal cannot send. "/import PATH"
// of a local file carries it as the document, which DownloadFile reads; a
// URL stays the text it was (pasted OPML is a document too: see
// TestConsolePastedOPMLIsOneImport); "/import" alone or a path
// that names no file get the console's own answer.
func TestConsoleImportsALocalFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "feeds.opml")
	opml := `<opml version="2.0"><body><outline type="rss" xmlUrl="https://a.example/rss"/></body></opml>`
	if err := os.WriteFile(path, []byte(opml), 0o600); err != nil {
		t.Fatal(err)
	}
	lines := []string{"/import " + path, "/import https://x.example/feeds.opml", "/import <opml/>", "/import example.com/feeds.opml"}
	notes := []string{"/import", "/import " + filepath.Join(dir, "none.opml"), "/import " + dir, "/import none.opml"}
	out := &syncWriter{}
	c := NewConsole(strings.NewReader(strings.Join(append(lines, notes...), "\n")+"\n"), out)
	var got []Incoming
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := c.Updates(ctx, func(_ context.Context, in Incoming) { got = append(got, in) }); err != nil && !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	if len(got) != len(lines) {
		t.Fatalf("handled %d lines, want %d", len(got), len(lines))
	}
	if d := got[0].Document; d == nil || got[0].Text != "/import" || d.Name != "feeds.opml" || d.Size != int64(len(opml)) {
		t.Fatalf("/import PATH = text %q, document %+v; want /import with the file", got[0].Text, got[0].Document)
	}
	for i, in := range got[1:] {
		if lines[i+1] == "/import <opml/>" {
			if in.Document == nil || in.Text != "/import" {
				t.Errorf("%q = text %q, document %+v; want /import with the pasted list", lines[i+1], in.Text, in.Document)
			}
			continue
		}
		if in.Document != nil || in.Text != lines[i+1] {
			t.Errorf("%q = text %q, document %+v; want the text alone", lines[i+1], in.Text, in.Document)
		}
	}
	// Those the bot would answer for Telegram ("send an OPML file with the
	// caption /import"), or as a web address, the console answers itself.
	if n := strings.Count(out.String(), "In the console, /import takes the path of an OPML file"); n != len(notes) {
		t.Errorf("the console explained its /import %d times, want %d: %q", n, len(notes), out.String())
	}
	if n := strings.Count(out.String(), "There is no file "); n != len(notes)-1 {
		t.Errorf("the console said %d times that there is no file, want %d: %q", n, len(notes)-1, out.String())
	}
	data, err := c.DownloadFile(ctx, got[0].Document.ID, 1<<20)
	if err != nil || string(data) != opml {
		t.Errorf("DownloadFile = %q, %v", data, err)
	}
	if _, err := c.DownloadFile(ctx, got[0].Document.ID, 10); !errors.Is(err, ErrFileTooLarge) {
		t.Errorf("DownloadFile over max = %v, want ErrFileTooLarge", err)
	}
}
