package bot

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
)

// withLanguages gives the harness's router the chat-language setting.
func withLanguages(o *RouterOptions) { o.Languages = o.Settings.(*settings.Service) }

// sendAs queues a message from a user whose Telegram app speaks lang.
func (h *harness) sendAs(chatID int64, chatType string, userID int64, lang, text string) {
	h.queued.Add(1)
	chat := map[string]any{"id": chatID, "type": chatType}
	if chatType != "private" {
		chat["title"] = "Chat"
	}
	msg := map[string]any{"message_id": 1000 + int(h.queued.Load()), "date": time.Now().Unix(), "chat": chat, "text": text,
		"from": map[string]any{"id": userID, "is_bot": false, "first_name": "Tester", "language_code": lang}}
	if strings.HasPrefix(text, "/") {
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": len(strings.Fields(text)[0])}}
	}
	h.tg.AddUpdate(map[string]any{"message": msg})
}

// replyAs sends a command as a user of lang and returns the answer's text;
// the clock moves past the command rate first.
func (h *harness) replyAs(chatID int64, chatType string, userID int64, lang, text string) string {
	h.t.Helper()
	h.clock.Advance(5 * time.Second)
	n := len(h.tg.Sent(chatID))
	h.sendAs(chatID, chatType, userID, lang, text)
	return h.tg.WaitSent(h.t, chatID, n+1, 5*time.Second)[n].Text()
}

// englishFragments returns pieces of the catalog's English texts that
// differ from their translation into lang, long enough to be unmistakable.
func englishFragments(lang string) []string {
	p := locale.For(lang)
	cut := regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z]|</?[a-z]+[^>]*>|<code>[^<]*</code>|\n`)
	var out []string
	for _, key := range catalogKeys() {
		if p.Sprintf(key) == key {
			continue
		}
		for _, frag := range cut.Split(key, -1) {
			if frag = strings.TrimSpace(frag); len(frag) >= 14 && !strings.Contains(p.Sprintf(key), frag) {
				out = append(out, frag)
			}
		}
	}
	return out
}

// catalogKeys lists the English texts the bot's code asks the catalog for
// (the command table's, and a sample of every kind of reply).
func catalogKeys() []string {
	keys := []string{
		"Sorry, only the admins of this chat can change its subscriptions and settings.",
		"I understand commands only. Send /help to see them.",
		"Tell me what to look for, e.g. <code>/subscribe kursk deminers</code>.",
		"You already have this subscription (#%d): <code>%s</code>",
		"In the last %d days it would have matched %s.",
		"Which one? Send <code>/unsubscribe ID</code> with an ID from /list, or the query itself.",
		"Alerts are paused: /resume to turn them back on.",
		"⏸ Alerts paused. Send /resume to get them again.",
		"Use an IANA name such as <code>/timezone Europe/Berlin</code> or <code>/timezone America/New_York</code>, or a UTC offset such as <code>/timezone +05:30</code>.",
		"📰 The daily digest is off. Turn it on with <code>/digest 08:00</code> (any time of day).",
		"No quiet hours: alerts arrive as they come. Set some with <code>/quiet 23:00-07:00</code>.",
		"What should I look for? E.g. <code>/search \"north korea\" missile</code>.",
		"Nothing I have stored matches <code>%s</code>.",
		"No subscriptions yet: /subscribe QUERY first, or /search QUERY.",
		"Send <code>/preview on</code>, <code>off</code>, <code>large</code>, <code>small</code> or <code>above</code>.",
		"⚠️ This deletes everything I keep about this chat: %s, its settings and any queued messages. It cannot be undone. Are you sure?",
		"Choose one with <code>/language CODE</code>:",
		"<b>Queries</b>: words (all must appear), <code>\"exact phrase\"</code>, <code>a OR b</code>, <code>-word</code> to exclude, <code>prefix*</code>, <code>title:word</code>, <code>source:reuters</code>.",
		"Only the operators of this bot can do that. To be one, add your id %d to telegram.admins in the configuration and restart Newshound.",
		"I don't know /%s. Send /help to see what I can do.",
	}
	r := NewRouter(RouterOptions{})
	for _, c := range r.commands {
		keys = append(keys, c.description)
	}
	return keys
}

// TestEveryCommandAnswersInTheChatsLanguage runs the commands a user may
// send in a private chat whose user's Telegram speaks Russian, German or
// Spanish, and checks that no English text of the catalog shows up.
func TestEveryCommandAnswersInTheChatsLanguage(t *testing.T) {
	commands := []string{
		"/start", "/help", "/subscribe", "/subscribe курск саперы", "/subscribe курск саперы", "/subscribe \"unclosed", "/list",
		"/unsubscribe", "/unsubscribe 999", "/pause", "/list", "/resume", "/timezone", "/timezone Nowhere/Special", "/timezone +15",
		"/timezone Europe/Moscow", "/digest", "/digest 25:99", "/digest 08:00", "/digest off", "/quiet", "/quiet whenever",
		"/quiet 23:00-07:00", "/quiet 23:00-07:00 hold", "/search", "/search \"unclosed", "/search nothing-like-this", "/latest",
		"/latest 999", "/trending", "/share", "/share 999", "/share 1", "/preview", "/preview sideways", "/preview large", "/id",
		"/addsource https://example.com/feed", "/sources", "/export", "/nonsense", "hello there", "/language", "/language xx", "/stop",
	}
	for i, lang := range []string{"ru", "de", "es"} {
		t.Run(lang, func(t *testing.T) {
			h := newHarness(t, withLanguages)
			chat := int64(500 + i)
			var answers []string
			for _, c := range commands {
				answers = append(answers, c+" → "+h.replyAs(chat, "private", chat, lang, c))
			}
			// Buttons: /list's, /stop's.
			h.settle()
			for _, sent := range h.tg.Sent(chat) {
				for _, row := range buttons(t, sent) {
					for _, b := range row {
						answers = append(answers, "button → "+b.Text)
					}
				}
			}
			frags := englishFragments(lang)
			if len(frags) < 20 {
				t.Fatalf("only %d English fragments to look for", len(frags))
			}
			for _, a := range answers {
				for _, f := range frags {
					if strings.Contains(a, f) {
						t.Errorf("%s: English %q in %q", lang, f, a)
					}
				}
			}
			want := map[string]string{"ru": "Команды", "de": "Befehle", "es": "Comandos"}[lang]
			if !strings.Contains(strings.Join(answers, "\n"), want) {
				t.Errorf("%s: /help is not in the chat's language:\n%s", lang, strings.Join(answers, "\n"))
			}
		})
	}
}

// TestLanguageCommand: /language alone names the chat's language and the
// list; a known code switches the chat; nonsense gets the list and changes
// nothing (a flag names its language: one the bot does not speak is
// nonsense too); the choice outlives the user's own Telegram language.
func TestLanguageCommand(t *testing.T) {
	h := newHarness(t, withLanguages)
	if got := h.replyAs(7, "private", 7, "en", "/language"); !strings.Contains(got, "This chat speaks English") || !strings.Contains(got, "<code>ru</code>") {
		t.Errorf("/language = %q", got)
	}
	for _, bad := range []string{"xx", "klingon", "de; DROP TABLE chats", "🇫🇷", strings.Repeat("z", 60), "pt-BR"} {
		got := h.replyAs(7, "private", 7, "en", "/language "+bad)
		if !strings.Contains(got, "/language CODE") || !strings.Contains(got, "Deutsch") || !strings.Contains(got, "Español") {
			t.Errorf("/language %s = %q, want the list", bad, got)
		}
		if !strings.HasPrefix(got, "I do not speak “") {
			t.Errorf("/language %s = %q, want it said unknown", bad, got)
		}
	}
	if got := h.replyAs(7, "private", 7, "en", "/language xx"); !strings.HasPrefix(got, "I do not speak “xx”.\n") {
		t.Errorf("/language xx = %q, want xx named unknown", got)
	}
	if got := h.replyAs(8, "private", 8, "ru", "/language xx"); !strings.HasPrefix(got, "Я не говорю на языке «xx».\n") {
		t.Errorf("/language xx in ru = %q", got)
	}
	if got := h.replyAs(7, "private", 7, "en", "/language DE-at"); got != "✅ Ab jetzt spreche ich hier Deutsch." {
		t.Errorf("/language DE-at = %q", got)
	}
	// The names the list shows, and the English ones: a user read
	// "de Deutsch" in the list and sent "/language Deutsch".
	for _, tt := range []struct{ name, want string }{
		{"Español", "✅ A partir de ahora hablo aquí español."},
		{"russian", "✅ Язык этого чата теперь — русский."},
		{"deutsch", "✅ Ab jetzt spreche ich hier Deutsch."},
	} {
		if got := h.replyAs(7, "private", 7, "en", "/language "+tt.name); got != tt.want {
			t.Errorf("/language %s = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := h.replyAs(7, "private", 7, "en", "/pause"); got != "⏸ Meldungen pausiert. Senden Sie /resume, um sie wieder zu erhalten." {
		t.Errorf("after /language de, /pause = %q", got)
	}
	c, err := h.st.FindChatDelivery(context.Background(), 7)
	if err != nil || c.Language != "de" {
		t.Errorf("stored language = %q, %v", c.Language, err)
	}
	// A Spanish or Russian user read "hablo aquí Español": inside a sentence a
	// language's name is written as that language writes it there.
	if got := h.replyAs(12, "private", 12, "en", "/language es"); got != "✅ A partir de ahora hablo aquí español." {
		t.Errorf("/language es = %q", got)
	}
	if got := h.replyAs(12, "private", 12, "en", "/language"); !strings.HasPrefix(got, "🌐 Este chat habla español.\n") || !strings.Contains(got, "<code>es</code> Español") {
		t.Errorf("/language in es = %q", got)
	}
	if got := h.replyAs(13, "private", 13, "en", "/language ru"); got != "✅ Язык этого чата теперь — русский." {
		t.Errorf("/language ru = %q", got)
	}
	if got := h.replyAs(13, "private", 13, "en", "/language"); !strings.HasPrefix(got, "🌐 Язык этого чата: русский.\n") {
		t.Errorf("/language in ru = %q", got)
	}
	// A group answers in the sender's language until it chooses one.
	if got := h.replyAs(-100, "group", 8, "es", "/id"); !strings.Contains(got, "Tu id de usuario") {
		t.Errorf("group, Spanish sender: /id = %q", got)
	}
	if got := h.replyAs(-100, "group", 9, "ru", "/id"); !strings.Contains(got, "Ваш id") {
		t.Errorf("group, Russian sender: /id = %q", got)
	}
	c, err = h.st.FindChatDelivery(context.Background(), -100)
	if err != nil || c.Language != "" {
		t.Errorf("a group's language is chosen by /language only; stored %q, %v", c.Language, err)
	}
	// A private chat keeps its user's language, for alerts and digests.
	h.replyAs(11, "private", 11, "ru-RU", "/start")
	if c, err := h.st.FindChatDelivery(context.Background(), 11); err != nil || c.Language != "ru" {
		t.Errorf("private chat of a Russian user: stored %q, %v", c.Language, err)
	}
}

// TestAlertFramesInTheChatsLanguage: alert and burst frames, dates and
// buttons in the chat's language; English stays as it was.
func TestAlertFramesInTheChatsLanguage(t *testing.T) {
	text := FormatAlert(AlertView{Article: news.Article{Title: "", SourceName: "Tagesschau", PublishedAt: time.Date(2026, 5, 3, 14, 0, 0, 0, time.UTC)},
		Also: []string{"ZDF"}, Language: "de"})
	if !strings.Contains(text, "(ohne Titel)") || !strings.Contains(text, "3. Mai 14:00 UTC") || !strings.Contains(text, "Auch: ZDF") {
		t.Errorf("German alert = %q", text)
	}
	burst, _ := FormatBurstIn("ru", []BurstItem{{Article: news.Article{Title: "Выборы", SourceName: "ТАСС"}, Also: []string{"РИА"}}, {Article: news.Article{Title: "Саперы", SourceName: "ТАСС"}}})
	if !strings.HasPrefix(burst, "🗞 <b>2 новых оповещения</b>") || !strings.Contains(burst, "(также: РИА)") {
		t.Errorf("Russian burst = %q", burst)
	}
	if got := muteButtons(locale.For("es"), []news.Subscription{{ID: 1, Query: "elecciones"}, {ID: 2, Query: "chile"}}); got[0][0].Text != "🔕 Silenciar «elecciones»" {
		t.Errorf("Spanish mute buttons = %+v", got)
	}
	if en, _ := FormatBurst([]BurstItem{{Article: news.Article{Title: "x", SourceName: "y"}}}); !strings.HasPrefix(en, "🗞 <b>1 new alert</b>") {
		t.Errorf("English burst = %q", en)
	}
}

// TestDecoderReadsTheUsersLanguage: messages, button presses, membership
// changes and inline queries carry the user's language_code.
func TestDecoderReadsTheUsersLanguage(t *testing.T) {
	from := `"from":{"id":5,"is_bot":false,"first_name":"T","language_code":"de-AT"}`
	for name, raw := range map[string]string{
		"message":  `{"update_id":1,"message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"},` + from + `,"text":"/help"}}`,
		"callback": `{"update_id":1,"callback_query":{"id":"c",` + from + `,"data":"x","message":{"message_id":2,"date":1,"chat":{"id":5,"type":"private"}}}}`,
		"member": `{"update_id":1,"my_chat_member":{"chat":{"id":-5,"type":"group","title":"G"},` + from + `,"date":1,` +
			`"old_chat_member":{"user":{"id":9,"is_bot":true,"first_name":"B"},"status":"left"},"new_chat_member":{"user":{"id":9,"is_bot":true,"first_name":"B"},"status":"member"}}}`,
		"inline": `{"update_id":1,"inline_query":{"id":"q",` + from + `,"query":"wahl","offset":""}}`,
	} {
		_, in, ok, err := decodeUpdate([]byte(raw))
		if err != nil || !ok || in.Language != "de-AT" {
			t.Errorf("%s: language %q, ok %v, err %v", name, in.Language, ok, err)
		}
	}
}

// TestSenderSpeaksTheChatsLanguage: the sender reads the chat's language
// with its delivery settings; a Spanish chat's single alert and a Russian
// chat's burst go out in their languages, an English chat's as before.
func TestSenderSpeaksTheChatsLanguage(t *testing.T) {
	r := newSenderRig(t)
	r.opts.BurstMax = 2
	ctx := context.Background()
	es, ru, en := r.chat(t, 31, "private"), r.chat(t, 32, "private"), r.chat(t, 33, "private")
	for id, lang := range map[int64]string{31: "es", 32: "ru"} {
		if err := r.st.SetChatLanguage(ctx, id, lang); err != nil {
			t.Fatal(err)
		}
	}
	r.alerts(t, 31, es, "Elecciones en Chile: el oficialismo pierde")
	r.alerts(t, 32, ru, "Саперы разминируют поля", "Курск: восстановление сел", "Новые поля засеяны")
	r.alerts(t, 33, en, "Kursk deminers clear fields")
	r.start(t)
	single := r.tg.WaitSent(t, 31, 1, 5*time.Second)[0]
	if kb := single.Params.Get("reply_markup"); !strings.Contains(kb, "🔕 Silenciar") {
		t.Errorf("Spanish alert's button: %s", kb)
	}
	if !strings.Contains(single.Text(), "Elecciones en Chile") {
		t.Errorf("Spanish alert = %q", single.Text())
	}
	burst := r.tg.WaitSent(t, 32, 1, 5*time.Second)[0]
	if !strings.Contains(burst.Text(), "новых оповещения") || !strings.Contains(burst.Params.Get("reply_markup"), "Без звука") {
		t.Errorf("Russian burst = %q, %s", burst.Text(), burst.Params.Get("reply_markup"))
	}
	if kb := r.tg.WaitSent(t, 33, 1, 5*time.Second)[0].Params.Get("reply_markup"); !strings.Contains(kb, "🔕 Mute") {
		t.Errorf("English alert's button: %s", kb)
	}
}

// A German admin set up a group that chose no language: replies came in
// German, /settings said "Dieser Chat spricht Deutsch", and the alerts came
// in English. A group that chose none says so, and a subscription confirmed
// in another language says its alerts will be English and how to change it.
func TestAGroupWithoutALanguageSaysItsAlertsAreEnglish(t *testing.T) {
	h := newHarness(t, withLanguages)
	const group = -100777
	h.tg.SetMember(group, 8, "administrator")
	if got := h.replyAs(group, "group", 8, "de", "/settings"); !strings.Contains(got, "Für diesen Chat ist keine Sprache gewählt") || strings.Contains(got, "Dieser Chat spricht") {
		t.Errorf("/settings in a group without a language = %q", got)
	}
	if got := h.replyAs(group, "group", 8, "de", "/language"); !strings.HasPrefix(got, "🌐 Für diesen Chat ist keine Sprache gewählt") {
		t.Errorf("/language in a group without a language = %q", got)
	}
	if got := h.replyAs(group, "group", 8, "de", "/subscribe kursk"); !strings.Contains(got, "Meldungen kommen hier auf Englisch") || !strings.Contains(got, "<code>/language de</code>") {
		t.Errorf("/subscribe in a group without a language = %q, want the English alerts said", got)
	}
	if got := h.replyAs(group, "group", 8, "en", "/subscribe belgorod"); strings.Contains(got, "English until") {
		t.Errorf("/subscribe by an English speaker = %q, want no note", got)
	}
	h.replyAs(group, "group", 8, "de", "/language de")
	if got := h.replyAs(group, "group", 8, "de", "/settings"); !strings.Contains(got, "Dieser Chat spricht Deutsch") {
		t.Errorf("/settings after /language de = %q", got)
	}
	if got := h.replyAs(group, "group", 8, "de", "/subscribe wahl"); strings.Contains(got, "Englisch") {
		t.Errorf("/subscribe after /language de = %q, want no note", got)
	}
	if got := h.replyAs(31, "private", 31, "de", "/settings"); !strings.Contains(got, "Dieser Chat spricht Deutsch") {
		t.Errorf("/settings in a private chat = %q", got)
	}
}

// TestErrorsQuoteAsTheLanguageDoes: what a Russian or Spanish error names
// is quoted «…» (it was "…", where /language and the buttons say «…»),
// German „…“, English as before.
func TestErrorsQuoteAsTheLanguageDoes(t *testing.T) {
	h := newHarnessIn(t, false)
	for i, c := range []struct{ lang, text, want string }{
		{"ru", "/quiet 25:00-07:00", "«25:00» — не время суток"},
		{"es", "/quiet 25:00-07:00", "«25:00» no es una hora del día"},
		{"de", "/quiet 25:00-07:00", "„25:00“ ist keine Uhrzeit"},
		{"en", "/quiet 25:00-07:00", "&#34;25:00&#34; is not a time of day"},
		{"ru", `/search kursk OR (`, "незакрытая «(» в позиции"},
		{"es", "/search title:", "justo después de «title:» debe ir"},
		{"ru", "/quiet 23:00-07:00 loud", "Я не знаю режима «loud»."},
	} {
		chat := int64(300 + i)
		if got := h.replyAs(chat, "private", chat, c.lang, c.text); !strings.Contains(got, c.want) {
			t.Errorf("%s %s = %q, want %q in it", c.lang, c.text, got, c.want)
		}
	}
}

// TestQuietModeWordsInTheChatsLanguage: /quiet reads its modes in every
// language the bot speaks, and each language's replies show its own words,
// which work; a Russian chat was told, and could only use, "silent" and
// "hold" ("/quiet 23:00-07:00 отложить" was "Я не знаю режима").
func TestQuietModeWordsInTheChatsLanguage(t *testing.T) {
	h := newHarness(t, withLanguages)
	codeRE := regexp.MustCompile(`<code>(/quiet [^<]+)</code>`)
	for i, l := range locale.Languages { // a language added shows words /quiet must read
		lang, chat := l.Code, int64(900+i)
		p := locale.For(lang)
		silent, held := p.Sprintf("alerts arrive without a sound"), p.Sprintf("alerts are held for the digest")
		got := h.replyAs(chat, "private", chat, lang, "/quiet 23:00-07:00")
		shown := codeRE.FindAllStringSubmatch(got, -1)
		if len(shown) != 3 { // the two modes and off
			t.Fatalf("%s: /quiet 23:00-07:00 = %q, want the commands that change it", lang, got)
		}
		for j, want := range []string{held, silent} { // the hold command after the silent one, so each changes the mode
			cmd := shown[1-j][1]
			if got := h.replyAs(chat, "private", chat, lang, cmd); !strings.Contains(got, "✅") || !strings.Contains(got, want) {
				t.Errorf("%s: %s = %q, want %q", lang, cmd, got, want)
			}
		}
	}
	for i, c := range []struct{ lang, text, want string }{
		{"ru", "/quiet 23:00-07:00 отложить", "оповещения откладываются до сводки"},
		{"ru", "/quiet беззвучно", "✅ Тихие часы будут работать так"},
		{"ru", "/quiet 23:00-07:00 без  звука", "оповещения приходят без звука"}, // as the Mute button says it
		{"de", "/quiet 22-6 Ohne Ton", "Meldungen kommen lautlos"},
		{"es", "/quiet sin sonido 23:00-07:00", "las alertas llegan sin sonido"},
		{"de", "/quiet 22 bis 6 Zurückhalten", "Meldungen werden für die Übersicht zurückgehalten"},
		{"es", "/quiet retener 23:00-07:00", "las alertas se guardan para el resumen"},
		{"es", "/quiet 23:00-07:00 silencio retener", "<code>silencio</code> o <code>retener</code>, no las dos"},
		{"en", "/quiet 23:00-07:00 тихо", "alerts arrive without a sound"}, // a word of another language is read too
	} {
		if got := h.replyAs(int64(950+i), "private", int64(950+i), c.lang, c.text); !strings.Contains(got, c.want) {
			t.Errorf("%s %s = %q, want %q in it", c.lang, c.text, got, c.want)
		}
	}
}

// A private chat follows its user's Telegram app language until they
// choose one: a Russian user who switched the app to German kept getting
// Russian, since the first message's language was stored as a choice. An
// app language the bot does not speak gets English, as it does at a first
// message; an update without one changes nothing. A choice (/language)
// stays, and so does a group's.
func TestAPrivateChatFollowsTheAppLanguageUntilChosen(t *testing.T) {
	h := newHarness(t, withLanguages)
	ctx := context.Background()
	const user = 21
	for _, c := range []struct{ app, want, stored string }{
		{"ru", "Команды", "ru"},
		{"de-AT", "Befehle", "de"},
		{"", "Befehle", "de"},
		{"pt-BR", "Commands", ""},
		{"uk", "Commands", ""},
		{"es", "Comandos", "es"},
	} {
		if got := h.replyAs(user, "private", user, c.app, "/help"); !strings.Contains(got, c.want) {
			t.Errorf("app in %q: /help = %.80q, want %q", c.app, got, c.want)
		}
		if d, err := h.st.FindChatDelivery(ctx, user); err != nil || d.Language != c.stored {
			t.Errorf("app in %q: stored %q, %v; want %q (alerts and digests speak it)", c.app, d.Language, err, c.stored)
		}
	}
	h.replyAs(user, "private", user, "es", "/language ru")
	for _, app := range []string{"de", "fr", "en"} {
		if got := h.replyAs(user, "private", user, app, "/help"); !strings.Contains(got, "Команды") {
			t.Errorf("chose ru, app in %s: /help = %.80q", app, got)
		}
	}
	const group = -100321
	h.tg.SetMember(group, 8, "administrator")
	h.replyAs(group, "group", 8, "de", "/language de")
	if got := h.replyAs(group, "group", 9, "ru", "/help"); !strings.Contains(got, "Befehle") {
		t.Errorf("a group that chose German, a Russian member: /help = %.80q", got)
	}
	if d, err := h.st.FindChatDelivery(ctx, group); err != nil || d.Language != "de" {
		t.Errorf("group's language = %q, %v; want de", d.Language, err)
	}
}

// /language auto undoes a choice: a private chat speaks its user's app
// language again and follows it, and loses the menus of its own; a group
// answers each member in theirs. A user whose language an earlier version
// kept from their first message (stored as a choice) had no way back.
func TestLanguageAutoFollowsTheAppAgain(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.Menus = o.Interactor.(*Telegram) })
	if err := h.router.RegisterMenus(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const user = 23
	if got := h.replyAs(user, "private", user, "de", "/language"); !strings.Contains(got, "<code>auto</code> die Sprache Ihrer Telegram-App") {
		t.Errorf("/language = %q, want auto listed", got)
	}
	h.replyAs(user, "private", user, "de", "/language ru")
	if menu := fmt.Sprint(h.tg.MenuFor(user, "private", false, "de")); !strings.Contains(menu, "Поиск") {
		t.Fatalf("after /language ru the menu is %v", menu)
	}
	if got := h.replyAs(user, "private", user, "de", "/language auto"); got != "✅ Ab jetzt spreche ich hier die Sprache Ihrer Telegram-App." {
		t.Errorf("/language auto = %q", got)
	}
	if menu := fmt.Sprint(h.tg.MenuFor(user, "private", false, "de")); strings.Contains(menu, "Поиск") || !strings.Contains(menu, "durchsuchen") {
		t.Errorf("after /language auto the menu is %v, want the app's", menu)
	}
	if got := h.replyAs(user, "private", user, "es", "/help"); !strings.Contains(got, "Comandos") {
		t.Errorf("after /language auto, app in Spanish: /help = %.80q", got)
	}
	if d, err := h.st.FindChatDelivery(ctx, user); err != nil || d.Language != "es" || !d.LanguageFollowed {
		t.Errorf("stored %q followed %v, %v; want es followed", d.Language, d.LanguageFollowed, err)
	}
	if got := h.replyAs(user, "private", user, "fr", "/language Auto"); got != "✅ From now on I speak your Telegram app's language here." {
		t.Errorf("/language Auto from a French app = %q", got)
	}
	const group = -100322
	h.tg.SetMember(group, 8, "administrator")
	h.replyAs(group, "supergroup", 8, "de", "/language de")
	if got := h.replyAs(group, "supergroup", 8, "ru", "/language авто"); !strings.HasPrefix(got, "🌐 Язык этого чата не выбран") {
		t.Errorf("/language авто in a group = %q", got)
	}
	if got := h.replyAs(group, "supergroup", 9, "es", "/help"); !strings.Contains(got, "Comandos") {
		t.Errorf("a group without a language, a Spanish member: /help = %.80q", got)
	}
	if d, err := h.st.FindChatDelivery(ctx, group); err != nil || d.Language != "" {
		t.Errorf("group's language = %q, %v; want none", d.Language, err)
	}
}

// A channel's posts carry no one's language, so a channel that chose none
// is answered in English: /settings and /language said "I answer each of
// you in your own" there, and /language listed auto as each member's own.
func TestAChannelWithoutALanguageSaysItIsEnglish(t *testing.T) {
	h := newHarness(t, withLanguages)
	const channel = -100901
	h.clock.Advance(5 * time.Second)
	if got := h.reply(channel, "channel", 0, "/settings").Text(); !strings.Contains(got, "No language is chosen for this channel: answers, alerts and digests come in English.") || strings.Contains(got, "each of you") {
		t.Errorf("/settings in a channel = %q", got)
	}
	h.clock.Advance(5 * time.Second)
	if got := h.reply(channel, "channel", 0, "/language").Text(); !strings.HasPrefix(got, "🌐 No language is chosen for this channel") || !strings.Contains(got, "<code>auto</code> none chosen (English)") {
		t.Errorf("/language in a channel = %q", got)
	}
	h.clock.Advance(5 * time.Second)
	h.reply(channel, "channel", 0, "/language ru")
	h.clock.Advance(5 * time.Second)
	if got := h.reply(channel, "channel", 0, "/language auto").Text(); got != "🌐 No language is chosen for this channel: answers, alerts and digests come in English." {
		t.Errorf("/language auto in a channel = %q", got)
	}
}

// A user whose app speaks a language the bot does not (Portuguese,
// Ukrainian, French) was welcomed in English and never told that Spanish
// or Russian were a /language away; the welcome now says so, and no one
// else's does.
func TestTheWelcomeNamesTheOtherLanguagesToAnAppTheBotDoesNotSpeak(t *testing.T) {
	h := newHarness(t, withLanguages)
	for i, c := range []struct {
		app, chose string
		note       bool
	}{
		{"pt-BR", "", true},
		{"uk", "", true},
		{"fr", "es", false},
		{"de", "", false},
		{"en", "", false},
		{"", "", false},
	} {
		chat := int64(600 + i)
		if c.chose != "" {
			h.replyAs(chat, "private", chat, c.app, "/language "+c.chose)
		}
		got := h.replyAs(chat, "private", chat, c.app, "/start")
		if note := strings.Contains(got, "/language es</code> Español"); note != c.note {
			t.Errorf("app in %q (chose %q): /start = %q; want the other languages named: %v", c.app, c.chose, got, c.note)
		}
	}
}

// /language and /settings said "This chat speaks German" whether the chat
// follows its user's app or chose German, so a user could not tell whether
// switching the app would change it: a followed language says so.
func TestTheLanguageLineSaysWhenItIsTheApps(t *testing.T) {
	h := newHarness(t, withLanguages)
	const user = 24
	for _, c := range []struct{ app, text, want, absent string }{
		{"de", "/language", "🌐 Dieser Chat spricht Deutsch, die Sprache Ihrer Telegram-App.", ""},
		{"ru", "/settings", "🌐 Язык этого чата: русский — язык вашего приложения Telegram.", ""},
		{"pt", "/language", "🌐 This chat speaks English.", "app's language."},
		{"es", "/language es", "", ""},
		{"de", "/language", "🌐 Este chat habla español.", "español, el idioma de tu app"},
	} {
		got := h.replyAs(user, "private", user, c.app, c.text)
		if !strings.Contains(got, c.want) || (c.absent != "" && strings.Contains(got, c.absent)) {
			t.Errorf("app in %s: %s = %q, want %q", c.app, c.text, got, c.want)
		}
	}
}

// /help showed a German user "/digest HH:MM, off oder now" and "/preview
// on, off, large, small oder above" while the commands' own answers say
// "/digest aus", "/digest jetzt", "/preview groß": the words /help shows
// are those the commands' answers show, in every language.
func TestHelpShowsTheArgumentWordsTheCommandsShow(t *testing.T) {
	h := newHarness(t, withLanguages, withDigests)
	codeRE := regexp.MustCompile(`<code>/(?:digest|preview|quiet) ([^<]+)</code>`)
	for i, lang := range []string{"ru", "de", "es"} {
		chat := int64(960 + i)
		help := h.replyAs(chat, "private", chat, lang, "/help")
		hint := func(cmd string) map[string]bool {
			for _, line := range strings.Split(help, "\n") {
				if rest, ok := strings.CutPrefix(line, "/"+cmd+" <i>"); ok {
					words := map[string]bool{}
					for _, w := range strings.FieldsFunc(strings.Split(rest, "</i>")[0], func(r rune) bool { return strings.ContainsRune(" ,[]|", r) }) {
						words[w] = true
					}
					return words
				}
			}
			t.Fatalf("%s: no /%s in /help:\n%s", lang, cmd, help)
			return nil
		}
		for _, c := range []struct{ cmd, ask string }{
			{"preview", "/preview sideways"},
			{"digest", "/digest whenever"},
			{"quiet", "/quiet 23:00-07:00"},
		} {
			words := hint(c.cmd)
			for _, m := range codeRE.FindAllStringSubmatch(h.replyAs(chat, "private", chat, lang, c.ask), -1) {
				w := m[1]
				if strings.ContainsAny(w, "0123456789") {
					continue // a time of day, not a word
				}
				if !words[w] {
					t.Errorf("%s: /%s answers with %q, which /help does not show: %v", lang, c.cmd, w, words)
				}
			}
		}
	}
}
