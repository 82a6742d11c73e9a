package feeds

import (
	"context"
	"hash/maphash"
	"sync"
	"unicode/utf8"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
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
//  1. What an item said is a hash and the size of its content and
//     description as the feed sends them, kept in memory for the items of
//     each source's last fetch: an item whose hash changed and whose size
//     grew since then is looked at, a new item only remembered. An
//     item that changed without growing (an image URL's token, a "5
//     minutes ago", an ad's markup: many feeds churn so at every fetch) is
//     not read back and cleaned again, which cost a third of the CPU of a
//     fetch of such a feed; its stored text stays (rule 3 would keep it
//     anyway unless the cleaned text grew). At the bot's first stored
//     fetch of a source since it started, nothing is known of the last
//     one: every item seen before is read back, and one whose feed text
//     is longer than its stored text is cleaned and looked at, so that an
//     update made while the bot was down is followed (once a start).
//  2. Only a finished article (past every step) is revised: one still
//     pending gets its text from the steps left to it.
//  3. The new text, cleaned, replaces the stored one when it is longer:
//     a teaser that grew into the whole text, a story that grew with the
//     news, is followed; a text the bot took from the article's page
//     (longer than any teaser) is not replaced by the feed's teaser,
//     however it changed; and a feed whose servers answer with two
//     versions of an item in turn (edges of a cache that disagree) has
//     its article rewritten once at most, not at every fetch. A
//     correction that does not lengthen the text is not followed.
//  4. The summary is made anew from the new text and the item's title; the
//     article keeps its story and its alerts.

// Reviser is a Store that finds finished articles by guid (store.Store
// is); a Store that is not one revises nothing.
type Reviser interface {
	// FinishedArticlesOf returns the source's finished articles of those
	// guids, with their text; it fails on a database error.
	FinishedArticlesOf(ctx context.Context, sourceID int64, guids []string) ([]news.Article, error)
}

// revisions maps each source to what each item's text (by guid) was at
// its last stored fetch.
type revisions struct {
	mu       sync.Mutex
	seed     maphash.Seed
	bySource map[int64]map[string]itemMark
}

// itemMark is what an item's feed said of its text at a fetch: a hash and
// the size in bytes of the raw content and description when they are to
// be cleaned, else of its cleaned text.
type itemMark struct {
	hash uint64
	size int
}

// grewFrom reports whether m, an item's mark now, says its text changed
// and grew since last.
func (m itemMark) grewFrom(last itemMark) bool { return m.hash != last.hash && m.size > last.size }

// swap records the item marks of a source's fetch and returns those of
// its last one (nil: none known).
func (r *revisions) swap(id int64, now map[string]itemMark) map[string]itemMark {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.init()
	last := r.bySource[id]
	r.bySource[id] = now
	return last
}

// init makes r ready on first use; r.mu is held.
func (r *revisions) init() {
	if r.bySource == nil {
		r.bySource = map[int64]map[string]itemMark{}
		r.seed = maphash.MakeSeed()
	}
}

// mark returns the mark of an item's text (see itemMark); raw is nil when
// the item's text needs no cleaning.
func (r *revisions) mark(a news.Article, raw *feedText) itemMark {
	r.mu.Lock()
	r.init()
	seed := r.seed
	r.mu.Unlock()
	var h maphash.Hash
	h.SetSeed(seed)
	if raw == nil {
		h.WriteString(a.Text)
		return itemMark{h.Sum64(), len(a.Text)}
	}
	h.WriteString(raw.content)
	h.WriteByte(0)
	h.WriteString(raw.description)
	return itemMark{h.Sum64(), len(raw.content) + len(raw.description)}
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
	now := make(map[string]itemMark, len(items))
	for i, a := range items {
		now[a.GUID] = p.revisions.mark(a, texts[i])
	}
	last := p.revisions.swap(src.ID, now)
	inserted := make(map[string]bool, len(added))
	for _, a := range added {
		inserted[a.GUID] = true
	}
	byGUID := map[string]int{}
	var guids []string
	for i, a := range items {
		m, ok := last[a.GUID]
		if !inserted[a.GUID] && (last == nil || ok && now[a.GUID].grewFrom(m)) {
			byGUID[a.GUID] = i
			guids = append(guids, a.GUID)
		}
	}
	if len(guids) == 0 {
		return
	}
	stored, err := rv.FinishedArticlesOf(ctx, src.ID, guids)
	if err != nil {
		if ctx.Err() == nil { // a stop is no failure to read
			p.dbLog.Error(p.log, "read articles updated in place", "source", src.Name, "err", err)
		}
		return
	}
	for _, old := range stored {
		i, ok := byGUID[old.GUID]
		if !ok || last == nil && now[old.GUID].size <= len(old.Text) {
			// Cleaning takes bytes away (tags, entities): a feed's text no
			// longer than the stored one cannot grow it, and needs no
			// cleaning to say so.
			continue
		}
		text := items[i].Text
		var cleaned summarize.Cleaned
		if texts[i] != nil {
			cleaned = texts[i].text(p.clean)
			text = cleaned.Text
		}
		if !revised(old.Text, text) {
			continue
		}
		a := news.Article{ID: old.ID, Title: old.Title, Text: text, SourceName: src.Name}
		if items[i].Title != "" {
			a.Title = items[i].Title
		}
		p.summarize(ctx, &a, cleaned)
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
// old, its article's: it has more characters.
func revised(old, text string) bool {
	return utf8.RuneCountInString(text) > utf8.RuneCountInString(old)
}
