package feeds

import (
	"log/slog"

	"github.com/newshound/newshound/news"
)

// noteMoved logs, once per source and run, that its feed moved for good
// (permanent redirects only): the fetch follows the redirect every time,
// and the operator is to put the new address in place of the old.
func (p *Poller) noteMoved(log *slog.Logger, src news.Source, movedTo string) {
	if movedTo == "" || movedTo == src.URL {
		return
	}
	if _, seen := p.noted.LoadOrStore(notedKey{src.ID, "moved"}, true); seen {
		return
	}
	where := "put the new address in the configuration's [[sources]]"
	if src.Origin == news.OriginChat {
		where = "/removesource it and /addsource the new address"
	}
	log.Warn("the feed moved permanently (301/308): "+where, "moved_to", movedTo)
}
