package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/store"
)

// opmlChunk is how much escaped OPML one /export message carries.
const opmlChunk = MaxMessage - 200

// cmdExport sends the sources as OPML text, in as many messages as it
// takes, each a <pre> block that pastes back into /import.
func (r *Router) cmdExport(ctx context.Context, req request) error {
	srcs, err := r.opts.Store.ListSources(ctx)
	if err != nil {
		return err
	}
	outs := make([]feeds.Outline, len(srcs))
	for i, s := range srcs {
		outs[i] = feeds.Outline{Title: s.Name, URL: s.URL}
	}
	doc, err := feeds.WriteOPML("Newshound sources", outs, r.opts.Now())
	if err != nil {
		return err
	}
	for _, part := range splitEscaped(string(doc), opmlChunk) {
		r.reply(ctx, req.in.ChatID, "<pre>"+esc(part)+"</pre>")
	}
	return nil
}

// splitEscaped cuts s at line ends into pieces whose escaped text has at
// most n runes (a longer line is cut where it must be).
func splitEscaped(s string, n int) []string {
	var out []string
	var cur strings.Builder
	size := 0
	flush := func() {
		if strings.TrimSpace(cur.String()) != "" {
			out = append(out, cur.String())
		}
		cur.Reset()
		size = 0
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		for utf8.RuneCountInString(esc(line)) > n { // a line longer than a message
			cut := []rune(line)[:n/6] // esc makes a rune at most 5 long
			flush()
			out = append(out, string(cut))
			line = line[len(string(cut)):]
		}
		if l := utf8.RuneCountInString(esc(line)); size+l > n {
			flush()
		}
		cur.WriteString(line)
		size += utf8.RuneCountInString(esc(line))
	}
	flush()
	return out
}

// cmdImport adds the feeds of an OPML list, pasted after the command or
// fetched from a URL. Every feed URL passes the same address check as
// /addsource; feeds already known are left as they are.
func (r *Router) cmdImport(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	if r.opts.Feeds == nil {
		r.reply(ctx, chatID, "Importing sources is not available here.")
		return nil
	}
	arg := strings.TrimSpace(req.args)
	if arg == "" {
		r.reply(ctx, chatID, "Send <code>/import</code> followed by an OPML list, or by the URL of one.")
		return nil
	}
	r.background(ctx, "import", chatID, func(ctx context.Context) error {
		data := []byte(arg)
		if !strings.HasPrefix(arg, "<") {
			page, err := r.opts.Feeds.Get(ctx, arg)
			if msg := fetchProblem(err); msg != "" {
				r.log.Info("import: list not fetched", "chat", chatID, "err", err)
				r.replyAfter(ctx, chatID, msg)
				return nil
			}
			data = page.Body
		}
		outs, err := feeds.ParseOPML(data)
		if err != nil {
			r.replyAfter(ctx, chatID, "That is not an OPML list I can read.")
			return nil
		}
		res, err := r.importOutlines(ctx, outs)
		if err != nil {
			return err
		}
		r.replyAfter(ctx, chatID, res.String())
		return nil
	})
	return nil
}

// imported counts what an import did.
type imported struct{ added, known, refused, unresolved, invalid int }

func (i imported) String() string {
	s := fmt.Sprintf("📥 Imported %s.", plural(i.added, "new source"))
	if i.known > 0 {
		s += fmt.Sprintf(" %d already known.", i.known)
	}
	if i.refused > 0 {
		s += fmt.Sprintf(" %d refused: not public web addresses.", i.refused)
	}
	if i.unresolved > 0 {
		s += fmt.Sprintf(" %d skipped: their host names do not resolve.", i.unresolved)
	}
	if i.invalid > 0 {
		s += fmt.Sprintf(" %d skipped: not http(s) URLs.", i.invalid)
	}
	return s
}

func (r *Router) importOutlines(ctx context.Context, outs []feeds.Outline) (imported, error) {
	var res imported
	for _, o := range outs {
		u, err := url.Parse(o.URL)
		if err != nil || len(o.URL) > maxURL || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			res.invalid++
			continue
		}
		if _, err := r.opts.Store.FindSourceByURL(ctx, o.URL); err == nil {
			res.known++
			continue
		} else if !errors.Is(err, store.ErrNotFound) {
			return res, err
		}
		if err := r.opts.Feeds.Allowed(ctx, o.URL); err != nil {
			if errors.Is(err, feeds.ErrRefusedAddress) {
				res.refused++
			} else {
				res.unresolved++
			}
			continue
		}
		name := strings.TrimSpace(o.Title)
		if name == "" {
			name = u.Host
		}
		if _, err := r.opts.Store.UpsertSource(ctx, clip(name, 200), o.URL, "chat"); err != nil {
			return res, err
		}
		res.added++
	}
	return res, nil
}
