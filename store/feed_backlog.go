package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/newshound/newshound/news"
)

// A feed that lists more new items than the poller reads in one fetch
// (poller.max_items) leaves the older ones for its next fetches: they are
// not marked seen, so those fetches find them new. An item held back from a
// fetch whose items were not to be alerted (a source's first fetch: its
// backlog) must stay unalerted when a later fetch stores it; HoldItems
// records that in seen_items under a key of its own ("held:" and its guid),
// which a restart keeps and Prune removes as it does any item's record that
// left its feed.

// UnseenItems reads, for each of the items of a fetch of the source, whether
// the source has never had it: neither its guid nor its link is in
// seen_items, the rule StoreFeedItems inserts by. It fails when the database
// cannot be read.
func (s *Store) UnseenItems(ctx context.Context, sourceID int64, items []news.Article) ([]bool, error) {
	keys := itemKeys(items)
	var lacked map[int64]bool
	err := s.onReader(ctx, "unseen items", func(ctx context.Context, c *sql.Conn) error {
		var err error
		lacked, err = newKeys(ctx, c, sourceID, keys)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("unseen items of source %d: %w", sourceID, err)
	}
	unseen := make([]bool, len(items))
	k := 0
	for i, a := range items {
		seen := !lacked[keys[k]]
		if k++; a.URL != "" {
			seen = seen || !lacked[keys[k]]
			k++
		}
		unseen[i] = !seen
	}
	return unseen, nil
}

// HoldItems records the items, left by a fetch of the source for its next
// ones, as not to be alerted when a later fetch stores them (unhold). It
// fails when the database refuses the write; then nothing is
// recorded.
func (s *Store) HoldItems(ctx context.Context, sourceID int64, items []news.Article) error {
	if len(items) == 0 {
		return nil
	}
	keys := make([]int64, len(items))
	for i, a := range items {
		keys[i] = heldKey(a)
	}
	err := s.tx(ctx, func(tx *wtx) error {
		_, err := markSeen(unwatched(ctx), tx, sourceID, keys, s.now().Unix())
		return err
	})
	if err != nil {
		return fmt.Errorf("hold %d items of source %d: %w", len(items), sourceID, err)
	}
	return nil
}

// heldKey is the seen_items key that says the item was held back from its
// fetch as not to be alerted.
func heldKey(a news.Article) int64 { return seenKey("held:" + a.GUID) }

// unhold makes the new items of a fetch (fresh, by index into items, the
// caller's own copy) that HoldItems held back not alertable: one read of
// their held keys, only when some of them are alertable.
func unhold(ctx context.Context, tx *wtx, sourceID int64, items []news.Article, fresh []int) error {
	var keys []int64
	for _, i := range fresh {
		if items[i].Alertable {
			keys = append(keys, heldKey(items[i]))
		}
	}
	if len(keys) == 0 {
		return nil
	}
	lacked, err := newKeys(ctx, tx, sourceID, keys)
	if err != nil || len(lacked) == len(keys) {
		return err
	}
	for _, i := range fresh {
		if items[i].Alertable && !lacked[heldKey(items[i])] {
			items[i].Alertable = false
		}
	}
	return nil
}
