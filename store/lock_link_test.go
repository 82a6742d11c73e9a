package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestALinkToTheDatabaseTakesItsLock: a storage.path that is a symbolic
// link to the database (the file made already, or not yet: SQLite creates
// the link's target) is refused while a bot holds the database by its own
// name, and the other way round. The lock beside the link let two bots
// run on one database, each sending every alert.
func TestALinkToTheDatabaseTakesItsLock(t *testing.T) {
	for _, made := range []bool{true, false} {
		dir := t.TempDir()
		real := filepath.Join(dir, "data", "newshound.db")
		if err := os.Mkdir(filepath.Dir(real), 0o755); err != nil {
			t.Fatal(err)
		}
		if made {
			st, err := Open(context.Background(), real, nil)
			if err != nil {
				t.Fatal(err)
			}
			st.Close()
		}
		link := filepath.Join(dir, "bot.db")
		// A relative link, as `ln -s data/newshound.db bot.db` makes.
		if err := os.Symlink(filepath.Join("data", "newshound.db"), link); err != nil {
			t.Skipf("no symbolic links here: %v", err)
		}
		for _, order := range [][2]string{{real, link}, {link, real}} {
			unlock, err := Lock(order[0])
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Lock(order[1]); !errors.Is(err, ErrLocked) {
				t.Errorf("database made %v: %s locked, then %s: %v; want ErrLocked", made, filepath.Base(order[0]), filepath.Base(order[1]), err)
			}
			if err := unlock(); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := os.Stat(link + ".lock"); !os.IsNotExist(err) {
			t.Errorf("database made %v: a lock file beside the link (%v)", made, err)
		}
	}
}
