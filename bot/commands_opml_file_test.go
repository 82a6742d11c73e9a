package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
)

// sendFile queues a document message with a caption from a user, as getUpdates will report it.
func (h *harness) sendFile(chatID int64, chatType string, userID int64, caption, fileID, name string, size int) {
	h.queued.Add(1)
	h.tg.SendDocument(chatID, chatType, userID, caption, fileID, name, size)
}

// replyFile sends a document with a caption and returns the next message the chat receives.
func (h *harness) replyFile(chatID int64, chatType string, userID int64, caption, fileID, name string, size int) string {
	h.t.Helper()
	n := len(h.tg.Sent(chatID))
	h.sendFile(chatID, chatType, userID, caption, fileID, name, size)
	return h.tg.WaitSent(h.t, chatID, n+1, 5*time.Second)[n].Text()
}

func TestImportUploadedExportRoundTrip(t *testing.T) {
	srv := newSiteServer(t)
	hosts := map[string]string{"world.example": publicIP, "tech.example": publicIP, "plain.example": publicIP}
	a := newHarness(t, withSites(srv, false, hosts))
	want := exportSources(t, a)
	a.send(operator, "private", operator, "/export")
	a.settle()
	docs := a.tg.Documents(operator)
	if len(docs) != 1 {
		t.Fatalf("%d documents exported, want 1", len(docs))
	}
	file := docs[0].Document()

	b := newHarness(t, withSites(srv, false, hosts))
	b.tg.AddFile("export1", file.Name, file.Data)
	got := b.replyFile(operator, "private", operator, "/import", "export1", file.Name, len(file.Data))
	if !strings.Contains(got, "Imported 3 new sources.") {
		t.Fatalf("/import of the exported file → %q", got)
	}
	srcs, err := b.st.ListSources(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != len(want) {
		t.Fatalf("imported %d sources, want %d", len(srcs), len(want))
	}
	names := map[string]string{}
	for _, s := range srcs {
		names[s.URL] = s.Name
	}
	for _, o := range want {
		if names[o.URL] != o.Title {
			t.Errorf("source %s named %q, want %q", o.URL, names[o.URL], o.Title)
		}
	}
	if got := b.tg.Calls("file"); len(got) != 1 {
		t.Errorf("%d file downloads, want 1", len(got))
	}
	// Again, addressed to the bot and with the size unknown: all known now.
	b.clock.Advance(time.Minute)
	got = b.replyFile(operator, "private", operator, "/import@"+b.tg.BotName, "export1", file.Name, 0)
	if !strings.Contains(got, "Imported 0 new sources. 3 already known.") {
		t.Errorf("second /import of the file → %q", got)
	}
	for _, h := range []*harness{a, b} {
		if logs := h.logs.String(); strings.Contains(logs, testToken) {
			t.Errorf("the token is in the logs:\n%s", logs)
		}
	}
}

func TestImportUploadedFileRefusals(t *testing.T) {
	big := []byte("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>" + strings.Repeat(" ", maxImport) + "</body></opml>")
	tests := []struct {
		name      string
		user      int64
		data      []byte
		size      int // file_size in the message; 0: left out
		want      string
		downloads int // GETs of the file
	}{
		{"a non-operator", 7, []byte(`<opml version="2.0"><body/></opml>`), 40, "Only the operators", 0},
		{"too large, said in the message", operator, big, len(big), "That file is too large for me", 0},
		{"too large, said by getFile", operator, big, 0, "That file is too large for me", 0},
		{"not OPML", operator, []byte("%PDF-1.4 not a list at all"), 26, "That is not an OPML list I can read.", 1},
		{"not XML at all", operator, []byte{0xff, 0xd8, 0xff, 0xe0, 0, 1, 2}, 7, "That is not an OPML list I can read.", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, withSites(newSiteServer(t), false, nil))
			h.tg.AddFile("f1", "list.opml", tt.data)
			if got := h.replyFile(tt.user, "private", tt.user, "/import", "f1", "list.opml", tt.size); !strings.Contains(got, tt.want) {
				t.Errorf("/import → %q, want %q", got, tt.want)
			}
			h.settle()
			if got := h.tg.Calls("file"); len(got) != tt.downloads {
				t.Errorf("%d downloads, want %d", len(got), tt.downloads)
			}
			if srcs := testkit.ListSources(t, h.st); len(srcs) != 0 {
				t.Errorf("sources added: %+v", srcs)
			}
			if logs := h.logs.String(); strings.Contains(logs, testToken) {
				t.Errorf("the token is in the logs:\n%s", logs)
			}
		})
	}
}

func TestImportReplyToFile(t *testing.T) {
	h := newHarness(t, withSites(newSiteServer(t), false, map[string]string{"news.example": publicIP}))
	h.tg.AddFile("f1", "list.opml", []byte(`<opml version="2.0"><body><outline text="News" xmlUrl="https://news.example/rss"/></body></opml>`))
	h.queued.Add(1)
	h.tg.AddUpdate(map[string]any{"message": map[string]any{
		"message_id": 90, "date": time.Now().Unix(), "chat": map[string]any{"id": operator, "type": "private"},
		"from": map[string]any{"id": operator, "is_bot": false, "first_name": "Tester"},
		"text": "/import", "entities": []map[string]any{{"type": "bot_command", "offset": 0, "length": 7}},
		"reply_to_message": map[string]any{"message_id": 89, "date": time.Now().Unix(), "chat": map[string]any{"id": operator, "type": "private"},
			"document": map[string]any{"file_id": "f1", "file_unique_id": "uf1", "file_name": "list.opml", "file_size": 90}},
	}})
	got := h.tg.WaitSent(t, operator, 1, 5*time.Second)[0].Text()
	if !strings.Contains(got, "Imported 1 new source.") {
		t.Errorf("/import in reply to a file → %q", got)
	}
}

func TestImportFileWithoutFiles(t *testing.T) {
	h := newHarness(t, withSites(newSiteServer(t), false, nil), func(o *RouterOptions) { o.Files = nil })
	h.tg.AddFile("f1", "list.opml", []byte(`<opml version="2.0"><body/></opml>`))
	if got := h.replyFile(operator, "private", operator, "/import", "f1", "list.opml", 34); !strings.Contains(got, "I can't read files here") {
		t.Errorf("/import of a file without Files → %q", got)
	}
}

// An operator sent an OPML file without a caption and got "I understand
// commands only" (or, within the hour of another hint, nothing): it is
// answered with how to import it, every time; a file from anyone else, or in
// a group, is still chatter.
func TestAnUncaptionedFileSaysHowToImportIt(t *testing.T) {
	h := newHarness(t, withSites(newSiteServer(t), false, nil))
	h.tg.AddFile("f1", "list.opml", []byte(`<opml version="2.0"><body/></opml>`))
	for range 2 {
		if got := h.replyFile(operator, "private", operator, "", "f1", "list.opml", 34); !strings.Contains(got, "answer it with <code>/import</code>") {
			t.Errorf("an operator's file without a caption → %q, want how to import it", got)
		}
	}
	if got := h.replyFile(7, "private", 7, "", "f1", "list.opml", 34); !strings.Contains(got, "I understand commands only") {
		t.Errorf("a user's file without a caption → %q, want the hint", got)
	}
	h.sendFile(-100777, "supergroup", operator, "", "f1", "list.opml", 34)
	h.settle()
	if sent := h.tg.Sent(-100777); len(sent) != 0 {
		t.Errorf("a file in a group was answered: %q", sent[0].Text())
	}
}
