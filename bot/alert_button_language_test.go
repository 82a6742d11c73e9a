package bot

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// A stranger's trial: in a group that chose no language, a German admin
// pressed Mute under an English alert and the alert's button turned German
// ("🔔 Ton an") for the whole group, until the next "Also:" edit turned it
// English again. The button speaks the alert's language (the group's
// choice, English until it makes one); the answer to the press, which only
// the presser sees, speaks theirs.
func TestAlertMuteButtonSpeaksTheAlertsLanguageNotThePressers(t *testing.T) {
	for _, tt := range []struct {
		name, chosen, presser  string
		wantButton, wantNotice string
	}{
		{"a group without a language, a German admin", "", "de", "🔔 Unmute", "stummgeschaltet"},
		{"a Spanish group, an English admin (the group's choice answers too)", "es", "en", "🔔 Activar sonido", "silenciada"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHarness(t, withLanguages)
			const group, admin = -1007, 5
			h.tg.SetMember(group, admin, "administrator")
			sub := h.mustSubscribe(group, "supergroup", "kursk")
			if tt.chosen != "" {
				if _, err := h.router.opts.Languages.SetLanguage(context.Background(), group, tt.chosen); err != nil {
					t.Fatal(err)
				}
			}
			tg := h.router.opts.Interactor.(*Telegram)
			msg, err := tg.Send(context.Background(), Outgoing{ChatID: group, Text: "<b>Kursk deminers</b>", Buttons: muteButtons(locale.For(tt.chosen), []news.Subscription{sub})})
			if err != nil {
				t.Fatal(err)
			}
			h.queued.Add(1)
			id := h.tg.SendCallbackAs(group, "supergroup", admin, tt.presser, msg, "mute:"+itoa(sub.ID))
			var notice string
			testkit.WaitFor(t, fmt.Sprintf("an answer to callback %s", id), func() bool {
				for _, c := range h.tg.Calls("answerCallbackQuery") {
					if c.Params.Get("callback_query_id") == id {
						notice = c.Params.Get("text")
						return true
					}
				}
				return false
			})
			if !strings.Contains(notice, tt.wantNotice) {
				t.Errorf("the presser's notice = %q, want it in their language (%q)", notice, tt.wantNotice)
			}
			b := buttons(t, waitMarkupEdits(t, h, 1)[0])
			if len(b) != 1 || len(b[0]) != 1 || b[0][0].Text != tt.wantButton || b[0][0].Data != "unmute:"+itoa(sub.ID) {
				t.Errorf("the alert's button after the press = %+v, want %q (unmute:%d), in the alert's language", b, tt.wantButton, sub.ID)
			}
		})
	}
}
