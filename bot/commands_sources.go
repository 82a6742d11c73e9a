package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
	"github.com/newshound/newshound/summarize"
)

// Sources is what the commands need of the sources service: /sources,
// /addsource, /removesource, /export, /import and /fetch.
type Sources interface {
	List(ctx context.Context) ([]sources.Status, error)
	Add(ctx context.Context, rawURL string) (sources.Added, error)
	Remove(ctx context.Context, id int64) (news.Source, error)
	RemoveURL(ctx context.Context, url string) (news.Source, error)
	Export(ctx context.Context, keepPasswords bool) (sources.Exported, error)
	Import(ctx context.Context, doc []byte) (sources.Imported, error)
	ImportURL(ctx context.Context, rawURL string) (sources.Imported, error)
	FetchNow(ctx context.Context, id int64) (news.Source, sources.Fetching, error)
}

// jobTimeout bounds a background command: discovery, or the checks of an import.
const jobTimeout = 2 * time.Minute

// noSources answers the source commands of a router without a service.
const noSources = "Managing sources is not available here."

func (r *Router) cmdSources(ctx context.Context, req request) error {
	if r.opts.Sources == nil {
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf(noSources))
		return nil
	}
	text, buttons, err := r.renderSources(ctx, req.in.ChatID, req.in.UserID, 0)
	if err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, text, buttons...)
	return nil
}

// sourceEntry is one source's lines in /sources, as HTML.
func (r *Router) sourceEntry(p locale.Printer, now time.Time, loc *time.Location, s sources.Status) string {
	if r.opts.Scheduled != nil && s.Health != sources.Retired {
		if at, ok := r.opts.Scheduled(s.ID); ok {
			s.NextFetch = at
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n#%d <b>%s</b> (%s)", s.ID, esc(summarize.Clip(s.Name, 80)), esc(summarize.Clip(hostOf(s.URL), 60)))
	switch {
	case s.Health == sources.Retired:
		b.WriteString(" · " + p.Sprintf("no longer in the configuration, not fetched") + "\n")
		return b.String()
	case s.Origin == news.OriginChat:
		b.WriteString(" · " + p.Sprintf("added in chat"))
	}
	b.WriteString("\n" + health(p, now, loc, s) + "\n")
	if r.opts.Moved != nil {
		if to := r.opts.Moved(s.ID); to != "" {
			b.WriteString(moved(p, s, to) + "\n")
		}
	}
	return b.String()
}

// health is a source's state in one line: when it was fetched, how it
// failed, when it is fetched next, how often and why; dates older than 30
// days are in loc, the chat's zone.
func health(p locale.Printer, now time.Time, loc *time.Location, s sources.Status) string {
	next := p.Sprintf("next %s", until(p, now, s.NextFetch))
	if s.Interval > 0 {
		next += " · " + p.Sprintf("every %s: %s", p.Span(s.Interval), intervalReason(p, s.IntervalReason))
	}
	switch s.Health {
	case sources.Unfetched:
		return p.Sprintf("⏳ not fetched yet") + " · " + next
	case sources.Failing:
		if s.Failures == 0 { // the fetch went well; the database refused what it brought
			return p.Sprintf("⚠️ last try %s: <i>%s</i>", agoIn(p, now, s.LastFetchAt, loc), fetchFailure(p, s.LastError, hasLogin(s.URL))) + " · " + next
		}
		return p.Sprintf("⚠️ failing (%s in a row), last try %s: <i>%s</i>",
			p.Count(s.Failures, "%d times"), agoIn(p, now, s.LastFetchAt, loc), fetchFailure(p, s.LastError, hasLogin(s.URL))) + " · " + next
	}
	return p.Sprintf("✅ fetched %s", agoIn(p, now, s.LastFetchAt, loc)) + " · " + next
}

// moved is the line of /sources saying that s's feed moved for good to
// the address to (every redirect permanent, a feed there) and what to do:
// the stored address is not changed behind the back of whoever chose it.
func moved(p locale.Printer, s sources.Status, to string) string {
	addr := "<code>" + esc(summarize.Clip(to, 300)) + "</code>"
	if s.Origin == news.OriginChat {
		return p.Sprintf("↪️ moved for good (HTTP 301/308) to %s: <code>/addsource</code> that address, then <code>/removesource %d</code>", addr, s.ID)
	}
	return p.Sprintf("↪️ moved for good (HTTP 301/308) to %s: put that address in the configuration's [[sources]]", addr)
}

// intervalReason is why a source is fetched at its interval, in p's
// language; a reason stored as free text by an older version shows as it is.
func intervalReason(p locale.Printer, stored string) string {
	r, ok := news.ParseIntervalReason(stored)
	if !ok {
		return esc(summarize.Clip(stored, 100))
	}
	var s string
	switch r.Kind {
	case news.ReasonNotModified:
		s = p.Sprintf("nothing new at the last fetch")
	case news.ReasonPublishes:
		s = p.Sprintf("publishes about every %s", p.Span(r.Span))
	case news.ReasonMaxAge:
		s = p.Sprintf("the feed's Cache-Control max-age of %s", p.Span(r.Span))
	case news.ReasonExpires:
		s = p.Sprintf("the feed's Expires of %s", p.Span(r.Span))
	case news.ReasonTTL:
		s = p.Sprintf("the feed's RSS ttl of %s", p.Span(r.Span))
	case news.ReasonBackoff:
		s = p.Sprintf("backing off after %s", p.Count(r.Count, "%d failed fetches"))
	case news.ReasonTooMany:
		s = p.Sprintf("the server answered 429 Too Many Requests")
	case news.ReasonRetryAfter:
		s = p.Sprintf("the server's Retry-After")
	case news.ReasonPushed:
		s = p.Sprintf("pushed by its WebSub hub; polled as a safety net")
	case news.ReasonRolls:
		s = p.Sprintf("⏩ fetched more often: the feed dropped unseen items between fetches %s apart", p.Span(r.Span))
	default:
		s = p.Sprintf("the schedule")
	}
	switch r.Limit {
	case news.LimitMin:
		s = p.Sprintf("%s, at poller.min_interval", s)
	case news.LimitMax:
		s = p.Sprintf("%s, at poller.max_interval", s)
	case news.LimitBounded:
		s = p.Sprintf("%s, bounded", s)
	}
	return s
}

// fetchFailure says why a source's last fetch failed, in p's language, as
// HTML; a failure stored as text by an older version, or one of no known
// kind, shows its (English) text. withLogin says the source's address
// carries a user name: a 401 then means the server refused that login.
func fetchFailure(p locale.Printer, stored string, withLogin bool) string {
	f, ok := news.ParseFetchFailure(stored)
	if !ok {
		return esc(summarize.Clip(stored, 150))
	}
	switch f.Kind {
	case news.FailStatus:
		if f.Status == http.StatusUnauthorized && withLogin {
			return p.Sprintf("the server refused the login in the source's address (HTTP 401): check the user name and password")
		}
		if f.Status == http.StatusUnauthorized {
			return p.Sprintf("the server asks for a login (HTTP 401): write it into the source's address, https://user:password@host/…")
		}
		if f.Status == http.StatusGone {
			return p.Sprintf("the server says the feed is gone for good (HTTP 410): remove the source, or /fetch it if it is back")
		}
		return p.Sprintf("the server answered HTTP %d", f.Status)
	case news.FailTimeout:
		return p.Sprintf("no answer in time (poller.timeout)")
	case news.FailDNS:
		return p.Sprintf("the site's name does not resolve (DNS)")
	case news.FailRefused:
		return p.Sprintf("the server refused the connection")
	case news.FailReset:
		return p.Sprintf("the connection broke off before the answer ended")
	case news.FailTLS:
		return p.Sprintf("the site's certificate or TLS handshake failed")
	case news.FailPlainHTTP:
		return p.Sprintf("the server speaks plain HTTP at this address, not HTTPS: use http:// in the source's address")
	case news.FailTooLarge:
		return p.Sprintf("the answer is larger than poller.max_bytes")
	case news.FailRedirects:
		return p.Sprintf("too many redirects, or a redirect that is not allowed")
	case news.FailNotFeed:
		return p.Sprintf("the answer is not a feed (RSS, Atom or JSON Feed)")
	case news.FailBrokenFeed:
		return p.Sprintf("the feed does not parse (cut short or malformed): the site's error; it is tried again")
	case news.FailBlocked:
		return p.Sprintf("the address is private or local, which a chat's source may not use")
	case news.FailDatabase:
		return p.Sprintf("fetched, but the bot could not store the articles (see the log)")
	}
	return esc(summarize.Clip(f.Detail, 150))
}

// carriesLogin reports whether a user's address names a user
// (https://user:password@host/…).
func carriesLogin(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.User != nil && u.User.Username() != ""
}

// hasLogin reports whether the address raw carries a user name.
func hasLogin(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && u.User != nil && u.User.Username() != ""
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// background runs a slow command (network fetches) off the update loop, two
// at a time; the reply comes through the outbox when it is done. fn's
// context ends after jobTimeout; replies must not use it (see replyAfter).
func (r *Router) background(ctx context.Context, name string, chatID int64, fn func(ctx context.Context) error) {
	r.jobs.Add(1)
	go func() {
		defer r.jobs.Done()
		select {
		case r.jobSlots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		defer func() { <-r.jobSlots }()
		ctx, cancel := context.WithTimeout(ctx, jobTimeout)
		defer cancel()
		if err := fn(ctx); err != nil {
			r.log.Error("command failed", "command", name, "chat", chatID, "err", err)
			r.replyAfter(ctx, chatID, tr(ctx).Sprintf("Sorry, something went wrong on my side. Please try again later."))
		}
	}()
}

// replyAfter queues a reply from a background command, whose context may
// have timed out already (a fetch that took too long still gets its answer).
func (r *Router) replyAfter(ctx context.Context, chatID int64, text string) {
	r.reply(context.WithoutCancel(ctx), chatID, text)
}

func (r *Router) cmdAddSource(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	if r.opts.Sources == nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf("Adding sources is not available here."))
		return nil
	}
	raw, err := sources.FeedURL(req.args)
	if err != nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf("Send <code>/addsource URL</code> with the address of a feed or of a site that links to one."))
		return nil
	}
	r.background(ctx, "addsource", chatID, func(ctx context.Context) error {
		added, err := r.opts.Sources.Add(ctx, raw)
		if errors.Is(err, sources.ErrUnavailable) {
			r.replyAfter(ctx, chatID, tr(ctx).Sprintf("Adding sources is not available here."))
			return nil
		}
		if msg := fetchProblem(tr(ctx), err, raw); msg != "" {
			r.log.Info("addsource: no feed added", "chat", chatID, "err", err)
			r.replyAfter(ctx, chatID, msg)
			return nil
		}
		if err != nil {
			return err
		}
		s := added.Source
		if !added.New {
			r.replyAfter(ctx, chatID, tr(ctx).Sprintf("That feed is already source #%d, <b>%s</b>.", s.ID, esc(summarize.Clip(s.Name, 80))))
			return nil
		}
		r.replyAfter(ctx, chatID, tr(ctx).Sprintf("✅ Added source #%d, <b>%s</b> (%s, %s now). What it holds now is kept for /search; new items alert from the next poll.",
			s.ID, esc(summarize.Clip(s.Name, 80)), esc(summarize.Clip(hostOf(s.URL), 60)), tr(ctx).Count(added.Items, "%d items")))
		return nil
	})
	return nil
}

// fetchProblem turns a failed fetch of a user's URL raw into a reply, or ""
// when err is not one (nil, or a failure of ours). The reply names no
// address: a refused host stays unnamed, and a password in raw is never
// said. A login the site asks for (HTTP 401) is told apart from a login in
// raw that the site refused.
func fetchProblem(p locale.Printer, err error, raw string) string {
	switch {
	case err == nil || !errors.Is(err, sources.ErrFetch):
		return ""
	case errors.Is(err, sources.ErrBlocked):
		// An operator following a feed on their own network is told the
		// two ways the configuration lets them.
		return p.Sprintf("⛔ I can't fetch that address: it is not a public http(s) web address (local, private and cloud-internal networks are off limits).") + "\n" +
			p.Sprintf("To follow a feed on your own network, put it in the configuration's <code>[[sources]]</code>, or set <code>allow_private_urls = true</code> in its <code>[telegram]</code> section (then /addsource and /import may reach any address on it), and restart Newshound.")
	case errors.Is(err, sources.ErrNotFeed):
		return p.Sprintf("I found no feed there: the address is neither RSS, Atom nor JSON Feed, nor a page that links to one.")
	case errors.Is(err, sources.ErrTooLarge):
		return p.Sprintf("That document is too large for me.")
	case sources.HTTPStatus(err) == http.StatusUnauthorized && carriesLogin(raw):
		return p.Sprintf("🔒 The site refused the login in the address (HTTP 401): check the user name and password, then send the address again.")
	case sources.HTTPStatus(err) == http.StatusUnauthorized:
		return p.Sprintf("🔒 The site asks for a login (HTTP 401). If you have one, put it in the address: <code>https://user:password@host/…</code>")
	case sources.HTTPStatus(err) != 0:
		return p.Sprintf("The site answered with HTTP status %d.", sources.HTTPStatus(err))
	case errors.Is(err, sources.ErrTimeout):
		return p.Sprintf("The site took too long to answer.")
	case errors.Is(err, sources.ErrTLS):
		return p.Sprintf("The site's certificate is not valid, or its TLS handshake failed, so I can't trust what it sends.")
	case errors.Is(err, sources.ErrPlainHTTP):
		return p.Sprintf("The site speaks plain HTTP at that address, not HTTPS: send it again with http:// instead of https://.")
	case errors.Is(err, sources.ErrNoHost):
		return p.Sprintf("That host name does not exist (DNS finds no such host): check its spelling.")
	case errors.Is(err, sources.ErrRefused):
		return p.Sprintf("Nothing answers at that address (the connection was refused): check the host name and the port.")
	}
	return p.Sprintf("I couldn't fetch that address.")
}

func (r *Router) cmdRemoveSource(ctx context.Context, req request) error {
	chatID := req.in.ChatID
	if r.opts.Sources == nil {
		r.reply(ctx, chatID, tr(ctx).Sprintf(noSources))
		return nil
	}
	arg := strings.TrimPrefix(req.args, "#")
	var src news.Source
	var err error
	if id, perr := strconv.ParseInt(arg, 10, 64); perr == nil {
		src, err = r.opts.Sources.Remove(ctx, id)
	} else if arg != "" {
		src, err = r.opts.Sources.RemoveURL(ctx, arg)
	} else {
		r.reply(ctx, chatID, tr(ctx).Sprintf("Which one? Send <code>/removesource ID</code> with an ID from /sources."))
		return nil
	}
	switch {
	case errors.Is(err, sources.ErrNotFound):
		r.reply(ctx, chatID, noSource(tr(ctx), req.args))
	case errors.Is(err, sources.ErrNotRemovable):
		r.reply(ctx, chatID, notRemovable(tr(ctx), r.opts.FileSources, src.ID))
	case err != nil:
		return err
	default:
		r.reply(ctx, chatID, tr(ctx).Sprintf("Removed source #%d, <b>%s</b>, and its stored articles.", src.ID, esc(summarize.Clip(src.Name, 80))))
	}
	return nil
}

// noSource says that there is no source arg, which the operator typed: an
// id (12, #12) as #12, a URL quoted as the language quotes
// («https://…», „https://…“), clipped to 100 characters, as
// noSubscription does.
func noSource(t locale.Printer, arg string) string {
	arg = strings.TrimSpace(arg)
	if id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil {
		return t.Sprintf("There is no source #%d. See /sources.", id)
	}
	return t.Sprintf("There is no source %q. See /sources.", esc(summarize.Clip(arg, 100)))
}

// notRemovable answers /removesource of source id, one of the
// configuration's, saying where it comes from.
func notRemovable(p locale.Printer, from SourcesOrigin, id int64) string {
	switch {
	case from.Demo:
		return p.Sprintf("Source #%d is the demo's made-up newsroom and cannot be removed; the demo's database goes when it ends.", id)
	case from.BuiltIn:
		return p.Sprintf("Source #%d is one of the built-in sources, polled because no configuration file is given: start with -config FILE and a [[sources]] list of your own to replace them.", id)
	case from.File != "":
		return p.Sprintf("Source #%d comes from the configuration file %s; remove it there.", id, from.File)
	}
	return p.Sprintf("Source #%d comes from the configuration file; remove it there.", id)
}
