package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/newshound/newshound/news"
)

// inTransaction says whether the writer's connection is inside a
// transaction (SQLite's autocommit off).
func inTransaction(t *testing.T, s *Store) bool {
	t.Helper()
	c, err := s.w.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	var open bool
	if err := c.Raw(func(dc any) error { open = !autocommit(dc); return nil }); err != nil {
		t.Fatal(err)
	}
	return open
}

// wroteWire inserts a source in tx, for a write whose rollback is checked.
func wroteWire(ctx context.Context, tx *wtx) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO sources (name, url, origin, created_at) VALUES ('Rolled back', 'https://rolled.example/rss', 'config', 0)`)
	return err
}

// rolledBack checks that wroteWire's row is not stored, the writer's
// connection is outside any transaction and a fetch's write then goes
// through on it.
func rolledBack(t *testing.T, r *deliveryRig) {
	t.Helper()
	if n := r.count(t, `SELECT count(*) FROM sources WHERE name = 'Rolled back'`); n != 0 {
		t.Errorf("a failed write stored its row")
	}
	if inTransaction(t, r.st) {
		t.Fatal("a failed write left the writer's connection inside its transaction")
	}
	before := r.count(t, `SELECT count(*) FROM articles`)
	guid := fmt.Sprint("after", before)
	items := []news.Article{{GUID: guid, URL: "https://x.example/" + guid, Title: "After"}}
	if added, err := r.st.StoreFeedItems(context.Background(), r.source, items); err != nil || len(added) != 1 {
		t.Fatalf("a fetch's write after a failed one stored %d articles (%v), want 1", len(added), err)
	}
	if n := r.count(t, `SELECT count(*) FROM articles`); n != before+1 {
		t.Errorf("articles = %d after the next write, want %d", n, before+1)
	}
}

// The store's writes, the fetch's among them, run on the writer's
// connection without a *sql.Tx: database/sql starts a goroutine for every
// *sql.Tx and for the rows of every query in it, whatever its context.
func TestAFetchsWriteBeginsNoSQLTx(t *testing.T) {
	r := newDeliveryRig(t)
	sub := r.chat(t, 1, "private")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	plan := func(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, []news.Alert, error) {
		return nil, []news.Alert{{ChatID: 1, ArticleID: arts[0].ID, SubscriptionID: sub}}, nil
	}
	before := r.st.begins.Load()
	if added, _, ok, err := r.st.StoreFeedItemsPlanned(ctx, r.source, plannedItems(r), finishAllBut("p3"), plan); err != nil || !ok || len(added) != 3 {
		t.Fatalf("stored %d articles, plan stored %v (%v); want 3, true", len(added), ok, err)
	}
	a1, a2, a3, sub2 := finishRig(t, r)
	if _, err := r.st.FinishArticles(ctx, nil, []news.Alert{{ChatID: 1, ArticleID: a1, SubscriptionID: sub2}}, []int64{a1, a2, a3}); err != nil {
		t.Fatal(err)
	}
	if n := r.st.begins.Load() - before; n != 0 {
		t.Errorf("the writes began %d *sql.Tx, want 0", n)
	}
}

// A write whose fn fails (the store's own error, or SQLite's) is rolled
// back: nothing it wrote is stored, it fails with fn's error, and the
// writer's connection takes the next write.
func TestAFailedWriteRollsBack(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	mine := errors.New("the write's own error")
	err := r.st.tx(ctx, func(tx *wtx) error {
		if err := wroteWire(ctx, tx); err != nil {
			return err
		}
		return mine
	})
	if !errors.Is(err, mine) {
		t.Fatalf("a failed write: %v, want its error", err)
	}
	rolledBack(t, r)

	// A constraint leaves SQLite's transaction open: the store ends it.
	err = r.st.tx(ctx, func(tx *wtx) error {
		if err := wroteWire(ctx, tx); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO sources (id, name, url, origin, created_at) VALUES (?, 'Twin', 'https://twin.example/rss', 'config', 0)`, r.source)
		return err
	})
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrConstraint {
		t.Fatalf("a write that broke a constraint: %v, want SQLite's constraint error", err)
	}
	rolledBack(t, r)
}

// A stop after a write's last statement, before its COMMIT, stores
// nothing: the write fails with the context's error and ends its
// transaction.
func TestAStopBeforeTheCommitStoresNothing(t *testing.T) {
	r := newDeliveryRig(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err := r.st.tx(ctx, func(tx *wtx) error {
		if err := wroteWire(unwatched(ctx), tx); err != nil {
			return err
		}
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a write stopped before its commit: %v, want context.Canceled", err)
	}
	rolledBack(t, r)
}

// A stop during a write refuses its next statement, unwatched or not, and
// the write stores nothing.
func TestAStopDuringAWriteRefusesItsNextStatement(t *testing.T) {
	for _, name := range []string{"unwatched", "watched"} {
		t.Run(name, func(t *testing.T) {
			r := newDeliveryRig(t)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			run := ctx
			if name == "unwatched" {
				run = unwatched(ctx)
			}
			ran := false
			err := r.st.tx(ctx, func(tx *wtx) error {
				if err := wroteWire(run, tx); err != nil {
					return err
				}
				cancel()
				_, err := tx.ExecContext(run, `UPDATE sources SET name = 'Renamed' WHERE id = ?`, r.source)
				ran = err == nil
				return err
			})
			if !errors.Is(err, context.Canceled) || ran {
				t.Fatalf("a statement after a stop ran (%v), error %v; want it refused with context.Canceled", ran, err)
			}
			rolledBack(t, r)
			if n := r.count(t, `SELECT count(*) FROM sources WHERE name = 'Renamed'`); n != 0 {
				t.Error("the statement after the stop was stored")
			}
		})
	}
}

// A write whose fn panics is rolled back before the panic goes on.
func TestAPanicInAWriteRollsItBack(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("the panic did not reach the caller")
			}
		}()
		r.st.tx(ctx, func(tx *wtx) error {
			if err := wroteWire(ctx, tx); err != nil {
				return err
			}
			panic("in the write")
		})
	}()
	rolledBack(t, r)
}

// A write the database refuses (full: here its page limit) fails the
// fetch's write with SQLite's error wrapped, which DiskFull and
// CheckWritable see; nothing is stored, and once there is room the next
// write goes through.
func TestAFullDatabaseFailsTheFetchsWriteWrapped(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	pages := r.count(t, `PRAGMA page_count`)
	if _, err := r.st.w.Exec(fmt.Sprintf(`PRAGMA max_page_count = %d`, pages)); err != nil {
		t.Fatal(err)
	}
	var items []news.Article
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 40 {
		var text strings.Builder
		for range 1500 {
			fmt.Fprintf(&text, "w%x ", rnd.Uint32())
		}
		items = append(items, news.Article{GUID: fmt.Sprint("full", i), URL: fmt.Sprint("https://x.example/full", i), Title: "Kursk", Text: text.String()})
	}
	_, err := r.st.StoreFeedItems(ctx, r.source, items)
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrFull || !DiskFull(err) {
		t.Fatalf("a fetch's write to a full database: %v, want SQLite's full error", err)
	}
	if !strings.HasPrefix(err.Error(), "store feed items of source ") {
		t.Errorf("the error %q does not say what failed", err)
	}
	if r.st.writeFailures.recent(r.now) == nil {
		t.Error("the refused write was not noted for CheckWritable")
	}
	if n := r.count(t, `SELECT count(*) FROM articles`); n != 0 {
		t.Errorf("a refused write stored %d articles", n)
	}
	if n := r.count(t, `SELECT count(*) FROM seen_items`); n != 0 {
		t.Errorf("a refused write stored %d seen items", n)
	}
	if _, err := r.st.w.Exec(`PRAGMA max_page_count = 1073741823`); err != nil {
		t.Fatal(err)
	}
	rolledBack(t, r)
	if added, err := r.st.StoreFeedItems(ctx, r.source, items); err != nil || len(added) != len(items) {
		t.Fatalf("the fetch's write with room again stored %d articles (%v), want %d", len(added), err, len(items))
	}
}

// A database another process writes (its lock held past busy_timeout)
// fails the fetch's write with SQLite's busy error wrapped, leaves the
// writer's connection outside any transaction, and the write goes through
// once the lock is gone.
func TestABusyDatabaseFailsTheFetchsWriteWrapped(t *testing.T) {
	r := newDeliveryRig(t)
	ctx := context.Background()
	path := r.rows(t, `PRAGMA database_list`)[0][2].(string)
	other, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	oc, err := other.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer oc.Close()
	if _, err := oc.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.w.Exec(`PRAGMA busy_timeout = 20`); err != nil {
		t.Fatal(err)
	}
	items := []news.Article{{GUID: "busy", URL: "https://x.example/busy", Title: "Busy"}}
	_, err = r.st.StoreFeedItems(ctx, r.source, items)
	var se sqlite3.Error
	if !errors.As(err, &se) || se.Code != sqlite3.ErrBusy {
		t.Fatalf("a fetch's write to a locked database: %v, want SQLite's busy error", err)
	}
	if !strings.HasPrefix(err.Error(), "store feed items of source ") {
		t.Errorf("the error %q does not say what failed", err)
	}
	if inTransaction(t, r.st) {
		t.Fatal("a busy write left the writer's connection inside a transaction")
	}
	if _, err := oc.ExecContext(ctx, `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	if _, err := r.st.w.Exec(`PRAGMA busy_timeout = 10000`); err != nil {
		t.Fatal(err)
	}
	if added, err := r.st.StoreFeedItems(ctx, r.source, items); err != nil || len(added) != 1 {
		t.Fatalf("the write once the lock was gone stored %d articles (%v), want 1", len(added), err)
	}
}

// The writer's wrapper notes every statement's and row's error, nil for
// nearly all: a nil one costs no allocation (it cost one each, about 26
// an article in the fill).
func TestNotingNoErrorAllocatesNothing(t *testing.T) {
	f := &writeFailures{now: time.Now}
	if n := testing.AllocsPerRun(100, func() { f.note(nil) }); n != 0 {
		t.Errorf("noting a nil error allocated %v times, want 0", n)
	}
	f.note(sqlite3.Error{Code: sqlite3.ErrFull})
	if f.recent(time.Now()) == nil {
		t.Error("a full database was not noted")
	}
}
