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
