package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// TestEndToEndOneAlertPerStory: a story alerted from one source and then
// carried by two more (one at the same page's AMP address, one near-duplicate
// copy at its own address) gives the chat one alert, edited to name the others.
func TestEndToEndOneAlertPerStory(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	world := rssFeed(t, "world-v1.xml")
	wire := rssFeed(t, "wire-v1.xml")
	agency := rssFeed(t, "agency-v1.xml")
	a := startFed(t, tg, testSource{"Example World News", world.URL + "/world.xml"}, testSource{"Wire Service", wire.URL + "/wire.xml"}, testSource{"Agency", agency.URL + "/agency.xml"})
	const chat = 777
	subscribeChat(t, tg, chat, "kursk deminers")

	world.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	alert := tg.WaitSent(t, chat, 2, 5*time.Second)[1]
	if !strings.Contains(alert.Text(), "Deminers clear fields near Kursk") || strings.Contains(alert.Text(), "Also:") {
		t.Fatalf("first alert = %q", alert.Text())
	}

	wire.SetFile(t, "testdata/feeds/wire-v2.xml", "application/rss+xml")
	agency.SetFile(t, "testdata/feeds/agency-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	testkit.WaitWithin(t, "the edit", 5*time.Second, func() bool { return len(tg.Calls("editMessageText")) >= 1 })
	a.waitOutboxEmpty(t, 5*time.Second)
	// Two outlets in one poll queue two edits; the first shows both, and
	// the second, the same text, is no call (real Telegram refuses it as
	// "message is not modified").
	if n := len(tg.Calls("editMessageText")); n != 1 {
		t.Errorf("editMessageText calls = %d, want 1 with the final text", n)
	}
	edit := tg.Calls("editMessageText")[0]
	if !strings.Contains(edit.Text(), "Also: ") || !strings.Contains(edit.Text(), "Wire Service") || !strings.Contains(edit.Text(), "Agency") {
		t.Errorf("edited alert does not name the other sources:\n%s", edit.Text())
	}
	if got := tg.Sent(chat); len(got) != 2 {
		t.Errorf("messages to the chat = %d, want 2 (the reply and one alert): %q", len(got), got[len(got)-1].Text())
	}
}

// TestEndToEndOneAlertPerStoryAcrossOutlets: two outlets carry one shooting
// under different headlines and leads, and each carries another shooting of
// the same day in another town. The chat gets one alert for the shared
// story, edited with "Also" to name the second outlet, and one alert for
// each of the two other shootings.
func TestEndToEndOneAlertPerStoryAcrossOutlets(t *testing.T) {
	edit, texts := twoOutletsOneEdit(t, 778, "shooting",
		outletFeed{"Valley Courier", "courier", 3}, outletFeed{"County Tribune", "tribune", 4})
	if !strings.Contains(edit, "Lakeside Diner") || !strings.Contains(edit, "Also: ") || !strings.Contains(edit, "County Tribune") {
		t.Errorf("edited alert is not the diner story naming the second outlet:\n%s", edit)
	}
	all := strings.Join(texts, "\n---\n")
	if len(texts) != 4 || !strings.Contains(all, "Millbrook") || !strings.Contains(all, "Ridgeview") {
		t.Errorf("messages to the chat = %d, want 4 (the reply, the diner, Millbrook, Ridgeview):\n%s", len(texts), all)
	}
}

// outletFeed is an outlet's feed in testdata/feeds: FILE-v1.xml served at
// the start, FILE-v2.xml once it is the outlet's turn, after which the chat
// has sent messages.
type outletFeed struct {
	name, file string
	sent       int
}

// twoOutletsOneEdit runs the app on two outlets' feeds with chat subscribed
// to query, brings out the first outlet's second version, then the
// second's, and returns the one "Also" edit's text (it fails the test
// unless there is exactly one) and the chat's messages.
func twoOutletsOneEdit(t *testing.T, chat int64, query string, first, second outletFeed) (string, []string) {
	t.Helper()
	tg := telegramtest.New(t, testToken)
	feeds := [2]*feedtest.Server{rssFeed(t, first.file+"-v1.xml"), rssFeed(t, second.file+"-v1.xml")}
	a := startFed(t, tg, testSource{first.name, feeds[0].URL + "/" + first.file + ".xml"}, testSource{second.name, feeds[1].URL + "/" + second.file + ".xml"})
	subscribeChat(t, tg, chat, query)
	for i, o := range [2]outletFeed{first, second} {
		feeds[i].SetFile(t, "testdata/feeds/"+o.file+"-v2.xml", "application/rss+xml")
		a.pollOnce(t)
		tg.WaitSent(t, chat, o.sent, 5*time.Second)
	}
	testkit.WaitWithin(t, "the edit", 5*time.Second, func() bool { return len(tg.Calls("editMessageText")) == 1 })
	a.waitOutboxEmpty(t, 5*time.Second)
	return tg.Calls("editMessageText")[0].Text(), sentTexts(tg, chat)
}

// TestEndToEndShortItemsStayApart: short, test-like items of one feed ("emojitest
// burst 1", "emojitest burst 2", "emojitest silent one") and an earlier "Storm
// number 2 hits the coast" are four events: the chat gets four alerts, none
// lost to a story they do not share, and no edit; the summary keeps the
// zero-width joiners of an emoji sequence (👨‍👩‍👧).
func TestEndToEndShortItemsStayApart(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	feed := rssFeed(t, "shorts-v1.xml")
	a := startFed(t, tg, testSource{"Local Test Feed", feed.URL + "/shorts.xml"})
	const chat = 779
	subscribeChat(t, tg, chat, "emojitest OR storm")

	feed.SetFile(t, "testdata/feeds/shorts-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	tg.WaitSent(t, chat, 2, 5*time.Second)
	feed.SetFile(t, "testdata/feeds/shorts-v3.xml", "application/rss+xml")
	a.pollOnce(t)
	a.waitOutboxEmpty(t, 5*time.Second)
	texts := sentTexts(tg, chat)
	all := strings.Join(texts, "\n---\n")
	for _, want := range []string{"Storm number 2", "emojitest burst 1", "emojitest burst 2", "emojitest silent one"} {
		if !strings.Contains(all, want) {
			t.Errorf("no alert of %q; the chat got:\n%s", want, all)
		}
	}
	if edits := tg.Calls("editMessageText"); len(edits) != 0 {
		t.Errorf("edits = %d, want none (four events, four alerts): %q", len(edits), edits[0].Text())
	}
	if !strings.Contains(all, "Burst number 1 👨\u200d👩\u200d👧") {
		t.Errorf("the summary lost the family emoji's zero-width joiners:\n%s", all)
	}
}

// TestEndToEndStoryNewToAChatIsAlerted: an article that joins a story whose
// first alert went to another chat only is an alert, not an edit, in the
// chat that had none of the story; the chat that had it gets the "Also" edit.
func TestEndToEndStoryNewToAChatIsAlerted(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	world := rssFeed(t, "world-v1.xml")
	wire := rssFeed(t, "wire-v1.xml")
	a := startFed(t, tg, testSource{"Example World News", world.URL + "/world.xml"}, testSource{"Wire Service", wire.URL + "/wire.xml"})
	const first, later = 781, 782
	subscribeChat(t, tg, first, "kursk")
	tg.SendText(later, "private", 10, "/subscribe republished") // only the wire's copy says it
	tg.WaitSent(t, later, 1, 5*time.Second)

	world.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	tg.WaitSent(t, first, 2, 5*time.Second)
	wire.SetFile(t, "testdata/feeds/wire-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	got := tg.WaitSent(t, later, 2, 5*time.Second)
	if alert := got[1].Text(); !strings.Contains(alert, "Kursk deminers at work") || strings.Contains(alert, "Also:") {
		t.Errorf("the second chat's alert = %q, want the wire's article alerted in full", alert)
	}
	testkit.WaitWithin(t, "the first chat's edit", 5*time.Second, func() bool { return len(tg.Calls("editMessageText")) == 1 })
	if edit := tg.Calls("editMessageText")[0]; !strings.Contains(edit.Text(), "Also: ") || !strings.Contains(edit.Text(), "Wire Service") {
		t.Errorf("the first chat's edit does not name the wire:\n%s", edit.Text())
	}
	if n := len(tg.Sent(first)); n != 2 {
		t.Errorf("messages to the first chat = %d, want 2 (the reply and one alert)", n)
	}
}

// TestEndToEndRepublishedStoryIsNoEdit: an outlet re-publishes its alerted
// article under a new address (a new guid, the same title and text). It is
// one story with the alert, so no second alert; and the alert names that
// outlet already, so no edit either (it was an edit that changed nothing,
// which Telegram refuses as "message is not modified").
func TestEndToEndRepublishedStoryIsNoEdit(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	world := rssFeed(t, "world-v1.xml")
	a := startFed(t, tg, testSource{"Example World News", world.URL + "/world.xml"})
	ctx := context.Background()
	const chat = 783
	subscribeChat(t, tg, chat, "kursk deminers")

	world.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	tg.WaitSent(t, chat, 2, 5*time.Second)
	world.SetFile(t, "testdata/feeds/world-v3-republished.xml", "application/rss+xml")
	a.pollOnce(t)
	testkit.WaitWithin(t, "the re-published article handled", 5*time.Second, func() bool {
		for _, step := range []string{store.StepText, store.StepLink, store.StepMatch} {
			if ids, err := a.parts.Store.PendingIDs(ctx, step); err != nil || len(ids) > 0 {
				return false // the article's alerts are not queued yet
			}
		}
		n, err := a.parts.Store.CountPending(ctx)
		if err != nil || n != 0 {
			return false
		}
		arts, err := a.parts.Store.ListArticlesSince(ctx, time.Time{}, 100)
		for _, art := range arts {
			if strings.HasSuffix(art.URL, "kursk-deminers-clear-fields") {
				return err == nil && art.Alertable
			}
		}
		return false
	})
	if got := tg.Sent(chat); len(got) != 2 {
		t.Errorf("messages to the chat = %d, want 2 (the reply and one alert): %q", len(got), got[len(got)-1].Text())
	}
	if edits := tg.Calls("editMessageText"); len(edits) != 0 {
		t.Errorf("edits = %d, want none (the alert names the outlet already): %q", len(edits), edits[0].Text())
	}
}

// TestEndToEndRetitledItemIsSearchedByItsNewTitle: a feed item the outlet
// updates in place (the same guid, a new title) gives no second alert, but
// /search shows its new title and finds it by a word only that title has.
func TestEndToEndRetitledItemIsSearchedByItsNewTitle(t *testing.T) {
	tg := telegramtest.New(t, testToken)
	world := rssFeed(t, "world-v1.xml")
	a := startFed(t, tg, testSource{"Example World News", world.URL + "/world.xml"})
	const chat = 784
	subscribeChat(t, tg, chat, "kursk deminers")
	world.SetFile(t, "testdata/feeds/world-v2.xml", "application/rss+xml")
	a.pollOnce(t)
	tg.WaitSent(t, chat, 2, 5*time.Second) // the alert
	world.SetFile(t, "testdata/feeds/world-v2-retitled.xml", "application/rss+xml")
	a.pollOnce(t)
	tg.SendText(chat, "private", 9, "/search sappers")
	got := tg.WaitSent(t, chat, 3, 5*time.Second)
	if text := got[2].Text(); !strings.Contains(text, "sappers find 40 mines") {
		t.Errorf("/search sappers → %q, want the new title", text)
	}
	if sent := tg.Sent(chat); len(sent) != 3 {
		t.Errorf("messages to the chat = %d, want 3 (a reply, one alert, the search)", len(sent))
	}
}

// TestEndToEndOneHeadlineUnderTwoOutletsNames: one outlet heads a shooting
// "BREAKING: … | Metro Daily", another "… - Channel 9 News", with leads
// that share no name: the chat gets one alert, edited with "Also" to name
// the second outlet. The station's other story under its name ("WATCH: … -
// Channel 9 News") is an alert of its own: the outlet's name and the label
// are nothing its stories share.
func TestEndToEndOneHeadlineUnderTwoOutletsNames(t *testing.T) {
	edit, texts := twoOutletsOneEdit(t, 781, "shooting OR firefighters",
		outletFeed{"Metro Daily", "metro", 2}, outletFeed{"Channel 9 News", "channel9", 3})
	if !strings.Contains(edit, "overnight shooting") || !strings.Contains(edit, "Also: ") || !strings.Contains(edit, "Channel 9 News") {
		t.Errorf("edited alert is not the shooting naming the second outlet:\n%s", edit)
	}
	all := strings.Join(texts, "\n---\n")
	if len(texts) != 3 || !strings.Contains(all, "frozen pond") {
		t.Errorf("messages to the chat = %d, want 3 (the reply, the shooting, the dog):\n%s", len(texts), all)
	}
}
