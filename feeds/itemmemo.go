package feeds

import (
	"encoding/binary"
	"errors"
	"hash/maphash"
	"strings"
	"sync"

	"github.com/mmcdole/gofeed/rss"
)

// Most items of a fetch are those of the source's last fetch, and gofeed
// parsed every one of them again: a tenth of the CPU of an article in
// steady state. What changes in a repeated item is mostly inside its HTML
// (an image link's token, a photo's number), which the cut (cutCDATA)
// takes out of the document anyway. An RSS item's parse depends only on
// its bytes and on the elements it is in (their namespaces and xml:base):
// the <rss> and <channel> start tags; and a cut section is opaque to it
// (its mark lands, as it is, in the item's content or description). So the
// poller keeps, for each source, what its last parse gave for each item
// (itemMemo) by the item's bytes outside its cut sections, and the cut
// leaves out of the document an item whose bytes outside its sections and
// whose context are one of those: the item is the memo's with this
// document's sections in the content and description the marks held
// (itemPlan.splice), before gofeed translates the items.
//
// That gives what parsing the whole document gives when the document is
// one the cut reads with certainty (see cdata.go) and its elements nest
// (every end tag closes the element last opened, by its raw name): then
// encoding/xml, even not strict, reads the same elements as the cut, an
// <item> child of the one <channel> child of the <rss> root is one
// element that leaves the decoder as it found it, and gofeed makes one
// item of each such element, in order. Where the document is otherwise (a
// second channel, an item outside the channel, an item element named or
// written otherwise than <item>), no item is left out; an item is kept
// only when the parse gave as many items as the cut found, and when each
// of its content and description was one of its marks, whole, or none.
// TestItemMemoParsesAsTheWholeDocument and FuzzItemMemo compare the parse
// with gofeed's whole parse.

// maxMemoBytes bounds the bytes the memos of all the poller's sources hold
// (about: see memoEntry): past it, a source's fetch keeps none (its next
// fetch parses every item, as without the memo). A news item outside its
// HTML is some hundreds of bytes: a thousand sources of fifty items fit.
const maxMemoBytes = 32 << 20

// itemMemo is what a source's last parse gave for each of its RSS items,
// found by the item element's bytes outside its cut sections, in the same
// context.
type itemMemo struct {
	seeds *[2]maphash.Seed // the poller's: the keys of all its memos
	// root and channel are the start tags the items were in.
	root, channel string
	items         map[itemKey]*memoEntry
	size          int // the bytes it holds, about (see memoEntry)
}

// memoEntry is what the parse of an item gave, before its translation:
// the item, its content and description those of its sections when they
// were marks (content and description: the mark's place among the item's
// marks, or -1 when the field holds none).
type memoEntry struct {
	item                 *rss.Item
	content, description int
	marks                int // how many of the item's sections were cut
	// size is about the bytes the entry holds: its element's outside its
	// cut sections (the item's strings but those), and memoEntryBytes.
	size int
}

// memoEntryBytes is about what an entry holds besides its strings: itself,
// its rss.Item and its place in the map.
const memoEntryBytes = 512

// itemKey is an item element's hash (outside its cut sections) under both
// seeds: 128 bits, so that two elements of one source that differ never
// share a key.
type itemKey [2]uint64

// itemScan follows the elements of a document as the cut reads it, to
// find its items and leave out those of the memo (see above).
type itemScan struct {
	memo  *itemMemo
	stack []string // the raw names of the open elements
	ok    bool     // the document is still one whose items can be left out
	// root and channel are the start tags of the root and of its channel.
	root, channel []byte
	channels      int
	sameContext   int // 0: not compared yet; 1: the memo's; -1: another
	slots         []itemSlot
	hits          int

	// The open item: where it starts, where the bytes not hashed yet
	// start (from, -1 when no item is open), the cut's output and marks
	// when it started, and its hash so far.
	start, from, outAt, lastAt, marksAt int
	cutBytes                            int // of its sections cut
	hash                                [2]maphash.Hash
}

// itemSlot is an item of the document, in order: its key, the size its
// memo entry has (see memoEntry) and its cut sections (their first number
// and count); hit is the memo's entry when the item was left out,
// contents then its sections' contents.
type itemSlot struct {
	key            itemKey
	size           int
	marksAt, marks int
	hit            *memoEntry
	contents       [][]byte
}

func newItemScan(memo *itemMemo) *itemScan {
	s := &itemScan{memo: memo, ok: true, from: -1}
	s.hash[0].SetSeed(memo.seeds[0])
	s.hash[1].SetSeed(memo.seeds[1])
	return s
}

// write adds body[from:to] to the open item's hash, its length first.
func (s *itemScan) write(body []byte, to int) {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(to-s.from))
	for i := range s.hash {
		s.hash[i].Write(n[:])
		s.hash[i].Write(body[s.from:to])
	}
}

// cut notes that the cut replaced body[start:end] by a mark.
func (s *itemScan) cut(body []byte, start, end int) {
	if s.from >= 0 {
		s.write(body, start)
		s.from = end
		s.cutBytes += end - start
	}
}

// tag follows the start or end tag at body[i:], tag long, of the raw name
// name (closes: an end tag or an empty-element tag), the cut's output so
// far out long, body[last:] not copied to it, with marks sections cut. It
// returns the slot of the item that tag ends when the item is the memo's,
// to be left out of the document; nil otherwise.
func (s *itemScan) tag(body []byte, i int, tag []byte, name string, closes bool, out, last, marks int) *itemSlot {
	if !s.ok {
		return nil
	}
	if tag[1] == '/' {
		n := len(s.stack)
		if n == 0 || s.stack[n-1] != name {
			s.ok = false // encoding/xml, not strict, reads it otherwise
			return nil
		}
		s.stack = s.stack[:n-1]
		if n == 3 && s.from >= 0 {
			return s.end(body, i+len(tag), marks)
		}
		return nil
	}
	local := name[strings.IndexByte(name, ':')+1:]
	switch len(s.stack) {
	case 0:
		if s.root != nil || name != "rss" {
			s.ok = false
			return nil
		}
		s.root = tag
	case 1:
		if strings.EqualFold(local, "item") {
			s.ok = false // gofeed puts it after the channel's items
			return nil
		}
		if strings.EqualFold(local, "channel") {
			if s.channels++; s.channels > 1 || name != "channel" {
				s.ok = false // gofeed keeps the last channel
				return nil
			}
			s.channel = tag
		}
	case 2:
		if s.stack[1] != "channel" || !strings.EqualFold(local, "item") {
			break
		}
		if string(tag) != "<item>" {
			s.ok = false
			return nil
		}
		s.start, s.from, s.outAt, s.lastAt, s.marksAt, s.cutBytes = i, i, out, last, marks, 0
		s.hash[0].Reset()
		s.hash[1].Reset()
	}
	if !closes {
		s.stack = append(s.stack, name)
	}
	return nil
}

// end closes the open item, which ends at body[:end] with marks sections
// cut in the document so far, and returns its slot when it is the memo's.
func (s *itemScan) end(body []byte, end, marks int) *itemSlot {
	s.write(body, end)
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(marks-s.marksAt))
	for i := range s.hash {
		s.hash[i].Write(n[:])
	}
	slot := itemSlot{key: itemKey{s.hash[0].Sum64(), s.hash[1].Sum64()}, size: end - s.start - s.cutBytes + memoEntryBytes, marksAt: s.marksAt, marks: marks - s.marksAt}
	s.from = -1
	if s.sameContext == 0 {
		s.sameContext = -1
		if string(s.root) == s.memo.root && string(s.channel) == s.memo.channel {
			s.sameContext = 1
		}
	}
	if s.sameContext > 0 {
		if e := s.memo.items[slot.key]; e != nil && e.marks == slot.marks {
			slot.hit = e
			s.hits++
		}
	}
	s.slots = append(s.slots, slot)
	if slot.hit != nil {
		return &s.slots[len(s.slots)-1]
	}
	return nil
}

// plan returns what the scan of a whole document found: nil when its items
// cannot be left out or kept (see above).
func (s *itemScan) plan() *itemPlan {
	if !s.ok || s.root == nil || len(s.stack) != 0 || s.channel == nil {
		return nil
	}
	return &itemPlan{memo: s.memo, root: string(s.root), channel: string(s.channel), slots: s.slots, hits: s.hits}
}

// itemPlan is the items of a document, in order, those of the memo left
// out of the document the parser is given.
type itemPlan struct {
	memo          *itemMemo
	root, channel string
	slots         []itemSlot
	hits          int
}

// errMemoMissed reports a parse of a document whose items left out cannot
// be put back: it did not give one item for each item element kept.
var errMemoMissed = errors.New("feed: items left out not restored")

// wholeMark is what cdataMarks.restore found in an item's content or
// description: the number of the mark the field was, whole, or noMark
// (the field held none) or partMark (a mark and more, or more marks).
const (
	noMark   = -1
	partMark = -2
)

// splice puts the items left out back in their places among f's (the
// parse's items of the elements kept, in order, their marks restored) and
// returns the memo of them all; ok is false when f's items are not one for
// each element kept. fields holds, for each of f's items, what its
// content and description were (wholeMark; nil: no mark in any).
func (p *itemPlan) splice(f *rss.Feed, fields [][2]int) (_ *itemMemo, ok bool) {
	if len(f.Items) != len(p.slots)-p.hits {
		return nil, false
	}
	items := make([]*rss.Item, 0, len(p.slots))
	memo := &itemMemo{seeds: p.memo.seeds, root: p.root, channel: p.channel, items: make(map[itemKey]*memoEntry, len(p.slots))}
	k := 0
	for _, s := range p.slots {
		var (
			it *rss.Item
			e  *memoEntry
		)
		if s.hit != nil {
			c := *s.hit.item
			if s.hit.content >= 0 {
				c.Content = string(s.contents[s.hit.content])
			}
			if s.hit.description >= 0 {
				c.Description = string(s.contents[s.hit.description])
			}
			it, e = &c, &memoEntry{item: s.hit.item, content: s.hit.content, description: s.hit.description, marks: s.marks, size: s.size}
		} else {
			field := [2]int{noMark, noMark}
			if fields != nil {
				field = fields[k]
			}
			it = f.Items[k]
			k++
			if it != nil && wholeMarks(field, s.marksAt, s.marks) {
				// The memo holds the item without its sections' contents.
				c := *it
				e = &memoEntry{item: &c, content: relativeMark(field[0], s.marksAt), description: relativeMark(field[1], s.marksAt), marks: s.marks, size: s.size}
				if e.content >= 0 {
					c.Content = ""
				}
				if e.description >= 0 {
					c.Description = ""
				}
			}
		}
		items = append(items, it)
		if e != nil && memo.items[s.key] == nil {
			memo.items[s.key] = e
			memo.size += e.size
		}
	}
	f.Items = items
	return memo, true
}

// wholeMarks reports whether an item whose content and description were
// field (wholeMark) and whose sections were the marks from at, n of them,
// can be kept: each field is one of them, whole, or none, and each of them
// is one field.
func wholeMarks(field [2]int, at, n int) bool {
	used := 0
	for _, m := range field {
		switch {
		case m == noMark:
		case m >= at && m < at+n:
			used++
		default:
			return false
		}
	}
	return used == n && (n < 2 || field[0] != field[1])
}

func relativeMark(m, at int) int {
	if m < 0 {
		return m
	}
	return m - at
}

// itemMemos holds the poller's memo of each source (see itemMemo).
type itemMemos struct {
	mu       sync.Mutex
	seeds    *[2]maphash.Seed
	bySource map[int64]*itemMemo
	size     int
}

// last returns the memo of the source's last parse, empty when none is kept.
func (m *itemMemos) last(id int64) *itemMemo {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.seeds == nil {
		m.seeds = &[2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}
		m.bySource = map[int64]*itemMemo{}
	}
	if memo := m.bySource[id]; memo != nil {
		return memo
	}
	return &itemMemo{seeds: m.seeds}
}

// keep makes memo the source's, unless all the memos would then hold more
// than maxMemoBytes; a nil memo drops the source's.
func (m *itemMemos) keep(id int64, memo *itemMemo) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if old := m.bySource[id]; old != nil {
		m.size -= old.size
		delete(m.bySource, id)
	}
	if memo == nil || memo.seeds != m.seeds || m.size+memo.size > maxMemoBytes {
		return
	}
	m.bySource[id] = memo
	m.size += memo.size
}
