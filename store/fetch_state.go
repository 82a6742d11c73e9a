package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"time"

	"github.com/newshound/newshound/news"
)

// QuietWrite is how long the times of fetches that change nothing else
// may live in memory only. A successful fetch that leaves a source's row as
// it was but for its times (a 304, or a feed whose items and validators are
// those of the previous fetch, with the same interval and reason, and no
// failure to clear) writes the row at most once per QuietWrite: in between,
// its times (last fetch, last success, next fetch) and its fetch count live
// in the store's memory, ListSources and FindSource show them, and Close
// writes them. A crash loses at most QuietWrite of those times, which only
// /sources shows: a healthy source's next time is not read back at start
// (the poller fetches it within its start jitter).
const QuietWrite = 30 * time.Minute

// fetchState keeps, per source, what RecordFetch last wrote and the quiet
// fetches since, and the item set of the last fetch StoreFeedItems stored.
type fetchState struct {
	mu      sync.Mutex
	written map[int64]writtenFetch
	quiet   map[int64]quietFetch
	items   map[int64]uint64 // source id → hash of its last stored fetch's item keys
	titles  map[int64]itemTitles
}

// writtenFetch is the part of a source's row that a quiet fetch must leave
// as it is, as RecordFetch last wrote it after a success.
type writtenFetch struct {
	at                 int64 // when it was written
	etag, lastModified string
	interval           int64
	reason             string
}

// quietFetch is what the quiet fetches since the last write changed.
type quietFetch struct {
	lastFetch, nextFetch int64
	fetches              int64
}

func newFetchState() *fetchState {
	return &fetchState{written: map[int64]writtenFetch{}, quiet: map[int64]quietFetch{}, items: map[int64]uint64{}, titles: map[int64]itemTitles{}}
}

// keepQuiet records a successful fetch in memory when it changes nothing
// of the row but its times and the row was written less than QuietWrite
// ago; it reports whether it did.
func (f *fetchState) keepQuiet(id int64, r news.FetchResult, now int64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	w, ok := f.written[id]
	if !ok || !r.OK || now-w.at >= int64(QuietWrite/time.Second) || now < w.at ||
		int64(r.Interval/time.Second) != w.interval || r.IntervalReason != w.reason ||
		!r.NotModified && (r.ETag != w.etag || r.LastModified != w.lastModified) {
		return false
	}
	q := f.quiet[id]
	q.lastFetch, q.nextFetch, q.fetches = now, unix(r.NextFetchAt), q.fetches+1
	f.quiet[id] = q
	return true
}

// wrote notes that RecordFetch wrote the source's row, folding in the quiet
// fetches; a failure forgets the source, so that its next success writes.
func (f *fetchState) wrote(id int64, r news.FetchResult, now int64, etag, lastModified string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.quiet, id)
	if !r.OK {
		delete(f.written, id)
		return
	}
	f.written[id] = writtenFetch{at: now, etag: etag, lastModified: lastModified, interval: int64(r.Interval / time.Second), reason: r.IntervalReason}
}

// pending returns the quiet fetches not written yet, for a write that
// folds them in.
func (f *fetchState) pending(id int64) quietFetch {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.quiet[id]
}

// overlay gives src the times and count of its quiet fetches.
func (f *fetchState) overlay(src *news.Source) {
	f.mu.Lock()
	q, ok := f.quiet[src.ID]
	f.mu.Unlock()
	if !ok {
		return
	}
	src.LastFetchAt, src.LastOKAt, src.NextFetchAt = fromUnix(q.lastFetch), fromUnix(q.lastFetch), fromUnix(q.nextFetch)
	src.Fetches += int(q.fetches)
}

// forget drops what is kept of a source (deleted).
func (f *fetchState) forget(id int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.written, id)
	delete(f.quiet, id)
	delete(f.items, id)
	delete(f.titles, id)
}

// sameItems reports whether hash is that of the source's last stored fetch.
func (f *fetchState) sameItems(id int64, hash uint64) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	h, ok := f.items[id]
	return ok && h == hash
}

// storedItems notes the source's fetch just stored: the hash of its item
// set, and its items' titles (nil: not known, see titlesOf).
func (f *fetchState) storedItems(id int64, hash uint64, titles itemTitles) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items[id] = hash
	if titles == nil {
		delete(f.titles, id)
		return
	}
	f.titles[id] = titles
}

// lastTitles returns the titles of the items of the source's last stored
// fetch, or nil; the caller must not change the map.
func (f *fetchState) lastTitles(id int64) itemTitles {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.titles[id]
}

// forgetItems drops what is kept of the source's last stored fetch: its
// articles were written by another path (InsertArticles).
func (f *fetchState) forgetItems(id int64) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.items, id)
	delete(f.titles, id)
}

// takeQuiet empties the quiet fetches, for Close to write them.
func (f *fetchState) takeQuiet() map[int64]quietFetch {
	f.mu.Lock()
	defer f.mu.Unlock()
	q := f.quiet
	f.quiet = map[int64]quietFetch{}
	return q
}

// RecordFetch stores the outcome of a fetch: validators and counters on
// success, the error and the failure count otherwise (a failure whose
// r.Failure is news.FailDatabase is not counted); and in both cases when
// the source is due next, with the interval that made it so and why. A
// success that changes nothing but times is kept in memory (see QuietWrite).
// It fails on a database error.
func (s *Store) RecordFetch(ctx context.Context, id int64, r news.FetchResult) error {
	now := s.now().Unix()
	if s.fetches.keepQuiet(id, r, now) {
		return nil
	}
	every := int64(r.Interval / time.Second)
	q := s.fetches.pending(id)
	var err error
	if r.OK {
		var etag, lastModified string
		err = s.w.QueryRowContext(ctx, `UPDATE sources SET
			etag = CASE WHEN ? THEN etag ELSE ? END,
			last_modified = CASE WHEN ? THEN last_modified ELSE ? END,
			fetches = fetches + 1 + ?, failures = 0, last_fetch_at = ?, last_ok_at = ?, last_error = '', next_fetch_at = ?,
			interval_secs = ?, interval_reason = ?
			WHERE id = ? RETURNING etag, last_modified`, r.NotModified, r.ETag, r.NotModified, r.LastModified, q.fetches,
			now, now, unix(r.NextFetchAt), every, r.IntervalReason, id).Scan(&etag, &lastModified)
		if err == sql.ErrNoRows {
			return nil // removed meanwhile
		}
		if err == nil {
			s.fetches.wrote(id, r, now, etag, lastModified)
		}
	} else {
		// The quiet successes before it are written with it. A failure to
		// store what was fetched is the database's, not the source's: it
		// does not count as one of the source's failures in a row.
		failed := 1
		if r.Failure == news.FailDatabase {
			failed = 0
		}
		_, err = s.w.ExecContext(ctx, `UPDATE sources SET failures = failures + ?, last_fetch_at = ?, last_error = ?, next_fetch_at = ?,
			interval_secs = ?, interval_reason = ?, fetches = fetches + ?, last_ok_at = max(last_ok_at, ?) WHERE id = ?`,
			failed, now, r.Err, unix(r.NextFetchAt), every, r.IntervalReason, q.fetches, q.lastFetch, id)
		if err == nil {
			s.fetches.wrote(id, r, now, "", "")
		}
	}
	if err != nil {
		return fmt.Errorf("record fetch of source %d: %w", id, err)
	}
	return nil
}

// writeQuiet writes the times of the quiet fetches kept in memory (Close).
func (s *Store) writeQuiet(ctx context.Context) error {
	q := s.fetches.takeQuiet()
	if len(q) == 0 {
		return nil
	}
	err := s.tx(ctx, func(tx *wtx) error {
		stmt, err := tx.PrepareContext(ctx, `UPDATE sources SET last_fetch_at = ?, last_ok_at = ?, next_fetch_at = ?, fetches = fetches + ? WHERE id = ?`)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for id, f := range q {
			if _, err := stmt.ExecContext(ctx, f.lastFetch, f.lastFetch, f.nextFetch, f.fetches, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("write the times of %d sources' fetches: %w", len(q), err)
	}
	return nil
}
