package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newshound/newshound/query"
)

// An article's host is stored by id (articles.host_id, 0070_article_hosts):
// hosts.name is the host of its URL as the matcher reads it for site:
// (query.URLHost), its labels reversed and each followed by a dot
// (hostKey), so that a domain and every host under it are one range of
// names (hostRange). 0 is no host; NULL an article stored before 0070 that
// Open has not filled yet (fillHosts), which a walk reads as of any host.

const (
	sqlHostID  = `SELECT id FROM hosts WHERE name = ?`
	sqlAddHost = `INSERT INTO hosts (name) VALUES (?)`
)

// hostKey returns host with its labels reversed, each followed by a dot:
// "www.bbc.co.uk" is "uk.co.bbc.www."; "" is "".
func hostKey(host string) string {
	if host == "" {
		return ""
	}
	labels := strings.Split(host, ".")
	slices.Reverse(labels)
	return strings.Join(labels, ".") + "."
}

// hostRange returns the names of hosts.name that host and the hosts under
// it have: from its key up to, not including, the key with its last dot
// made the next byte ("uk.co.bbc." to "uk.co.bbc/"). A name in it starts
// with the key, and so with host's labels whole: "uk.co.bbcx." is not in
// "uk.co.bbc."'s range.
func hostRange(host string) (from, to string) {
	k := hostKey(host)
	return k, k[:len(k)-1] + "/"
}

// hostIDs finds and adds the hosts of one write's articles.
type hostIDs struct {
	s   *Store
	tx  *wtx
	ids map[string]int64 // by key, those this write looked up or added
}

func (s *Store) hostIDs(tx *wtx) *hostIDs {
	return &hostIDs{s: s, tx: tx, ids: map[string]int64{}}
}

// of returns the id of the host of rawURL, added when new, and 0 when it
// has none (query.URLHost). It fails when the database does.
func (h *hostIDs) of(ctx context.Context, rawURL string) (int64, error) {
	key := hostKey(query.URLHost(rawURL))
	if key == "" {
		return 0, nil
	}
	if id, ok := h.ids[key]; ok {
		return id, nil
	}
	find, err := h.s.stmt(ctx, h.tx, sqlHostID)
	if err != nil {
		return 0, err
	}
	var id int64
	switch err := find.QueryRowContext(ctx, key).Scan(&id); {
	case errors.Is(err, sql.ErrNoRows):
		add, err := h.s.stmt(ctx, h.tx, sqlAddHost)
		if err != nil {
			return 0, err
		}
		res, err := add.ExecContext(ctx, key)
		if err != nil {
			return 0, fmt.Errorf("add host %q: %w", key, err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, err
		}
	case err != nil:
		return 0, fmt.Errorf("host %q: %w", key, err)
	}
	h.ids[key] = id
	return id, nil
}

// hostUnfilled is true when an article's host is not stored yet, and
// sqlHostsUnfilled reads it.
const (
	hostUnfilled     = `EXISTS (SELECT 1 FROM articles INDEXED BY articles_host WHERE host_id IS NULL)`
	sqlHostsUnfilled = `SELECT ` + hostUnfilled
)

// sqlUnfilledHosts reads the articles whose host is not stored yet.
const sqlUnfilledHosts = `SELECT id, url FROM articles INDEXED BY articles_host WHERE host_id IS NULL LIMIT ?`

// fillBatch is how many articles fillHosts fills in one transaction.
const fillBatch = 2000

// fillHosts gives the articles stored before 0070_article_hosts their host
// (host_id NULL), fillBatch a transaction, at Open. A database with none
// left costs one read of articles_host, no write; stopped, it goes on at
// the next Open, and meanwhile a walk reads those articles as of any host.
// It fails when the database does.
func (s *Store) fillHosts(ctx context.Context) error {
	var waiting bool
	if err := s.w.QueryRowContext(ctx, sqlHostsUnfilled).Scan(&waiting); err != nil || !waiting {
		return err
	}
	done := 0
	for {
		n := 0
		err := s.tx(ctx, func(tx *wtx) error {
			rows, err := tx.QueryContext(ctx, sqlUnfilledHosts, fillBatch)
			if err != nil {
				return err
			}
			type row struct {
				id  int64
				url string
			}
			var batch []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.id, &r.url); err != nil {
					rows.Close()
					return err
				}
				batch = append(batch, r)
			}
			if err := errors.Join(rows.Err(), rows.Close()); err != nil {
				return err
			}
			hosts := s.hostIDs(tx)
			for _, r := range batch {
				id, err := hosts.of(ctx, r.url)
				if err != nil {
					return err
				}
				if _, err := tx.ExecContext(ctx, `UPDATE articles SET host_id = ? WHERE id = ?`, id, r.id); err != nil {
					return err
				}
			}
			n = len(batch)
			return nil
		})
		if err != nil {
			return fmt.Errorf("hosts of the articles (%d done): %w", done, err)
		}
		if done += n; n < fillBatch {
			if done > 0 {
				s.log.Info("articles' hosts stored for site: searches", "articles", done)
			}
			return nil
		}
		if done%(50*fillBatch) == 0 {
			s.log.Info("storing the articles' hosts for site: searches", "done", done)
		}
	}
}
