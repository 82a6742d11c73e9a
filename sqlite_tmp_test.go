package main

import (
	"path/filepath"
	"testing"
)

// In the container image (scratch) there is no /tmp, /var/tmp or /usr/tmp
// and the working directory is /, which the user may not write: SQLite had
// nowhere for its temporary files and creating the database failed in a
// migration ("disk I/O error: permission denied"). Then, and only then,
// they go to the database's folder.
func TestSQLiteTempFilesGoBesideTheDatabaseWhenNothingElseIs(t *testing.T) {
	db := t.TempDir()
	writable := t.TempDir()
	missing := filepath.Join(t.TempDir(), "none")
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	cases := []struct {
		name       string
		getenv     func(string) string
		candidates []string
		want       string
	}{
		{"scratch: no temporary folder", env(nil), []string{missing, missing + "2"}, db},
		{"TMPDIR missing, no folder", env(map[string]string{"TMPDIR": missing}), []string{missing}, db},
		{"a /tmp", env(nil), []string{missing, writable}, ""},
		{"TMPDIR set", env(map[string]string{"TMPDIR": writable}), []string{missing}, ""},
		{"SQLITE_TMPDIR set by the operator", env(map[string]string{sqliteTempEnv: missing}), []string{missing}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := sqliteTempDir(c.getenv, c.candidates, db); got != c.want {
				t.Errorf("sqliteTempDir = %q, want %q", got, c.want)
			}
		})
	}
}
