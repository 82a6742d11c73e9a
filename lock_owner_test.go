package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// An operator runs `sudo newshound vacuum` (or restore) on the database of
// a service that runs as another user: the lock file the command created
// was root's, mode 0600, and the service's next start failed with "lock …:
// permission denied", again at every restart. It gets the database's owner.
func TestMaintenanceLeavesTheLockToTheDatabasesOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, as the operator's sudo")
	}
	const service = 65534 // nobody, as the unit's dynamic user
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "nh.db")
	if err := createDatabase(ctx, db); err != nil {
		t.Fatal(err)
	}
	backup := filepath.Join(t.TempDir(), "copy.db")
	cfg := filepath.Join(t.TempDir(), "nh.toml")
	if err := os.WriteFile(cfg, []byte("[storage]\npath = \""+db+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	var out bytes.Buffer
	if err := runBackup(ctx, []string{"-config", cfg, backup}, getenv, &out); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, db} {
		if err := os.Chown(p, service, service); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		run  func() error
	}{
		{"vacuum", func() error { return runVacuum(ctx, []string{"-config", cfg}, getenv, &out) }},
		{"restore", func() error { return runRestore(ctx, []string{"-config", cfg, backup}, getenv, &out) }},
	} {
		if err := os.Remove(db + ".lock"); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		if err := c.run(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		fi, err := os.Stat(db + ".lock")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if uid := fi.Sys().(*syscall.Stat_t).Uid; uid != service {
			t.Errorf("after %s as root, %s.lock is uid %d's: the service (uid %d) cannot take it at its next start", c.name, db, uid, service)
		}
	}
}

// When the lock file is another user's all the same (the bot itself run
// once as root), the start says whose it is and the chown that mends it,
// not only "permission denied".
func TestStartSaysWhoseTheLockIs(t *testing.T) {
	const service = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-lock-")
	db := serviceDatabase(t, dir, service)
	if err := os.WriteFile(db+".lock", nil, 0o600); err != nil { // root's, as a root run leaves it
		t.Fatal(err)
	}
	out, err := startAs(t, exe, db, service)
	if err == nil {
		t.Fatalf("started with a lock file it may not open:\n%s", out)
	}
	if !bytes.Contains(out, []byte("belongs to another user")) || !bytes.Contains(out, []byte("chown --reference="+db+" "+db+".lock")) {
		t.Errorf("the start's error (%v) does not say whose the lock is and how to mend it:\n%s", err, out)
	}
}

// A -wal and -shm left another user's beside the database (root ran a
// sqlite3 shell, a copy or an rsync on it, or a Newshound whose SQLite did
// not hand them over) stopped the service's start with "the database file is
// damaged: … permission denied" and the advice to restore a backup or
// salvage the file, which would throw away the writes the -wal holds. The
// start names the files, that they are another user's, and the chown.
func TestStartSaysWhoseTheWalIs(t *testing.T) {
	const service = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-wal-")
	db := serviceDatabase(t, dir, service)
	for _, side := range []string{"-wal", "-shm"} { // root's, as a root run or copy leaves them
		if err := os.WriteFile(db+side, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	out, err := startAs(t, exe, db, service)
	if err == nil {
		t.Fatalf("started with a -wal it may not write:\n%s", out)
	}
	for _, want := range []string{"belong to another user", "chown --reference=" + db + " " + db + "-wal " + db + "-shm", "do not delete"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("the start's error (%v) does not say %q:\n%s", err, want, out)
		}
	}
	if bytes.Contains(out, []byte("damaged")) || bytes.Contains(out, []byte("restore")) {
		t.Errorf("the start calls a database whose -wal it may not open damaged:\n%s", out)
	}
}

// `newshound backup` (or vacuum) run by an operator's own user on the
// systemd unit's database, which lives in /var/lib/private (mode 0700,
// DynamicUser=): it said only "stat …/newshound.db: permission denied".
// It names storage.path and to run it as root or as the bot's user.
func TestMaintenanceWithoutAccessSaysWhoMay(t *testing.T) {
	const operator = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-private-")
	private := filepath.Join(dir, "private")
	if err := os.Mkdir(private, 0o700); err != nil { // root's, as /var/lib/private
		t.Fatal(err)
	}
	db := filepath.Join(private, "nh.db")
	if err := createDatabase(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "nh.toml")
	if err := os.WriteFile(cfg, []byte("[storage]\npath = \""+db+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"backup", "-config", cfg, filepath.Join(dir, "copy.db")}, {"vacuum", "-config", cfg}} {
		cmd := exec.Command(exe, args...)
		cmd.Dir = dir
		cmd.Env = []string{"HOME=" + dir}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: operator, Gid: operator}}
		out, err := cmd.CombinedOutput()
		if err == nil {
			t.Fatalf("%s ran on a database its user may not read:\n%s", args[0], out)
		}
		for _, want := range []string{"storage.path", "may not read", "as root (sudo", "the user the bot runs as"} {
			if !bytes.Contains(out, []byte(want)) {
				t.Errorf("%s's error (%v) does not say %q:\n%s", args[0], err, want, out)
			}
		}
	}
}

// `sudo newshound -config /etc/newshound/newshound.toml`, the bot itself
// run once as root on the service's database (to look at it in the
// console, to see an error): the lock file, the console's log and a
// database it created were root's, and the service's next start failed
// "permission denied" at every restart. Run as root, the bot gives the files
// it creates the owner of the database, or of their folder.
func TestRootRunLeavesItsFilesToTheirOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root, as the operator's sudo")
	}
	const service = 65534
	for _, existing := range []bool{true, false} {
		dir := t.TempDir()
		if err := os.Chown(dir, service, service); err != nil { // the service's, as StateDirectory= makes it
			t.Fatal(err)
		}
		db := filepath.Join(dir, "nh.db")
		if existing {
			if err := createDatabase(context.Background(), db); err != nil {
				t.Fatal(err)
			}
			if err := os.Chown(db, service, service); err != nil {
				t.Fatal(err)
			}
		}
		cfg := storageConfig(t, filepath.Join(t.TempDir(), "nh.toml"), db)
		m := NewMain(strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{}, func(string) string { return "" })
		if err := m.Run(context.Background(), cfg); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{db, db + ".lock", filepath.Join(dir, "newshound.log")} {
			fi, err := os.Stat(f)
			if err != nil {
				t.Errorf("existing database %v: %v", existing, err)
				continue
			}
			if uid := fi.Sys().(*syscall.Stat_t).Uid; uid != service {
				t.Errorf("existing database %v: after a run as root, %s is uid %d's: the service (uid %d) cannot use it at its next start", existing, f, uid, service)
			}
		}
	}
}

// binaryForAnotherUser copies the test binary into a new folder every user
// may enter (prefix names it), so the test can run it as another user; it
// skips the test unless run as root and not -short.
func binaryForAnotherUser(t *testing.T, prefix string) (dir, exe string) {
	t.Helper()
	if os.Geteuid() != 0 || testing.Short() {
		t.Skip("needs root, to run the binary as another user")
	}
	bin, err := binary()
	if err != nil {
		t.Fatal(err)
	}
	dir, err = os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	exe = filepath.Join(dir, "newshound") // where the other user may run it
	if err := os.WriteFile(exe, data, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, exe
}

// serviceDatabase creates nh.db in dir and gives both to uid, as the unit's
// StateDirectory= does.
func serviceDatabase(t *testing.T, dir string, uid int) string {
	t.Helper()
	db := filepath.Join(dir, "nh.db")
	if err := createDatabase(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{dir, db} {
		if err := os.Chown(p, uid, uid); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

// startAs starts the bot exe as uid on db, with a Telegram endpoint that
// refuses at once, and returns what it printed and how it ended.
func startAs(t *testing.T, exe, db string, uid int) ([]byte, error) {
	t.Helper()
	return runAs(t, exe, db, uid, "[telegram]\napi_endpoint = \"http://127.0.0.1:1/bot%s/%s\"\n", "NEWSHOUND_TELEGRAM_TOKEN=1:x")
}

// runAs runs exe as uid on db with a configuration of the tables given and
// storage.path db, in db's folder, HOME there and env beside it, standard
// input empty; it returns what it printed and how it ended.
func runAs(t *testing.T, exe, db string, uid int, tables string, env ...string) ([]byte, error) {
	t.Helper()
	dir := filepath.Dir(db)
	cfg := filepath.Join(dir, "nh.toml")
	if err := os.WriteFile(cfg, []byte(tables+"[storage]\npath = \""+db+"\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-config", cfg)
	cmd.Dir = dir
	cmd.Env = append(env, "HOME="+dir)
	cmd.Stdin = strings.NewReader("")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(uid)}}
	return cmd.CombinedOutput()
}

// The bot run once as root leaves the database and its lock root's: the
// service's start said to chown the database alone, and the next start
// stopped at the lock. The one chown names every file beside it that the
// service may not write.
func TestStartNamesEveryFileToGiveBack(t *testing.T) {
	const service = 65534
	dir, exe := binaryForAnotherUser(t, "newshound-owner-")
	db := serviceDatabase(t, dir, service)
	if err := os.WriteFile(db+".lock", nil, 0o600); err != nil { // root's, as a root run leaves it
		t.Fatal(err)
	}
	if err := os.Chown(db, 0, 0); err != nil { // and the database
		t.Fatal(err)
	}
	if err := os.Chmod(db, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := startAs(t, exe, db, service)
	if err == nil {
		t.Fatalf("started on a database it may not write:\n%s", out)
	}
	if want := fmt.Sprintf("chown %d %s %s.lock)", service, db, db); !bytes.Contains(out, []byte(want)) {
		t.Errorf("the start's error (%v) does not say %q:\n%s", err, want, out)
	}
}
