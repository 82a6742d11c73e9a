package bot

import (
	"context"
	"strconv"
	"strings"
	"time"
)

// An OPML list pasted into the console arrives as many lines, and each
// line was a message: "<?xml …>" was "I understand commands only", every
// outline line the same, and nothing was imported. The console gathers a
// paste into one /import: from a line that starts one ("<?xml", "<opml",
// or "/import <…") until the line with </opml>, at most maxPaste bytes; a
// pause of pastePause with no line ends a paste that never closes.
const (
	maxPaste   = maxImport
	pastePause = 700 * time.Millisecond
)

// pasteID prefixes the file id of a pasted list, which DownloadFile
// returns from memory.
const pasteID = "paste:"

// startsPaste reports whether a console line begins an OPML document, on
// its own or after /import.
func startsPaste(line string) bool {
	s := strings.TrimSpace(line)
	if cmd, arg, ok := strings.Cut(s, " "); ok && strings.EqualFold(cmd, "/import") {
		s = strings.TrimSpace(arg)
	}
	s = strings.ToLower(strings.TrimPrefix(s, "\ufeff"))
	return strings.HasPrefix(s, "<?xml") || strings.HasPrefix(s, "<opml")
}

// closesPaste reports whether a line ends the OPML document: its </opml>,
// or an empty <opml/>.
func closesPaste(line string) bool {
	l := strings.ToLower(line)
	if strings.Contains(l, "</opml>") {
		return true
	}
	_, tag, ok := strings.Cut(l, "<opml")
	tag, _, closed := strings.Cut(tag, ">")
	return ok && closed && strings.HasSuffix(tag, "/")
}

// gatherPaste reads the rest of a paste that began with first from lines
// (see startsPaste) and returns it without a leading "/import", and
// whether it fits maxPaste (a paste over it is read to its end and
// dropped); open is false when lines closed meanwhile (the input ended).
func (c *Console) gatherPaste(ctx context.Context, first string, lines <-chan string) (doc string, fits, open bool) {
	first = strings.TrimSpace(first)
	if cmd, arg, ok := strings.Cut(first, " "); ok && strings.EqualFold(cmd, "/import") {
		first = strings.TrimSpace(arg)
	}
	var b strings.Builder
	b.WriteString(first)
	fits, open = true, true
	pause := c.pastePause
	if pause == 0 {
		pause = pastePause
	}
	timer := time.NewTimer(pause)
	defer timer.Stop()
	for !closesPaste(first) {
		select {
		case <-ctx.Done():
			return b.String(), fits, open
		case <-timer.C:
			return b.String(), fits, open
		case line, ok := <-lines:
			if !ok {
				return b.String(), fits, false
			}
			if fits && b.Len()+1+len(line) > maxPaste {
				fits = false
				b.Reset()
			}
			if fits {
				b.WriteString("\n" + line)
			}
			if closesPaste(line) {
				return b.String(), fits, open
			}
			timer.Reset(pause)
		}
	}
	return b.String(), fits, open
}

// keepPaste stores a pasted document for DownloadFile and returns it as
// the file of an /import.
func (c *Console) keepPaste(doc string) *IncomingFile {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pastes++
	id := pasteID + strconv.Itoa(c.pastes)
	c.pasted = map[string][]byte{id: []byte(doc)} // the latest only: an import reads it at once
	return &IncomingFile{ID: id, Name: "pasted.opml", Size: int64(len(doc))}
}

// pastedFile returns the pasted document of id, and whether there is one.
func (c *Console) pastedFile(id string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	data, ok := c.pasted[id]
	return data, ok
}
