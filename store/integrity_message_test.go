package store

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

// TestCheckFileMessageStaysShortOnWideDamage: with many pages damaged,
// quick_check answers dozens of findings (several lines in one row); the
// refusal names a few on one line, counts the rest, and its advice stays
// in sight.
func TestCheckFileMessageStaysShortOnWideDamage(t *testing.T) {
	path := soundFile(t)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	for page := int64(1); page < 12; page++ {
		if _, err := f.WriteAt([]byte(strings.Repeat("\x07", 3000)), 4096*page+8); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = CheckFile(context.Background(), path, false)
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("CheckFile = %v, want ErrDamaged", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "\n") || len(msg) > 1200 {
		t.Errorf("the refusal is %d bytes over %d lines, want one short line:\n%s", len(msg), strings.Count(msg, "\n")+1, msg)
	}
	if !strings.Contains(msg, "newshound backup") || !strings.Contains(msg, ".recover") {
		t.Errorf("the refusal %q lost its advice", msg)
	}
}

// TestCheckFileForeignFileSaysToPointElsewhere: a file that is no SQLite
// database at all (a config file named by mistake) is refused with the
// advice to point storage.path elsewhere before any advice to overwrite it;
// a device such as /dev/null is refused as not a file, never with the
// advice to delete it.
func TestCheckFileForeignFileSaysToPointElsewhere(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"short.toml": "[telegram]\ntoken = \"123:abc\"\n",
		"long.txt":   strings.Repeat("not a database\n", 400),
	} {
		path := dir + "/" + name
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := CheckFile(context.Background(), path, false)
		if err == nil || !strings.Contains(err.Error(), "point storage.path at your database") {
			t.Errorf("%s: CheckFile = %v, want the advice to point storage.path elsewhere", name, err)
		}
	}
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null here")
	}
	_, err := CheckFile(context.Background(), "/dev/null", false)
	if err == nil || !strings.Contains(err.Error(), "not a regular file") || strings.Contains(err.Error(), "delete") {
		t.Errorf("/dev/null: CheckFile = %v, want it refused as not a regular file", err)
	}
}
