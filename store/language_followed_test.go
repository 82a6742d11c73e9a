package store

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"
)

// A database of schema 0063 keeps its chats' languages as chosen ones at
// 0064: a user who had sent /language, or whose language was taken at
// their first message, is spoken to in it as before, and following the
// app's language leaves it; a chat that had none follows.
func TestOldChatLanguagesStayChosen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "0063.db")
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	old := &Store{w: db, now: func() time.Time { return time.Unix(0, 0) }, log: slog.New(slog.NewTextHandler(io.Discard, nil)), writeFailures: &writeFailures{now: time.Now}, fetches: newFetchState()}
	if err := old.migrateOnly(ctx, func(v int) bool { return v <= 63 }); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `INSERT INTO chats (id, type, language, created_at, updated_at) VALUES (5, 'private', 'ru', 0, 0), (6, 'private', '', 0, 0), (-7, 'group', 'de', 0, 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, c := range []struct {
		id         int64
		follow     string
		changed    bool
		want       string
		wantFollow bool
	}{
		{5, "de", false, "ru", false},
		{-7, "ru", false, "de", false},
		{6, "es", true, "es", true},
		{6, "de", true, "de", true},
		{6, "", true, "", true}, // an app language the bot does not speak
	} {
		changed, err := st.FollowChatLanguage(ctx, c.id, c.follow)
		if err != nil || changed != c.changed {
			t.Errorf("chat %d: follow %q changed %v, %v; want %v", c.id, c.follow, changed, err, c.changed)
		}
		d, err := st.FindChatDelivery(ctx, c.id)
		if err != nil || d.Language != c.want || d.LanguageFollowed != c.wantFollow {
			t.Errorf("chat %d after following %q: language %q followed %v, %v; want %q %v", c.id, c.follow, d.Language, d.LanguageFollowed, err, c.want, c.wantFollow)
		}
	}
	// A choice ends following.
	if err := st.SetChatLanguage(ctx, 6, "es"); err != nil {
		t.Fatal(err)
	}
	if changed, err := st.FollowChatLanguage(ctx, 6, "ru"); err != nil || changed {
		t.Errorf("a chosen language followed the app: %v, %v", changed, err)
	}
	if d, _ := st.FindChatDelivery(ctx, 6); d.Language != "es" || d.LanguageFollowed {
		t.Errorf("chosen language = %q followed %v, want es chosen", d.Language, d.LanguageFollowed)
	}
	if _, err := st.FollowChatLanguage(ctx, 404, "ru"); err != nil {
		t.Errorf("following an unknown chat: %v", err)
	}
}
