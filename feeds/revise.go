package feeds

import (
	"context"
	"hash/fnv"
	"sync"
	"unicode/utf8"

	"github.com/newshound/newshound/news"
)

// An item a feed updates in place (the same guid, a longer or corrected
// text) is seen already: it causes no new alert, but its stored text and
// summary follow the feed's new text, so that /search, the digest and the
// "Also:" lines show what the outlet says now. The alert already sent is
// not edited: it was right when it went out, Telegram tells nobody of an
// edit, and a message that changes under the reader's eyes is worse than
// one that stays as it was read; the next look (a search, the digest)
// shows the new text.
//
// Rules:
//  1. What an item said is a hash of its content and description as the
//     feed sends them, kept in memory for the items of each source's last
//     fetch: an item whose hash changed since then is looked at, one not
//     known (the bot's first fetch of the source since it started, or a
//     new item) only remembered. An update made while the bot was down
//     is thus followed only if the item changes again.
//  2. Only a finished article (past every step) is revised: one still
//     pending gets its text from the steps left to it.
//  3. The new text, cleaned, replaces the stored one when it differs and
//     is at least nine tenths as long (reviseKeep): a correction of a few
//     words, or a teaser that grew into the whole text, is followed, but a
//     text the bot took from the article's page (longer than any teaser)
//     is not replaced by the feed's teaser, however it changed.
//  4. The summary is made anew from the new text and the item's title; the
//     article keeps its story and its alerts.

// reviseKeep is the least length of a revised text, in tenths of the
// stored text's (in characters), for the revision to replace it.
const reviseKeep = 9

// Reviser is a Store that finds finished articles by guid (store.Store
// is); a Store that is not one revises nothing.
type Reviser interface {
	// FinishedArticlesOf returns the source's finished articles of those
	// guids, with their text; it fails on a database error.
	FinishedArticlesOf(ctx context.Context, sourceID int64, guids []string) ([]news.Article, error)
}

// revisions maps each source to the hash of each item's text (by guid) at
// its last stored fetch.
type revisions struct {
	mu       sync.Mutex
	bySource map[int64]map[string]uint64
}

// swap records the item hashes of a source's fetch and returns those of
// its last one (nil: none known).
func (r *revisions) swap(id int64, now map[string]uint64) map[string]uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.bySource == nil {
		r.bySource = map[int64]map[string]uint64{}
	}
	last := r.bySource[id]
	r.bySource[id] = now
	return last
}

// itemHash hashes what an item's feed says of its text: the raw content and
// description when it is to be cleaned (raw), else its cleaned text.
func itemHash(a news.Article, raw *feedText) uint64 {
	h := fnv.New64a()
	if raw != nil {
		h.Write([]byte(raw.content))
		h.Write([]byte{0})
		h.Write([]byte(raw.description))
	} else {
		h.Write([]byte(a.Text))
	}
	return h.Sum64()
}

// revise stores the new text and summary of the items of a stored fetch
// that the feed updated in place (see the rules above). items and texts
// are as storeItems passed them to the store, added the articles it
// inserted. A failure is logged: the article keeps its old text.
func (p *Poller) revise(ctx context.Context, src news.Source, items []news.Article, texts []*feedText, added []news.Article) {
	rv, ok := p.opts.Store.(Reviser)
	if !ok {
		return
	}
	now := make(map[string]uint64, len(items))
	for i, a := range items {
		now[a.GUID] = itemHash(a, texts[i])
	}
	last := p.revisions.swap(src.ID, now)
	if last == nil {
		return
	}
	inserted := make(map[string]bool, len(added))
	for _, a := range added {
		inserted[a.GUID] = true
	}
	byGUID := map[string]int{}
	var guids []string
	for i, a := range items {
		if h, ok := last[a.GUID]; ok && h != now[a.GUID] && !inserted[a.GUID] {
			byGUID[a.GUID] = i
			guids = append(guids, a.GUID)
		}
	}
	if len(guids) == 0 {
		return
	}
	stored, err := rv.FinishedArticlesOf(ctx, src.ID, guids)
	if err != nil {
		p.dbLog.Error(p.log, "read articles updated in place", "source", src.Name, "err", err)
		return
	}
	for _, old := range stored {
		i, ok := byGUID[old.GUID]
		if !ok {
			continue
		}
		text := items[i].Text
		if texts[i] != nil {
			text = texts[i].text(p.clean)
		}
		if !revised(old.Text, text) {
			continue
		}
		a := news.Article{ID: old.ID, Title: old.Title, Text: text, SourceName: src.Name}
		if items[i].Title != "" {
			a.Title = items[i].Title
		}
		p.summarize(ctx, &a)
		if ctx.Err() != nil {
			return
		}
		if err := p.opts.Store.UpdateArticleText(ctx, a.ID, a.Text, a.Summary); err != nil {
			p.dbLog.Error(p.log, "store article updated in place", "source", src.Name, "article", a.ID, "err", err)
			continue
		}
		p.log.Debug("article updated in place", "source", src.Name, "article", a.ID)
	}
}

// revised reports whether text, an item's new cleaned text, is to replace
// old, its article's: it differs and is at least reviseKeep tenths as long.
func revised(old, text string) bool {
	if text == old || text == "" {
		return false
	}
	return utf8.RuneCountInString(text)*10 >= utf8.RuneCountInString(old)*reviseKeep
}
