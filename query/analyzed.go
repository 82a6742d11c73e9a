package query

import "sync"

// The write path tokenizes and stems a new article once (issue 18): the
// store makes its Document for the search index's terms when it stores it
// (Document.Columns) and keeps it here by id; the subscription matcher,
// moments later, takes the same Document with DocumentOf instead of making
// it again. What is kept is bounded (the last analyzedKept Documents kept),
// and a Document taken is let go: the matcher takes each once, and the
// collector need not mark it again at every cycle until the ring comes
// round (a kept Document of a news article is some 20 KB, its tokens' and
// stems' strings among it).
// An article not found, or found changed, is simply tokenized anew.

// analyzedKept bounds the Documents kept: some fetches' worth of new
// articles, which the matcher takes moments after they are stored (a
// Document of a 2.5 KB news article takes 20 to 40 KB: about 10 MB at most).
const analyzedKept = 256

// analyzed is an article's Document and what it was made of.
type analyzed struct {
	id                            int64
	title, text, sourceName, link string
	doc                           *Document
}

// keptDocuments is a ring of the last Documents kept, with an index by id.
type keptDocuments struct {
	mu   sync.Mutex
	ring [analyzedKept]analyzed
	next int
	byID map[int64]int // id → its slot in ring
}

var kept = keptDocuments{byID: make(map[int64]int, analyzedKept)}

// Keep keeps d, the Document made of a (NewDocument(a)), as the Document of
// the article a.ID, for DocumentOf. The oldest kept Document goes when the
// bound is reached. It never fails.
func Keep(a Article, d *Document) {
	if a.ID == 0 || d == nil {
		return
	}
	kept.mu.Lock()
	defer kept.mu.Unlock()
	if i, ok := kept.byID[a.ID]; ok {
		kept.ring[i] = analyzed{}
		delete(kept.byID, a.ID)
	}
	slot := &kept.ring[kept.next]
	if slot.doc != nil && kept.byID[slot.id] == kept.next {
		delete(kept.byID, slot.id)
	}
	*slot = analyzed{id: a.ID, title: a.Title, text: a.Text, sourceName: a.SourceName, link: a.URL, doc: d}
	kept.byID[a.ID] = kept.next
	kept.next = (kept.next + 1) % analyzedKept
}

// DocumentOf returns the Document of a: the one Keep kept for a.ID when it
// was made of the same title, text, source name and URL, which is let go
// (a second call makes it anew), else NewDocument(a). It never fails.
func DocumentOf(a Article) *Document {
	kept.mu.Lock()
	var d *Document
	if i, ok := kept.byID[a.ID]; ok {
		k := &kept.ring[i]
		if k.title == a.Title && k.sourceName == a.SourceName && k.link == a.URL && k.text == a.Text {
			d = k.doc
			kept.ring[i] = analyzed{}
			delete(kept.byID, a.ID)
		}
	}
	kept.mu.Unlock()
	if d == nil {
		d = NewDocument(a)
	}
	return d
}
