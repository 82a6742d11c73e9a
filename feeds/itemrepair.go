package feeds

import (
	"bytes"

	"github.com/mmcdole/gofeed"
)

// A stray end tag inside one item (a title "Storm </b> hits", as a CMS
// writes raw HTML into RSS) makes the XML decoder, which is not strict,
// close the elements around it: the item's title, then the item, the
// channel; every item after it was silently lost, at every fetch while the
// feed carried it. repairItems parses such a document's items one by one,
// so that a broken item costs only itself.

// elementStarts returns where each start tag of the element named name
// begins in body ("<item>", "<item attr…>"), in order.
func elementStarts(body []byte, name string) []int {
	open := []byte("<" + name)
	var out []int
	for i := 0; ; {
		j := bytes.Index(body[i:], open)
		if j < 0 {
			return out
		}
		at := i + j
		if next := at + len(open); next < len(body) {
			switch body[next] {
			case '>', ' ', '\t', '\r', '\n', '/':
				out = append(out, at)
			}
		}
		i = at + len(open)
	}
}

// repairItems returns f, the parse of body, or, when body holds more item
// (or entry) elements than f has items, the parse of each element on its
// own within the document's head and tail, when that gives more items: the
// feed's own fields are f's, the items those of the elements in order,
// each one's broken markup costing only itself. The repair keeps no memo
// (the next fetch parses every item).
func repairItems(body []byte, f parsedFeed) parsedFeed {
	if f.Feed == nil {
		return f
	}
	name := "item"
	starts := elementStarts(body, name)
	if len(starts) == 0 {
		name = "entry"
		starts = elementStarts(body, name)
	}
	if len(starts) <= len(f.Items) || name == "item" && len(elementStarts(body, "channel")) > 1 {
		return f // a second channel: the parse takes the last one's items
	}
	closing := []byte("</" + name + ">")
	end := bytes.LastIndex(body, closing)
	if end < starts[len(starts)-1] {
		return f
	}
	end += len(closing)
	head, tail := body[:starts[0]], body[end:]
	out := parsedFeed{html: map[*gofeed.Item]*htmlImage{}, sources: map[*gofeed.Item]string{}}
	var items []*gofeed.Item
	doc := make([]byte, 0, len(head)+len(tail)+4096)
	for i, at := range starts {
		to := end
		if i+1 < len(starts) {
			to = starts[i+1]
		}
		doc = append(append(append(doc[:0], head...), body[at:to]...), tail...)
		one, err := parseDocument(doc, nil, nil)
		if err != nil || one.Feed == nil {
			continue
		}
		for _, it := range one.Items {
			if h, ok := one.html[it]; ok {
				out.html[it] = h
			}
			if s, ok := one.sources[it]; ok {
				out.sources[it] = s
			}
		}
		items = append(items, one.Items...)
	}
	if len(items) <= len(f.Items) {
		return f
	}
	feed := *f.Feed
	feed.Items = items
	out.Feed = &feed
	return out
}
