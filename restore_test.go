package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/store"
)

// TestRestoreLeavesNoOtherDatabasesWAL: the operator's bot was killed, and
// they put last night's backup at storage.path as the README said, but left
// the killed process's -wal file beside it: SQLite replayed it into the
// backup, the start refused the file as damaged and told them to restore
// the backup they had just restored. `newshound restore` refuses while the
// bot runs, moves the database it replaces aside with its -wal and -shm,
// puts the backup in place, and the bot starts on the backup's articles.
func TestRestoreLeavesNoOtherDatabasesWAL(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	dir := t.TempDir()
	cfgPath := writeConsoleConfig(t, dir, feed.URL)
	db := filepath.Join(dir, "console.db")
	bk := filepath.Join(t.TempDir(), "backup.db")
	noEnv := func(string) string { return "" }
	ctx := context.Background()
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

	c := startConsole(t, cfgPath, start, nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
	if err := runBackup(ctx, []string{"-config", cfgPath, bk}, noEnv, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	err := runRestore(ctx, []string{"-config", cfgPath, bk}, noEnv, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "in use by another process") {
		t.Errorf("restore while the bot runs: %v, want a refusal naming the running process", err)
	}
	c.stop()
	leaveCrashedWAL(t, db)
	empty := filepath.Join(t.TempDir(), "empty.db")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	err = runRestore(ctx, []string{"-config", cfgPath, empty}, noEnv, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "choose another backup") || strings.Contains(err.Error(), "restore your latest backup") {
		t.Errorf("restore of an empty backup: %v, want a refusal saying to choose another", err)
	}

	var out bytes.Buffer
	if err := runRestore(ctx, []string{"-config", cfgPath, bk}, noEnv, &out); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{db + "-wal", db + "-shm", db + ".restoring"} {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s is left beside the restored database (%v)", filepath.Base(f), err)
		}
	}
	aside, err := filepath.Glob(db + ".replaced-*")
	if err != nil {
		t.Fatal(err)
	}
	if len(aside) != 3 || !strings.Contains(out.String(), "restored "+bk+" to "+db) {
		t.Errorf("the replaced database and its -wal and -shm should be kept aside, and said: %v\n%s", aside, out.String())
	}
	c = startConsole(t, cfgPath, start.Add(time.Hour), nil)
	c.send("/search kursk\n")
	testkit.WaitWithin(t, "the backup's article", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Kursk region reports new shelling") })
	c.stop()
}

// leaveCrashedWAL leaves beside the database at path what a killed process
// leaves: a -wal file holding writes not yet copied into the database.
func leaveCrashedWAL(t *testing.T, path string) {
	t.Helper()
	sqldb, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	sqldb.SetMaxOpenConns(1)
	for _, q := range []string{`PRAGMA wal_autocheckpoint = 0`, `UPDATE articles SET title = 'written after the backup'`, `DELETE FROM outbox`} {
		if _, err := sqldb.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	saved := map[string][]byte{}
	for _, suffix := range []string{"-wal", "-shm"} {
		b, err := os.ReadFile(path + suffix)
		if err != nil || len(b) == 0 {
			t.Fatalf("no %s while writing: %v", suffix, err)
		}
		saved[suffix] = b
	}
	if err := sqldb.Close(); err != nil {
		t.Fatal(err)
	}
	for suffix, b := range saved {
		if err := os.WriteFile(path+suffix, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAHandRestoreBesideAStaleWALNamesTheCause: the same restore done by
// hand, the killed process's -wal left beside the copy, is refused as
// damaged (SQLite replayed the -wal into it), and the refusal says why and
// to put the backup there again or use newshound restore, instead of only
// "restore your latest backup", which the operator had just done.
func TestAHandRestoreBesideAStaleWALNamesTheCause(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	dir := t.TempDir()
	cfgPath := writeConsoleConfig(t, dir, feed.URL)
	db := filepath.Join(dir, "console.db")
	bk := filepath.Join(t.TempDir(), "backup.db")
	c := startConsole(t, cfgPath, time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "First fetch done") })
	if err := runBackup(context.Background(), []string{"-config", cfgPath, bk}, func(string) string { return "" }, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	c.stop()
	leaveCrashedWAL(t, db)
	b, err := os.ReadFile(bk)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, b, 0o644); err != nil { // cp backup.db console.db
		t.Fatal(err)
	}
	m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
	err = m.Run(context.Background(), cfgPath)
	if err == nil {
		t.Skip("SQLite replayed the -wal without damage this time: nothing to say")
	}
	for _, want := range []string{"a -wal file was beside it", "put the backup there again", "newshound restore"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal lacks %q: %v", want, err)
		}
	}
}

// TestBackupIntoAMissingFolderNamesIt: `newshound backup` to a folder that
// does not exist said "unable to open database: …: no such file or
// directory"; it names the folder and mkdir -p.
func TestBackupIntoAMissingFolderNamesIt(t *testing.T) {
	dir := t.TempDir()
	cfgPath := storageConfig(t, filepath.Join(dir, "nh.toml"), filepath.Join(dir, "nh.db"))
	if err := createDatabase(context.Background(), filepath.Join(dir, "nh.db")); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "backups", "2026")
	err := runBackup(context.Background(), []string{"-config", cfgPath, filepath.Join(missing, "nh.db")}, func(string) string { return "" }, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "mkdir -p "+missing) {
		t.Errorf("backup into a missing folder: %v, want it named with mkdir -p", err)
	}
	// A folder as DEST said "already exists; give a new file name".
	err = runBackup(context.Background(), []string{"-config", cfgPath, dir}, func(string) string { return "" }, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), dir+" is a folder: give the copy's file name in it, such as "+filepath.Join(dir, "newshound-")) {
		t.Errorf("backup to a folder: %v, want a file in it suggested", err)
	}
}

// `newshound backup` into a folder it may not write (a read-only mount,
// another user's): SQLite said "unable to open database: …: no such file or
// directory"; the error names the folder and that it cannot be written.
func TestBackupIntoAnUnwritableFolderNamesIt(t *testing.T) {
	dir := t.TempDir()
	cfgPath := storageConfig(t, filepath.Join(dir, "nh.toml"), filepath.Join(dir, "nh.db"))
	if err := createDatabase(context.Background(), filepath.Join(dir, "nh.db")); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o500); err != nil {
		t.Fatal(err)
	}
	if f, err := os.CreateTemp(locked, "probe"); err == nil { // root writes anywhere: take a folder nobody may write
		f.Close()
		locked = "/proc"
		if !isDir(locked) {
			t.Skip("running as root without /proc: no folder to refuse a write")
		}
	}
	err := runBackup(context.Background(), []string{"-config", cfgPath, filepath.Join(locked, "nh.db")}, func(string) string { return "" }, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "cannot write in "+locked) {
		t.Errorf("backup into %s: %v, want the folder named as not writable", locked, err)
	}
}

// A backup written by a newer Newshound (an operator going back after an
// upgrade, with the backup taken after it) or another application's file
// was put in place, the database it replaced moved aside, and the next
// start refused the file: restore now refuses it first and changes nothing.
func TestRestoreRefusesABackupThisVersionCannotRun(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	dir := t.TempDir()
	cfgPath := writeConsoleConfig(t, dir, feed.URL)
	db := filepath.Join(dir, "console.db")
	ctx := context.Background()
	noEnv := func(string) string { return "" }
	makeDatabase(t, db)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}

	newer := filepath.Join(t.TempDir(), "newer.db")
	makeDatabase(t, newer)
	sqlExec(t, newer, "INSERT INTO schema_migrations (version, applied_at) VALUES (9999, 0)")
	foreign := filepath.Join(t.TempDir(), "foreign.db")
	sqlExec(t, foreign, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")

	for _, tt := range []struct{ name, backup, want string }{
		{"a newer Newshound's backup", newer, "written by a newer Newshound (migration 9999"},
		{"another application's file", foreign, "not a Newshound database"},
		{"the database itself", filepath.Join(dir, ".", "console.db"), "is the database at storage.path itself"},
	} {
		err := runRestore(ctx, []string{"-config", cfgPath, tt.backup}, noEnv, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "nothing was changed") {
			t.Errorf("%s: %v, want a refusal saying %q and that nothing was changed", tt.name, err, tt.want)
		}
		after, err := os.ReadFile(db)
		if err != nil || !bytes.Equal(before, after) {
			t.Fatalf("%s: the database changed or moved (%v)", tt.name, err)
		}
		if aside, _ := filepath.Glob(db + ".replaced-*"); len(aside) != 0 {
			t.Errorf("%s: the database was moved aside: %v", tt.name, aside)
		}
	}
}

// makeDatabase creates a Newshound database at path, closed.
func makeDatabase(t *testing.T, path string) {
	t.Helper()
	st, err := store.Open(context.Background(), path, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

// sqlExec runs one statement on the SQLite file at path, outside the store.
func sqlExec(t *testing.T, path, stmt string) {
	t.Helper()
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(stmt); err != nil {
		t.Fatalf("%s: %v", stmt, err)
	}
}

// Ctrl-C or SIGTERM during a restore: the signal is caught (so that a
// backup can clean up), and the restore's copy of BACKUP went on to the end,
// then moved the database aside and put the backup in place all the same.
// A stopped restore changes nothing and says so.
func TestRestoreStoppedChangesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	makeDatabase(t, db)
	backup := filepath.Join(t.TempDir(), "copy.db")
	makeDatabase(t, backup)
	stoppedChangesNothing(t, db, "restore", func(ctx context.Context, cfg string) error {
		return runRestore(ctx, []string{"-config", cfg, backup}, func(string) string { return "" }, &bytes.Buffer{})
	})
	if left, _ := filepath.Glob(db + ".*"); len(left) > 1 { // nh.db.lock alone
		t.Errorf("the stopped restore left %v", left)
	}
	// Stopped while copying: the copy ends, and nothing is left of it.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	tmp := filepath.Join(dir, "copy.restoring")
	if err := copyNew(ctx, backup, tmp); err == nil {
		t.Error("copyNew went on after its context ended")
	}
	if _, err := os.Stat(tmp); !os.IsNotExist(err) {
		t.Errorf("copyNew left %s (stat: %v)", tmp, err)
	}
}

// stoppedChangesNothing runs run, a maintenance command that stops on its
// context (named what), with an ended context and the path of a
// configuration naming the database db, and checks that it says it stopped
// and changed nothing, and that db is as it was.
func stoppedChangesNothing(t *testing.T, db, what string, run func(ctx context.Context, cfg string) error) {
	t.Helper()
	cfg := writeConfig(t, filepath.Join(filepath.Dir(db), "nh.toml"), "[storage]\npath = \""+db+"\"\n")
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err = run(ctx, cfg)
	if err == nil || !strings.Contains(err.Error(), what+" stopped") || !strings.Contains(err.Error(), "nothing was changed") {
		t.Errorf("a stopped %s: %v; want that it stopped and changed nothing", what, err)
	}
	if after, err := os.ReadFile(db); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the database changed (%v)", err)
	}
}

// `newshound restore nh-2026-11-30.db` with a name mistyped or from
// another folder said only "the backup … does not exist". It says where a
// relative path was looked for, what to give, and the backups there are.
func TestRestoreOfAMissingBackupNamesTheFix(t *testing.T) {
	dir := t.TempDir()
	cfgPath := storageConfig(t, filepath.Join(dir, "nh.toml"), filepath.Join(dir, "nh.db"))
	if err := createDatabase(context.Background(), filepath.Join(dir, "nh.db")); err != nil {
		t.Fatal(err)
	}
	if err := runBackup(context.Background(), []string{"-config", cfgPath, filepath.Join(dir, "nh-2026-11-29.db")}, func(string) string { return "" }, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	err := runRestore(context.Background(), []string{"-config", cfgPath, "nh-2026-11-30.db"}, func(string) string { return "" }, &bytes.Buffer{})
	for _, want := range []string{"the backup nh-2026-11-30.db does not exist", "working folder, " + dir, "give the path of the file newshound backup wrote", "there are nh-2026-11-29.db;"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("restore of a missing backup: %v, want %q", err, want)
		}
	}
	if err != nil && strings.Contains(err.Error(), " nh.db") {
		t.Errorf("restore of a missing backup: %v, offers the live database as a backup", err)
	}
}
