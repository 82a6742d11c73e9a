package feeds

import (
	"log/slog"

	"github.com/newshound/newshound/news"
)

// noteMoved keeps, for MovedTo, where the source's feed moved for good
// (permanent redirects only; "" when its last successful fetch met none) and
// logs it once per source and run: the fetch follows the redirect every time,
// and the operator is to put the new address in place of the old.
func (p *Poller) noteMoved(log *slog.Logger, src news.Source, movedTo string) {
	if movedTo == "" || movedTo == src.URL {
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

// MovedTo returns the address the source's feed moved to for good, as the
// last successful fetch of this run found it: reached through permanent
// redirects (301, 308) only, and parsed as a feed there. It returns "" when
// that fetch met no such redirect, or none succeeded yet in this run (the
// address is not stored: the stored one stays the operator's or the chat's
// choice, see /sources).
func (p *Poller) MovedTo(id int64) string {
	if v, ok := p.moved.Load(id); ok {
		return v.(string)
	}
	return ""
}
