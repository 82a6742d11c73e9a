package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/newshound/newshound/store"
)

// checkDatabase refuses to start on an empty or damaged database file (see
// store.CheckFile), so that a damaged file is never a silent new install or a
// bot that fails every write; it logs how long the check took, or why it
// was skipped.
func checkDatabase(ctx context.Context, path string, force bool, log *slog.Logger) error {
	wal, _ := os.Stat(path + "-wal")
	fc, err := store.CheckFile(ctx, path, force)
	if err != nil && wal != nil && wal.Size() > 0 && errors.Is(err, store.ErrDamaged) {
		// SQLite has replayed the -wal into the file as it read it: a
		// backup put in place by hand beside a killed process's -wal is
		// damaged that way, and is whole again put there once more.
		return fmt.Errorf("storage.path %q: %w; a -wal file was beside it: if you had just put a backup there by hand, "+
			"that -wal was the old database's and went into the copy: put the backup there again, now without -wal and -shm files beside it, "+
			"or use newshound restore", path, err)
	}
	if err != nil {
		return fmt.Errorf("storage.path %q: %w", path, err)
	}
	switch {
	case fc.New:
		return createDatabase(ctx, path)
	case fc.Checked:
		log.Info("database checked", "path", path, "bytes", fc.Size, "took", fc.Took.Round(time.Millisecond))
	default:
		log.Warn("database not checked at start: larger than the limit; run with -check-db to check it", "path", path, "bytes", fc.Size, "limit", store.QuickCheckMaxBytes)
	}
	return nil
}

// createDatabase makes a new database with its whole schema beside path and
// only then renames it into place, so that a process killed while creating it
// leaves no empty or half-made file at path (which the next start would
// refuse as damaged), only a leftover "<path>.creating" that the next start
// removes. Run as root, it gives the file its folder's owner. The caller
// holds the database's lock. It fails when the file cannot be created,
// migrated, given its owner or renamed.
func createDatabase(ctx context.Context, path string) error {
	tmp := path + ".creating"
	if err := removeCreating(tmp); err != nil {
		return fmt.Errorf("storage.path %q: %w", path, err)
	}
	st, err := store.Open(ctx, tmp, nil)
	if err == nil {
		err = st.Close()
	}
	if err != nil {
		// A full disk is the likeliest cause: the half-made file is not
		// left to hold what space there is.
		removeCreating(tmp)
		return storageError(path, fmt.Errorf("create the database: %w", err))
	}
	// Run as root in a service's folder (sudo newshound), the new
	// database is the folder owner's, whose service must write it.
	if err := sameOwner(tmp, filepath.Dir(path)); err != nil {
		removeCreating(tmp)
		return fmt.Errorf("storage.path %q: give the new database its folder's owner: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("storage.path %q: put the new database in place: %w", path, err)
	}
	return nil
}

// removeCreating removes a half-made database at tmp and its journals.
func removeCreating(tmp string) error {
	for _, f := range []string{tmp, tmp + "-wal", tmp + "-shm", tmp + "-journal"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("remove the leftover %s: %w", f, err)
		}
	}
	return nil
}

// storageError is err, a failure to open or write the database at path,
// naming storage.path and, when the disk refused to let the file grow, the
// fix.
func storageError(path string, err error) error {
	if store.DiskFull(err) {
		dir, aerr := filepath.Abs(filepath.Dir(path))
		if aerr != nil {
			dir = filepath.Dir(path)
		}
		return fmt.Errorf("storage.path %q: the disk is full, or a file-size limit (ulimit -f, LimitFSIZE=) was reached: free space in %s, or set storage.path on a disk with room, and start again: %w", path, dir, err)
	}
	return fmt.Errorf("storage.path %q: %w", path, err)
}

// checkStorage makes sure the database can be created or written at path
// before SQLite tries, so that the error names storage.path, the folder and
// the fix instead of "unable to open database file". A folder missing or
// not a folder, and a folder or database this user may not write, are
// *configError (exit 78): only storage.path or the folder's owner mends
// them, and the unit's RestartPreventExitStatus=78 stops restarting into
// the same error.
//
// also are other files the bot writes (its log file): those that exist and
// this process may not write join the database's in the one chown the
// error names, as a run as root leaves them all root's.
//
// configPath is the -config file ("" for none), for the words on a
// relative path (relativeNote).
func checkStorage(path, configPath string, also ...string) error {
	err := checkStorageAccess(path, configPath, also)
	var ce *configError
	if err == nil || errors.As(err, &ce) || !storageConfigError(err) {
		return err
	}
	return &configError{err}
}

// storageConfigError reports whether err, of checkStorageAccess, is one a
// restart does not mend: a missing folder, or a permission or read-only
// file system refusing this user (not a failing disk).
func storageConfigError(err error) bool {
	var missing *missingFolderError
	return errors.As(err, &missing) || errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) || errors.Is(err, fs.ErrNotExist)
}

// missingFolderError is the folder of storage.path missing, or not a
// folder.
type missingFolderError struct{ msg string }

func (e *missingFolderError) Error() string { return e.msg }

// checkStorageAccess is checkStorage's check, its errors not yet marked.
func checkStorageAccess(path, configPath string, also []string) error {
	if err := folderAsDatabase(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	abs, err := filepath.Abs(dir)
	if err == nil {
		dir = abs
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &missingFolderError{fmt.Sprintf("storage.path %q: the folder %s does not exist; create it (mkdir -p %s) or set storage.path to a file in an existing folder%s", path, dir, dir, relativeNote("storage.path", path, configPath))}
	case err != nil:
		return folderStatError(path, dir, os.Geteuid(), err)
	case !info.IsDir():
		return &missingFolderError{fmt.Sprintf("storage.path %q: %s is not a folder; set storage.path to a file in a folder", path, dir)}
	}
	probe, err := os.CreateTemp(dir, ".newshound-write-check-*")
	if err != nil {
		return storageFolderError(path, configPath, dir, err)
	}
	probe.Close()
	os.Remove(probe.Name())
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage.path %q: the database file is not writable: %s: %w", path, writeAccessFix(os.Geteuid(), append(unwritable(path), notWritable(also)...)...), err)
	}
	return checkJournals(path, notWritable(also))
}

// folderStatError is err, the folder dir of the database at path that
// the user uid could not even look into, with the fix: "cannot use the
// folder …: permission denied" named none. The usual case is the systemd
// unit's database, run by hand as another user: /var/lib/newshound is
// /var/lib/private/newshound with DynamicUser=, which only root may enter.
func folderStatError(path, dir string, uid int, err error) error {
	if !errors.Is(err, fs.ErrPermission) {
		return fmt.Errorf("storage.path %q: cannot use the folder %s: %w", path, dir, err)
	}
	return fmt.Errorf("storage.path %q: this user (uid %d) may not enter the folder %s or one above it (the systemd unit's /var/lib/newshound is /var/lib/private/newshound, which only root may enter): "+
		"run the bot as the user it runs as (the service: systemctl start newshound, not by hand), or set storage.path to a file in a folder this user may write: %w", path, uid, dir, err)
}

// relativeNote says where path, the relative value of key, is read from,
// for an error about it: the folder named was the working folder's, and an
// operator whose configuration (configPath) is elsewhere (/etc/newshound)
// created it there. Run without -config (configPath "") there is no
// configuration's folder to set it against.
func relativeNote(key, path, configPath string) string {
	if filepath.IsAbs(path) {
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	if configPath == "" {
		return fmt.Sprintf(" (a relative %s is read from the working folder, %s: write the whole path to be sure)", key, wd)
	}
	return fmt.Sprintf(" (a relative %s is read from the working folder, %s, not the configuration's: write the whole path to be sure)", key, wd)
}

// storageBesideConfig is err, checkStorage's refusal of a relative
// storage.path whose folder is missing from the working folder, with the
// whole path to write when that folder is beside the configuration at
// configPath: an operator who ran newshound -config conf/newshound.toml
// from another folder was told only to mkdir a folder in the wrong place.
func storageBesideConfig(err error, path, configPath string) error {
	var missing *missingFolderError
	if configPath == "" || filepath.IsAbs(path) || !errors.As(err, &missing) {
		return err
	}
	beside, aerr := filepath.Abs(filepath.Join(filepath.Dir(configPath), path))
	if aerr != nil {
		return err
	}
	if fi, serr := os.Stat(filepath.Dir(beside)); serr != nil || !fi.IsDir() {
		return err
	}
	return fmt.Errorf("%w; that folder is beside the configuration: storage.path = %q", err, beside)
}

// storageWithoutConfig is err, checkStorage's refusal of the built-in
// storage.path (newshound.db in the working folder) of a run without
// -config (configPath ""), with the two ways out that need no key: the
// error said to set storage.path, a key of a file the stranger who ran
// newshound in / or /usr/local/bin did not have.
func storageWithoutConfig(err error, path, configPath string) error {
	if configPath != "" || filepath.IsAbs(path) {
		return err
	}
	wd, werr := os.Getwd()
	if werr != nil {
		wd = "the working folder"
	}
	return fmt.Errorf("%w; without -config the database is %s in the working folder, %s: run newshound from a folder you may write (cd ~ first), "+
		"or copy config.example.toml, set storage.path in it and run newshound -config FILE", err, path, wd)
}

// configAsDatabase refuses a storage.path that names the configuration
// file at configPath itself (a path copied into the wrong key): the start
// read it as a damaged database, and its advice was to restore a backup
// over it, the configuration.
func configAsDatabase(path, configPath string) error {
	if configPath == "" {
		return nil
	}
	di, derr := os.Stat(path)
	ci, cerr := os.Stat(configPath)
	if derr != nil || cerr != nil || !os.SameFile(di, ci) {
		return nil
	}
	return fmt.Errorf("storage.path %q is the configuration file itself (-config %s): name the database file, such as storage.path = %q",
		path, configPath, filepath.Join(filepath.Dir(path), "newshound.db"))
}

// folderAsDatabase refuses a storage.path that names a folder (the
// unit's /var/lib/newshound rather than the file in it), with the file to
// name instead, as a *configError: opening it failed with "is a
// directory", which the start read as a file it may not write.
func folderAsDatabase(path string) error {
	if fi, err := os.Stat(path); err != nil || !fi.IsDir() {
		return nil
	}
	return &configError{fmt.Errorf("storage.path %q is a folder: name the database file in it, storage.path = %q", path, filepath.Join(path, "newshound.db"))}
}

// storageFolderError is err, the folder dir of the database at path refusing
// a new file, with the fix: on a read-only file system (the systemd unit's
// ProtectSystem=strict makes every folder but its StateDirectory one) where
// to write instead; else write access to give.
func storageFolderError(path, configPath, dir string, err error) error {
	if errors.Is(err, syscall.EROFS) {
		return fmt.Errorf("storage.path %q: %s is on a read-only file system: %s: %w", path, dir, readOnlyFix, err)
	}
	if errors.Is(err, fs.ErrNotExist) { // procfs answers a new file so, in a folder that is there
		return fmt.Errorf("storage.path %q: the folder %s takes no new files (a kernel's file system, such as /proc): %s: %w", path, dir, elsewhere, err)
	}
	return storageFolderErrorAs(os.Geteuid(), path, configPath, dir, err)
}

// storageFolderErrorAs is storageFolderError's refused permission for the
// user uid. A system folder gets no chown: a relative storage.path under a
// service manager or in the container (working folder /) read "chown 65532
// /", which hands the root of the machine to the bot.
func storageFolderErrorAs(uid int, path, configPath, dir string, err error) error {
	fix := writeAccessFix(uid, dir) + "; or " + elsewhere
	if systemFolder(dir) {
		fix = elsewhere + ", or in the container image /data/newshound.db (its volume); never give the bot " + dir + " itself"
	}
	return fmt.Errorf("storage.path %q: the folder %s is not writable (SQLite keeps its journal beside the database)%s: %s: %w", path, dir, relativeNote("storage.path", path, configPath), fix, err)
}

// systemFolder reports whether dir is the root or one of the system's
// own folders, which no service should own.
func systemFolder(dir string) bool {
	switch filepath.Clean(dir) {
	case "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib64", "/opt", "/root", "/run", "/sbin", "/srv", "/usr", "/usr/bin", "/usr/local", "/usr/local/bin", "/usr/sbin", "/var", "/var/lib":
		return true
	}
	return false
}

// elsewhere is where to put a database whose folder no owner or mode
// change makes writable.
const elsewhere = "set storage.path to a file in a folder on a disk, such as /var/lib/newshound/newshound.db (mkdir -p /var/lib/newshound)"

// writeAccessFix says how to let uid write paths, which refused it: the
// chown to uid, unless that cannot help. Root is refused only by the file
// system itself (a kernel's, such as /sys, or a file or folder made
// immutable): it read "chown 0 /sys", which changes nothing. A user refused
// what it owns lacks only the write bit: chmod, not chown.
func writeAccessFix(uid int, paths ...string) string {
	list := strings.Join(paths, " ")
	if uid == 0 {
		return fmt.Sprintf("root (uid 0) is refused there, which no owner or mode change mends: the file system takes no writes (a kernel's, such as /sys), "+
			"or %[1]s is immutable (lsattr -d %[1]s shows an i; chattr -i %[1]s lifts it)", list)
	}
	if ownedBy(uid, paths...) {
		return fmt.Sprintf("the user running Newshound (uid %d) owns %s but has no write permission: chmod u+w %[2]s", uid, list)
	}
	return fmt.Sprintf("give the user running Newshound (uid %d) write access to it (chown %[1]d %s)", uid, list)
}

// readOnlyFix is what to do about a database on a read-only file system.
const readOnlyFix = "set storage.path on a writable one; under the systemd unit (ProtectSystem=strict) that is /var/lib/newshound " +
	"(storage.path = \"/var/lib/newshound/newshound.db\"), or add the folder to the unit with ReadWritePaths= (systemctl edit newshound); else remount it read-write"

// checkJournals refuses SQLite's files beside the database (-wal, -shm,
// -journal) that this process may not write: left another user's (root ran
// a sqlite3 shell, a cp or an rsync on the database; SQLite itself hands
// them to the database's owner), SQLite answered "unable to open database
// file", which the start read as a damaged database and advised restoring a
// backup, losing the writes the -wal holds. The error names the files and
// the chown that mends them, with others, the files besides the database
// the bot writes (its log) that this process may not write either: a root
// run leaves its log root's too, and its own warning followed with a
// second chown once the first was done.
func checkJournals(path string, others []string) error {
	var theirs []string
	var first error
	for _, f := range []string{path + "-wal", path + "-shm", path + "-journal"} {
		h, err := os.OpenFile(f, os.O_RDWR, 0)
		if err == nil {
			h.Close()
			continue
		}
		if errors.Is(err, fs.ErrPermission) {
			theirs = append(theirs, f)
			first = cmp.Or(first, err)
		}
	}
	if len(theirs) == 0 {
		return nil
	}
	also := ""
	if len(others) > 0 {
		also = fmt.Sprintf(" (nor %s)", strings.Join(others, " "))
	}
	return fmt.Errorf("storage.path %q: SQLite's files beside it (%s) belong to another user, who ran newshound or sqlite3 on this database (as root?), and this process (uid %d) may not write them%s: "+
		"give them to the user the bot runs as (chown --reference=%s %s, when the database itself is that user's), then start again; do not delete them: a -wal holds the latest writes: %w",
		path, strings.Join(theirs, " "), os.Geteuid(), also, path, strings.Join(append(theirs, others...), " "), first)
}

// unwritable returns the database at path and those of the files beside it
// that the bot opens (its lock, -wal and -shm) that exist and this process
// may not write: a database another user made (root ran the bot once) has
// them all of that user, and the fix that named the database alone was
// followed by the lock's refusal at the next start.
func unwritable(path string) []string {
	return append([]string{path}, notWritable([]string{path + ".lock", path + "-wal", path + "-shm"})...)
}

// notWritable returns those of files that exist and this process may not
// open for writing.
func notWritable(files []string) []string {
	var out []string
	for _, p := range files {
		if p == "" {
			continue
		}
		if f, err := os.OpenFile(p, os.O_RDWR, 0); err == nil {
			f.Close()
		} else if !errors.Is(err, os.ErrNotExist) {
			out = append(out, p)
		}
	}
	return out
}
