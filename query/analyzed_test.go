package query

import (
	"runtime"
	"testing"
	"weak"
)

// TestDocumentOfTakesTheKeptDocument: DocumentOf gives the Document Keep kept
// for the same article, a new one for an article whose text, title, source
// or link differ from what it was made of, and none kept past the bound.
func TestDocumentOfTakesTheKeptDocument(t *testing.T) {
	a := Article{ID: 1 << 40, Title: "Dam breach floods valley", Text: "The river rose overnight.", SourceName: "Wire", URL: "https://wire.example/1"}
	d := NewDocument(a)
	Keep(a, d)
	if DocumentOf(a) != d {
		t.Fatal("the kept Document was not taken")
	}
	for _, changed := range []Article{
		{ID: a.ID, Title: a.Title, Text: "The river fell.", SourceName: a.SourceName, URL: a.URL},
		{ID: a.ID, Title: "Other", Text: a.Text, SourceName: a.SourceName, URL: a.URL},
		{ID: a.ID, Title: a.Title, Text: a.Text, SourceName: "Other", URL: a.URL},
		{ID: a.ID, Title: a.Title, Text: a.Text, SourceName: a.SourceName, URL: "https://other.example/1"},
	} {
		got := DocumentOf(changed)
		if got == d {
			t.Errorf("the Document of %+v was taken for %+v", a, changed)
		}
		q, err := Parse(`"river fell" OR title:other OR source:other OR site:other.example`)
		if err != nil {
			t.Fatal(err)
		}
		if !q.Match(got) {
			t.Errorf("the Document made for %+v does not match it", changed)
		}
	}
	var last *Document
	b := a
	for range analyzedKept {
		b.ID++
		last = NewDocument(b)
		Keep(b, last)
	}
	if DocumentOf(a) == d {
		t.Error("a Document was kept past the bound")
	}
	if DocumentOf(b) != last {
		t.Error("the last kept Document was not taken")
	}
}

// TestDocumentOfLetsTheTakenDocumentGo: a kept Document is given once, and
// the ring does not hold it after (the collector would mark it at every
// cycle until the ring came round); a second DocumentOf makes it anew.
func TestDocumentOfLetsTheTakenDocumentGo(t *testing.T) {
	a := Article{ID: 1<<40 + 1<<20, Title: "Dam breach floods valley", Text: "The river rose overnight.", SourceName: "Wire", URL: "https://wire.example/1"}
	d := NewDocument(a)
	w := weak.Make(d)
	Keep(a, d)
	if DocumentOf(a) != d {
		t.Fatal("the kept Document was not taken")
	}
	again := DocumentOf(a)
	if again == d {
		t.Error("the taken Document was given twice")
	}
	q, err := Parse(`"river rose"`)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Match(again) {
		t.Error("the Document made anew does not match its article")
	}
	d = nil
	runtime.GC()
	if w.Value() != nil {
		t.Error("the taken Document is still held by the ring")
	}
}
