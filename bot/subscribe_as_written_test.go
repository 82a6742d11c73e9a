package bot

import (
	"strings"
	"testing"
)

// "/subscribe élection présidentielle" was confirmed as "election AND
// presidentielle": the reading, accents dropped, as if the bot had changed
// the query. The confirmation and /list show it as written; the stored key
// is still the folded one, so the same query in other letters is the same
// subscription.
func TestSubscribeConfirmsTheQueryAsWritten(t *testing.T) {
	h := newHarness(t)
	const chat = 73
	got := h.reply(chat, "private", chat, "/subscribe élection présidentielle").Text()
	if !strings.Contains(got, "Subscribed (#1): <code>élection présidentielle</code>") || strings.Contains(got, "election AND") {
		t.Errorf("/subscribe élection présidentielle = %q, want it as written", got)
	}
	if got := h.reply(chat, "private", chat, "/list").Text(); !strings.Contains(got, "<code>élection présidentielle</code>") {
		t.Errorf("/list = %q, want the query as written", got)
	}
	got = h.reply(chat, "private", chat, "/subscribe Election Presidentielle").Text()
	if !strings.Contains(got, "already have this subscription (#1): <code>élection présidentielle</code>") {
		t.Errorf("/subscribe of the same query in other letters = %q, want the stored one, as written", got)
	}
	if subs := h.mustList(chat); len(subs) != 1 || subs[0].Key != "election AND presidentielle" {
		t.Errorf("stored: %+v, want one subscription with the folded key", subs)
	}
}
