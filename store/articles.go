package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// InsertArticles stores the articles of one source that it has not had
// before, judged by guid or by link, and returns those it inserted with their
// ids, in the order given. Already known articles are skipped silently. The
// articles are stored finished: the poller stores a fetch with StoreFeedItems.
func (s *Store) InsertArticles(ctx context.Context, sourceID int64, items []news.Article) ([]news.Article, error) {
	added, _, _, err := s.insertArticles(ctx, sourceID, items, false, nil, nil)
	if err != nil {
		return nil, fmt.Errorf("insert articles of source %d: %w", sourceID, err)
	}
	return added, nil
}

// Steps of an article the poller stored and has not finished with (the
// pending column, see 0006_pipeline.sql), in their order.
const (
	StepText  = "text"  // its full text and summary are to be made
	StepLink  = "link"  // it is to be linked to its story
	StepMatch = "match" // it is to be matched and its alerts queued
)

// StoreFeedItems stores what one fetch of the source carried, in one
// transaction: every item is recorded as seen (seen_items) as of now, and the
// items the source never had before, by guid or by link, whether their
// article is still stored or was pruned, are inserted as pending at StepText.
// It returns the inserted articles with their ids, in the order given. On
// failure nothing is stored.
func (s *Store) StoreFeedItems(ctx context.Context, sourceID int64, items []news.Article) ([]news.Article, error) {
	return s.StoreFeedItemsFinished(ctx, sourceID, items, nil)
}

// StoreFeedItemsFinished is StoreFeedItems that lets the caller finish the
// text of the new items first, so that they are written once: finish is
// called, outside the transaction, with the index in items of each item
// that the source has not had as far as a read of seen_items tells, and may
// set its Text and Summary (not its GUID or URL). Every item it inserts has
// been through finish once: an item the transaction finds new that the
// read did not (or every item it finds new, when the read failed) is
// finished after that transaction is rolled back, and the transaction is
// tried again. An item finish returns true for is final: it is stored with
// that text and summary, indexed for search, and pending at StepLink, with
// no UpdateArticleText to follow. The others are stored pending at StepText
// as by StoreFeedItems. A nil finish finishes nothing. It fails as
// StoreFeedItems does; on failure nothing is stored.
func (s *Store) StoreFeedItemsFinished(ctx context.Context, sourceID int64, items []news.Article, finish func(int, *news.Article) bool) ([]news.Article, error) {
	added, _, _, err := s.insertArticles(ctx, sourceID, items, true, finish, nil)
	if err != nil {
		return nil, fmt.Errorf("store feed items of source %d: %w", sourceID, err)
	}
	return added, nil
}

// finished is what insertArticles made of an item before its transaction:
// its packed text and summary and, when finish made its text final, its
// terms.
type finished struct {
	made          bool // packed (the read found the item new)
	final         bool // finish returned true: stored at StepLink with terms
	text, summary any
	terms         query.Columns
	doc           *query.Document // the terms' (SourceName and URL as finish left them)
}

// finishItems calls finish on each item that seen_items, read outside the
// write transaction, does not hold (none when the read fails: the
// transaction then finds them), and packs the text of those and, for the
// final ones, makes their terms. items is the caller's copy. An item whose
// guid the source's last stored fetch carried (last) is seen: its keys are
// not read (a fetch's items are mostly those of the last one, and each key
// is a look-up on a reader whose pages every commit makes it read again).
// A wrong guess costs nothing but time: the transaction reads every key,
// and finishes outside any new item found unfinished.
func (s *Store) finishItems(ctx context.Context, sourceID int64, items []news.Article, keys []int64, last itemTitles, finish func(int, *news.Article) bool) []finished {
	out := make([]finished, len(items))
	read := keys
	if last != nil {
		read = make([]int64, 0, len(keys))
		k := 0
		for _, a := range items {
			n := 1
			if a.URL != "" {
				n = 2
			}
			if !last.has(a) {
				read = append(read, keys[k:k+n]...)
			}
			k += n
		}
	}
	s.outsideKeys.Add(int64(len(read)))
	var fresh map[int64]bool
	err := s.onReader(ctx, "seen keys", func(ctx context.Context, c *sql.Conn) error {
		var err error
		fresh, err = newKeys(ctx, c, sourceID, read)
		return err
	})
	if err != nil {
		return out // the transaction reads it again, and has the new items finished
	}
	k := 0
	for i := range items {
		seen := last.has(items[i]) || !fresh[keys[k]]
		if k++; items[i].URL != "" {
			seen = seen || !fresh[keys[k]]
			k++
		}
		if !seen {
			finishItem(out, items, i, finish)
		}
	}
	return out
}

// finishItem calls finish on items[i] and packs what it made into made[i].
func finishItem(made []finished, items []news.Article, i int, finish func(int, *news.Article) bool) {
	f := &made[i]
	f.final = finish(i, &items[i])
	f.made = true
	f.text, f.summary = packArticle(items[i].Text, items[i].Summary)
	if f.final {
		// The matcher takes the same Document (query.Keep below).
		f.doc = query.NewDocument(items[i])
		f.terms = f.doc.Columns()
	}
}

// unfinished stops a transaction that found new items finish has not
// been called on (by their index), to call it outside and try again.
type unfinished struct{ items []int }

func (u *unfinished) Error() string {
	return fmt.Sprintf("%d new items not finished before the write", len(u.items))
}

func (s *Store) insertArticles(ctx context.Context, sourceID int64, items []news.Article, fetched bool, finish func(int, *news.Article) bool, plan FetchPlan) ([]news.Article, int, bool, error) {
	var (
		keys []int64 // of the items, in order: guid, then link when there is one
		hash uint64
		last itemTitles // the titles of the last stored fetch's items (see itemTitles)
	)
	if fetched {
		keys = itemKeys(items)
		if hash = setHash(keys) ^ titlesHash(items); s.fetches.sameItems(sourceID, hash) {
			return nil, 0, false, nil // the items of the last fetch stored: nothing new, nothing to mark
		}
		if titlesOf(items) != nil { // else a guid's title may change twice in this fetch
			last = s.fetches.lastTitles(sourceID)
		}
	}
	var made []finished // of items; nil: none made before the transaction
	if fetched {
		items = slices.Clone(items) // finish and unhold change them
	}
	if fetched && finish != nil {
		made = s.finishItems(ctx, sourceID, items, keys, last, finish)
	}
	var pl *plannedFetch // nil: the final articles are stored pending at StepLink
	if plan != nil && made != nil {
		pl = &plannedFetch{fn: plan}
	}
	var (
		added      []news.Article
		keep       []kept // the Documents made for the terms, for the matcher once committed
		queued     int
		used       bool // the plan stored
		savepoints bool
	)
	for {
		err := s.tx(ctx, func(tx *wtx) error {
			// The write's statements run unwatched (see unwatched); the
			// plan is given ctx.
			planCtx, ctx := ctx, unwatched(ctx)
			added, keep, queued, used = added[:0], keep[:0], 0, false
			var terms []termsRow
			var lacked map[int64]bool // the keys seen_items lacked
			if fetched {
				var err error
				if lacked, err = markSeen(ctx, tx, sourceID, keys, s.now().Unix()); err != nil {
					return err
				}
			}
			now := s.now()
			// The items the source has not had, in order.
			fresh := make([]int, 0, len(items))
			k := 0
			for i, a := range items {
				if fetched {
					seen := !lacked[keys[k]]
					if k++; a.URL != "" {
						seen = seen || !lacked[keys[k]]
						k++
					}
					if seen {
						// updated in place: no alert, but its new title
						if last.same(a) {
							continue // its article bears that title
						}
						if err := s.retitle(ctx, tx, sourceID, a); err != nil {
							return err
						}
						continue
					}
				}
				fresh = append(fresh, i)
			}
			if made != nil {
				// Every item inserted goes through finish first: one the
				// read outside found seen, or did not read, is finished
				// now, outside the transaction, and the write tried again.
				var not []int
				for _, i := range fresh {
					if !made[i].made {
						not = append(not, i)
					}
				}
				if len(not) > 0 {
					return &unfinished{not}
				}
			}
			if fetched {
				// A held-back backlog item stays unalerted (feed_backlog.go).
				if err := unhold(ctx, tx, sourceID, items, fresh); err != nil {
					return err
				}
			}
			var base int64
			var err error
			if used, base, err = pl.decide(planCtx, ctx, tx, sourceID, items, made, fresh, now); err != nil {
				return err
			}
			stmt, err := s.stmt(ctx, tx, sqlInsertArticle)
			if err != nil {
				return err
			}
			hosts := s.hostIDs(tx)
			var planned wstmt
			if used {
				if planned, err = s.stmt(ctx, tx, sqlInsertPlanned); err != nil {
					return err
				}
			}
			for j, i := range fresh {
				a := items[i]
				a.SourceID, a.FetchedAt = sourceID, now
				var f finished
				if made != nil {
					f = made[i]
				}
				if !f.made {
					f.text, f.summary = packArticle(a.Text, a.Summary)
				}
				pending := ""
				switch {
				case f.final && !used:
					pending = StepLink
				case f.final:
					// Linked and matched in this write: done.
				case fetched:
					pending = StepText
				}
				host, err := hosts.of(ctx, a.URL)
				if err != nil {
					return fmt.Errorf("article %q: %w", a.GUID, err)
				}
				var res sql.Result
				if used {
					// Its id decided with the plan, its story with it.
					id := base + int64(j) + 1
					l := pl.links[id] // keyed by ArticleID; none: the zero link, a story of its own
					res, err = planned.ExecContext(ctx, sourceID, a.GUID, a.URL, a.Title, f.text, f.summary, unix(a.PublishedAt), now.Unix(), a.Alertable, pending, a.ImageURL,
						id, storedStory(l), l.CanonicalURL, l.Signature, a.Outlet, host)
				} else {
					res, err = stmt.ExecContext(ctx, sourceID, a.GUID, a.URL, a.Title, f.text, f.summary, unix(a.PublishedAt), now.Unix(), a.Alertable, pending, a.ImageURL, a.Outlet, host)
				}
				if err != nil {
					return fmt.Errorf("article %q: %w", a.GUID, err)
				}
				if n, _ := res.RowsAffected(); n == 0 {
					if used {
						// The article is stored already, by a guid or link
						// seen_items lacks: the plan counted it new.
						return errReplan
					}
					continue
				}
				a.ID, _ = res.LastInsertId()
				switch {
				case f.final:
					terms = append(terms, termsRow{a.ID, f.terms})
					if !used { // kept before the plan
						keep = append(keep, kept{a, f.doc})
					}
				case pending != StepText:
					terms = append(terms, termsRow{a.ID, query.IndexColumns(news.Article{Title: a.Title, Text: a.Text})})
				}
				added = append(added, a)
			}
			// Their terms wait for a batch (see termsLater), in this write
			// when it is due.
			if err := s.indexLater(ctx, tx, terms); err != nil {
				return err
			}
			if used {
				if queued, err = s.queueAlertsTx(ctx, tx, pl.alerts, savepoints); err != nil {
					return err
				}
			}
			if fetched {
				if _, err := tx.ExecContext(ctx, `UPDATE sources SET items_seen_at = ? WHERE id = ?`, now.Unix(), sourceID); err != nil {
					return err
				}
			}
			return nil
		})
		var uf *unfinished
		switch {
		case errors.As(err, &uf):
			for _, i := range uf.items {
				finishItem(made, items, i, finish)
			}
			continue
		case errors.Is(err, errUndo) && !savepoints:
			savepoints = true
			continue
		case errors.Is(err, errReplan):
			pl.off = true
			continue
		}
		if err != nil {
			return nil, 0, false, err
		}
		break
	}
	if !fetched {
		s.fetches.forgetItems(sourceID) // an article of a guid it remembers may have another title now
	}
	if fetched {
		// The titles as stored: finish may have changed a new item's.
		s.fetches.storedItems(sourceID, hash, titlesOf(items))
		for _, k := range keep {
			query.Keep(k.a, k.doc)
		}
	}
	return added, queued, used, nil
}

// kept is a stored article and the Document its terms were made of.
type kept struct {
	a   news.Article
	doc *query.Document
}

// itemKeys returns the seen_items keys of the items, in order: each item's
// guid, then its link when it has one.
func itemKeys(items []news.Article) []int64 {
	keys := make([]int64, 0, 2*len(items))
	for _, a := range items {
		keys = append(keys, seenKey("guid:"+a.GUID))
		if a.URL != "" {
			keys = append(keys, seenKey("url:"+a.URL))
		}
	}
	return keys
}

// setHash hashes the set of keys, whatever their order (FNV-1a over the
// sorted keys).
func setHash(keys []int64) uint64 {
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	h := fnv.New64a()
	var b [8]byte
	for _, k := range sorted {
		binary.BigEndian.PutUint64(b[:], uint64(k))
		h.Write(b[:])
	}
	return h.Sum64()
}

// querier is a *sql.DB, *sql.Conn or *wtx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// newKeys returns which of the keys seen_items lacks for the source, in
// one statement (sqlNewKeys). A fetch's items are mostly seen: the rows that
// come back, each a step through database/sql and the driver, are the new
// ones.
func newKeys(ctx context.Context, q querier, sourceID int64, keys []int64) (map[int64]bool, error) {
	lacked := map[int64]bool{}
	if len(keys) == 0 {
		return lacked, nil
	}
	arg := make([]byte, 0, 21*len(keys)+2)
	for i, k := range keys {
		if i == 0 {
			arg = append(arg, '[')
		} else {
			arg = append(arg, ',')
		}
		arg = strconv.AppendInt(arg, k, 10)
	}
	rows, err := q.QueryContext(ctx, sqlNewKeys, sourceID, string(append(arg, ']')))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		lacked[k] = true
	}
	return lacked, rows.Err()
}

// seenBatch bounds the keys of one upsert (SQLite allows 32,766
// variables; an upsert row takes three).
const seenBatch = 300

// seenRefresh is how stale a seen item's last_seen_at may be left when a
// fetch carries it again: a key seen within it is not written again (a
// fetch writes its new keys only, not its 20 to 40 pages of old ones), so an
// item still in its feed has a last_seen_at at most seenRefresh before its
// source's items_seen_at, and Prune takes an item whose last_seen_at is
// older than that for one that left the feed.
const (
	seenRefresh    = 24 * time.Hour
	seenRefreshSQL = "86400" // seconds
)

// markSeen records the keys as seen by the source at now (those seen
// within seenRefresh are left as they are), in a statement per seenBatch
// keys after the read, and returns those that had not been seen before.
func markSeen(ctx context.Context, tx *wtx, sourceID int64, keys []int64, now int64) (map[int64]bool, error) {
	lacked, err := newKeys(ctx, tx, sourceID, keys)
	if err != nil {
		return nil, err
	}
	for rest := keys; len(rest) > 0; {
		batch := rest[:min(len(rest), seenBatch)]
		rest = rest[len(batch):]
		args := make([]any, 0, 3*len(batch))
		for _, k := range batch {
			args = append(args, sourceID, k, now)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO seen_items (source_id, key_hash, last_seen_at) VALUES `+
			strings.TrimSuffix(strings.Repeat("(?, ?, ?),", len(batch)), ",")+`
			ON CONFLICT (source_id, key_hash) DO UPDATE SET last_seen_at = excluded.last_seen_at
			WHERE last_seen_at < excluded.last_seen_at - `+seenRefreshSQL, args...); err != nil {
			return nil, err
		}
	}
	return lacked, nil
}

// seenKey is the first 8 bytes of the key's SHA-256: one false "seen" in
// about 10^19 per pair of items of a source.
func seenKey(key string) int64 {
	sum := sha256.Sum256([]byte(key))
	return int64(binary.BigEndian.Uint64(sum[:8]))
}

// PendingArticles returns the articles the poller left at step (StepText,
// StepLink or StepMatch), with their sources' names, in id order.
func (s *Store) PendingArticles(ctx context.Context, step string) ([]news.Article, error) {
	var out []news.Article
	err := s.onWriter(ctx, func(ctx context.Context, c *sql.Conn) error {
		rows, err := c.QueryContext(ctx, sqlPendingArticles, step)
		if err != nil {
			return err
		}
		out, err = collect(rows, scanArticle)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("articles pending at %s: %w", step, err)
	}
	return out, nil
}

// PendingIDs returns the ids of the articles the poller left at step, in
// order, read from the index articles_pending alone (no row, no text).
func (s *Store) PendingIDs(ctx context.Context, step string) ([]int64, error) {
	var ids []int64
	err := s.onWriter(ctx, func(ctx context.Context, c *sql.Conn) error {
		rows, err := c.QueryContext(ctx, sqlPendingIDs, step)
		if err != nil {
			return err
		}
		ids, err = collect(rows, func(sc scanner) (int64, error) {
			var id int64
			return id, sc.Scan(&id)
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("ids pending at %s: %w", step, err)
	}
	return ids, nil
}

// AdvanceArticles moves the articles ids that are pending at step from to
// step to ("" = finished); others are left as they are.
func (s *Store) AdvanceArticles(ctx context.Context, ids []int64, from, to string) error {
	for len(ids) > 0 {
		n := min(len(ids), 500)
		args := []any{to, from}
		for _, id := range ids[:n] {
			args = append(args, id)
		}
		if _, err := s.w.ExecContext(ctx, `UPDATE articles SET pending = ? WHERE pending = ? AND id IN (`+placeholders(n)+`)`, args...); err != nil {
			return fmt.Errorf("advance %d articles from %s to %s: %w", n, from, to, err)
		}
		ids = ids[n:]
	}
	return nil
}

const articleColumns = `a.id, a.source_id, s.name, s.url, a.guid, a.url, a.title, a.text, a.summary, a.published_at, a.fetched_at, a.alertable, a.image_url, a.page_image_url, COALESCE(a.outlet, '')`

func scanArticle(sc scanner) (news.Article, error) {
	var a news.Article
	var pub, fetched int64
	t := newArticleText(&a.Text, &a.Summary)
	if err := sc.Scan(&a.ID, &a.SourceID, &a.SourceName, &a.SourceURL, &a.GUID, &a.URL, &a.Title, &t.Text, &t.Summary, &pub, &fetched, &a.Alertable, &a.ImageURL, &a.PageImageURL, &a.Outlet); err != nil {
		return a, err
	}
	a.PublishedAt, a.FetchedAt = fromUnix(pub), fromUnix(fetched)
	return a, t.set()
}

// FindArticle returns the article with its source's name, or ErrNotFound.
// It reads through the readers, so that a FetchPlan, which runs inside the
// writer's transaction, may call it (the story linker does).
func (s *Store) FindArticle(ctx context.Context, id int64) (news.Article, error) {
	a, err := scanArticle(s.r.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return news.Article{}, fmt.Errorf("article %d: %w", id, news.ErrNotFound)
	}
	if err != nil {
		return news.Article{}, fmt.Errorf("find article %d: %w", id, err)
	}
	return a, nil
}

// ListArticlesSince returns the articles published at or after since, newest
// first, at most limit.
func (s *Store) ListArticlesSince(ctx context.Context, since time.Time, limit int) ([]news.Article, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.published_at >= ? ORDER BY a.published_at DESC, a.id DESC LIMIT ?`, unix(since), limit)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	out, err := collect(rows, scanArticle)
	if err != nil {
		return nil, fmt.Errorf("list articles: %w", err)
	}
	return out, nil
}

// UpdateArticleText stores an article's (full) text and summary, and
// indexes it for search with that text; an article pending at StepText
// moves on to StepLink in the same transaction. An unknown id is no error.
func (s *Store) UpdateArticleText(ctx context.Context, id int64, text, summary string) error {
	err := s.tx(ctx, func(tx *wtx) error {
		ctx := unwatched(ctx) // as a fetch's write (insertArticles)
		var title, pending string
		textCol, summaryCol := packArticle(text, summary)
		err := tx.QueryRowContext(ctx, `UPDATE articles SET text = ?, summary = ?,
			pending = CASE pending WHEN ? THEN ? ELSE pending END WHERE id = ?
			RETURNING title, pending`, textCol, summaryCol, StepText, StepLink, id).Scan(&title, &pending)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		// An article not indexed yet is indexed with the next batch,
		// with the text stored now: its terms wait in memory, where the
		// reads find them (freshTerms).
		if indexed, err := isIndexed(ctx, tx, id); err != nil || !indexed {
			if err == nil {
				s.later.restage(tx, id, query.IndexColumns(news.Article{Title: title, Text: text}))
			}
			return err
		}
		// An article indexed before (it was past StepText) is indexed anew.
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles_terms WHERE rowid = ?`, id); err != nil {
			return err
		}
		return s.indexTerms(ctx, tx, id, title, text)
	})
	if err != nil {
		return fmt.Errorf("update article %d: %w", id, err)
	}
	return nil
}

// UpdateArticlePageImage records the image that an article's fetched page
// names as its own (its PageImageURL; "" = none). It fails only on a
// database error; an unknown id is no error.
func (s *Store) UpdateArticlePageImage(ctx context.Context, id int64, imageURL string) error {
	if _, err := s.w.ExecContext(ctx, `UPDATE articles SET page_image_url = ? WHERE id = ?`, imageURL, id); err != nil {
		return fmt.Errorf("update page image of article %d: %w", id, err)
	}
	return nil
}

// sqlInsertArticle inserts an article unless its source has it already, by
// guid (the (source_id, guid) key) or by link (articles_url, named: the
// planner took articles_source, every article of the source, when it came);
// ?12 is the
// outlet an aggregator's item carries ("": none, stored NULL), ?13 the
// host of its URL (hostIDs).
const sqlInsertArticle = `
			INSERT INTO articles (source_id, guid, url, title, text, summary, published_at, fetched_at, alertable, pending, image_url, outlet, host_id)
			SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, NULLIF(?12, ''), ?13
			WHERE NOT EXISTS (SELECT 1 FROM articles WHERE source_id = ?1 AND guid = ?2)
				AND (?3 = '' OR NOT EXISTS (SELECT 1 FROM articles INDEXED BY articles_url WHERE url = ?3 AND source_id = ?1))`

// sqlInsertPlanned is sqlInsertArticle with the article's id and story
// decided before (StoreFeedItemsPlanned): ?12 the id, ?13 the story (0:
// its own), ?14 its canonical URL, ?15 its signature, ?16 its outlet, ?17
// its host (hostIDs). It inserts one row of
// VALUES, not a SELECT's: SQLite gives a statement that may write several
// rows (an INSERT from a SELECT) and abort part way (a foreign key) a
// statement journal, a copy of each page the statement changes, made and
// freed again per article. The duplicates are ignored rows instead: by guid
// the (source_id, guid) key refuses the row, and by link a NULL url (NOT
// NULL); OR IGNORE skips the row either way (and would skip one whose id
// is taken, which the caller takes for a duplicate too and plans again).
const sqlInsertPlanned = `
			INSERT OR IGNORE INTO articles (source_id, guid, url, title, text, summary, published_at, fetched_at, alertable, pending, image_url, id, story_id, canonical_url, story_sig, outlet, host_id)
			VALUES (?1, ?2, CASE WHEN ?3 <> '' AND EXISTS (SELECT 1 FROM articles INDEXED BY articles_url WHERE url = ?3 AND source_id = ?1) THEN NULL ELSE ?3 END,
				?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULLIF(?13, 0), ?14, ?15, NULLIF(?16, ''), ?17)`

// sqlNewKeys returns which keys of the JSON array ?2 seen_items lacks for
// source ?1, each looked up by its primary key.
const sqlNewKeys = `SELECT value FROM json_each(?2) WHERE NOT EXISTS (SELECT 1 FROM seen_items WHERE source_id = ?1 AND key_hash = value)`

// sqlPendingArticles reads the articles at a step through the partial index
// articles_pending: the literal pending <> ” lets the planner use it, which
// a bound step alone does not.
const sqlPendingArticles = `SELECT ` + articleColumns + ` FROM articles a JOIN sources s ON s.id = a.source_id
		WHERE a.pending = ? AND a.pending <> '' ORDER BY a.id`

// sqlPendingIDs reads the ids at a step from articles_pending (see
// sqlPendingArticles).
const sqlPendingIDs = `SELECT id FROM articles WHERE pending = ? AND pending <> '' ORDER BY id`
