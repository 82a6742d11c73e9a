package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

func TestListButtonsRemoveAndMute(t *testing.T) {
	h := newHarness(t)
	const chat = 20
	a := h.mustSubscribe(chat, "private", "kursk")
	b := h.mustSubscribe(chat, "private", "belgorod")
	list := h.reply(chat, "private", chat, "/list")
	rows := buttons(t, list)
	if len(rows) != 2 || !strings.Contains(rows[0][0].Text, "Remove #"+itoa(a.ID)) || !strings.Contains(rows[0][1].Text, "Mute #"+itoa(a.ID)) {
		t.Fatalf("/list buttons = %+v", rows)
	}
	for _, row := range rows {
		for _, btn := range row {
			if len(btn.Data) > maxCallbackData {
				t.Errorf("callback data %q is %d bytes, over Telegram's 64", btn.Data, len(btn.Data))
			}
		}
	}

	if got := h.press(chat, "private", chat, 555, rows[0][1].Data); got != "Muted #"+itoa(a.ID)+"." {
		t.Errorf("mute → %q", got)
	}
	if sub := mustFindSubscription(t, h.st, chat, a.ID); !sub.Muted {
		t.Error("the subscription is not muted")
	}
	edits := h.waitEdits(chat, 1)
	if len(edits) != 1 || edits[0].Params.Get("message_id") != "555" || !strings.Contains(edits[0].Text(), "(muted)") {
		t.Fatalf("edits after mute = %v", edits)
	}
	if unmute := buttons(t, edits[0])[0][1]; !strings.Contains(unmute.Text, "Unmute") {
		t.Errorf("after mute the button is %q, want Unmute", unmute.Text)
	} else if got := h.press(chat, "private", chat, 555, unmute.Data); got != "Unmuted #"+itoa(a.ID)+"." {
		t.Errorf("unmute → %q", got)
	}

	if got := h.press(chat, "private", chat, 555, rows[1][0].Data); got != "Removed #"+itoa(b.ID)+"." {
		t.Errorf("remove → %q", got)
	}
	if _, err := h.st.FindSubscription(context.Background(), chat, b.ID); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("removed subscription: err = %v", err)
	}
	if h.subs.Count() != 1 {
		t.Errorf("index holds %d queries, want 1", h.subs.Count())
	}
	// The same button again: stale, nothing changes.
	if got := h.press(chat, "private", chat, 555, rows[1][0].Data); got != noticeGone {
		t.Errorf("stale remove → %q", got)
	}
}

func TestForgedAndStaleCallbacksChangeNothing(t *testing.T) {
	h := newHarness(t)
	const mine, theirs, group = 21, 22, -1004
	own := h.mustSubscribe(mine, "private", "kursk")
	other := h.mustSubscribe(theirs, "private", "belgorod")
	grp := h.mustSubscribe(group, "group", "tariffs")
	r := h.router

	tests := []struct {
		name   string
		chat   int64
		typ    string
		user   int64
		data   string
		notice string
	}{
		{"garbage", mine, "private", mine, "zzz", noticeInvalid},
		{"empty", mine, "private", mine, "", noticeInvalid},
		{"an unknown verb", mine, "private", mine, r.sign(mine, "nuke", own.ID), noticeInvalid},
		{"a forged MAC", mine, "private", mine, "rm:" + itoa(own.ID) + ":AAAAAAAAAAAA", noticeInvalid},
		{"no MAC", mine, "private", mine, "rm:" + itoa(own.ID), noticeInvalid},
		{"signed for another chat", mine, "private", mine, r.sign(theirs, "rm", other.ID), noticeInvalid},
		{"another chat's subscription", mine, "private", mine, r.sign(mine, "rm", other.ID), noticeGone},
		{"muting another chat's subscription", mine, "private", mine, "mute:" + itoa(other.ID), noticeGone},
		{"muting a deleted subscription", mine, "private", mine, "mute:99999", noticeGone},
		{"a mute with a bad id", mine, "private", mine, "mute:-1", noticeInvalid},
		{"too many arguments", mine, "private", mine, r.sign(mine, "rm", own.ID, 5), noticeInvalid},
		{"too long", mine, "private", mine, r.sign(mine, "rm", own.ID) + strings.Repeat("x", 60), noticeInvalid},
		{"a search of another chat", mine, "private", mine, r.sign(mine, "more", 1, 1), "This search has expired. Send /search again."},
		{"a member in a group", group, "group", 5, r.sign(group, "rm", grp.ID), "Only the admins of this chat can do that."},
		{"a member muting from an alert", group, "group", 5, "mute:" + itoa(grp.ID), "Only the admins of this chat can do that."},
		{"a chat the bot does not know", 23, "private", 23, r.sign(23, "rm", 1), noticeStale},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			if got := h.press(tt.chat, tt.typ, tt.user, 1, tt.data); got != tt.notice {
				t.Errorf("notice = %q, want %q", got, tt.notice)
			}
		})
	}
	ctx := context.Background()
	for _, s := range []news.Subscription{own, other, grp} {
		got, err := h.st.FindSubscription(ctx, s.ChatID, s.ID)
		if err != nil || got.Muted {
			t.Errorf("subscription #%d after the presses: %+v, %v; want it untouched", s.ID, got, err)
		}
	}
	if n := len(h.tg.Calls("editMessageText")); n != 0 {
		t.Errorf("%d messages rewritten by refused presses", n)
	}
	if _, err := h.st.FindChat(ctx, 23); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("a press created chat 23: %v", err)
	}

	// An alert's own button (unsigned, as the sender attaches it) mutes.
	if got := h.press(mine, "private", mine, 1, "mute:"+itoa(own.ID)); !strings.HasPrefix(got, "Muted #") {
		t.Errorf("alert mute → %q", got)
	}
	if got := mustFindSubscription(t, h.st, mine, own.ID); !got.Muted {
		t.Error("alert mute did not mute")
	}
	// An admin of the group may press.
	h.tg.SetMember(group, 6, "administrator")
	if got := h.press(group, "group", 6, 1, r.sign(group, "rm", grp.ID)); got != "Removed #"+itoa(grp.ID)+"." {
		t.Errorf("group admin remove → %q", got)
	}
	h.settle()
	if strings.Contains(h.logs.String(), "AAAAAAAAAAAA") || strings.Contains(h.logs.String(), "zzz") {
		t.Errorf("callback data in the logs:\n%s", h.logs)
	}
}

func TestStopDeletesEverythingAfterConfirmation(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const chat, other = 30, 31
	h.mustSubscribe(chat, "private", "kursk")
	h.mustSubscribe(chat, "private", "belgorod")
	h.mustSubscribe(other, "private", "kursk")

	ask := func() [][]struct {
		Text string `json:"text"`
		Data string `json:"callback_data"`
		URL  string `json:"url"`
	} {
		h.clock.Advance(20 * time.Second)
		c := h.reply(chat, "private", chat, "/stop")
		if !strings.Contains(c.Text(), "2 subscriptions") {
			t.Fatalf("/stop → %q", c.Text())
		}
		return buttons(t, c)
	}

	// Cancel: nothing deleted.
	rows := ask()
	if got := h.press(chat, "private", chat, 700, rows[0][1].Data); got != "Cancelled." {
		t.Errorf("cancel → %q", got)
	}
	// Too late: nothing deleted.
	rows = ask()
	h.clock.Advance(11 * time.Minute)
	if got := h.press(chat, "private", chat, 701, rows[0][0].Data); !strings.Contains(got, "expired") {
		t.Errorf("late confirmation → %q", got)
	}
	if subs := h.mustList(chat); len(subs) != 2 {
		t.Fatalf("after cancel and expiry: %d subscriptions, want 2", len(subs))
	}

	rows = ask()
	if got := h.press(chat, "private", chat, 702, rows[0][0].Data); got != "Deleted." {
		t.Fatalf("confirm → %q", got)
	}
	if _, err := h.st.FindChat(ctx, chat); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("chat after /stop: %v", err)
	}
	if subs := h.mustList(chat); len(subs) != 0 {
		t.Errorf("%d subscriptions left", len(subs))
	}
	if h.subs.Count() != 1 {
		t.Errorf("index holds %d queries, want the other chat's 1", h.subs.Count())
	}
	if subs := h.mustList(other); len(subs) != 1 {
		t.Errorf("the other chat lost its subscription")
	}
	edits := h.edits(chat)
	if len(edits) < 2 || !strings.Contains(edits[len(edits)-1].Text(), "deleted everything") {
		t.Errorf("confirmation message not rewritten: %v", edits)
	}
	// Rewritten as messages are sent: link_preview_options, not the
	// deprecated disable_web_page_preview the library's config sent.
	for _, e := range edits {
		if e.Params.Has("disable_web_page_preview") || e.Params.Get("link_preview_options") != `{"is_disabled":true}` || e.Params.Get("parse_mode") != "HTML" {
			t.Errorf("editMessageText params %v, want link_preview_options and HTML", e.Params)
		}
	}
	// The button again: the chat is gone, nothing to do.
	if got := h.press(chat, "private", chat, 702, rows[0][0].Data); got != noticeStale {
		t.Errorf("second confirm → %q", got)
	}
	// The chat may start again.
	h.clock.Advance(time.Minute)
	if got := h.reply(chat, "private", chat, "/list").Text(); !strings.Contains(got, "No subscriptions") {
		t.Errorf("/list after /stop → %q", got)
	}
}

// A stranger pressed an alert's Mute and it still said "Mute", with no way
// back on the alert: the press turns the button into Unmute, which unmutes
// and turns it back.
func TestAlertMuteButtonShowsTheNewStateAndUnmutes(t *testing.T) {
	for _, tt := range []struct {
		name       string
		queries    []string
		wantUnmute string
	}{
		{"one subscription", []string{"kursk"}, "🔔 Unmute"},
		{"several, named", []string{"kursk", "deminers"}, "🔔 Unmute “kursk”"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t)
			const chat = 31
			var subs []news.Subscription
			for _, q := range tt.queries {
				subs = append(subs, h.mustSubscribe(chat, "private", q))
			}
			tg := h.router.opts.Interactor.(*Telegram)
			msg, err := tg.Send(context.Background(), Outgoing{ChatID: chat, Text: "<b>Kursk deminers</b>", Buttons: muteButtons(locale.For("en"), subs)})
			if err != nil {
				t.Fatal(err)
			}
			if got := h.press(chat, "private", chat, msg, "mute:"+itoa(subs[0].ID)); !strings.HasPrefix(got, "Muted #") {
				t.Fatalf("mute → %q", got)
			}
			edits := waitMarkupEdits(t, h, 1)
			kb := edits[0].Params.Get("reply_markup")
			if edits[0].Params.Get("message_id") != itoa(int64(msg)) || !strings.Contains(kb, tt.wantUnmute) || !strings.Contains(kb, `"unmute:`+itoa(subs[0].ID)+`"`) {
				t.Fatalf("keyboard after mute = %s, want %q (unmute:%d) on message %d", kb, tt.wantUnmute, subs[0].ID, msg)
			}
			if len(subs) > 1 && !strings.Contains(kb, `"mute:`+itoa(subs[1].ID)+`"`) {
				t.Errorf("the other subscription's Mute is gone: %s", kb)
			}
			if got := h.press(chat, "private", chat, msg, "unmute:"+itoa(subs[0].ID)); got != "Unmuted #"+itoa(subs[0].ID)+"." {
				t.Fatalf("unmute → %q", got)
			}
			if got := mustFindSubscription(t, h.st, chat, subs[0].ID); got.Muted {
				t.Error("unmute from the alert did not unmute")
			}
			kb = waitMarkupEdits(t, h, 2)[1].Params.Get("reply_markup")
			if !strings.Contains(kb, "🔕 Mute") || !strings.Contains(kb, `"mute:`+itoa(subs[0].ID)+`"`) {
				t.Errorf("keyboard after unmute = %s, want Mute again", kb)
			}
		})
	}
}

func waitMarkupEdits(t *testing.T, h *harness, n int) []telegramtest.Call {
	t.Helper()
	var got []telegramtest.Call
	testkit.WaitFor(t, fmt.Sprintf("%d keyboard edits", n), func() bool {
		got = h.tg.Calls("editMessageReplyMarkup")
		return len(got) >= n
	})
	for _, c := range got {
		if c.Params.Get("_accepted") != "1" {
			t.Fatalf("editMessageReplyMarkup refused: %v", c.Params)
		}
	}
	return got
}
