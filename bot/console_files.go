package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newshound/newshound/locale"
)

// consoleImportFile returns the local file a console line "/import PATH"
// names, as the document Telegram would carry: the console cannot send one,
// and its /import asked for "an OPML file sent as a document". The file's
// id is its path, which Console.DownloadFile reads. It returns nil for any
// other line, and for a path that names no regular file (which /import then
// reads as a URL or pasted OPML, as before).
func consoleImportFile(line string) *IncomingFile {
	cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	if !strings.EqualFold(cmd, "/import") {
		return nil
	}
	path := strings.Trim(strings.TrimSpace(arg), `"'`)
	if path == "" || strings.HasPrefix(path, "<") || strings.Contains(path, "://") {
		return nil
	}
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, rest)
		}
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return nil
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return &IncomingFile{ID: path, Name: fi.Name(), Size: fi.Size()}
}

// consoleImportNote answers a console "/import" that the bot would answer
// for Telegram ("send an OPML file with the caption /import", which a
// terminal cannot), and "/import PATH" of a path that names no file (which
// was read as a web address and refused as "not a public http(s) web
// address"): it says how the console imports. It returns "" for any other
// line, which the bot answers.
func consoleImportNote(p locale.Printer, line string) string {
	cmd, arg, _ := strings.Cut(strings.TrimSpace(line), " ")
	if !strings.EqualFold(cmd, "/import") {
		return ""
	}
	usage := p.Sprintf("In the console, /import takes the path of an OPML file (/import ~/feeds.opml), the URL of one, or the OPML list itself.")
	arg = strings.TrimSpace(arg)
	switch {
	case arg == "":
		return usage
	case strings.HasPrefix(arg, "<") || strings.Contains(arg, "://") || strings.ContainsAny(arg, " \n"):
		return ""
	case strings.HasPrefix(arg, "/") || strings.HasPrefix(arg, ".") || strings.HasPrefix(arg, "~") || strings.Contains(arg, "\\") ||
		!strings.Contains(arg, "/") && (strings.HasSuffix(strings.ToLower(arg), ".opml") || strings.HasSuffix(strings.ToLower(arg), ".xml")):
		// A path, not a host name ("example.com/feeds.opml" is one).
		return p.Sprintf("There is no file %s here.", arg) + " " + usage
	}
	return ""
}

// The console is the router's Files (parts.go takes the transport's).
var _ Files = (*Console)(nil)

// DownloadFile reads the local file that a console "/import PATH" named
// (fileID is its path). It returns ErrFileTooLarge for a file over max
// bytes, and the open or read error of a file that went away or cannot be
// read.
func (c *Console) DownloadFile(ctx context.Context, fileID string, max int64) ([]byte, error) {
	if data, ok := c.pastedFile(fileID); ok { // an OPML list pasted (gatherPaste)
		if int64(len(data)) > max {
			return nil, fmt.Errorf("console paste over %d bytes: %w", max, ErrFileTooLarge)
		}
		return data, nil
	}
	f, err := os.Open(fileID)
	if err != nil {
		return nil, fmt.Errorf("console file: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, fmt.Errorf("console file %s: %w", fileID, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("console file %s over %d bytes: %w", fileID, max, ErrFileTooLarge)
	}
	return data, nil
}

// SetFileDir makes the console save each document sent to it (/export's
// OPML list) in dir, and say where: it printed the list only, which an
// operator had to copy out of the terminal by hand. Call it before
// Updates.
func (c *Console) SetFileDir(dir string) { c.fileDir = dir }

// saveDocument writes d in the file folder under its name, or the first of
// name-2, name-3 … that is free (an earlier export is never overwritten),
// and returns the file's path; "" and nil without a folder, and the error
// of a file that cannot be written.
func (c *Console) saveDocument(d *Document) (string, error) {
	if c.fileDir == "" {
		return "", nil
	}
	base := filepath.Base(d.Name)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	for i := 1; i < 1000; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		path := filepath.Join(c.fileDir, name)
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600) // feed URLs may hold a password
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return "", fmt.Errorf("save %s: %w", path, err)
		}
		_, err = f.Write(d.Data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", fmt.Errorf("save %s: %w", path, err)
		}
		return path, nil
	}
	return "", fmt.Errorf("save %s: every name up to %s-999%s is taken in %s", base, stem, ext, c.fileDir)
}
