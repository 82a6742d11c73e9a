package main

import (
	"os"
	"path/filepath"
)

// sqliteTempEnv is the variable SQLite reads first for its temporary files.
const sqliteTempEnv = "SQLITE_TMPDIR"

// sqliteTempCandidates are the folders SQLite tries after SQLITE_TMPDIR
// and TMPDIR, before the working directory.
var sqliteTempCandidates = []string{"/var/tmp", "/usr/tmp", "/tmp"}

// sqliteTempDir returns the folder to give SQLite for its temporary files
// (the sorts of a migration building an index, VACUUM's copy), or "" when
// it finds one itself: SQLITE_TMPDIR or TMPDIR set, or one of candidates
// writable. Else it is dbDir, the database's folder, which the start has
// checked is writable: SQLite would fall back to the working directory, and
// in the container image (scratch: no /tmp, the working directory / not the
// user's) creating the database failed in migration 0006 with "disk I/O
// error: permission denied".
func sqliteTempDir(getenv func(string) string, candidates []string, dbDir string) string {
	if getenv(sqliteTempEnv) != "" {
		return ""
	}
	if d := getenv("TMPDIR"); d != "" && writableDir(d) {
		return ""
	}
	for _, d := range candidates {
		if writableDir(d) {
			return ""
		}
	}
	return dbDir
}

// useSQLiteTemp points SQLite's temporary files at the database's folder
// when it would find no place for them (see sqliteTempDir). It must run
// before the process first opens a database: SQLite reads the variable once.
func useSQLiteTemp(getenv func(string) string, dbPath string) {
	dir, err := filepath.Abs(filepath.Dir(dbPath))
	if err != nil {
		return
	}
	if d := sqliteTempDir(getenv, sqliteTempCandidates, dir); d != "" {
		os.Setenv(sqliteTempEnv, d)
	}
}

// writableDir reports whether a file can be made in dir.
func writableDir(dir string) bool {
	f, err := os.CreateTemp(dir, ".newshound-tmp-check-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}
