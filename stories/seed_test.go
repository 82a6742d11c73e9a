package stories

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/store"
)

// TestLinkerLearnsFromStoredArticles: a new bot's first fetch is backlog the
// linker never links, so the first story it sees from two outlets came to a
// linker that knew two articles: every shared word weighed alike and the two
// reports became two alerts. The stored articles teach it which words every
// report has.
func TestLinkerLearnsFromStoredArticles(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	st := testkit.OpenStore(t, func() time.Time { return now })
	cbs := testkit.UpsertSource(t, st, "CBS 5", "https://cbs5.example/rss", "config")
	ktar := testkit.UpsertSource(t, st, "KTAR", "https://ktar.example/rss", "config")
	// the first fetch: stored, never alerted, never linked
	towns := []string{"Mesa", "Tempe", "Tucson", "Chandler", "Gilbert", "Yuma", "Flagstaff", "Peoria", "Surprise", "Goodyear"}
	var backlog []news.Article
	for i := range 40 {
		town := towns[i%len(towns)]
		backlog = append(backlog, news.Article{GUID: fmt.Sprintf("b%d", i), URL: fmt.Sprintf("https://cbs5.example/b%d", i),
			Title:       fmt.Sprintf("Police investigate deadly shooting in %s", town),
			Text:        fmt.Sprintf("%s police said a man was shot and killed early Sunday near a home. Police have not made an arrest, and the victim's name was not released. Anyone with information is asked to call %s police.", town, town),
			PublishedAt: now.Add(-time.Duration(i+1) * time.Hour)})
	}
	if _, err := st.InsertArticles(ctx, cbs.ID, backlog); err != nil {
		t.Fatal(err)
	}
	first, err := st.InsertArticles(ctx, cbs.ID, []news.Article{{GUID: "1", URL: "https://cbs5.example/arrest",
		Title:       "PD: Arrest made in deadly Glendale drive-by shooting",
		Text:        "Glendale police have arrested a suspect in a drive-by shooting that killed two teenagers and injured four other people as a party near Cactus Road was breaking up. Police said Marco Ruiz, 18, died after a person in a vehicle fired into a crowd outside the party.",
		PublishedAt: now}})
	if err != nil {
		t.Fatal(err)
	}
	second, err := st.InsertArticles(ctx, ktar.ID, []news.Article{{GUID: "2", URL: "https://ktar.example/party",
		Title:       "2 dead, 4 wounded in drive-by shooting in north Glendale",
		Text:        "A birthday party in north Glendale turned deadly Sunday. Gunfire rang out after 3 a.m. outside a home near 25th Avenue and Cactus Road. Marco Ruiz, 18, and a 16-year-old were killed, Sgt. Tom Baker told reporters.",
		PublishedAt: now.Add(2 * time.Minute)}})
	if err != nil {
		t.Fatal(err)
	}
	other, err := st.InsertArticles(ctx, ktar.ID, []news.Article{{GUID: "3", URL: "https://ktar.example/tempe",
		Title:       "Teen wounded in drive-by shooting in Tempe",
		Text:        "A 17-year-old was wounded Sunday when someone in a passing car fired at a group outside a Tempe apartment complex near Rural Road, Tempe police said. Officers are looking for a dark sedan.",
		PublishedAt: now.Add(3 * time.Minute)}})
	if err != nil {
		t.Fatal(err)
	}
	l := NewLinker(Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Now: func() time.Time { return now }})
	if _, err := l.Link(ctx, first); err != nil {
		t.Fatal(err)
	}
	if n, err := l.Link(ctx, second); err != nil || n != 1 {
		t.Fatalf("KTAR's report joined %d stories (%v); want CBS 5's story", n, err)
	}
	if n, err := l.Link(ctx, other); err != nil || n != 0 {
		t.Fatalf("another drive-by shooting of the day joined %d stories (%v); want a story of its own", n, err)
	}
}

// BenchmarkLinkerSeed measures a linker's first Link over a store of
// SeedArticles articles none of which it linked (a new bot after its first
// fetch): the read of their texts and the count of their terms.
func BenchmarkLinkerSeed(b *testing.B) {
	ctx := context.Background()
	now := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	st, err := store.Open(ctx, filepath.Join(b.TempDir(), "bench.db"), func() time.Time { return now })
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	src, err := st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		b.Fatal(err)
	}
	var backlog []news.Article
	for i := range SeedArticles {
		backlog = append(backlog, news.Article{GUID: fmt.Sprint(i), URL: fmt.Sprintf("https://wire.example/%d", i), Title: fmt.Sprintf("Man shot on Elm Street in Town%d", i),
			Text:        strings.Repeat(fmt.Sprintf("Police said a man was shot Monday on Elm Street in Town%d and taken to Miami Valley Hospital. ", i), 12),
			PublishedAt: now.Add(-time.Duration(i) * time.Minute)})
	}
	if _, err := st.InsertArticles(ctx, src.ID, backlog); err != nil {
		b.Fatal(err)
	}
	added, err := st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "new", URL: "https://wire.example/new", Title: "Deminers clear fields near Kursk", PublishedAt: now}})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu := processCPUSeconds()
	for i := 0; i < b.N; i++ {
		l := NewLinker(Options{Store: st, Window: 48 * time.Hour, Threshold: 0.7, Now: func() time.Time { return now }})
		if _, _, err := l.PlanLinks(ctx, added); err != nil {
			b.Fatal(err)
		}
	}
	if cpu = processCPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(cpu*1e3/float64(b.N), "cpu-ms/op")
	}
}
