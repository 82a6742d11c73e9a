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
// and MaxItems of the new ones: the newest half and the oldest half. The
// new items between are left for the next fetches, which find them new in
// turn: nothing is dropped while the feed lists it, and no fetch stores
// more than MaxItems. One left that the fetch
// would not alert (a source's first fetch: its backlog) is held so that a
// later fetch does not alert it either, across restarts. It returns how
// many it left (the fetch then keeps no validators: the next one gets the
// whole feed, not a 304 of an unchanged one). It fails when the
// store cannot say which items are new or cannot hold them.
func (p *Poller) newestUnseen(ctx context.Context, src news.Source, items []news.Article, texts []*feedText) ([]news.Article, []*feedText, int, error) {
	n := p.opts.MaxItems
	if len(items) <= n {
		p.noteLeft(src, items, nil)
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
	// The newest half of the budget goes to the newest new items (news is
	// not delayed by a backlog), the rest to the oldest: those are the
	// next to leave a feed that lists its newest N, and a fetch that took
	// the newest only left them to scroll away unread while bursts kept
	// coming (crash trials 3201, 3204).
	keep := make([]bool, len(items))
	fresh, old := n-n/2, n/2
	for i := len(items) - 1; i >= 0 && fresh > 0; i-- {
		if unseen[i] {
			keep[i] = true
			fresh--
		}
	}
	for i := 0; i < len(items) && old+fresh > 0; i++ {
		if unseen[i] && !keep[i] {
			keep[i] = true
			old--
		}
	}
	var hold []news.Article
	leftNow := map[string]bool{}
	taken := 0
	for i := range items {
		switch {
		case !unseen[i]:
			keep[i] = true
		case keep[i]:
			taken++
		default:
			leftNow[items[i].GUID] = true
			if !items[i].Alertable {
				hold = append(hold, items[i])
			}
		}
	}
	p.noteLeft(src, items, leftNow)
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
		p.log.Info("feed lists more new items than a fetch reads; the rest are left for the next fetches", "source", src.Name, "url", Redacted(src.URL),
			"read", taken, "left", left, "max_items", n)
	}
	return outItems, outTexts, left, nil
}

// noteLeft follows the items a fetch of src left for the next ones (by
// guid; none: nil): those its last fetch left that the feed no longer
// lists were never read, and a warning says how many and why (the feed
// publishes more between two fetches than poller.max_items, and its list
// is too short to wait). Known only within a run.
func (p *Poller) noteLeft(src news.Source, items []news.Article, left map[string]bool) {
	var before map[string]bool
	if v, ok := p.leftOver.Load(src.ID); ok {
		before = v.(map[string]bool)
	}
	if len(left) > 0 {
		p.leftOver.Store(src.ID, left)
	} else if before != nil {
		p.leftOver.Delete(src.ID)
	}
	if len(before) == 0 {
		return
	}
	listed := make(map[string]bool, len(items))
	for _, a := range items {
		listed[a.GUID] = true
	}
	gone := 0
	for g := range before {
		if !listed[g] {
			gone++
		}
	}
	if gone > 0 {
		p.log.Warn("items left for a later fetch left the feed before one read them: never stored, never alerted", "source", src.Name, "url", Redacted(src.URL),
			"lost", gone, "max_items", p.opts.MaxItems,
			"fix", "the feed publishes more between two fetches than poller.max_items takes a fetch: raise poller.max_items, or fetch it more often (poller.min_interval)")
	}
}
