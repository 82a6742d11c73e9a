package feeds

import (
	"context"
	"sync"
	"time"

	"github.com/newshound/newshound/news"
)

// maxFresh bounds the articles fresh keeps (with their text, about 3 MB):
// past it, it starts again empty (the link step then reads them from the
// store, as after a restart). A finish follows each fetch that stored
// articles, so only a backlog (a first fetch of many sources) reaches it.
const maxFresh = 1024

// fresh keeps the articles a fetch's worker stored finished (their text
// and summary made before the store, pending at stepLink), by id, as the
// store holds them, so that the link step takes them instead of reading
// them back and inflating their text.
type fresh struct {
	mu sync.Mutex
	m  map[int64]news.Article
}

// keep keeps the articles of src that the fetch stored finished (final
// holds their guids).
func (f *fresh) keep(src news.Source, added []news.Article, final map[string]bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.m == nil || len(f.m)+len(added) > maxFresh {
		f.m = make(map[int64]news.Article, len(added))
	}
	for _, a := range added {
		if !final[a.GUID] {
			continue
		}
		// As the store reads it back: its source joined, times to the
		// second in UTC.
		a.SourceName, a.SourceURL = src.Name, src.URL
		a.PublishedAt, a.FetchedAt = storedTime(a.PublishedAt), storedTime(a.FetchedAt)
		f.m[a.ID] = a
	}
}

// storedTime is t as the store keeps it: whole seconds, UTC, zero as zero.
func storedTime(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return time.Unix(t.Unix(), 0).UTC()
}

// take returns the articles of ids, in order, and forgets them, when it
// has every one; else nil (and it forgets them all the same).
func (f *fresh) take(ids []int64) []news.Article {
	f.mu.Lock()
	defer f.mu.Unlock()
	arts := make([]news.Article, 0, len(ids))
	for _, id := range ids {
		if a, ok := f.m[id]; ok {
			arts = append(arts, a)
			delete(f.m, id)
		}
	}
	if len(arts) < len(ids) {
		return nil
	}
	return arts
}

// pendingLink returns the articles pending at stepLink: those the fetches
// kept when they are all of them (only their ids are read), else every one
// read whole.
func (p *Poller) pendingLink(ctx context.Context) ([]news.Article, error) {
	ids, err := p.opts.Store.PendingIDs(ctx, stepLink)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	if arts := p.fresh.take(ids); arts != nil {
		return arts, nil
	}
	return p.opts.Store.PendingArticles(ctx, stepLink)
}
