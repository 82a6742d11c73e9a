package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"
	"time"
)

// QuickCheckMaxBytes is the largest database CheckFile checks unless forced
// (the -check-db flag): SQLite's quick_check reads every page, about a
// second per few hundred MB on a small server, and a bigger file would delay
// every start. 512 MiB holds years of a typical installation's news.
const QuickCheckMaxBytes = 512 << 20

// FileCheck is what CheckFile found.
type FileCheck struct {
	New     bool          // no file yet: a new database will be created
	Size    int64         // bytes of the main file
	Checked bool          // quick_check ran (false: New, or above QuickCheckMaxBytes and not forced)
	Took    time.Duration // how long quick_check ran
}

// ErrDamaged is the error CheckFile wraps when the file is not a sound
// database: empty, truncated, or failing quick_check.
var ErrDamaged = errors.New("the database file is damaged")

// CheckFile makes sure that path, if it exists, is a sound SQLite database
// before Open migrates it and the bot relies on it. A missing file is fine
// (a new install). An existing empty file is refused: it is a database
// truncated to nothing, and starting on it would silently be a new install.
// A file up to QuickCheckMaxBytes (any size when force) is read whole by
// SQLite's quick_check, which finds torn and truncated pages; any finding
// is refused. Every refusal wraps ErrDamaged and says what to do: restore a
// backup (newshound backup) or salvage with `sqlite3 .recover`; an empty
// file, which has nothing to salvage, says to restore a backup or delete it
// to start a new database; a file that does not begin as a database at all
// says first to point storage.path at the database (it may name another
// file by mistake). A device, folder or pipe is refused as not a regular
// file (without ErrDamaged). It fails also when the file cannot be read,
// and (without ErrDamaged: see DiskFull and Busy) when the disk has no room
// for SQLite's shared-memory file or another process holds the database.
func CheckFile(ctx context.Context, path string, force bool) (FileCheck, error) {
	info, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return FileCheck{New: true}, nil
	}
	if err != nil {
		return FileCheck{}, fmt.Errorf("check %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return FileCheck{}, fmt.Errorf("check %s: it is not a regular file (%s): point storage.path at your database file, or at a new file name to start one", path, info.Mode().Type())
	}
	fc := FileCheck{Size: info.Size()}
	if info.Size() == 0 {
		return fc, emptyFile(path)
	}
	if what := checkHeader(path, info.Size()); what != "" {
		if !sqliteStart(path) {
			return fc, notADatabase(path, what)
		}
		return fc, damaged(path, what, nil)
	}
	if info.Size() > QuickCheckMaxBytes && !force {
		return fc, nil
	}
	q := url.Values{}
	q.Set("_busy_timeout", "10000")
	q.Set("_query_only", "1")
	db, err := sql.Open("sqlite3", fileURI(path, q))
	if err != nil {
		return fc, fmt.Errorf("check %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	start := time.Now()
	findings, err := quickCheck(ctx, db)
	fc.Took = time.Since(start)
	if err != nil {
		if ctx.Err() != nil || DiskFull(err) || Busy(err) {
			// Not the file's fault: SQLite could not make its
			// shared-memory file (a full disk) or waited in vain.
			return fc, fmt.Errorf("check %s: %w", path, err)
		}
		return fc, damaged(path, "SQLite cannot read it", err)
	}
	if len(findings) > 0 {
		return fc, damaged(path, "quick_check found: "+strings.Join(findings, "; "), nil)
	}
	fc.Checked = true
	return fc, nil
}

// checkHeader compares the file's size with the page size and page count in
// its header: a file cut short (even by less than a page, which quick_check
// may read as zeros and pass) is damaged. It returns what is wrong, or "".
func checkHeader(path string, size int64) string {
	f, err := os.Open(path)
	if err != nil {
		return "" // CheckFile's open reports it
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		return fmt.Sprintf("it is %d bytes, shorter than a database header", size)
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return "it is not an SQLite database (its header is wrong)"
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return fmt.Sprintf("its header names a page size of %d bytes", pageSize)
	}
	if size%pageSize != 0 {
		return fmt.Sprintf("it is %d bytes, not a whole number of %d-byte pages: it was cut short", size, pageSize)
	}
	// The page count is valid when the change counter matches (SQLite 3.7.0+).
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	if binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) && pages*pageSize > size {
		return fmt.Sprintf("it is %d bytes but its header counts %d pages of %d bytes: it was cut short", size, pages, pageSize)
	}
	return ""
}

// quickCheckFindings bounds the findings kept for the message.
const quickCheckFindings = 5

func quickCheck(ctx context.Context, db *sql.DB) ([]string, error) {
	rows, err := db.QueryContext(ctx, `PRAGMA quick_check`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var findings []string
	more := 0
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return nil, err
		}
		if line == "ok" {
			continue
		}
		// One row may hold many findings, a line each ("*** in database
		// main ***\nTree 6 page 6 …"): they count one by one, so the
		// message stays a few lines long with its advice in sight.
		for _, l := range strings.Split(line, "\n") {
			if l = strings.TrimSpace(l); l == "" || strings.HasPrefix(l, "***") {
				continue
			}
			if len(findings) < quickCheckFindings {
				findings = append(findings, l)
			} else {
				more++
			}
		}
	}
	if more > 0 {
		findings = append(findings, fmt.Sprintf("and %d more", more))
	}
	return findings, rows.Err()
}

// emptyFile is the refusal of a 0-byte file: there is nothing to salvage,
// so the advice is a backup or a new database.
func emptyFile(path string) error {
	return fmt.Errorf("%w: %s: it is empty (0 bytes), so it holds no chat and no subscription; "+
		"stop here and restore your latest backup (made with `newshound backup`) to %s, "+
		"or, to start a new database, delete the empty file", ErrDamaged, path, path)
}

// sqliteStart reports whether the file begins as an SQLite database does
// (its first bytes, up to the 16 of the magic, are the magic's), or cannot
// be read: only then may it be a damaged database rather than another file.
func sqliteStart(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	var h [16]byte
	n, _ := io.ReadFull(f, h[:])
	return n > 0 && strings.HasPrefix("SQLite format 3\x00", string(h[:n]))
}

// notADatabase is the refusal of a file that does not begin as a database: most
// likely storage.path names another file by mistake, so that advice comes
// before the advice for a damaged database (which overwrites the file).
func notADatabase(path, what string) error {
	return fmt.Errorf("%w: %s: %s; if storage.path names another file by mistake, point storage.path at your database, "+
		"or at a new file name to start one; if this was your database, %s", ErrDamaged, path, what, damageFix(path))
}

// damageFix is the advice for a damaged database at path.
func damageFix(path string) string {
	return fmt.Sprintf("stop here and restore your latest backup (made with `newshound backup`) to %s, "+
		"or salvage what is left with `sqlite3 %s .recover | sqlite3 recovered.db` and point storage.path at recovered.db", path, path)
}

func damaged(path, what string, err error) error {
	fix := damageFix(path)
	if err != nil {
		return fmt.Errorf("%w: %s: %s (%w); %s", ErrDamaged, path, what, err, fix)
	}
	return fmt.Errorf("%w: %s: %s; %s", ErrDamaged, path, what, fix)
}
