package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
)

// soundFile writes a database with a few hundred rows and closes it.
func soundFile(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sound.db")
	st, err := Open(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		if _, err := st.EnsureChat(ctx, int64(1000+i), "private", strings.Repeat("title ", 20), news.ChatDefaults{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckFileAcceptsSoundAndMissingFiles(t *testing.T) {
	ctx := context.Background()
	fc, err := CheckFile(ctx, filepath.Join(t.TempDir(), "new.db"), false)
	if err != nil || !fc.New {
		t.Fatalf("missing file: %+v, %v; want a new database", fc, err)
	}
	path := soundFile(t)
	fc, err = CheckFile(ctx, path, false)
	if err != nil || !fc.Checked || fc.Size == 0 {
		t.Fatalf("sound file: %+v, %v; want checked", fc, err)
	}
}

func TestCheckFileRefusesDamage(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name   string
		damage func(t *testing.T, path string)
		empty  bool // nothing to salvage: advise a backup or a new database
	}{
		{"empty", func(t *testing.T, path string) {
			if err := os.Truncate(path, 0); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"truncated by less than a page", func(t *testing.T, path string) {
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, info.Size()-100); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"a page overwritten", func(t *testing.T, path string) {
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if _, err := f.WriteAt([]byte(strings.Repeat("\xff", 4096)), 4096*2); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"not a database", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(strings.Repeat("<html>not sqlite</html>\n", 400)), 0o600); err != nil {
				t.Fatal(err)
			}
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := soundFile(t)
			tt.damage(t, path)
			_, err := CheckFile(ctx, path, false)
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("CheckFile = %v, want ErrDamaged", err)
			}
			fixes, wrong := []string{"newshound backup", ".recover", path}, "delete the empty file"
			if tt.empty {
				fixes, wrong = []string{"newshound backup", "delete the empty file", path}, ".recover"
			}
			for _, fix := range fixes {
				if !strings.Contains(err.Error(), fix) {
					t.Errorf("message %q does not name %q", err, fix)
				}
			}
			if strings.Contains(err.Error(), wrong) {
				t.Errorf("message %q names %q", err, wrong)
			}
		})
	}
}
