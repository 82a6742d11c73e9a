package bot

import (
	"strings"
	"testing"
)

// A stranger typed "/lang" and read only "I don't know /lang": an unknown
// command that begins, extends or misspells exactly one command names it,
// in the chat's language; one that fits none or several is told as before.
func TestAnUnknownCommandNamesTheOneMeant(t *testing.T) {
	h := newHarness(t, withLanguages)
	tests := []struct{ lang, text, want string }{
		{"en", "/lang", "I don't know /lang. Did you mean /language?"},
		{"en", "/lang de", "Did you mean <code>/language de</code>?"},
		{"en", "/Lang", "Did you mean /language?"},
		{"ru", "/langauge", "Я не знаю команды /langauge. Может быть, /language?"},
		{"de", "/unsub 3", "Meinten Sie <code>/unsubscribe 3</code>?"},
		{"es", "/subscibe kursk", "¿Querías decir <code>/subscribe kursk</code>?"},
		{"en", "/languages", "Did you mean /language?"},
		{"en", "/setting", "Did you mean /settings?"},
		{"en", "/st", "I don't know /st. Send /help"},     // too short to guess
		{"en", "/sto", "Did you mean /stop?"},             // the only one it begins
		{"en", "/mu", "I don't know /mu. Send /help"},     // too short
		{"en", "/un", "I don't know /un. Send /help"},     // too short
		{"en", "/re", "I don't know /re. Send /help"},     // too short
		{"en", "/fooo", "I don't know /fooo. Send /help"}, // none
		{"en", "/sxbscribe", "Did you mean /subscribe?"},  // a slip, not /unsubscribe (two away)
		{"en", "/pxuse", "Did you mean /pause?"},          // one slip
		{"en", "/mutex", "Did you mean /mute?"},           // /mute begins it
		{"en", "/sta", "I don't know /sta. Send /help"},   // /start and /status
	}
	for i, tt := range tests {
		chat := int64(1200 + i)
		if got := h.replyAs(chat, "private", chat, tt.lang, tt.text); !strings.Contains(got, tt.want) {
			t.Errorf("%s %s = %q, want %q in it", tt.lang, tt.text, got, tt.want)
		}
	}
}

// A German user sent "/hilfe" and "/sprache", a Spanish one "/ayuda", a
// Russian one "/помощь", and read only that they were unknown: a command's
// name in a language the bot speaks is answered with the command.
func TestACommandsNameInTheUsersLanguageNamesIt(t *testing.T) {
	h := newHarness(t, withLanguages)
	for i, c := range []struct{ lang, text, want string }{
		{"de", "/hilfe", "Meinten Sie /help?"},
		{"de", "/Sprache", "Meinten Sie /language?"},
		{"de", "/abonnieren kursk", "Meinten Sie <code>/subscribe kursk</code>?"},
		{"es", "/ayuda", "¿Querías decir /help?"},
		{"es", "/idioma", "/language"},
		{"ru", "/помощь", "Может быть, /help?"},
		{"ru", "/настройки", "Может быть, /settings?"},
	} {
		chat := int64(880 + i)
		if got := h.replyAs(chat, "private", chat, c.lang, c.text); !strings.Contains(got, c.want) {
			t.Errorf("%s %s = %q, want %q", c.lang, c.text, got, c.want)
		}
	}
}
