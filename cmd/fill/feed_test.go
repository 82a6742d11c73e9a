package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// TestRSSOfJoinsTheItemsParts: the document of a fetch is its items' XML,
// newest first, each with the number of its photo as its place in items.
func TestRSSOfJoinsTheItemsParts(t *testing.T) {
	c := newCorpus(1)
	src := news.Source{ID: 3, Name: "src3", URL: "https://src3.example/rss"}
	var items []news.Article
	var parts [][2]string
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for range 4 {
		at = at.Add(time.Hour)
		items = append(items, c.next(src.Name, at))
		parts = append(parts, itemParts(src, items[len(items)-1]))
	}
	doc := string(rssOf(src, items, parts))
	if !strings.HasPrefix(doc, `<?xml version="1.0" encoding="UTF-8"?>`) || !strings.HasSuffix(doc, "</channel></rss>\n") {
		t.Fatalf("not a whole document:\n%s", doc)
	}
	if n := strings.Count(doc, "<item>"); n != len(items) {
		t.Fatalf("%d items, want %d", n, len(items))
	}
	rest := doc
	for i := len(items) - 1; i >= 0; i-- {
		k := strings.Index(rest, "<guid isPermaLink=\"false\">"+items[i].GUID+"</guid>")
		if k < 0 {
			t.Fatalf("item %d (%s) missing or out of order", i, items[i].GUID)
		}
		rest = rest[k:]
		end := strings.Index(rest, "</item>")
		if want := fmt.Sprintf(`.example/img/%d.jpg"`, i); !strings.Contains(rest[:end], want) {
			t.Errorf("item %d: no %s in\n%s", i, want, rest[:end])
		}
	}
}
