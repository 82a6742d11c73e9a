package bot

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/summarize"
)

// exportName is the file name /export sends the OPML under.
const exportName = "newshound-sources.opml"

// maxExport bounds the OPML file /export sends. Telegram takes 50 MB, but
// an export is a few KB per hundred sources, and every byte sits in the
// outbox until it is sent: a list past this size is refused with a reply.
const maxExport = 1 << 20

// cmdExport sends the sources as one OPML file (sendDocument, through the
// outbox), which /import reads back as a file, pasted or from a URL.
func (r *Router) cmdExport(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	srcs, err := r.opts.Store.ListSources(ctx)
	if err != nil {
		return err
	}
	if len(srcs) == 0 {
		r.reply(ctx, chatID, "There are no sources to export.")
		return nil
	}
	outs := make([]feeds.Outline, len(srcs))
	for i, s := range srcs {
		outs[i] = feeds.Outline{Title: s.Name, URL: s.URL}
	}
	doc, err := feeds.WriteOPML("Newshound sources", outs, r.opts.Now())
	if err != nil {
		return err
	}
	if len(doc) > maxExport {
		r.log.Warn("export too large", "chat", chatID, "sources", len(srcs), "bytes", len(doc))
		r.reply(ctx, chatID, fmt.Sprintf("The OPML of %s is %d KB, over the %d KB an export may be.", plural(len(srcs), "source"), len(doc)>>10, maxExport>>10))
		return nil
	}
	r.replyDocument(ctx, chatID, exportName, doc, plural(len(srcs), "source")+", as OPML")
	return nil
}

// replyDocument queues a file with an HTML caption (escaped already, at most
// Telegram's 1024 characters).
func (r *Router) replyDocument(ctx context.Context, chatID int64, name string, data []byte, caption string) {
	m := news.Message{ChatID: chatID, Kind: news.KindReply, Priority: news.PriorityReply, Text: caption, DocumentName: name, Document: data}
	if _, err := r.opts.Store.Enqueue(ctx, m); err != nil {
		r.log.Error("queue document", "chat", chatID, "name", name, "err", err)
		return
	}
	r.opts.Notify()
}

// maxImport bounds the OPML file /import downloads: whatever /export may
// send comes back.
const maxImport = maxExport

// cmdImport adds the feeds of an OPML list, pasted after the command,
// fetched from a URL, or sent as a file whose caption is the command (or
// which the command replies to). Every feed URL passes the same address
// check as /addsource; feeds already known are left as they are.
func (r *Router) cmdImport(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	if r.opts.Feeds == nil {
		r.reply(ctx, chatID, "Importing sources is not available here.")
		return nil
	}
	arg := strings.TrimSpace(req.args)
	if arg == "" && req.in.Document != nil {
		return r.importFile(ctx, chatID, *req.in.Document)
	}
	if arg == "" {
		r.reply(ctx, chatID, "Send <code>/import</code> followed by an OPML list or by the URL of one, or send an OPML file with the caption <code>/import</code>.")
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
		return r.importOPML(ctx, chatID, data)
	})
	return nil
}

// importFile downloads a file a user sent and imports it as OPML.
func (r *Router) importFile(ctx context.Context, chatID int64, f IncomingFile) error {
	if r.opts.Files == nil {
		r.reply(ctx, chatID, "I can't read files here: paste the OPML list after <code>/import</code> instead.")
		return nil
	}
	tooLarge := fmt.Sprintf("That file is too large for me: an OPML list may be at most %d KB.", maxImport>>10)
	if f.Size > maxImport {
		r.reply(ctx, chatID, tooLarge)
		return nil
	}
	r.background(ctx, "import", chatID, func(ctx context.Context) error {
		data, err := r.opts.Files.DownloadFile(ctx, f.ID, maxImport)
		if errors.Is(err, ErrFileTooLarge) {
			r.replyAfter(ctx, chatID, tooLarge)
			return nil
		}
		if err != nil {
			r.log.Warn("import: file not downloaded", "chat", chatID, "file", f.Name, "err", err)
			r.replyAfter(ctx, chatID, "I couldn't download that file. Please send it again.")
			return nil
		}
		return r.importOPML(ctx, chatID, data)
	})
	return nil
}

// importOPML imports the feeds of an OPML document and replies with what it did.
func (r *Router) importOPML(ctx context.Context, chatID int64, data []byte) error {
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
		} else if !errors.Is(err, news.ErrNotFound) {
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
		if _, err := r.opts.Store.UpsertSource(ctx, summarize.Clip(name, 200), o.URL, "chat"); err != nil {
			return res, err
		}
		res.added++
	}
	return res, nil
}
