package bot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConsoleSavesADocumentAndSaysWhere: /export in the console printed
// the OPML list only, which the operator had to copy out of the terminal;
// the file is saved in the console's folder, a second export beside the
// first, and the console says where.
func TestConsoleSavesADocumentAndSaysWhere(t *testing.T) {
	dir := t.TempDir()
	out := &syncWriter{}
	c := NewConsole(strings.NewReader(""), out)
	c.SetFileDir(dir)
	doc := Document{Name: "newshound-sources.opml", Data: []byte("<opml version=\"2.0\"><body/></opml>\n")}
	for range 2 {
		if _, err := c.Send(context.Background(), Outgoing{ChatID: ConsoleChatID, Text: "2 sources, as OPML", Document: &doc}); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range []string{"newshound-sources.opml", "newshound-sources-2.opml"} {
		path := filepath.Join(dir, name)
		if data, err := os.ReadFile(path); err != nil || string(data) != string(doc.Data) {
			t.Errorf("%s = %q, %v; want the document", name, data, err)
		}
		if want := "saved as " + path; !strings.Contains(out.String(), want) {
			t.Errorf("printed %q, want %q", out.String(), want)
		}
	}
	c.SetFileDir(filepath.Join(dir, "none"))
	if _, err := c.Send(context.Background(), Outgoing{ChatID: ConsoleChatID, Text: "x", Document: &doc}); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "⚠️ Not saved: save ") || !strings.HasSuffix(strings.TrimSuffix(got, "\n> "), "<opml version=\"2.0\"><body/></opml>") {
		t.Errorf("a folder that cannot be written to: printed %q, want why and the document itself", got)
	}
}
