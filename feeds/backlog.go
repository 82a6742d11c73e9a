package feeds

import (
	"context"
	"fmt"

	"github.com/newshound/newshound/news"
)

// Backlog, when the Store has it too, lets a fetch of a feed that lists
// more new items than poller.max_items read the newest of them and leave
// the rest, unmarked, for the next fetches; without it a fetch reads the
// newest max_items of the feed's items, and older new items are never
// stored while the feed lists that many newer ones.
type Backlog interface {
	// UnseenItems reports which of a fetch's items the source never had.
	UnseenItems(ctx context.Context, sourceID int64, items []news.Article) ([]bool, error)
	// HoldItems records items left for the next fetches as not to be
	// alerted when they are stored.
	HoldItems(ctx context.Context, sourceID int64, items []news.Article) error
}

// newestUnseen returns the items a fetch passes to the store (oldest
// first, as given, with their texts): every one of them when they are at
// most MaxItems; else those the source has had (so that they stay marked
// seen, and a feed's old items are not pruned as gone and stored again)
// and the newest MaxItems of the new ones. The older new items are left
// for the next fetches, which find them new in turn: nothing is dropped for
// good and no fetch stores more than MaxItems. One left that the fetch
// would not alert (a source's first fetch: its backlog) is held so that a
// later fetch does not alert it either, across restarts. It returns how
// many it left (the fetch then keeps no validators: the next one gets the
// whole feed, not a 304 of an unchanged one). It fails when the
// store cannot say which items are new or cannot hold them.
func (p *Poller) newestUnseen(ctx context.Context, src news.Source, items []news.Article, texts []*feedText) ([]news.Article, []*feedText, int, error) {
	n := p.opts.MaxItems
	if len(items) <= n {
		return items, texts, 0, nil
	}
	b, ok := p.opts.Store.(Backlog)
	if !ok {
		return newest(items, n), newest(texts, n), 0, nil
	}
	unseen, err := b.UnseenItems(ctx, src.ID, items)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("read the new items: %w", err)
	}
	keep := make([]bool, len(items))
	var hold []news.Article
	taken := 0
	for i := len(items) - 1; i >= 0; i-- {
		switch {
		case !unseen[i]:
			keep[i] = true
		case taken < n:
			keep[i] = true
			taken++
		case !items[i].Alertable:
			hold = append(hold, items[i])
		}
	}
	if err := b.HoldItems(ctx, src.ID, hold); err != nil {
		return nil, nil, 0, err
	}
	outItems, outTexts := items[:0:0], texts[:0:0]
	for i, k := range keep {
		if k {
			outItems, outTexts = append(outItems, items[i]), append(outTexts, texts[i])
		}
	}
	left := len(items) - len(outItems)
	if left > 0 {
		p.log.Info("feed lists more new items than a fetch reads; the older are left for the next fetches", "source", src.Name, "url", Redacted(src.URL),
			"read", taken, "left", left, "max_items", n)
	}
	return outItems, outTexts, left, nil
}
