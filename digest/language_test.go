package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestBuilderSpeaksTheChatsLanguage: the lines the builder writes (count,
// "more", other sources, empty digest) follow the heading's language.
func TestBuilderSpeaksTheChatsLanguage(t *testing.T) {
	t0 := time.Date(2026, 6, 10, 6, 0, 0, 0, time.UTC)
	var items []news.DigestItem
	for i := int64(1); i <= 5; i++ {
		items = append(items, news.DigestItem{StoryID: i, ArticleID: i, SubscriptionID: 1, Query: "курск", Title: "Саперы разминируют поля",
			URL: "https://news.example/" + string(rune('a'+i)), Summary: "Работы идут третий день.", SourceName: "ТАСС", PublishedAt: t0})
	}
	c := news.DigestContent{Items: items, Sources: map[int64][]news.StorySource{
		1: {{Name: "ТАСС", Latest: t0}, {Name: "РИА", Latest: t0}, {Name: "Интерфакс", Latest: t0}, {Name: "Коммерсантъ", Latest: t0}},
	}}
	for _, tt := range []struct {
		lang string
		max  int
		want []string
	}{
		{"ru", 2, []string{"📰 <b>Ежедневная сводка</b> · пятница, 12 июня", "<i>Главное: 2 из 5</i>", "+1 ещё", "… и ещё 3 по 🔔 <b>курск</b>: <code>/search курск</code>"}},
		{"ru", 0, []string{"<i>5 сюжетов</i>"}},
		{"de", 2, []string{"<i>Die wichtigsten 2 von 5 Themen</i>", "+1 weitere", "… und 3 weitere zu 🔔 <b>курск</b>: <code>/search курск</code>"}},
		{"es", 0, []string{"<i>5 noticias</i>", "+1 más"}},
		{"", 0, []string{"<i>5 stories</i>", "+1 more"}},
	} {
		msgs := Builder{MaxItems: tt.max}.Build(c, Heading{Title: "Ежедневная сводка", Date: "пятница, 12 июня", Language: tt.lang})
		got := strings.Join(msgs, "\n")
		for _, w := range tt.want {
			if tt.lang != "ru" && strings.Contains(w, "Ежедневная") {
				continue
			}
			if !strings.Contains(got, w) {
				t.Errorf("%s/%d: no %q in %q", tt.lang, tt.max, w, got)
			}
		}
	}
	// A digest too long for one message repeats its group's header on the
	// next, marked continued: that mark was English in every language.
	long := make([]news.DigestItem, 40)
	for i := range long {
		long[i] = items[0]
		long[i].StoryID, long[i].ArticleID = int64(100+i), int64(100+i)
		long[i].Title, long[i].Summary = strings.Repeat("Ураган на побережье ", 12), strings.Repeat("Власти эвакуировали жителей побережья. ", 5)
	}
	msgs := Builder{}.Build(news.DigestContent{Items: long}, Heading{Title: "Сводка", Date: "30 ноя", Language: "ru"})
	if len(msgs) < 2 || !strings.HasPrefix(msgs[1], "🔔 <b>курск</b> <i>(продолжение)</i>") {
		t.Errorf("a long Russian digest's second message opens %.80q (of %d), want the header marked (продолжение)", msgs[len(msgs)-1], len(msgs))
	}
	empty := Builder{SendEmpty: true}.Build(news.DigestContent{}, Heading{Title: "Resumen diario", Date: "viernes 12 de junio", Language: "es"})
	if len(empty) != 1 || !strings.Contains(empty[0], "Nada ha coincidido con tus suscripciones desde el último resumen.") {
		t.Errorf("empty Spanish digest = %q", empty)
	}
	// A chat's first digest covers the last 24 hours: there was no "last digest".
	first := Builder{SendEmpty: true}.Build(news.DigestContent{}, Heading{Title: "Resumen diario", Date: "viernes 12 de junio", Language: "es", First: true})
	if len(first) != 1 || !strings.Contains(first[0], "Nada ha coincidido con tus suscripciones en las últimas 24 horas.") {
		t.Errorf("a first empty Spanish digest = %q, want the last 24 hours named", first)
	}
}
