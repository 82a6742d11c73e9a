package subscriptions

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// previewVocabulary is the words of the articles and queries of TestPreviewAgreesWithAlerts, one list a language or
// script: words with their inflections and with the spellings that fold together (capitals, diacritics, ß, ł,
// Arabic prefixes, Persian kaf and yeh), scripts written without spaces, combining marks, numbers and tags.
var previewVocabulary = [][]string{
	strings.Fields("the and of said election elections elected tariff tariffs government talks deal border Korea's O'Brien long-term"),
	strings.Fields("der die und wahl wahlen Regierung regierungen Straße strasse Fußball zölle Grenze"),
	strings.Fields("les et élection élections gouvernement frontière frontières café cafe Łódź Lodz"),
	strings.Fields("в и Курск курской саперы саперов выборы выборов Москва москвы ёлка"),
	strings.Fields("北朝鮮 ミサイル 発射 東京 地震 北 朝鮮 北朝鮮ミサイル 北朝鮮のミサイル แผ่นดินไหว เชียงใหม่ น้ำท่วม"),
	strings.Fields("हिन्दी भारत दिल्ली चुनाव الزلزال زلزال بالزلزال القاهرة کرمان كرمان ایران"),
	strings.Fields("שָׁלוֹם שלום יְרוּשָׁלַיִם ירושלים בחירות בְּחִירוֹת הַמֶּמְשָׁלָה הממשלה storm🌪flood rain⚠️flood أيضاً أيضا مُحَمَّد محمد"),
	strings.Fields("İstanbul Izmir TÜRKİYE 1,000 1.000 10k 2026 #ukraine @reuters covid-19 g7 🇺🇦 1️⃣ 2⃣ #️⃣ 1"),
}

// previewGen writes articles and queries over previewVocabulary.
type previewGen struct{ rng *rand.Rand }

func (g previewGen) word() string {
	ws := previewVocabulary[g.rng.IntN(len(previewVocabulary))]
	return ws[g.rng.IntN(len(ws))]
}

// text writes n words of one language or script, as a feed would: some in capitals, some run together.
func (g previewGen) text(n int) string {
	ws := previewVocabulary[g.rng.IntN(len(previewVocabulary))]
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString([]string{" ", " ", " ", ", ", ". ", "-", ""}[g.rng.IntN(7)])
		}
		w := ws[g.rng.IntN(len(ws))]
		if g.rng.IntN(8) == 0 {
			w = strings.ToUpper(w)
		}
		b.WriteString(w)
	}
	return b.String()
}

// query writes a query as a user types it on a phone: words, prefixes, phrases in straight, typographic and
// single quotes, OR in capitals or "|", NOT as "-" or a dash, title: and source: fields.
func (g previewGen) query(depth int) string {
	n := 1 + g.rng.IntN(3)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = g.operand(depth)
		if i > 0 && g.rng.IntN(5) == 0 {
			parts[i] = []string{"-", "—", "–", "NOT "}[g.rng.IntN(4)] + parts[i]
		}
	}
	sep := []string{" ", " ", " AND ", " OR ", " | "}[g.rng.IntN(5)]
	return strings.Join(parts, sep)
}

func (g previewGen) operand(depth int) string {
	quotes := [][2]string{{`"`, `"`}, {"“", "”"}, {"«", "»"}, {"„", "“"}, {"‘", "’"}, {"'", "'"}}
	switch r := g.rng.IntN(12); {
	case r < 5:
		return g.word()
	case r < 7:
		q := quotes[g.rng.IntN(len(quotes))]
		return q[0] + g.word() + " " + g.word() + q[1]
	case r < 8:
		w := []rune(g.word())
		if len(w) < 4 {
			return string(w)
		}
		return string(w[:3+g.rng.IntN(len(w)-3)]) + "*"
	case r < 9:
		return "title:" + g.word()
	case r < 10:
		return []string{"source:", "site:"}[g.rng.IntN(2)] + []string{"wire", "Daily", `"east wire"`, ".org", ".example", "news.example.org", "..org"}[g.rng.IntN(7)]
	case r < 11 && depth > 0:
		return "(" + g.query(depth-1) + ")"
	}
	return strings.ToUpper(g.word())
}

// TestPreviewAgreesWithAlerts is the differential test of /subscribe's preview (the FTS5 terms index, confirmed by
// the query's matcher) against the alerts (the percolator index over the same articles): for generated queries as
// a user types them and articles of every script and language the engine reads, the preview counts exactly the
// articles that the subscription alerts, whenever it says its count is exact.
func TestPreviewAgreesWithAlerts(t *testing.T) {
	svc, st := newTestService(t, 1000)
	svc.previewScan = 100000 // every candidate confirmed: counts are exact
	ctx := context.Background()
	g := previewGen{rng: rand.New(rand.NewPCG(31, 7))}
	var arts []news.Article
	for i := range 400 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf([]string{"https://wire.example/%d", "https://news.example.org/%d"}[i%2], i), Title: g.text(3 + g.rng.IntN(6)),
			Text: g.text(10 + g.rng.IntN(40)), PublishedAt: serviceNow.Add(-time.Duration(i) * time.Minute), Alertable: true})
	}
	stored := seedArticles(t, st, arts[:200]...)
	src, err := st.UpsertSource(ctx, "East Wire Daily", "https://east.example/feed", "config")
	if err != nil {
		t.Fatal(err)
	}
	more, err := st.InsertArticles(ctx, src.ID, arts[200:])
	if err != nil {
		t.Fatal(err)
	}
	for i := range more {
		more[i].SourceName = src.Name
	}
	stored = append(stored, more...)

	previews := map[int64]Subscribed{}
	texts := map[int64]string{}
	for chat := int64(1); len(previews) < 300 && chat < 3000; chat++ {
		text := g.query(g.rng.IntN(2))
		ensureChat(t, st, chat)
		res, err := svc.Subscribe(ctx, chat, text)
		if err != nil {
			continue // refused: a NOT alone, too short a prefix
		}
		previews[res.Subscription.ID], texts[res.Subscription.ID] = res, text
	}
	alerts, err := svc.PlanAlerts(ctx, stored)
	if err != nil {
		t.Fatal(err)
	}
	alerted := map[int64]int{}
	for _, a := range alerts {
		alerted[a.SubscriptionID]++
	}
	matching, compared := 0, 0
	for id, res := range previews {
		p := res.Preview
		if p.Approx || p.AtLeast {
			continue
		}
		compared++
		if alerted[id] > 0 {
			matching++
		}
		if p.Count != alerted[id] {
			t.Errorf("%q (read %s): the preview counts %d articles, the alerts %d", texts[id], res.Query, p.Count, alerted[id])
		}
	}
	if compared < len(previews)*9/10 || matching < compared/4 {
		t.Fatalf("compared %d of %d queries, %d of them matching: the generator no longer makes a fair test", compared, len(previews), matching)
	}
	t.Logf("%d queries compared, %d matching some of %d articles", compared, matching, len(stored))
}
