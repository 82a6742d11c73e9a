package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/newshound/newshound/query"
)

// sourceScope confines the matches of a walk (spanQuery) to the articles
// that a query's query.Scope admits: those of the sources whose configured
// name passes a term's test, or at a web address, so that "source:reuters
// tariffs" or "site:bbc.co.uk police" is read as the tariff articles of
// Reuters (the police articles at bbc.co.uk and under it) among the ids a
// walk reads, not as the newest matches of every source confirmed
// afterwards (of 200 candidates of a store of 1,000 sources about one was
// Reuters', and /search answered one result where the newest 50,000
// articles held 50). Each term's articles between the walk's bounds are
// read once, through the (source_id, id) and (host_id, id) indexes, and
// combined as the scope says (AND of All, OR of Any).
type sourceScope struct {
	root     *scopeTerm
	w        *spanWalk // the walk ids was read for
	ids      []int64   // the scope's articles from `from` to `to`, newest first
	from, to int64     // the ids' bounds as read: the walk's floor and top
}

// scopeTerm is a query.Scope with its sources' ids found: a leaf holds
// the articles of sources and those at a range of host names; otherwise
// the articles in all of all, or in any of anyOf.
type scopeTerm struct {
	sources  []any  // the ids of the sources whose name passes
	hostFrom string // the range of host names (hostRange); "": none
	hostTo   string
	hosts    bool // some host has a name in the range, or an article waits for its host
	every    bool // read as admitting every article: it holds too many sources or hosts (wide)
	all      []*scopeTerm
	anyOf    []*scopeTerm
}

// wideHosts is how many hosts a range of names (site:.uk) may hold, and how
// many sources a name (source:news), for their articles to be read through
// the index entries of each, one seek a host or source, whatever share of
// them that is: at 1,000,000 articles site:.example, 1,000 hosts, read a
// span of ids in 5–8 ms, where a preview has 10. A term of more that holds
// most of them too (wide) confines nothing: its articles are the newest of
// every source, which its matcher confirms, and most of them pass; one that
// holds fewer is read host by host, or source by source, since its matches
// would be few among the newest of every source.
const wideHosts = 64

// wide reports whether a term of n sources or hosts of all is to confine
// nothing (wideHosts).
func wide(n, all int) bool { return n > wideHosts && 2*n > all }

// sourceScope returns the scope of c, nil when c is nil (any source) or
// when a term it needs is too wide to confine (wide). It fails when the
// database does.
func (s *Store) sourceScope(ctx context.Context, c *query.Scope) (*sourceScope, error) {
	if c == nil {
		return nil, nil
	}
	var names []string
	var ids []int64
	rows, err := s.r.QueryContext(ctx, `SELECT id, name FROM sources`)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return nil, fmt.Errorf("sources: %w", err)
		}
		ids, names = append(ids, id), append(names, name)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	rows.Close()
	root, err := s.scopeTerm(ctx, c, ids, names)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	if root = root.widen(); root.every {
		return nil, nil
	}
	return &sourceScope{root: root}, nil
}

// scopeTerm finds the sources (of ids, named names) and the hosts of c. A
// scope of names alone is one leaf: the sources that pass them all, read
// together.
func (s *Store) scopeTerm(ctx context.Context, c *query.Scope, ids []int64, names []string) (*scopeTerm, error) {
	t := &scopeTerm{}
	if keep := c.Names(); keep != nil && !hasHost(c) {
		for i, name := range names {
			if keep(name) {
				t.sources = append(t.sources, ids[i])
			}
		}
		return t.narrow(len(names)), nil
	}
	kids := c.All
	if len(kids) == 0 {
		kids = c.Any
	}
	for _, k := range kids {
		kt, err := s.scopeTerm(ctx, k, ids, names)
		if err != nil {
			return nil, err
		}
		if len(c.All) > 0 {
			t.all = append(t.all, kt)
		} else {
			t.anyOf = append(t.anyOf, kt)
		}
	}
	if len(kids) > 0 {
		return t, nil
	}
	if c.Name != nil {
		for i, name := range names {
			if c.Name(name) {
				t.sources = append(t.sources, ids[i])
			}
		}
		if t = t.narrow(len(names)); t.every {
			return t, nil
		}
	}
	if c.Host != "" {
		t.hostFrom, t.hostTo = hostRange(c.Host)
		var n, all int
		if err := s.r.QueryRowContext(ctx, sqlHostsInRange, t.hostFrom, t.hostTo).Scan(&n, &all); err != nil {
			return nil, fmt.Errorf("hosts: %w", err)
		}
		if wide(n, all) {
			return &scopeTerm{every: true}, nil
		}
		if err := s.r.QueryRowContext(ctx, sqlHostsExist, t.hostFrom, t.hostTo).Scan(&t.hosts); err != nil {
			return nil, fmt.Errorf("hosts: %w", err)
		}
	}
	return t, nil
}

// narrow returns t, or a term admitting every article when its sources are
// too many of all (wide: source:news of a bot whose feeds are mostly
// "… News"): each is one seek of the (source_id, id) index, as a host is.
func (t *scopeTerm) narrow(all int) *scopeTerm {
	if wide(len(t.sources), all) {
		return &scopeTerm{every: true}
	}
	return t
}

// widen reads t as admitting every article when a term it needs does: an
// AND leaves such terms out (every when none is left), an OR admits every
// article when one of them does.
func (t *scopeTerm) widen() *scopeTerm {
	switch {
	case len(t.all) > 0:
		var kept []*scopeTerm
		for _, k := range t.all {
			if k = k.widen(); !k.every {
				kept = append(kept, k)
			}
		}
		if len(kept) == 0 {
			return &scopeTerm{every: true}
		}
		t.all = kept
	case len(t.anyOf) > 0:
		for i, k := range t.anyOf {
			if t.anyOf[i] = k.widen(); t.anyOf[i].every {
				return t.anyOf[i]
			}
		}
	}
	return t
}

// hasHost reports whether c or a scope in it names a host.
func hasHost(c *query.Scope) bool {
	return c.Host != "" || slices.ContainsFunc(c.All, hasHost) || slices.ContainsFunc(c.Any, hasHost)
}

// sourcesOnly returns the ids of the sources of a scope of source names
// alone, and false when the scope is nil or tells its articles by their
// address or by several terms.
func (c *sourceScope) sourcesOnly() ([]any, bool) {
	if c == nil {
		return nil, false
	}
	if t := c.root; len(t.all) == 0 && len(t.anyOf) == 0 && t.hostFrom == "" {
		return t.sources, true
	}
	return nil, false
}

// none reports whether the scope holds no article, so that nothing matches.
func (c *sourceScope) none() bool { return c != nil && c.root.none() }

func (t *scopeTerm) none() bool {
	switch {
	case len(t.all) > 0:
		return slices.ContainsFunc(t.all, (*scopeTerm).none)
	case len(t.anyOf) > 0:
		for _, k := range t.anyOf {
			if !k.none() {
				return false
			}
		}
		return true
	}
	return len(t.sources) == 0 && !t.hosts
}

// confine returns the ids of matches (newest first) that the scope
// admits, reading its articles between lo and hi of the walk w. A nil
// scope keeps every id. It fails when the database does.
func (c *sourceScope) confine(ctx context.Context, w *spanWalk, lo, hi int64, matches []int64) ([]int64, error) {
	if c == nil || len(matches) == 0 {
		return matches, nil
	}
	if c.none() {
		return nil, nil
	}
	if c.w != w || lo < c.from || hi > c.to {
		// Read once a walk, from its floor (or lo, when below) to its top.
		from, to := min(w.floor, lo), max(w.top, hi)
		ids, err := c.root.read(ctx, w.s.r, from, to)
		if err != nil {
			return nil, fmt.Errorf("articles of sources: %w", err)
		}
		c.w, c.ids, c.from, c.to = w, ids, from, to
	}
	// c.ids are newest first: the span's are those from hi down to lo.
	start, _ := slices.BinarySearchFunc(c.ids, hi, func(id, target int64) int { return cmpDesc(id, target) })
	end, _ := slices.BinarySearchFunc(c.ids, lo-1, func(id, target int64) int { return cmpDesc(id, target) })
	return combine("AND", matches, c.ids[start:end]), nil
}

// read returns the articles of t from one id to another, newest first.
func (t *scopeTerm) read(ctx context.Context, db *sql.DB, from, to int64) ([]int64, error) {
	op, kids := "AND", t.all
	if len(t.anyOf) > 0 {
		op, kids = "OR", t.anyOf
	}
	if len(kids) > 0 {
		var out []int64
		for i, k := range kids {
			ids, err := k.read(ctx, db, from, to)
			if err != nil {
				return nil, err
			}
			if i == 0 {
				out = ids
			} else {
				out = combine(op, out, ids)
			}
		}
		return out, nil
	}
	var out []int64
	if len(t.sources) > 0 {
		args := append(slices.Clip(t.sources), from, to)
		ids, err := readIDList(ctx, db, sqlSourceIDs(len(t.sources)), args...)
		if err != nil {
			return nil, err
		}
		out = ids
	}
	if t.hosts {
		ids, err := readIDList(ctx, db, sqlHostArticleIDs, t.hostFrom, t.hostTo, from, to)
		if err != nil {
			return nil, err
		}
		out = combine("OR", out, ids)
	}
	return out, nil
}

// readIDList reads a list of ids that query returns as one string, in
// ascending order, and returns them newest first.
func readIDList(ctx context.Context, db *sql.DB, query string, args ...any) ([]int64, error) {
	var list sql.NullString
	if err := db.QueryRowContext(ctx, query, args...).Scan(&list); err != nil {
		return nil, err
	}
	ids, err := parseIDList(list.String)
	if err != nil {
		return nil, err
	}
	slices.Reverse(ids)
	return ids, nil
}

// cmpDesc orders ids newest first.
func cmpDesc(a, b int64) int {
	switch {
	case a > b:
		return -1
	case a < b:
		return 1
	}
	return 0
}

// sqlSourceIDs lists the ids of n sources' articles from one id to another
// (the last two arguments), in the (source_id, id) index alone.
func sqlSourceIDs(n int) string {
	return `SELECT group_concat(id, ',' ORDER BY id) FROM articles INDEXED BY articles_source
		WHERE source_id IN (` + placeholders(n) + `) AND id BETWEEN ? AND ?`
}

// sqlHostsInRange counts the hosts whose names are in a range (hostRange),
// and all hosts (their ids, as none is deleted).
const sqlHostsInRange = `SELECT (SELECT count(*) FROM hosts WHERE name >= ?1 AND name < ?2), (SELECT coalesce(max(id), 0) FROM hosts)`

// sqlHostsExist tells whether a host has a name in a range (hostRange),
// or an article waits for its host (fillHosts).
const sqlHostsExist = `SELECT EXISTS (SELECT 1 FROM hosts WHERE name >= ?1 AND name < ?2) OR ` + hostUnfilled

// sqlHostArticleIDs lists the ids of the articles at the hosts whose names
// are in a range (?1, ?2: hostRange) from one id to another (?3, ?4), in
// the (host_id, id) index alone: one seek a host. The articles whose host
// is not stored yet (NULL, fillHosts) are read as at any host.
const sqlHostArticleIDs = `SELECT group_concat(id, ',' ORDER BY id) FROM (
	SELECT id FROM articles INDEXED BY articles_host
		WHERE host_id IN (SELECT id FROM hosts WHERE name >= ?1 AND name < ?2) AND id BETWEEN ?3 AND ?4
	UNION ALL
	SELECT id FROM articles INDEXED BY articles_host WHERE host_id IS NULL AND id BETWEEN ?3 AND ?4)`
