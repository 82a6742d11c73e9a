package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// siteURLs are the article addresses of the site-scope tests: hosts and
// their subdomains, look-alikes that share a suffix but not a label
// (notbbc.co.uk), case, ports, a trailing dot, an IP, a host in another
// script, and addresses with no host.
var siteURLs = []string{
	"https://www.bbc.co.uk/news/%d", "https://bbc.co.uk/%d", "https://NEWS.BBC.CO.UK:443/x/%d", "http://notbbc.co.uk/%d",
	"https://www.bbc.com/%d", "https://theguardian.com/%d", "https://www.theguardian.com./%d", "https://reuters.com/%d",
	"https://uk.reuters.com/%d", "https://reuters.com.evil.example/%d", "https://src7.example/%d", "https://a.src7.example/%d",
	"https://src17.example/%d", "https://src70.example/%d", "https://bbcnews.co.uk/%d", "https://bbc-news.co.uk/%d", "https://src7-x.example/%d", "http://192.168.1.4/%d", "https://новости.рф/%d", "https://Bücher.de/%d",
	"%d", "mailto:desk%d@bbc.co.uk", "",
}

// newSiteStore stores n articles of four sources at siteURLs' addresses,
// their words drawn from words, and indexes them.
func newSiteStore(t *testing.T, now *time.Time, n int, words []string) *Store {
	t.Helper()
	ctx := context.Background()
	s := newSearchStore(t, now)
	var ids []int64
	for _, name := range []string{"Reuters", "Wire", "BBC co uk", "Kursk Daily"} {
		src, err := s.UpsertSource(ctx, name, "https://"+strings.ReplaceAll(strings.ToLower(name), " ", "")+".feeds.example/rss", "config")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, src.ID)
	}
	rng := rand.New(rand.NewPCG(38, 1))
	pick := func(n int) string {
		var w []string
		for range n {
			w = append(w, words[rng.IntN(len(words))])
		}
		return strings.Join(w, " ")
	}
	for i := range n {
		u := siteURLs[rng.IntN(len(siteURLs))]
		if strings.Contains(u, "%d") {
			u = fmt.Sprintf(u, i)
		}
		mustInsert(t, s, ids[rng.IntN(len(ids))], news.Article{GUID: fmt.Sprint(i), URL: u, Title: pick(2), Text: pick(4) + ".", PublishedAt: now.Add(time.Duration(i-n) * time.Minute)})
	}
	if err := s.indexBeforeRead(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

// siteCases are queries of site: and dotted source: terms, alone, ANDed,
// ORed and with a source's name, each with a word: scope is the query
// of the source and site terms that the query requires, which the matcher
// is asked about.
var siteCases = []struct{ query, scope string }{
	{"site:bbc.co.uk storm", "site:bbc.co.uk"},
	{"site:www.bbc.co.uk storm", "site:www.bbc.co.uk"},
	{"site:.uk storm", "site:.uk"},
	{"site:.co.uk (storm -tides)", "site:.co.uk"},
	{"source:reuters.com storm", "source:reuters.com"},
	{"site:theguardian.com \"storm tides\"", "site:theguardian.com"},
	{"site:src7.example title:kursk", "site:src7.example"},
	{"(site:src7.example OR site:bbc.com) storm", "site:src7.example OR site:bbc.com"},
	{"(site:bbc.co.uk OR source:wire) storm", "site:bbc.co.uk OR source:wire"},
	{"site:.uk source:wire storm", "site:.uk source:wire"},
	{"site:новости.рф storm", "site:новости.рф"},
	{"site:bücher.de storm", "site:bücher.de"},
	{"(site:nosuch.example OR site:.com) storm", "site:nosuch.example OR site:.com"},
	// A NOT requires nothing of the address: the walk reads all of
	// reuters.com's, uk.reuters.com's among them, for the matcher to drop.
	{"site:reuters.com -site:uk.reuters.com storm", "site:reuters.com"},
	// Nor does a site: term on one side of an OR whose other side has none
	// ("": the scope admits every article).
	{"(site:bbc.co.uk storm) OR council", ""},
	{"(site:bbc.co.uk storm) OR (source:wire tides)", "site:bbc.co.uk OR source:wire"},
}

// The matches of an expression confined by site: or a dotted source: (and
// by a source's name with them) are FTS5's matches that the matcher's
// test of the address and name keeps, whatever the spans: in /search's
// walk (text and title candidates), /latest's and the preview's. The
// scope drops none of the articles the matcher would keep, and keeps
// only those.
func TestSiteScopeKeepsTheMatchersMatches(t *testing.T) {
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	s := newSiteStore(t, &now, 800, []string{"storm", "tides", "harbour", "kursk", "deminers", "council", "strike"})
	for _, tt := range siteCases {
		t.Run(tt.query, func(t *testing.T) {
			checkSiteScope(t, s, now, tt.query, tt.scope, true)
		})
	}
}

// checkSiteScope compares the walks of q with FTS5's matches that the
// matcher's test of scope (q's source and site terms alone) keeps: the
// same when exact, else the walks' must hold them all.
func checkSiteScope(t *testing.T, s *Store, now time.Time, text, scope string, exact bool) {
	t.Helper()
	ctx := context.Background()
	q := mustParse(t, text)
	match, _, err := s.expandPrefixes(ctx, q.TermsMatch(), searchTerms)
	if err != nil {
		t.Fatal(err)
	}
	keeps := func(ids []int64) []int64 {
		arts, err := s.FindArticles(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		kept := map[int64]bool{}
		for _, a := range arts {
			kept[a.ID] = scope == "" || mustParse(t, scope).MatchArticle(a)
		}
		return slices.DeleteFunc(slices.Clone(ids), func(id int64) bool { return !kept[id] })
	}
	all := ftsIDs(t, s, match)
	want, wantTitles := keeps(all), keeps(ftsIDs(t, s, titleMatch(match)))
	if len(want) == 0 || scope != "" && len(want) == len(all) {
		t.Fatalf("%d of %d matches: the test wants some, and fewer than all when it has a scope", len(want), len(all))
	}
	sc, err := s.sourceScope(ctx, q.Scope())
	if err != nil {
		t.Fatal(err)
	}
	for _, first := range []int64{7, 1 << 20} {
		text, titles, _, err := s.rankCandidates(ctx, match, sc, spanLimits{first: first, total: 1 << 20}, indexAlone())
		if err != nil {
			t.Fatal(err)
		}
		if !same(text, want, exact) || !same(titles, wantTitles, exact) {
			t.Errorf("in spans from %d: %d text, %d titles; want %d, %d (missing %v)", first, len(text), len(titles), len(want), len(wantTitles), missing(want, text))
		}
	}
	recent, err := s.SearchRecent(ctx, match, q.Scope(), time.Time{}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if got := news.ArticleIDs(recent); !same(got, want, exact) {
		t.Errorf("SearchRecent found %d, want %d (missing %v)", len(got), len(want), missing(want, got))
	}
	sample, _, total, err := s.RecentMatches(ctx, match, q.Scope(), now.Add(-24*time.Hour), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if got := news.ArticleIDs(sample); !same(got, want, exact) || exact && total != len(want) {
		t.Errorf("the preview found %d (total %d), want %d", len(got), total, len(want))
	}
}

// same reports whether got is want, or when not exact holds it.
func same(got, want []int64, exact bool) bool {
	if exact {
		return slices.Equal(got, want)
	}
	return len(missing(want, got)) == 0
}

// missing returns the ids of want that got lacks.
func missing(want, got []int64) []int64 {
	var out []int64
	for _, id := range want {
		if !slices.Contains(got, id) {
			out = append(out, id)
		}
	}
	return out
}

// An article stored before 0070 has no host until Open fills it
// (fillHosts): a walk reads it as at any host, so that a site: search
// misses none meanwhile, and the hosts Open gives are those the insert
// gives.
func TestSiteScopeBeforeTheHostsAreFilled(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 12, 0, 0, 0, time.UTC)
	s := newSiteStore(t, &now, 400, []string{"storm", "tides", "harbour", "council"})
	hosts := func() map[int64]string {
		rows, err := s.r.Query(`SELECT a.id, coalesce(h.name, a.host_id) FROM articles a LEFT JOIN hosts h ON h.id = a.host_id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[int64]string{}
		for rows.Next() {
			var id int64
			var name sql.NullString
			if err := rows.Scan(&id, &name); err != nil {
				t.Fatal(err)
			}
			out[id] = name.String
		}
		return out
	}
	inserted := hosts()
	if inserted[1] == "" || inserted[1] == "0" && inserted[2] == "0" {
		t.Fatalf("hosts after the insert: %v", inserted)
	}
	// A fill stopped part way, then one not begun (0070 just run).
	for _, unfill := range []string{
		`UPDATE articles SET host_id = NULL WHERE id % 3 <> 0`,
		`UPDATE articles SET host_id = NULL; DELETE FROM hosts`,
	} {
		if _, err := s.w.Exec(unfill); err != nil {
			t.Fatal(err)
		}
		for _, tt := range siteCases[:5] {
			checkSiteScope(t, s, now, tt.query, tt.scope, false)
		}
		if err := s.fillHosts(ctx); err != nil {
			t.Fatal(err)
		}
		if filled := hosts(); !maps.Equal(filled, inserted) {
			t.Errorf("after %s, the hosts filled differ from the insert's", unfill)
		}
		for _, tt := range siteCases[:5] {
			checkSiteScope(t, s, now, tt.query, tt.scope, true)
		}
	}
	// Every host stored: the fill at the next Open only reads, and does not
	// wait for another process's write (here one held open).
	other, err := sql.Open("sqlite3", "file:"+s.path+"?_busy_timeout=0")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	held, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	if _, err := held.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer held.ExecContext(ctx, `ROLLBACK`)
	quick, cancel := context.WithTimeout(ctx, time.Second)
	defer cancel()
	if err := s.fillHosts(quick); err != nil {
		t.Errorf("fillHosts with every host stored, another write open: %v; want no write, no wait", err)
	}
}
