package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/fnv"

	"github.com/newshound/newshound/news"
)

// An item a feed updates in place (the same guid, a corrected title) is
// seen already: it causes no alert, but its stored title is the new one, so
// that /search, the digest and story links show it. Only what changed is
// written: a fetch whose items and titles are those of the last one stored
// writes nothing (see titlesHash), and an unchanged title is no update.

// titlesHash hashes each item's guid with its title, whatever their order
// (a sum of FNV-1a hashes): mixed into the hash of a fetch's items, a
// retitled item makes the fetch differ from the last one stored.
func titlesHash(items []news.Article) uint64 {
	var sum uint64
	for _, a := range items {
		h := fnv.New64a()
		h.Write([]byte(a.GUID))
		h.Write([]byte{0})
		h.Write([]byte(a.Title))
		sum += h.Sum64()
	}
	return sum
}

// itemTitles maps a hash of each item's guid to a hash of its title, for
// the items of a source's last stored fetch: once that fetch is committed,
// the source's article of each of those guids, if it has one, bears that
// title (it was inserted with it, retitled to it, or had it), since no
// other write but retitle changes a title and InsertArticles, which may
// store an article of such a guid, forgets the map. So a seen item whose
// title is the one the map holds for its guid needs no UPDATE: the fill's
// fetches of 20 items carry 15 seen ones, each an UPDATE that found its
// title unchanged (3 statements an article, about 86,000 instructions).
type itemTitles map[uint64]uint64

// titlesOf returns the items' titles, or nil when a guid comes twice (then
// which title a guid's article keeps depends on the order of the items and
// on which of them were new, and nothing is skipped on the next fetch).
func titlesOf(items []news.Article) itemTitles {
	m := make(itemTitles, len(items))
	for _, a := range items {
		g := hashString(a.GUID)
		if _, ok := m[g]; ok {
			return nil
		}
		m[g] = hashString(a.Title)
	}
	return m
}

// same reports whether the item's title is its guid's in m.
func (m itemTitles) same(a news.Article) bool {
	t, ok := m[hashString(a.GUID)]
	return ok && t == hashString(a.Title)
}

// has reports whether the item's guid is in m (m may be nil).
func (m itemTitles) has(a news.Article) bool {
	_, ok := m[hashString(a.GUID)]
	return ok
}

// hashString is FNV-1a of s.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// retitle stores a seen item's title when it differs from its article's
// (of source sourceID, by guid), and enters the new title into the search
// index: at once when the article is indexed, else with the next batch. An
// item with an empty title, or without a stored article (retention removed
// it; it was stored under another guid), changes nothing.
func (s *Store) retitle(ctx context.Context, tx *wtx, sourceID int64, a news.Article) error {
	if a.Title == "" {
		return nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `UPDATE articles SET title = ?1 WHERE source_id = ?2 AND guid = ?3 AND title <> ?1 RETURNING id`,
		a.Title, sourceID, a.GUID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("retitle %q: %w", a.GUID, err)
	}
	indexed, err := isIndexed(ctx, tx, id)
	if err != nil {
		return err
	}
	if !indexed {
		s.later.other(tx, id) // its waiting terms are the old title's
		return nil
	}
	return s.reindex(ctx, tx, []int64{id})
}
