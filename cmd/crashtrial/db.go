package main

import (
	"database/sql"
	"fmt"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver the store uses
)

// peek reads the bot's database beside it (a reader never blocks SQLite's
// writer in WAL mode).
type peek struct{ db *sql.DB }

func openPeek(path string) (*peek, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=rw&_query_only=1&_busy_timeout=5000")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(2)
	return &peek{db: db}, nil
}

// count runs a count query; a failure (a table not made yet, a file being
// replaced) counts as -1.
func (p *peek) count(q string, args ...any) int {
	var n int
	if err := p.db.QueryRow(q, args...).Scan(&n); err != nil {
		return -1
	}
	return n
}

func (p *peek) close() { p.db.Close() }

// Queries the trial asks while the bot runs, and after.
const (
	qPendingAlerts   = `SELECT count(*) FROM outbox WHERE status = 'pending' AND kind = 'alert'`
	qLastRow         = `SELECT COALESCE(max(id), 0) FROM outbox WHERE kind = ?`
	qPendingEdits    = `SELECT count(*) FROM outbox WHERE status = 'pending' AND kind = 'edit'`
	qPendingDigests  = `SELECT count(*) FROM outbox WHERE status = 'pending' AND kind = 'digest'`
	qPendingAll      = `SELECT count(*) FROM outbox WHERE status = 'pending'`
	qPendingArticles = `SELECT count(*) FROM articles WHERE pending <> ''`
	qArticles        = `SELECT count(*) FROM articles`
	qMigrations      = `SELECT count(*) FROM schema_migrations`
	qSubscribed      = `SELECT count(DISTINCT chat_id) FROM subscriptions`
	qDigestTime      = `SELECT count(*) FROM chats WHERE id = ? AND digest_time = ?`
)

// bulkOld adds n old articles (three days old, matching no query) and an
// alert of each for three chats to the database while the bot is stopped,
// so that the new binary's migrations, which rebuild the alerts table,
// take long enough to be killed in the middle.
func bulkOld(path string, n int) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=rw&_busy_timeout=5000")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	old := time.Now().Add(-72 * time.Hour).Unix()
	art, err := tx.Prepare(`INSERT INTO articles (source_id, guid, url, title, published_at, fetched_at) VALUES (1, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("bulk articles: %w", err)
	}
	al, err := tx.Prepare(`INSERT INTO alerts (chat_id, article_id, subscription_id, created_at) VALUES (?, ?, (SELECT min(id) FROM subscriptions WHERE chat_id = ?), ?)`)
	if err != nil {
		return fmt.Errorf("bulk alerts: %w", err)
	}
	for i := range n {
		res, err := art.Exec(fmt.Sprintf("old-%d", i), fmt.Sprintf("https://old.example/%d", i), fmt.Sprintf("Old item %d", i), old, old)
		if err != nil {
			return fmt.Errorf("bulk article %d: %w", i, err)
		}
		id, _ := res.LastInsertId()
		for _, chat := range []int64{1001, 1002, 1003} {
			if _, err := al.Exec(chat, id, chat, old); err != nil {
				return fmt.Errorf("bulk alert %d: %w", i, err)
			}
		}
	}
	return tx.Commit()
}
