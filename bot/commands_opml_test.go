package bot

import (
	"context"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

// withOperator makes operator an operator of the bot, with a sources
// service that cannot add.
func withOperator(o *RouterOptions) {
	o.Operators = []int64{operator}
	withSources(nil)(o)
}

// exportSources stores sources with names that need escaping in XML and
// returns them as outlines, sorted by URL.
func exportSources(t *testing.T, h *harness) []feeds.Outline {
	t.Helper()
	want := []feeds.Outline{
		{Title: `World & "Friends" <News>`, URL: "https://world.example/rss?a=1&b=2"},
		{Title: "Tech ünïcode", URL: "https://tech.example/atom.xml"},
		{Title: "Plain", URL: "https://plain.example/feed"},
	}
	for _, o := range want {
		if _, err := h.st.UpsertSource(context.Background(), o.Title, o.URL, "config"); err != nil {
			t.Fatal(err)
		}
	}
	return sortOutlines(want)
}

func sortOutlines(outs []feeds.Outline) []feeds.Outline {
	sort.Slice(outs, func(i, j int) bool { return outs[i].URL < outs[j].URL })
	return outs
}

// checkExport checks that call is /export's file and holds want.
func checkExport(t *testing.T, call telegramtest.Call, want []feeds.Outline) {
	t.Helper()
	doc := call.Document()
	if doc.Name != exportName {
		t.Errorf("document named %q, want %q", doc.Name, exportName)
	}
	if got, wantCaption := call.Params.Get("caption"), plural(len(want), "source")+", as OPML"; got != wantCaption {
		t.Errorf("caption %q, want %q", got, wantCaption)
	}
	if got := call.Params.Get("parse_mode"); got != "HTML" {
		t.Errorf("parse_mode %q, want HTML", got)
	}
	outs, err := feeds.ParseOPML(doc.Data)
	if err != nil {
		t.Fatalf("the document is not OPML: %v\n%s", err, doc.Data)
	}
	got := sortOutlines(outs)
	if len(got) != len(want) {
		t.Fatalf("OPML of %d sources, want %d:\n%s", len(got), len(want), doc.Data)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("outline %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestExportSendsOneDocument(t *testing.T) {
	h := newHarness(t, withOperator)
	want := exportSources(t, h)
	h.send(operator, "private", operator, "/export")
	h.settle()
	docs := h.tg.Documents(operator)
	if len(docs) != 1 {
		t.Fatalf("%d documents sent, want 1", len(docs))
	}
	checkExport(t, docs[0], want)
	if got := h.tg.Sent(operator); len(got) != 0 {
		t.Errorf("/export sent text messages too: %q", texts(got))
	}
}

func TestExportDeliveryFaults(t *testing.T) {
	tests := []struct {
		name  string
		rep   telegramtest.Reply
		hold  time.Duration // after this much, the retry must still wait
		retry time.Duration // and after this much more, it goes
	}{
		{"502", telegramtest.Reply{Code: 502, Description: "Bad Gateway"}, time.Second, 10 * time.Minute},
		{"connection closed", telegramtest.Reply{Hangup: true}, time.Second, 10 * time.Minute},
		{"429", telegramtest.Reply{Code: 429, Description: "Too Many Requests: retry after 30", RetryAfter: 30}, 20 * time.Second, 11 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, withOperator)
			want := exportSources(t, h)
			refused := false
			h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
				if c.Method != "sendDocument" || refused {
					return nil
				}
				refused = true
				rep := tt.rep
				rep.Delay = 300 * time.Millisecond // a slow answer, as under load: the test's clock must not move before the sender has it
				return &rep
			})
			h.send(operator, "private", operator, "/export")
			testkit.WaitFor(t, "the refused attempt", func() bool { return len(h.tg.Calls("sendDocument")) >= 1 })
			// The fake records the call before it answers: the sender reads
			// Telegram's answer and dates the retry from the clock after
			// that. Moved first, the clock put a 429's retry (30 s) beyond
			// hold+retry (31 s), and the outbox never drained.
			waitLooks(t, h.sender)
			h.clock.Advance(tt.hold)
			waitLooks(t, h.sender)
			if got := h.tg.Calls("sendDocument"); len(got) != 1 {
				t.Fatalf("%d sendDocument calls %s after the refusal: the retry did not wait", len(got), tt.hold)
			}
			h.clock.Advance(tt.retry)
			h.settle()
			if got := h.tg.Calls("sendDocument"); len(got) != 2 {
				t.Errorf("%d sendDocument calls, want the refused one and one retry", len(got))
			}
			docs := h.tg.Documents(operator)
			if len(docs) != 1 {
				t.Fatalf("%d documents delivered, want 1", len(docs))
			}
			checkExport(t, docs[0], want)
		})
	}
}

func TestExportRefusals(t *testing.T) {
	tests := []struct {
		name    string
		user    int64
		sources int
		nameLen int
		want    string
	}{
		{"a non-operator", 7, 1, 10, "Only the operators"},
		{"no sources", operator, 0, 0, "There are no sources to export."},
		{"over the size limit", operator, 200, 6000, "over the 1024 KB an export may be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, withOperator)
			for i := range tt.sources {
				name := strings.Repeat("n", tt.nameLen)
				if _, err := h.st.UpsertSource(context.Background(), name, "https://f"+itoa(int64(i))+".example/rss", "config"); err != nil {
					t.Fatal(err)
				}
			}
			if got := h.reply(tt.user, "private", tt.user, "/export").Text(); !strings.Contains(got, tt.want) {
				t.Errorf("/export → %q, want %q", got, tt.want)
			}
			h.settle()
			if got := h.tg.Calls("sendDocument"); len(got) != 0 {
				t.Errorf("%d documents sent, want none", len(got))
			}
		})
	}
}

// TestImportReportSaysWhatIsLeftForLater: an import that stopped at
// sources.MaxImport says how many feeds wait and how to go on, in the
// chat's language.
func TestImportReportSaysWhatIsLeftForLater(t *testing.T) {
	res := sources.Imported{Added: make([]news.Source, sources.MaxImport), Later: 2500}
	for lang, want := range map[string]string{
		"en": "2500 more feeds of the list are not imported yet: an import adds up to 500 at a time. Send the same /import again for the next ones.",
		"ru": "Ещё лент из списка не импортировано: 2500; за один импорт добавляется не больше 500.",
		"de": "2500 weitere Feeds der Liste sind noch nicht importiert",
		"es": "Faltan por importar 2500 feeds de la lista",
	} {
		if got := importReport(locale.For(lang), res); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want it to hold %q", lang, got, want)
		}
	}
}

// An import that led web pages to their feeds, and found no feed for
// others, says which, escaped, with at most ten of a kind named; the feeds
// it could not fetch it counts.
func TestImportReportSaysWhichPagesWereLedWhere(t *testing.T) {
	res := sources.Imported{Added: make([]news.Source, 3), Unchecked: 2,
		Led:    []sources.Led{{Name: "World <News>", Page: "https://world.example/", Feed: "https://world.example/rss?a=1&b=2"}},
		NoFeed: []sources.Outline{{Title: "About", URL: "https://about.example/about"}}}
	for range 11 {
		res.NoFeed = append(res.NoFeed, sources.Outline{URL: "https://x.example/"})
	}
	got := importReport(locale.For("en"), res)
	for _, want := range []string{
		"Web pages led to the feed they link to: World &lt;News&gt; → https://world.example/rss?a=1&amp;b=2.",
		"Not added, neither a feed nor a page that links to one: About (https://about.example/about); https://x.example/",
		" and 2 more.",
		"Not fetched now, added as the list gives them: 2;",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report %q, want it to hold %q", got, want)
		}
	}
}

// /export sent a feed's password (https://user:password@host/…) in clear,
// in a group too, where every member can open the file. In the operator's
// private chat the file keeps it (so /import takes it back as it is) and
// the caption warns to keep it private; in a group the file has "xxxxx"
// and the caption says where to get the rest. No caption shows a password.
func TestExportKeepsPasswordsOnlyInPrivate(t *testing.T) {
	h := newHarness(t, withOperator)
	const group = -1050
	for _, s := range []struct{ name, url string }{
		{"Members", "https://reader:s3cret@private.example/feed"},
		{"Plain", "https://plain.example/feed"},
	} {
		if _, err := h.st.UpsertSource(context.Background(), s.name, s.url, "config"); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, chatType string
		chat           int64
		inFile         string
		caption        string
	}{
		{"private", "private", operator, "reader:s3cret@private.example", "holds feed passwords in clear (1 source: Members)"},
		{"group", "supergroup", group, "reader:xxxxx@private.example", "left out of this file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(time.Minute)
			h.send(tt.chat, tt.chatType, operator, "/export")
			h.settle()
			docs := h.tg.Documents(tt.chat)
			if len(docs) != 1 {
				t.Fatalf("%d documents sent, want 1", len(docs))
			}
			data, caption := string(docs[0].Document().Data), docs[0].Params.Get("caption")
			if !strings.Contains(data, tt.inFile) || (tt.chatType != "private" && strings.Contains(data, "s3cret")) {
				t.Errorf("the file:\n%s\nwant %q in it", data, tt.inFile)
			}
			if !strings.Contains(caption, tt.caption) || strings.Contains(caption, "s3cret") {
				t.Errorf("caption %q, want %q and no password", caption, tt.caption)
			}
		})
	}
}
