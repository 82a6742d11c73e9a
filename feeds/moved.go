package feeds

import (
	"context"
	"log/slog"

	"github.com/newshound/newshound/news"
)

// Moves keeps where sources' feeds moved for good across restarts
// (store.Store), so /sources says so before a source's next fetch.
type Moves interface {
	// RecordMoved keeps where source id's feed moved ("" = nowhere).
	RecordMoved(ctx context.Context, id int64, to string) error
	// FindMoved returns the moves kept, by source id.
	FindMoved(ctx context.Context) (map[int64]string, error)
}

// loadMoved reads the moves kept by an earlier run, once (again at the
// next poll when the database refused): until a source's first successful
// fetch of this run, MovedTo answers with them. A move this run found
// already is not overwritten.
func (p *Poller) loadMoved(ctx context.Context) {
	if p.opts.Moves == nil || p.movedLoaded.Load() {
		return
	}
	kept, err := p.opts.Moves.FindMoved(ctx)
	if err != nil {
		if ctx.Err() == nil { // a stop is no failure to read (it logged a warning at every quick stop)
			p.dbLog.Warn(p.log, "read the feeds that moved", "err", err)
		}
		return
	}
	for id, to := range kept {
		p.movedKept.Store(id, to)
		p.moved.LoadOrStore(id, to)
	}
	p.movedLoaded.Store(true)
}

// noteMoved keeps, for MovedTo, where the source's feed moved for good
// (permanent redirects only; "" when its last successful fetch met none),
// writes it to Moves when that changed, and logs it once per source and
// run: the fetch follows the redirect every time, and the operator is to
// put the new address in place of the old.
func (p *Poller) noteMoved(ctx context.Context, log *slog.Logger, src news.Source, movedTo string) {
	if movedTo == src.URL {
		movedTo = ""
	}
	// Shown in /sources to every user: a feed's password is not.
	movedTo = Redacted(movedTo)
	p.keepMoved(ctx, log, src.ID, movedTo)
	if movedTo == "" {
		p.moved.Delete(src.ID)
		return
	}
	p.moved.Store(src.ID, movedTo)
	if _, seen := p.noted.LoadOrStore(notedKey{src.ID, "moved"}, true); seen {
		return
	}
	where := "put the new address in the configuration's [[sources]]"
	if src.Origin == news.OriginChat {
		where = "/removesource it and /addsource the new address"
	}
	log.Warn("the feed moved permanently (301/308): "+where, "moved_to", movedTo)
}

// keepMoved writes a source's move to Moves when it differs from what the
// database holds; a refused write is tried again at the next fetch.
func (p *Poller) keepMoved(ctx context.Context, log *slog.Logger, id int64, to string) {
	p.loadMoved(ctx)
	if p.opts.Moves == nil || !p.movedLoaded.Load() {
		return // unknown what the database holds: kept at a later fetch
	}
	if v, _ := p.movedKept.Load(id); v == nil && to == "" || v == to {
		return
	}
	if err := p.opts.Moves.RecordMoved(ctx, id, to); err != nil {
		p.dbLog.Warn(log, "keep where the feed moved", "err", err)
		return
	}
	if to == "" {
		p.movedKept.Delete(id)
	} else {
		p.movedKept.Store(id, to)
	}
}

// MovedTo returns the address the source's feed moved to for good: reached
// through permanent redirects (301, 308) only, and parsed as a feed there,
// as the last successful fetch found it (in this run, or kept by an earlier
// one through Moves). It returns "" when that fetch met no such redirect,
// or none is known. The source's own address is not changed: it stays the
// operator's or the chat's choice, see /sources.
func (p *Poller) MovedTo(id int64) string {
	if v, ok := p.moved.Load(id); ok {
		return v.(string)
	}
	return ""
}
