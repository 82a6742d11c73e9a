package query

import "testing"

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
