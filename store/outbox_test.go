package store

import (
	"bytes"
	"context"
	"testing"

	"github.com/newshound/newshound/news"
)

func TestOutboxDocument(t *testing.T) {
	st := mustOpenStore(t)
	ctx := context.Background()
	if _, err := st.EnsureChat(ctx, 5, "private", "", news.ChatDefaults{}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		in       news.Message
		wantNull bool // the row's document column is NULL while pending
	}{
		{"text", news.Message{ChatID: 5, Kind: news.KindReply, Text: "hello"}, true},
		{"document", news.Message{ChatID: 5, Kind: news.KindReply, Text: "2 sources", DocumentName: "a.opml", Document: []byte("<opml/>")}, false},
		{"empty document", news.Message{ChatID: 5, Kind: news.KindReply, DocumentName: "empty.txt", Document: []byte{}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, err := st.Enqueue(ctx, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got := documentIsNull(t, st, id); got != tt.wantNull {
				t.Errorf("document NULL = %v, want %v", got, tt.wantNull)
			}
			due, err := st.DueMessages(ctx, testNow, 10)
			if err != nil || len(due) != 1 || due[0].ID != id {
				t.Fatalf("due = %+v, %v; want message %d", due, err, id)
			}
			m := due[0]
			if m.Text != tt.in.Text || m.DocumentName != tt.in.DocumentName || !bytes.Equal(m.Document, tt.in.Document) {
				t.Errorf("due message = %q %q %q, want %q %q %q", m.Text, m.DocumentName, m.Document, tt.in.Text, tt.in.DocumentName, tt.in.Document)
			}
			if err := st.MarkSent(ctx, id, 99); err != nil {
				t.Fatal(err)
			}
			if !documentIsNull(t, st, id) {
				t.Errorf("a sent row keeps its document's bytes")
			}
		})
	}
}

func documentIsNull(t *testing.T, st *Store, id int64) bool {
	t.Helper()
	var null bool
	if err := st.w.QueryRowContext(context.Background(), `SELECT document IS NULL FROM outbox WHERE id = ?`, id).Scan(&null); err != nil {
		t.Fatal(err)
	}
	return null
}
