package stories

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// memoryStore keeps linked articles in memory: the store as the linker sees
// it, without SQLite's cost, for a stream of 100,000 articles.
type memoryStore struct {
	mu     sync.Mutex
	linked []news.StoryCandidate // in id order
	finds  int
}

func (m *memoryStore) StoryCandidates(_ context.Context, since time.Time, afterID int64) ([]news.StoryCandidate, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []news.StoryCandidate
	for _, c := range m.linked {
		if c.ArticleID > afterID && !c.PublishedAt.Before(since) {
			out = append(out, c)
		}
	}
	return out, nil
}

func (m *memoryStore) StoryWindowIDs(_ context.Context, since time.Time) ([]int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var ids []int64
	for _, c := range m.linked {
		if !c.PublishedAt.Before(since) {
			ids = append(ids, c.ArticleID)
		}
	}
	return ids, nil
}

func (m *memoryStore) LinkArticles(_ context.Context, links []news.StoryCandidate) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	// PublishedAt is filled in by the stream too (see linkStream).
	m.linked = append(m.linked, links...)
	return nil
}

func (m *memoryStore) FindArticle(context.Context, int64) (news.Article, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.finds++
	return news.Article{}, news.ErrNotFound
}

// distinctArticle is the i-th of a stream of articles that are all different
// stories: names of their own among common words, a lead of about 50 words
// (full) or 10 (cheaper to clean, for long streams).
func distinctArticle(i int, published time.Time, full bool) news.Article {
	name := func(salt int) string {
		n, s := i*7+salt, []byte{'A' + byte(salt%26)}
		for range 4 {
			s = append(s, 'a'+byte(n%26))
			n /= 26
		}
		return string(s)
	}
	person, place, firm := name(1), name(2), name(3)
	lead := fmt.Sprintf("Residents of %s back the %s plan for homes by the %s depot.", place, firm, person)
	if full {
		lead = fmt.Sprintf("The council of %s voted this week to back a plan by %s to build homes and a school on land next to the %s depot, after a long debate in which residents asked about traffic, parking, trees and the cost to local taxpayers over the next ten years, officials said.", place, firm, person)
	}
	return news.Article{
		ID:          int64(i + 1),
		URL:         fmt.Sprintf("https://local.example/news/%d-%s", i, place),
		Title:       fmt.Sprintf("%s council backs %s plan for the %s site", place, firm, person),
		Summary:     lead,
		PublishedAt: published,
	}
}

// distinctFeatures is the signature of the i-th of a stream of distinct
// articles: 25 common words and 5 names of its own, as about 30 words of a
// title and lead give.
func distinctFeatures(i int) Features {
	f := Features{Title: uint64(i)<<8 | 0xAB}
	for w := range 25 {
		f.Terms = append(f.Terms, Term{Hash: uint32(w + 1)})
	}
	for k := range 5 {
		f.Terms = append(f.Terms, Term{Hash: uint32(1<<20 + i*5 + k), Flags: FlagName})
	}
	return f
}

// linkStream puts n distinct articles through the linker, one second of
// publication apart from start and with the clock at the last: in each
// thousand, 999 are linked by another process (the store's candidates, read
// by the next Link) and one by Link itself. check runs after each thousand.
func linkStream(t *testing.T, l *Linker, m *memoryStore, clock *time.Time, start time.Time, from, n int, check func()) {
	t.Helper()
	const batch = 1000
	at := func(i int) time.Time { return start.Add(time.Duration(i) * time.Second) }
	for b := from; b < from+n; b += batch {
		end := min(b+batch, from+n)
		m.mu.Lock()
		for i := b; i < end-1; i++ {
			m.linked = append(m.linked, news.StoryCandidate{ArticleID: int64(i + 1), StoryID: int64(i + 1),
				CanonicalURL: fmt.Sprintf("https://other.example/%d", i), Signature: distinctFeatures(i).Bytes(), PublishedAt: at(i)})
		}
		m.mu.Unlock()
		*clock = at(end - 1)
		if _, err := l.Link(context.Background(), []news.Article{distinctArticle(end-1, at(end-1), false)}); err != nil {
			t.Fatal(err)
		}
		m.mu.Lock()
		m.linked[len(m.linked)-1].PublishedAt = at(end - 1)
		m.mu.Unlock()
		check()
	}
}

// TestWindowIsBounded streams 100,000 distinct articles, all within the time
// window, through a linker bounded at 5,000 (see linkStream): the window and every map beside
// it never hold more than the bound, the articles kept are the last
// published, and the hourly full read of a window of 100,000 candidates
// keeps to the bound too.
func TestWindowIsBounded(t *testing.T) {
	const bound, stream = 5000, 100_000
	start := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	now := start
	m := &memoryStore{}
	l := NewLinker(Options{Store: m, Window: 48 * time.Hour, Threshold: 0.7, MaxArticles: bound, Now: func() time.Time { return now }})
	check := func() {
		t.Helper()
		l.mu.Lock()
		defer l.mu.Unlock()
		if n := l.index.Len(); n > bound {
			t.Fatalf("the window holds %d articles, over its bound of %d", n, bound)
		}
		for what, n := range map[string]int{"published": len(l.published), "urls": len(l.urls), "canonical": len(l.canonical), "titles": len(l.index.titles)} {
			if n > bound {
				t.Fatalf("%s holds %d entries, over the window's bound of %d", what, n, bound)
			}
		}
		if len(l.expiry) > 2*max(bound, 1024) {
			t.Fatalf("the expiry heap holds %d entries for a window of %d", len(l.expiry), l.index.Len())
		}
		if len(l.index.Freq.df) > maxTerms {
			t.Fatalf("the document frequencies hold %d terms, over maxTerms %d", len(l.index.Freq.df), maxTerms)
		}
	}
	linkStream(t, l, m, &now, start, 0, stream, check)
	if n := l.index.Len(); n != bound {
		t.Fatalf("after %d articles the window holds %d, want its bound %d", stream, n, bound)
	}
	for _, id := range []int64{stream - bound + 1, stream} {
		if !l.index.Has(id) {
			t.Fatalf("article %d, among the last %d published, left the window", id, bound)
		}
	}
	if l.index.Has(stream - bound) {
		t.Fatalf("article %d, published before the last %d, is still in the window", stream-bound, bound)
	}

	// An hour on, a full read finds 100,000 candidates within the window.
	now = now.Add(resyncEvery)
	linkStream(t, l, m, &now, start.Add(resyncEvery), stream, 1, check)
	if n := l.index.Len(); n != bound || !l.index.Has(stream+1) || !l.index.Has(stream-bound+2) || l.index.Has(stream-bound+1) {
		t.Fatalf("after a full read the window holds %d (the newest: %v); want the last %d published", n, l.index.Has(stream+1), bound)
	}
	if m.finds != 0 {
		t.Fatalf("the full read read %d articles' texts; every candidate has a signature", m.finds)
	}
}

// TestWindowMemoryPerArticle measures the heap a window of 5,000 articles
// takes (the document frequencies included) and checks the figure that
// MaxWindow's ceiling rests on.
func TestWindowMemoryPerArticle(t *testing.T) {
	const n = 5000
	start := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	now := start
	arts := make([]news.Article, n)
	for i := range arts {
		arts[i] = distinctArticle(i, start.Add(time.Duration(i)*time.Second), true)
	}
	now = arts[n-1].PublishedAt
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l := NewLinker(Options{Store: &memoryStore{}, Window: 48 * time.Hour, Threshold: 0.7, Now: func() time.Time { return now }})
	if _, err := l.Link(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perArticle := (int64(after.HeapAlloc) - int64(before.HeapAlloc)) / n
	runtime.KeepAlive(l)
	runtime.KeepAlive(arts)
	t.Logf("window of %d articles: %d bytes each (heap, frequencies included)", n, perArticle)
	if perArticle > windowBytesPerArticle {
		t.Errorf("a window article takes %d bytes, over the %d that MaxWindow's documented ceiling assumes", perArticle, windowBytesPerArticle)
	}
}

// windowBytesPerArticle is the heap one window article may take for
// MaxWindow's documented ceiling to hold (see MaxWindow).
const windowBytesPerArticle = 2048
