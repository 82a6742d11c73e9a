//go:build !sqlite_fts5

package store

// Newshound's store needs SQLite's FTS5 module, which mattn/go-sqlite3 compiles
// in only with the build tag sqlite_fts5. Without the tag the build stops here
// with the message below: build and test with `-tags sqlite_fts5`.
var _ = Newshound_needs_build_tag_sqlite_fts5__use_go_build_or_go_test_with_tags_sqlite_fts5
