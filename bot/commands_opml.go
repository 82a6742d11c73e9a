package bot

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
	"github.com/newshound/newshound/summarize"
)

// exportName is the file name /export sends the OPML under.
const exportName = "newshound-sources.opml"

// maxExport bounds the OPML file /export sends. Telegram takes 50 MB, but
// an export is a few KB per hundred sources, and every byte sits in the
// outbox until it is sent: a list past this size is refused with a reply.
const maxExport = 1 << 20

// cmdExport sends the sources as one OPML file (sendDocument, through the
// outbox), which /import reads back as a file, pasted or from a URL. A
// feed's password (https://user:password@host/…) stays in the file only in
// an operator's private chat, so that the file can be imported as it is,
// and the caption says to keep it private; where others read (a group),
// the file has "xxxxx" instead, and the caption says where to get the rest.
// The caption itself never shows a password.
func (r *Router) cmdExport(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	p := tr(ctx)
	if r.opts.Sources == nil {
		r.reply(ctx, chatID, p.Sprintf(noSources))
		return nil
	}
	keep := req.in.ChatType == "private"
	exp, err := r.opts.Sources.Export(ctx, keep)
	if err != nil {
		return err
	}
	n := exp.Sources
	if n == 0 {
		r.reply(ctx, chatID, p.Sprintf("There are no sources to export."))
		return nil
	}
	if len(exp.Doc) > maxExport {
		r.log.Warn("export too large", "chat", chatID, "sources", n, "bytes", len(exp.Doc))
		r.reply(ctx, chatID, p.Sprintf("The OPML of %s is %d KB, over the %d KB an export may be.", p.Count(n, "%d sources"), len(exp.Doc)>>10, maxExport>>10))
		return nil
	}
	caption := p.Sprintf("%s, as OPML", p.Count(n, "%d sources"))
	if len(exp.Secret) > 0 {
		names := listFirst(p, len(exp.Secret), func(k int) string { return esc(summarize.Clip(exp.Secret[k], 40)) })
		if keep {
			caption += "\n" + p.Sprintf("⚠️ This file holds feed passwords in clear (%s: %s), so that /import takes it back as it is: keep it private, and delete this message once you have saved it.",
				p.Count(len(exp.Secret), "%d sources"), names)
		} else {
			caption += "\n" + p.Sprintf("🔒 Feed passwords are left out of this file (xxxxx instead; %s: %s), since others read this chat; /import skips those feeds unless they are sources already. Send /export in your private chat with me for a file that keeps them.",
				p.Count(len(exp.Secret), "%d sources"), names)
		}
	}
	r.replyDocument(ctx, chatID, exportName, exp.Doc, caption)
	return nil
}

// replyDocument queues a file with an HTML caption (escaped already, at most
// Telegram's 1024 characters), where reply puts a text: in the command's
// forum topic, as an answer to it in a group (an /export sent in a topic
// came in General, answering nothing).
func (r *Router) replyDocument(ctx context.Context, chatID int64, name string, data []byte, caption string) {
	thread, replyTo := destinationOf(ctx, chatID)
	m := news.Message{ChatID: chatID, Kind: news.KindReply, Priority: news.PriorityReply, Text: caption, DocumentName: name, Document: data,
		ThreadID: thread, ReplyTo: replyTo, Language: tr(ctx).Lang()}
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
	if r.opts.Sources == nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf("Importing sources is not available here."))
		return nil
	}
	arg := strings.TrimSpace(req.args)
	if arg == "" && req.in.Document != nil {
		return r.importFile(ctx, chatID, *req.in.Document)
	}
	if arg == "" {
		r.reply(ctx, chatID, tr(ctx).Sprintf("Send <code>/import</code> followed by an OPML list or by the URL of one, or send an OPML file with the caption <code>/import</code>."))
		return nil
	}
	r.background(ctx, "import", chatID, func(ctx context.Context) error {
		if strings.HasPrefix(arg, "<") {
			res, err := r.opts.Sources.Import(ctx, []byte(arg))
			return r.replyImported(ctx, chatID, res, err)
		}
		if !looksLikeLink(arg) {
			r.replyAfter(ctx, chatID, tr(ctx).Sprintf("That is neither an OPML list nor a link to one. /import takes an OPML file sent as a document with the caption <code>/import</code>, or a link to one, e.g. <code>/import https://example.com/feeds.opml</code>."))
			return nil
		}
		res, err := r.opts.Sources.ImportURL(ctx, arg)
		if msg := fetchProblem(tr(ctx), err, arg); msg != "" {
			r.log.Info("import: list not fetched", "chat", chatID, "err", err)
			r.replyAfter(ctx, chatID, msg)
			return nil
		}
		return r.replyImported(ctx, chatID, res, err)
	})
	return nil
}

// looksLikeLink reports whether a user's text is meant as a web address:
// one word that names http(s)://, or a host name with a dot or a port
// ("example.com/feeds.opml"); "garbage" is not.
func looksLikeLink(arg string) bool {
	raw, err := sources.FeedURL(arg)
	if err != nil {
		return false
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return false
	}
	return strings.Contains(arg, "://") || strings.ContainsAny(u.Host, ".:")
}

// importFile downloads a file a user sent and imports it as OPML.
func (r *Router) importFile(ctx context.Context, chatID int64, f IncomingFile) error {
	if r.opts.Files == nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf("I can't read files here: paste the OPML list after <code>/import</code> instead."))
		return nil
	}
	tooLarge := tr(ctx).Sprintf("That file is too large for me: an OPML list may be at most %d KB.", maxImport>>10)
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
			r.replyAfter(ctx, chatID, tr(ctx).Sprintf("I couldn't download that file. Please send it again."))
			return nil
		}
		res, err := r.opts.Sources.Import(ctx, data)
		return r.replyImported(ctx, chatID, res, err)
	})
	return nil
}

// replyImported answers an import with what it did, or why it did nothing;
// it returns the errors that are ours.
func (r *Router) replyImported(ctx context.Context, chatID int64, res sources.Imported, err error) error {
	switch {
	case errors.Is(err, sources.ErrUnavailable):
		r.replyAfter(ctx, chatID, tr(ctx).Sprintf("Importing sources is not available here."))
	case errors.Is(err, sources.ErrNotOPML):
		r.replyAfter(ctx, chatID, tr(ctx).Sprintf("That is not an OPML list I can read.")+" "+
			tr(ctx).Sprintf("To add one feed, send <code>/addsource URL</code>."))
	case err != nil:
		return err
	case res.Feed != nil && !res.Feed.New:
		s := res.Feed.Source
		r.replyAfter(ctx, chatID, tr(ctx).Sprintf("That link is a feed, not an OPML list, and already source #%d, <b>%s</b>.", s.ID, esc(summarize.Clip(s.Name, 80))))
	case res.Feed != nil:
		s := res.Feed.Source
		r.replyAfter(ctx, chatID, tr(ctx).Sprintf("That link is a feed, not an OPML list: ✅ added it as /addsource does, source #%d, <b>%s</b> (%s, %s now). What it holds now is kept for /search; new items alert from the next poll.",
			s.ID, esc(summarize.Clip(s.Name, 80)), esc(summarize.Clip(hostOf(s.URL), 60)), tr(ctx).Count(res.Feed.Items, "%d items")))
	default:
		r.replyAfter(ctx, chatID, importReport(tr(ctx), res))
	}
	return nil
}

// importReport says what an import did.
func importReport(p locale.Printer, i sources.Imported) string {
	s := p.Sprintf("📥 Imported %s.", p.Count(len(i.Added), "%d new sources"))
	if i.Known > 0 {
		s += p.Sprintf(" %d already known.", i.Known)
	}
	if i.Refused > 0 {
		s += p.Sprintf(" %d refused: not public web addresses.", i.Refused)
	}
	if i.Unresolved > 0 {
		s += p.Sprintf(" %d skipped: their host names do not resolve.", i.Unresolved)
	}
	if i.Invalid > 0 {
		s += p.Sprintf(" %d skipped: not http(s) URLs.", i.Invalid)
	}
	if i.NoPassword > 0 {
		s += p.Sprintf(" %d skipped: the export left their passwords out (xxxxx); add them with /addsource and the password.", i.NoPassword)
	}
	if len(i.Led) > 0 {
		s += "\n" + p.Sprintf("Web pages led to the feed they link to: %s.", listFirst(p, len(i.Led), func(k int) string {
			return esc(i.Led[k].Name) + " → " + esc(sources.Redacted(i.Led[k].Feed))
		}))
	}
	if len(i.NoFeed) > 0 {
		s += "\n" + p.Sprintf("Not added, neither a feed nor a page that links to one: %s.", listFirst(p, len(i.NoFeed), func(k int) string {
			return outlineShown(i.NoFeed[k])
		}))
	}
	if len(i.Repeated) > 0 {
		s += "\n" + p.Sprintf("Skipped, an earlier entry of the list has the same address: %s.", listFirst(p, len(i.Repeated), func(k int) string {
			return outlineShown(i.Repeated[k])
		}))
	}
	if i.Unchecked > 0 {
		s += "\n" + p.Sprintf("Not fetched now, added as the list gives them: %d; /sources will say if they keep failing.", i.Unchecked)
	}
	if i.Later > 0 {
		s += "\n" + p.Sprintf("%d more feeds of the list are not imported yet: an import adds up to %d at a time. Send the same /import again for the next ones.", i.Later, sources.MaxImport)
	}
	return s
}

// outlineShown names an entry of a list, escaped: "Title (address)", or
// the address alone, its password left out.
func outlineShown(o sources.Outline) string {
	shown := esc(sources.Redacted(o.URL))
	if o.Title == "" {
		return shown
	}
	return esc(o.Title) + " (" + shown + ")"
}

// importListMax bounds the entries an import's report names in one list.
const importListMax = 10

// listFirst joins item(0…n-1), at most importListMax of them, then says
// how many more there are.
func listFirst(p locale.Printer, n int, item func(int) string) string {
	parts := make([]string, 0, min(n, importListMax))
	for k := range min(n, importListMax) {
		parts = append(parts, item(k))
	}
	out := strings.Join(parts, "; ")
	if n > importListMax {
		out += p.Sprintf(" and %d more", n-importListMax)
	}
	return out
}
