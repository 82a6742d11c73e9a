package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A file with mistakes in several tables named only the first: the operator
// fixed it, restarted, and heard of the next, once a start each. Load names
// the first mistake of every table at once, each with its key, and the
// error is still ErrInvalid (exit 78) and a *FieldError for the first.
func TestMistakesInSeveralTablesAreNamedAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "newshound.toml")
	file := "[poller]\nschedule = \"@evry 2m\"\n[digest]\ntimezone = \"Mars/Base\"\n[subscriptions]\nmax_per_chat = 0\n"
	if err := os.WriteFile(path, []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, nil)
	if err == nil {
		t.Fatal("Load took three mistakes")
	}
	for _, key := range []string{"poller.schedule:", `"@every 2m"`, "digest.timezone:", "subscriptions.max_per_chat:"} {
		if !strings.Contains(err.Error(), key) {
			t.Errorf("Load = %v: does not name %q", err, key)
		}
	}
	var fe *FieldError
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &fe) || fe.Key != "poller.schedule" {
		t.Errorf("Load = %v: want ErrInvalid and the first *FieldError poller.schedule (got %v)", err, fe)
	}
	if n := strings.Count(err.Error(), "\n"); n != 2 {
		t.Errorf("Load = %q: want each mistake on a line of its own", err)
	}
}
