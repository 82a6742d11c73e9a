package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/newshound/newshound/locale"
)

// TestErrorDetailsSpeakTheChatsLanguage: what is wrong with a query (in
// /subscribe, /search and inline mode) or with quiet hours is said in the
// user's language, the place of the fault kept.
func TestErrorDetailsSpeakTheChatsLanguage(t *testing.T) {
	tests := []struct {
		lang, text string
		want       []string
	}{
		{"ru", `/subscribe tariff japan "trade war`, []string{"Не могу использовать", "незакрытая кавычка в позиции 14"}},
		{"de", "/subscribe russia - sport", []string{"nach „-“ muss ein Wort stehen (Position 8)"}},
		{"es", "/search -sport", []string{"una consulta necesita al menos una palabra que deba aparecer"}},
		{"ru", "/search ab*", []string{"перед «*» нужно не меньше 3 символов (позиция 1)"}},
		{"de", "/quiet 25:00-07:00", []string{"„25:00“ ist keine Uhrzeit wie 23:00 oder 11pm"}},
		{"es", "/quiet 23:00-23:00", []string{"«23:00-23:00» empieza y termina a la misma hora"}},
		{"ru", "/quiet 23:00", []string{"«23:00» — не промежуток вроде 23:00-07:00"}},
		{"en", "/quiet 23:00-7pmx", []string{`"7pmx" is not a time of day such as 23:00 or 11pm`}},
		{"en", `/subscribe "trade war`, []string{"unclosed quote at position 1"}},
	}
	h := newHarness(t, withLanguages)
	for i, tt := range tests {
		chat := int64(700 + i)
		got := h.replyAs(chat, "private", chat, tt.lang, tt.text)
		for _, w := range tt.want {
			if !strings.Contains(got, esc(w)) {
				t.Errorf("%s %s → %q, want %q", tt.lang, tt.text, got, w)
			}
		}
	}
}

// TestInlineErrorSpeaksTheUsersLanguage: a bad inline query's button
// explains the fault in the user's language.
func TestInlineErrorSpeaksTheUsersLanguage(t *testing.T) {
	h := newHarness(t)
	h.tg.AddUpdate(map[string]any{"inline_query": map[string]any{
		"id": "iq-de", "query": "russia -", "offset": "", "chat_type": "sender",
		"from": map[string]any{"id": 42, "is_bot": false, "first_name": "Tester", "language_code": "de"},
	}})
	res := waitInline(t, h.tg, "iq-de")
	if text, _ := inlineButton(t, h.tg, "iq-de"); len(res) != 0 || !strings.Contains(text, "nach „-“ muss ein Wort stehen (Position 8)") {
		t.Errorf("inline results = %v, button %q", res, text)
	}
}

// TestVersionAndStatusSpeakTheOperatorsLanguage: the wiring's /version and
// /status texts are made in the language the router's context carries.
func TestVersionAndStatusSpeakTheOperatorsLanguage(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) {
		o.Operators = []int64{9}
		o.Version = func(ctx context.Context) string { return locale.FromContext(ctx).Sprintf("unknown") }
		o.Status = func(ctx context.Context) (string, error) {
			return locale.FromContext(ctx).Sprintf("Next fetch at %s (%s).", "12:00:00 UTC", "Wire"), nil
		}
	})
	if got := h.replyAs(9, "private", 9, "ru", "/version"); got != "Newshound неизвестно" {
		t.Errorf("/version in Russian → %q", got)
	}
	if got := h.replyAs(9, "private", 9, "ru", "/status"); got != "Следующая загрузка в 12:00:00 UTC (Wire)." {
		t.Errorf("/status in Russian → %q", got)
	}
}
