package subscriptions

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/store"
)

// confirmingStore is a store whose exact read always reads loosely, so that
// the service confirms every preview's candidates with the query's matcher:
// the preview as it was before queries that FTS5 decides were counted
// without it.
type confirmingStore struct{ *store.Store }

func (c confirmingStore) RecentMatchesExact(ctx context.Context, match string, since time.Time, n int) ([]news.Article, int, int, bool, error) {
	sample, examined, total, err := c.Store.RecentMatches(ctx, match, nil, since, n)
	return sample, examined, total, true, err
}

// countingStore counts the exact reads that answered untexted.
type countingStore struct {
	*store.Store
	untexted atomic.Int64
}

func (c *countingStore) RecentMatchesExact(ctx context.Context, match string, since time.Time, n int) ([]news.Article, int, int, bool, error) {
	sample, examined, total, loose, err := c.Store.RecentMatchesExact(ctx, match, since, n)
	if err == nil && !loose {
		c.untexted.Add(1)
	}
	return sample, examined, total, loose, err
}

// exactVocabulary is the fixture's words: common and rare ones, a
// prefix of more terms than the preview reads (ber*: 9), one of few
// (presid*), Cyrillic and Han.
var exactVocabulary = strings.Fields(`kursk deminers weather report market officials government court ruling
	berlin bern berry bertha berg bergen beret berth berries president presidents presidency
	москва курск новости 北朝鮮 東京 harbour tides storm ferry strike`)

// previewFixture stores n articles of random titles and texts of
// exactVocabulary, of three sources, fetched in the last days, a few
// published before the preview's window, and returns the two services over
// it: the one that counts what FTS5 decides without confirming, and one
// that confirms every candidate.
func previewFixture(t *testing.T, n int, seed uint64) (fast, slow *Service, counted *countingStore) {
	t.Helper()
	ctx := context.Background()
	clock := serviceNow.Add(-6 * 24 * time.Hour)
	now := func() time.Time { return clock }
	st := testkit.OpenStore(t, func() time.Time { return now() })
	rnd := rand.New(rand.NewPCG(seed, 7))
	text := func(words int) string {
		out := make([]string, words)
		for i := range out {
			// Skewed to the vocabulary's start: common words and rare ones.
			out[i] = exactVocabulary[min(rnd.IntN(len(exactVocabulary)), rnd.IntN(len(exactVocabulary)), rnd.IntN(len(exactVocabulary)))]
		}
		return strings.Join(out, " ")
	}
	for s := range 3 {
		src, err := st.UpsertSource(ctx, fmt.Sprintf("Wire %d", s), fmt.Sprintf("https://wire%d.example/feed", s), "config")
		if err != nil {
			t.Fatal(err)
		}
		for b := range n / 3 / 20 {
			clock = clock.Add(time.Hour)
			items := make([]news.Article, 20)
			for i := range items {
				k := (b*20 + i)
				pub := clock.Add(-time.Duration(rnd.IntN(48)) * time.Hour)
				if k%17 == 0 {
					pub = serviceNow.Add(-10 * 24 * time.Hour) // older than the window, fetched in it
				}
				items[i] = news.Article{GUID: fmt.Sprintf("%d-%d", s, k), URL: fmt.Sprintf("https://wire%d.example/%d", s, k),
					Title: text(2 + rnd.IntN(4)), Text: text(4 + rnd.IntN(10)), PublishedAt: pub}
			}
			if _, err := st.InsertArticles(ctx, src.ID, items); err != nil {
				t.Fatal(err)
			}
		}
	}
	clock = serviceNow
	if _, err := st.RefreshTerms(ctx); err != nil {
		t.Fatal(err)
	}
	counted = &countingStore{Store: st}
	opts := func(s Store) Options {
		return Options{Store: s, MaxPerChat: 10, Now: func() time.Time { return serviceNow }, Logger: slog.New(slog.DiscardHandler)}
	}
	return NewService(opts(counted)), NewService(opts(confirmingStore{st})), counted
}

// TestPreviewEstimatesAsExactCounts: the preview of a query whose FTS5
// expression decides its matches counts them without reading their text or
// confirming them, and says what the preview that confirms them says: the
// same count, estimate or lower bound, the same stories and their articles,
// for phrases, prefixes (a broad one read as its most frequent terms, inside
// a NOT too, which is confirmed), title:, OR, NOT, Cyrillic and Han, and
// bare words of one stem that is its own; other words are confirmed as
// before.
func TestPreviewEstimatesAsExactCounts(t *testing.T) {
	fast, slow, counted := previewFixture(t, 600, 1)
	ctx := context.Background()
	tests := []struct {
		query    string
		untexted bool // read without text, not confirmed
	}{
		{`"kursk"`, true},
		{`"kursk deminers"`, true},
		{`"tides"`, true},
		{`"storm ferry"`, true},
		{"presid*", true},
		{"ber*", true},
		{"ber* OR presid*", true},
		{"title:ber*", true},
		{`title:"kursk"`, true},
		{`"kursk" -"weather"`, true},
		{`"kursk" -presid*`, true},
		{`"kursk" -ber*`, false}, // the broad prefix in the NOT: confirmed
		{`"market" OR "court" OR "ruling"`, true},
		{`"москва"`, true},
		{"北朝鮮", true},
		{`"kursk" ("berlin" OR "bern") -"storm"`, true},
		{"kursk", true}, // a word of one stem, its own (query.ownStem)
		{"government", true},
		{"title:court", true},
		{"court -kursk", false}, // a NOT of a word is confirmed (query.termsAnd)
		{`court -"kursk"`, true},
		{"москва OR court", true},
		{"weather", false}, // stems weather and weath: the second counts in some articles only
		{"kursk -weather", false},
		{"presidents", false},
		{`"kursk" source:"wire 1"`, false},
	}
	for _, tt := range tests {
		q, err := query.Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		before := counted.untexted.Load()
		got, err := fast.Preview(ctx, q)
		if err != nil {
			t.Fatalf("preview %q: %v", tt.query, err)
		}
		if untexted := counted.untexted.Load() > before; untexted != tt.untexted {
			t.Errorf("preview %q read untexted: %v, want %v", tt.query, untexted, tt.untexted)
		}
		want, err := slow.Preview(ctx, q)
		if err != nil {
			t.Fatalf("confirmed preview %q: %v", tt.query, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("preview %q = %+v\nconfirmed: %+v", tt.query, got, want)
		}
		t.Logf("%q: %d (approx %v, at least %v, checked %d), %d titles", tt.query, got.Count, got.Approx, got.AtLeast, got.Checked, len(got.Titles))
	}
}

// TestPreviewUntextedDifferential compares the two previews over many
// generated queries of the fixture's words: phrases, prefixes, title:,
// words, AND, OR and NOT.
func TestPreviewUntextedDifferential(t *testing.T) {
	fast, slow, counted := previewFixture(t, 300, 2)
	ctx := context.Background()
	rnd := rand.New(rand.NewPCG(3, 4))
	var term func(depth int) string
	term = func(depth int) string {
		w := exactVocabulary[rnd.IntN(len(exactVocabulary))]
		switch r := rnd.IntN(10); {
		case depth > 0 && r == 0:
			return "(" + term(depth-1) + " OR " + term(depth-1) + ")"
		case depth > 0 && r == 1:
			return "(" + term(depth-1) + " " + term(depth-1) + ")"
		case r < 4:
			return `"` + w + `"`
		case r < 6:
			return `"` + w + " " + exactVocabulary[rnd.IntN(len(exactVocabulary))] + `"`
		case r < 8:
			return string([]rune(w)[:min(len([]rune(w)), 1+rnd.IntN(3))]) + "*"
		case r == 8:
			return "title:" + `"` + w + `"`
		}
		return w
	}
	untexted, differ := 0, 0
	for range 300 {
		text := term(2)
		switch rnd.IntN(3) {
		case 0:
			text += " -" + term(0)
		case 1:
			text += " OR " + term(1)
		}
		q, err := query.Parse(text)
		if err != nil {
			continue
		}
		before := counted.untexted.Load()
		got, err := fast.Preview(ctx, q)
		if err != nil {
			t.Fatalf("preview %q: %v", text, err)
		}
		if counted.untexted.Load() > before {
			untexted++
		}
		want, err := slow.Preview(ctx, q)
		if err != nil {
			t.Fatalf("confirmed preview %q: %v", text, err)
		}
		if !reflect.DeepEqual(got, want) {
			differ++
			t.Errorf("preview %q (%s) = %+v\nconfirmed: %+v", text, q.TermsMatch(), got, want)
		}
	}
	if untexted < 100 {
		t.Errorf("only %d of 300 queries read untexted", untexted)
	}
	t.Logf("%d of 300 queries read untexted, %d differ", untexted, differ)
}
