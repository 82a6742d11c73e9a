package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// A stranger's /addsource of a feed on their own network was told only
// that the address is not public: the refusal now names the two ways in,
// the configuration's [[sources]] and telegram.allow_private_urls, in the
// chat's language.
func TestAddSourceOfAPrivateAddressSaysHowToFollowIt(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil), withLanguages)
	got := h.reply(operator, "private", operator, "/addsource http://192.168.1.5/feed.xml").Text()
	for _, want := range []string{"⛔", "[[sources]]", "allow_private_urls = true", "[telegram]"} {
		if !strings.Contains(got, want) {
			t.Errorf("/addsource of a LAN address → %q, lacks %q", got, want)
		}
	}
	h.clock.Advance(20 * time.Second)
	if got := h.replyAs(operator, "private", operator, "de", "/addsource http://10.0.0.1/feed.xml"); !strings.Contains(got, "eigenen Netz") || !strings.Contains(got, "allow_private_urls") {
		t.Errorf("German refusal → %q", got)
	}
}

// A stranger typed "kursk ukraine" in their chat with the bot and read
// only "I understand commands only": the hint offers /subscribe and
// /search with those words, in the chat's language; a sticker or a long
// sentence gets the hint alone.
func TestPlainWordsInAPrivateChatAreOfferedTheCommands(t *testing.T) {
	h := newHarness(t, withLanguages)
	got := h.reply(51, "private", 51, "kursk  ukraine").Text()
	for _, want := range []string{"I understand commands only", "<code>/subscribe kursk ukraine</code>", "<code>/search kursk ukraine</code>"} {
		if !strings.Contains(got, want) {
			t.Errorf("plain words → %q, lacks %q", got, want)
		}
	}
	if got := h.replyAs(52, "private", 52, "es", "<b>guerra</b> & paz"); !strings.Contains(got, "<code>/subscribe &lt;b&gt;guerra&lt;/b&gt; &amp; paz</code>") || !strings.Contains(got, "envía") {
		t.Errorf("Spanish plain words → %q", got)
	}
	long := "hello there, I would like to know how this bot works and what it does for me"
	if got := h.reply(53, "private", 53, long).Text(); strings.Contains(got, "/subscribe") {
		t.Errorf("a sentence → %q, offered as a subscription", got)
	}
	if got := h.reply(54, "private", 54, "what is this?").Text(); strings.Contains(got, "/subscribe") {
		t.Errorf("a question → %q, offered as a subscription", got)
	}
}

// A stranger sent "/subscibe kursk ukraine" and read "Did you mean
// /subscribe?": tapping that sent /subscribe alone, the words lost. The
// suggestion now carries every word.
func TestAMisspelledCommandKeepsEveryWord(t *testing.T) {
	h := newHarness(t, withLanguages)
	got := h.reply(61, "private", 61, "/subscibe kursk  ukraine").Text()
	if !strings.Contains(got, "<code>/subscribe kursk ukraine</code>") {
		t.Errorf("/subscibe kursk ukraine → %q, want the command with every word", got)
	}
	if got := h.replyAs(62, "private", 62, "ru", "/serch kursk ukraine"); !strings.Contains(got, "<code>/search kursk ukraine</code>") || !strings.Contains(got, "Может быть") {
		t.Errorf("Russian /serch kursk ukraine → %q", got)
	}
	if got := h.reply(63, "private", 63, "/subscibe").Text(); !strings.Contains(got, "Did you mean /subscribe?") {
		t.Errorf("/subscibe alone → %q", got)
	}
}

// /share on a bot that does not know its own @username read "Sharing
// subscriptions is not available on this bot", as if it never would be,
// with no way to pass the query on: the reply says why there is no link
// and gives the command to send instead.
func TestShareWithoutTheBotsNameGivesTheCommand(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.BotName = "" })
	h.mustSubscribe(71, "private", "kursk deminers")
	got := h.reply(71, "private", 71, "/share").Text()
	if !strings.Contains(got, "@username") || !strings.Contains(got, "<code>/subscribe kursk deminers</code>") || strings.Contains(got, "t.me/") {
		t.Errorf("/share without the bot's name → %q", got)
	}
	h.clock.Advance(20 * time.Second)
	if got := h.replyAs(71, "private", 71, "ru", "/share 1"); !strings.Contains(got, "не знаю своего @username") {
		t.Errorf("Russian /share without the bot's name → %q", got)
	}
}

// A stranger's first /subscribe, on a bot that had fetched nothing yet,
// read "would have matched 0 stored articles", as if the query were
// wrong: it now says no source was fetched yet; once one was, the count
// is said as before.
func TestSubscribeBeforeAnyFetchSaysNothingIsStored(t *testing.T) {
	h := newHarness(t, withSources(nil), withLanguages)
	src := testkit.UpsertSource(t, h.st, "World", "https://world.example/rss", "config")
	got := h.reply(81, "private", 81, "/subscribe kursk").Text()
	if !strings.Contains(got, "No source has been fetched yet") || strings.Contains(got, "would have matched") {
		t.Errorf("/subscribe before any fetch → %q", got)
	}
	if got := h.replyAs(82, "private", 82, "de", "/subscribe kursk"); !strings.Contains(got, "Noch wurde keine Quelle abgerufen") {
		t.Errorf("German /subscribe before any fetch → %q", got)
	}
	if err := h.st.RecordFetch(context.Background(), src.ID, news.FetchResult{OK: true, NextFetchAt: h.clock.Now().Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(20 * time.Second)
	if got := h.reply(81, "private", 81, "/subscribe belgorod").Text(); !strings.Contains(got, "would have matched 0") {
		t.Errorf("/subscribe after a fetch → %q, want the count", got)
	}
}

// A group member who is no admin typed /subscribe kursk in the group and
// read only that admins may: the refusal points them to their own chat
// with the bot, linked, in the chat's language.
func TestANonAdminInAGroupIsPointedToThePrivateChat(t *testing.T) {
	h := newHarness(t, withLanguages)
	const group = -100777
	h.tg.SetMember(group, 7, "member")
	got := h.reply(group, "group", 7, "/subscribe kursk").Text()
	if !strings.Contains(got, "only the admins") || !strings.Contains(got, "private chat: https://t.me/"+h.router.opts.BotName) {
		t.Errorf("a member's /subscribe in a group → %q", got)
	}
	h.clock.Advance(20 * time.Second)
	if got := h.replyAs(group, "group", 7, "es", "/pause"); !strings.Contains(got, "chat privado") {
		t.Errorf("Spanish refusal → %q", got)
	}
}
