package locale

// entry is one text of the catalog: its key, the English text, and its
// translations, each with the key's format verbs in the key's order.
type entry struct{ en, ru, de, es string }

// text returns the entry's text in Languages[i].
func (e entry) text(i int) string {
	return [...]string{e.en, e.ru, e.de, e.es}[i]
}

// entries is the catalog: every text the bot shows, in every language.
// The groups of texts are kept in messages_*.go.
var entries = concat(commandTexts, replyTexts, settingTexts, searchTexts, sourceTexts, alertTexts, digestTexts, dateTexts, errorTexts, operatorTexts)

// plurals are the counted nouns, with their forms in every language.
var plurals = []pluralEntry{
	{"%d stored articles", map[string]forms{
		"en": {one: "%d stored article", other: "%d stored articles"},
		"ru": {one: "%d сохранённую статью", few: "%d сохранённые статьи", other: "%d сохранённых статей"},
		"de": {one: "%d gespeicherten Artikel", other: "%d gespeicherte Artikel"},
		"es": {one: "%d artículo guardado", other: "%d artículos guardados"},
	}},
	{"%d new alerts", map[string]forms{
		"en": {one: "%d new alert", other: "%d new alerts"},
		"ru": {one: "%d новое оповещение", few: "%d новых оповещения", other: "%d новых оповещений"},
		"de": {one: "%d neue Meldung", other: "%d neue Meldungen"},
		"es": {one: "%d alerta nueva", other: "%d alertas nuevas"},
	}},
	{"%d sources", map[string]forms{
		"en": {one: "%d source", other: "%d sources"},
		"ru": {one: "%d источник", few: "%d источника", other: "%d источников"},
		"de": {one: "%d Quelle", other: "%d Quellen"},
		"es": {one: "%d fuente", other: "%d fuentes"},
	}},
	{"%d subscriptions", map[string]forms{
		"en": {one: "%d subscription", other: "%d subscriptions"},
		"ru": {one: "%d подписка", few: "%d подписки", other: "%d подписок"},
		"de": {one: "%d Abo", other: "%d Abos"},
		"es": {one: "%d suscripción", other: "%d suscripciones"},
	}},
	{"%d days ago", map[string]forms{
		"en": {one: "%d day ago", other: "%d days ago"},
		"ru": {one: "%d день назад", few: "%d дня назад", other: "%d дней назад"},
		"de": {one: "vor %d Tag", other: "vor %d Tagen"},
		"es": {one: "hace %d día", other: "hace %d días"},
	}},
	// Failures in a row (/sources); Spanish says "in a row" here, in
	// agreement with the count ("1 vez seguida", "3 veces seguidas").
	{"%d times", map[string]forms{
		"en": {one: "%d time", other: "%d times"},
		"ru": {one: "%d раз", few: "%d раза", other: "%d раз"},
		"de": {one: "%d Mal", other: "%d Mal"},
		"es": {one: "%d vez seguida", other: "%d veces seguidas"},
	}},
	{"%d failed fetches", map[string]forms{
		"en": {one: "%d failed fetch", other: "%d failed fetches"},
		"ru": {one: "%d неудачного опроса", few: "%d неудачных опросов", other: "%d неудачных опросов"},
		"de": {one: "%d fehlgeschlagenen Abruf", other: "%d fehlgeschlagenen Abrufen"},
		"es": {one: "%d consulta fallida", other: "%d consultas fallidas"},
	}},
	{"%d items", map[string]forms{
		"en": {one: "%d item", other: "%d items"},
		"ru": {one: "%d запись", few: "%d записи", other: "%d записей"},
		"de": {one: "%d Eintrag", other: "%d Einträge"},
		"es": {one: "%d elemento", other: "%d elementos"},
	}},
	{"%d new sources", map[string]forms{
		"en": {one: "%d new source", other: "%d new sources"},
		"ru": {one: "%d новый источник", few: "%d новых источника", other: "%d новых источников"},
		"de": {one: "%d neue Quelle", other: "%d neue Quellen"},
		"es": {one: "%d fuente nueva", other: "%d fuentes nuevas"},
	}},
	{"in %d days", map[string]forms{
		"en": {one: "in %d day", other: "in %d days"},
		"ru": {one: "через %d день", few: "через %d дня", other: "через %d дней"},
		"de": {one: "in %d Tag", other: "in %d Tagen"},
		"es": {one: "en %d día", other: "en %d días"},
	}},
	{"%d articles", map[string]forms{
		"en": {one: "%d article", other: "%d articles"},
		"ru": {one: "%d статья", few: "%d статьи", other: "%d статей"},
		"de": {one: "%d Artikel", other: "%d Artikel"},
		"es": {one: "%d artículo", other: "%d artículos"},
	}},
	{"%d messages", map[string]forms{
		"en": {one: "%d message", other: "%d messages"},
		"ru": {one: "%d сообщение", few: "%d сообщения", other: "%d сообщений"},
		"de": {one: "%d Nachricht", other: "%d Nachrichten"},
		"es": {one: "%d mensaje", other: "%d mensajes"},
	}},
	{"%d stories", map[string]forms{
		"en": {one: "%d story", other: "%d stories"},
		"ru": {one: "%d сюжет", few: "%d сюжета", other: "%d сюжетов"},
		"de": {one: "%d Thema", other: "%d Themen"},
		"es": {one: "%d noticia", other: "%d noticias"},
	}},
}

func concat(groups ...[]entry) []entry {
	var out []entry
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}
