package search_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/search"
)

// agreeVocabulary is the words of TestSearchAgreesWithTheMatcher's articles and queries: one list a language or
// script, with inflections and the spellings that fold together.
var agreeVocabulary = [][]string{
	strings.Fields("the and of said election elections elected tariff tariffs government talks deal border Korea's O'Brien long-term"),
	strings.Fields("der die und wahl wahlen Regierung regierungen Straße strasse Fußball zölle Grenze"),
	strings.Fields("les et élection élections gouvernement frontière frontières café cafe Łódź Lodz"),
	strings.Fields("в и Курск курской саперы саперов выборы выборов Москва москвы"),
	strings.Fields("北朝鮮 ミサイル 東京 地震 北 朝鮮 北朝鮮ミサイル 北朝鮮のミサイル แผ่นดินไหว เชียงใหม่ हिन्दी भारत चुनाव"),
	strings.Fields("שָׁלוֹם שלום יְרוּשָׁלַיִם ירושלים בחירות בְּחִירוֹת הַמֶּמְשָׁלָה הממשלה storm🌪flood rain⚠️flood أيضاً أيضا مُحَمَّد محمد"),
	strings.Fields("الزلزال زلزال بالزلزال القاهرة کرمان كرمان 1,000 #ukraine @reuters covid-19 g7 1️⃣ 2⃣ #️⃣ 1"),
}

// TestSearchAgreesWithTheMatcher is the differential test of /search (the FTS5 terms index, its prefixes read
// from the store's list, the matcher's confirmation, the ranking) against the query's matcher on every stored
// article: over a store small enough that every candidate is confirmed, a search finds exactly the articles the
// query matches (up to MaxResults, each once), for generated queries typed as on a phone.
func TestSearchAgreesWithTheMatcher(t *testing.T) {
	r := newRig(t)
	rng := rand.New(rand.NewPCG(5, 31))
	word := func() string {
		ws := agreeVocabulary[rng.IntN(len(agreeVocabulary))]
		return ws[rng.IntN(len(ws))]
	}
	text := func(n int) string {
		ws := agreeVocabulary[rng.IntN(len(agreeVocabulary))]
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString([]string{" ", " ", ", ", "-"}[rng.IntN(4)])
			}
			b.WriteString(ws[rng.IntN(len(ws))])
		}
		return b.String()
	}
	var arts []news.Article
	for i := range 150 {
		arts = append(arts, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf([]string{"https://wire.example/%d", "https://news.example.org/%d"}[i%2], i),
			Title: text(3+rng.IntN(5)) + fmt.Sprintf(" n%d", i), Text: text(10 + rng.IntN(30)), PublishedAt: r.now.Add(-time.Duration(i) * time.Minute)})
	}
	stored := r.articles("Wire", arts...)
	docs := make([]*query.Document, len(stored))
	for i, a := range stored {
		a.SourceName = "Wire"
		docs[i] = query.NewDocument(a)
	}
	operand := func() string {
		switch k := rng.IntN(11); {
		case k < 5:
			return word()
		case k < 7:
			q := [][2]string{{`"`, `"`}, {"“", "”"}, {"‘", "’"}, {"«", "»"}}[rng.IntN(4)]
			return q[0] + word() + " " + word() + q[1]
		case k < 8:
			if w := []rune(word()); len(w) > 4 {
				return string(w[:3+rng.IntN(2)]) + "*"
			}
			return word()
		case k < 9:
			return "title:" + word()
		case k < 10:
			return "site:" + []string{".org", ".example", "news.example.org", "wire", "..org"}[rng.IntN(5)]
		}
		return strings.ToUpper(word())
	}
	compared, matching := 0, 0
	for n := 0; n < 300; n++ {
		parts := []string{operand()}
		for range rng.IntN(3) {
			p := operand()
			if rng.IntN(4) == 0 {
				p = []string{"-", "—", "NOT "}[rng.IntN(3)] + p
			}
			parts = append(parts, p)
		}
		text := strings.Join(parts, []string{" ", " OR ", " | "}[rng.IntN(3)])
		q, err := query.Parse(text)
		if err != nil {
			continue
		}
		var want []int64
		for i, d := range docs {
			if q.Match(d) {
				want = append(want, stored[i].ID)
			}
		}
		p, err := r.svc.Search(context.Background(), 1, text)
		if err != nil {
			t.Fatalf("Search(%q): %v", text, err)
		}
		compared++
		if len(want) > 0 {
			matching++
		}
		if p.Total != min(len(want), search.MaxResults) {
			t.Errorf("Search(%q) (read %s) found %d articles, the matcher %d", text, q, p.Total, len(want))
			continue
		}
		for _, res := range p.Results {
			if !slices.Contains(want, res.Article.ID) {
				t.Errorf("Search(%q) (read %s) found %q, which the query does not match", text, q, res.Article.Title)
			}
		}
	}
	if compared < 200 || matching < compared/4 {
		t.Fatalf("compared %d queries, %d matching: the generator no longer makes a fair test", compared, matching)
	}
	t.Logf("%d queries compared, %d matching some of %d articles", compared, matching, len(stored))
}
