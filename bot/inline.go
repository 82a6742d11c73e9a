package bot

import (
	"context"
	"encoding/base64"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/localtime"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/summarize"
)

// Inline mode: "@bot QUERY" typed in any chat answers with the best stored
// articles for QUERY (the ranking and query language of /search), each sent
// as a short alert-style message when picked; an empty query shows the
// trending stories. Operators turn inline mode on with @BotFather /setinline.

// InlineAnswerer answers inline queries; Telegram has it, the console not.
type InlineAnswerer interface {
	// AnswerInline answers with one page of results; nextOffset ("" on the
	// last page) comes back as the query's offset when the person scrolls.
	// A button, when not nil, is shown above the results (or alone, when
	// there are none).
	AnswerInline(ctx context.Context, queryID string, results []InlineResult, nextOffset string, cacheSeconds int, button *InlineButton) error
}

// InlineButton is the button Telegram shows above inline results
// (InlineQueryResultsButton): pressed, it opens the private chat with the
// bot as /start Start.
type InlineButton struct {
	Text  string
	Start string // 1-64 of A-Z, a-z, 0-9, _ and -
}

// InlineResult is one article offered in answer to an inline query.
type InlineResult struct {
	ID          string
	Title       string
	Description string
	URL         string
	Text        string       // HTML, the message sent when the result is picked
	Thumbnail   string       // the article's picture, shown beside the result ("" = none)
	Preview     *LinkPreview // the picked message's link preview (nil = none)
}

// Inline limits: Telegram's own (a query is at most 256 characters, an
// answer at most 50 results) and the cache's. An answer is a page of
// inlineResults; scrolling to its end asks for the next (next_offset), up
// to inlineMaxResults in all.
const (
	maxInlineQuery   = 256
	inlineResults    = 10
	inlineMaxResults = 50
	inlineCacheTTL   = time.Minute
	inlineCacheSize  = 256
	inlineCacheHints = 30 // seconds Telegram may cache an answer itself
)

// handleInline answers an inline query. Failures are logged; the user sees
// no answer then, as Telegram shows for a bot that does not reply.
func (r *Router) handleInline(ctx context.Context, in Incoming) {
	if r.opts.Inline == nil {
		return
	}
	lang, _ := locale.Match(in.Language)
	if chosen := r.chosenLanguage(ctx, in.UserID); chosen != "" {
		lang = chosen // the language they chose with /language in their chat with the bot
	}
	results, cacheable := r.inlineResults(withLanguage(ctx, lang), in.Inline.Query, r.inlineZone(ctx, in.UserID))
	seconds := inlineCacheHints
	if !cacheable {
		seconds = 0
	}
	var button *InlineButton
	switch {
	case len(results) == 0:
		button = nothingFound(withLanguage(ctx, lang), in.Inline.Query)
	case len(results) == 1 && isNotice(results[0]):
		// A notice is no result either (a tap posted "Can't search for
		// that" into the chat): its title and first sentence are the
		// button, opening the bot.
		first, _, _ := strings.Cut(results[0].Description, ". ")
		text := summarize.Clip(results[0].Title+" · "+strings.TrimSuffix(first, "."), maxNoticeButton)
		button, results = &InlineButton{Text: text, Start: "inline"}, nil
	}
	results, next := inlinePage(results, in.Inline.Offset)
	results = withPreviews(results, r.inlinePreview(ctx, in.UserID))
	err := r.opts.Inline.AnswerInline(ctx, in.Inline.ID, results, next, seconds, button)
	if err != nil && badPicture(err) {
		// Telegram refuses the whole answer for one picture it will not
		// take: the results go again without theirs.
		r.log.Warn("answer inline query: a picture refused; answering without pictures", "user", in.UserID, "err", err)
		err = r.opts.Inline.AnswerInline(ctx, in.Inline.ID, withoutThumbnails(results), next, seconds, button)
	}
	if err != nil {
		r.log.Warn("answer inline query", "user", in.UserID, "err", err)
	}
}

// badPicture reports whether Telegram refused an inline answer for a
// result's picture (WEBDOCUMENT_URL_INVALID, WC_CONVERT_URL_INVALID, ...).
func badPicture(err error) bool {
	s := strings.ToUpper(err.Error())
	return strings.Contains(s, "WEBDOCUMENT") || strings.Contains(s, "WC_CONVERT") || strings.Contains(s, "THUMB")
}

// withoutThumbnails returns a copy of results without their pictures; a
// link preview of a picture previews the article's page instead.
func withoutThumbnails(results []InlineResult) []InlineResult {
	out := slices.Clone(results)
	for i, res := range out {
		if res.Preview != nil && res.Thumbnail != "" && res.Preview.URL == res.Thumbnail {
			lp := *res.Preview
			lp.URL = res.URL
			out[i].Preview = &lp
		}
		out[i].Thumbnail = ""
	}
	return out
}

// chatZone is the time zone (/timezone) a chat's replies show times in:
// UTC when the chat cannot be read.
func (r *Router) chatZone(ctx context.Context, chatID int64) *time.Location {
	chat, err := r.opts.Store.FindChat(ctx, chatID)
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			r.log.Warn("read the chat's time zone", "chat", chatID, "err", err)
		}
		return time.UTC
	}
	return localtime.Location(chat.Timezone)
}

// inlineZone is the time zone an inline answer's times are shown in: the
// one the asker chose with /timezone in their chat with the bot (whose id
// is theirs), as that chat's answers and alerts show them; for someone who
// never wrote to the bot, the zone a new chat gets (digest.timezone).
func (r *Router) inlineZone(ctx context.Context, userID int64) *time.Location {
	zone := r.opts.ChatDefaults.Timezone
	if chat, err := r.opts.Store.FindChat(ctx, userID); err == nil {
		zone = chat.Timezone
	} else if !errors.Is(err, news.ErrNotFound) {
		r.log.Warn("inline query: read the asker's chat", "user", userID, "err", err)
	}
	return localtime.Location(zone)
}

// inlinePreview is how the messages an inline answer posts show their link
// preview: as the asker's alerts do in their chat with the bot (/preview),
// as their zone and language come from it too; none for someone who never
// wrote to the bot, as a new chat's alerts show none.
func (r *Router) inlinePreview(ctx context.Context, userID int64) string {
	if r.opts.Preview == nil {
		return ""
	}
	choice, err := r.opts.Preview.Preview(ctx, userID)
	if err != nil {
		if !errors.Is(err, news.ErrNotFound) {
			r.log.Warn("inline query: read the asker's link preview", "user", userID, "err", err)
		}
		return ""
	}
	return choice
}

// withPreviews returns results (a copy: the cache keeps the originals,
// shared by every asker) whose articles show their link preview as choice
// says (linkPreview: the article's picture, else its page). Notices have none.
func withPreviews(results []InlineResult, choice string) []InlineResult {
	if choice == "" {
		return results
	}
	out := slices.Clone(results)
	for i, res := range out {
		if res.URL != "" {
			out[i].Preview = linkPreview(choice, news.Article{URL: res.URL, ImageURL: res.Thumbnail})
		}
	}
	return out
}

// inlineThumbnail is the picture an inline result shows beside its title:
// the article page's own, else the feed's, when it is a web address.
func inlineThumbnail(a news.Article) string {
	for _, u := range []string{a.PageImageURL, a.ImageURL} {
		if p, err := url.Parse(u); err == nil && (p.Scheme == "https" || p.Scheme == "http") && p.Host != "" {
			return u
		}
	}
	return ""
}

// inlinePage returns the page of results that offset (a next_offset this
// bot gave: the index of the page's first result) starts, and the
// next_offset of the page after it, "" after the last. An offset that does
// not read starts at the first page; one past the end is an empty last page.
func inlinePage(results []InlineResult, offset string) ([]InlineResult, string) {
	from, err := strconv.Atoi(offset)
	if err != nil || from < 0 {
		from = 0
	}
	from = min(from, len(results))
	to := min(from+inlineResults, len(results))
	if to == len(results) {
		return results[from:to], ""
	}
	return results[from:to], strconv.Itoa(to)
}

// inlineResults returns the results for text, from the cache when a recent
// query asked the same; cacheable is false for answers that explain a problem.
// Times are shown in loc.
func (r *Router) inlineResults(ctx context.Context, text string, loc *time.Location) ([]InlineResult, bool) {
	t := tr(ctx)
	// "@bot " and a space more is the empty query to the person typing it,
	// not a query without a word.
	text = strings.TrimSpace(text)
	if n := utf8.RuneCountInString(text); n > maxInlineQuery {
		return []InlineResult{notice("q-long", t.Sprintf("Query too long"), t.Sprintf("An inline query may be at most %d characters; this one has %d.", maxInlineQuery, n))}, false
	}
	if r.opts.Search == nil {
		return []InlineResult{notice("q-none", t.Sprintf("Search is not available"), t.Sprintf(noSearch))}, false
	}
	key := inlineKey(t, loc, text)
	if res, ok := r.inline.get(key, r.opts.Now()); ok {
		return res, true
	}
	var arts []news.Article
	var err error
	if text == "" {
		arts, err = r.trendingArticles(ctx)
	} else {
		arts, err = r.opts.Search.Top(ctx, text, inlineMaxResults)
	}
	var perr *query.ParseError
	switch {
	case errors.As(err, &perr):
		return []InlineResult{notice("q-bad", t.Sprintf("Can't search for that"), explain(t, perr)+". "+t.Sprintf("Words, \"a phrase\", a OR b, -word, prefix*, title:word, source:name."))}, false
	case err != nil:
		r.log.Error("inline search", "err", err)
		return []InlineResult{notice("q-err", t.Sprintf("Search failed"), t.Sprintf("Something went wrong on my side. Please try again later."))}, false
	}
	also := r.inlineAlso(ctx, arts)
	res := make([]InlineResult, 0, len(arts))
	for _, a := range arts {
		res = append(res, InlineResult{ID: "a" + strconv.FormatInt(a.ID, 10), Title: inlineTitle(t, a),
			Description: inlineDescription(t, a, also[a.ID]), URL: a.URL,
			Text: FormatAlert(AlertView{Article: a, Language: t.Lang(), Location: loc, Also: also[a.ID]}), Thumbnail: inlineThumbnail(a)})
	}
	switch {
	case len(res) == 0 && text == "":
		res = append(res, notice("q-empty", t.Sprintf("No trending stories yet"), t.Sprintf("Type a query after my name to search the news I have stored.")))
	}
	// Nothing found is no result (it was one, and a tap posted "Nothing
	// found" into the chat): handleInline answers with a button instead.
	r.inline.put(key, res, r.opts.Now())
	return res, true
}

// inlineAlso names the other outlets of each article's story, as its alert
// would ("Also: …"), read in one query for all of arts. A failed read is
// logged and the results go without them: the answer matters more.
func (r *Router) inlineAlso(ctx context.Context, arts []news.Article) map[int64][]string {
	if len(arts) == 0 {
		return nil
	}
	also, err := r.opts.Search.Outlets(ctx, news.ArticleIDs(arts))
	if err != nil {
		r.log.Warn("inline search: the stories' other outlets", "err", err)
		return nil
	}
	return also
}

// maxInlineAlso is how many characters of an inline result's description
// its "Also: …" takes at most, so that the article's lead still shows.
const maxInlineAlso = 80

// inlineDescription is the line under an inline result's title: whose
// report it is, the story's other outlets (also, "Also: …" as its alert
// names them) and the start of its text.
func inlineDescription(t locale.Printer, a news.Article, also []string) string {
	d := outletLine(t, a, 80)
	if len(also) > 0 {
		d += " · " + summarize.Clip(t.Sprintf("Also: %s", alsoList(t, also)), maxInlineAlso)
	}
	return summarize.Clip(d+" · "+firstNonEmpty(a.Summary, a.Text), 200)
}

// inlineTitle is an article's title as an inline result shows it: a
// result must have one (Telegram refuses the whole answer for one without),
// and an item of a feed of text alone has none, so its text's start
// stands in, else "(untitled)".
func inlineTitle(t locale.Printer, a news.Article) string {
	if title := strings.TrimSpace(summarize.Clip(a.ShownTitle(), 200)); title != "" {
		return title
	}
	if lead := strings.TrimSpace(summarize.Clip(firstNonEmpty(a.Summary, a.Text), 80)); lead != "" {
		return lead
	}
	return t.Sprintf("(untitled)")
}

func (r *Router) trendingArticles(ctx context.Context) ([]news.Article, error) {
	stories, err := r.opts.Search.Trending(ctx)
	arts := make([]news.Article, 0, len(stories))
	for _, s := range stories {
		arts = append(arts, s.Article)
	}
	return arts, err
}

// searchStartPrefix starts the start parameter of the inline "Nothing
// found" button: /start q<query in base64url> subscribes to the query.
const searchStartPrefix = "q"

// nothingFound is the button of an inline answer that found nothing for
// text: "Nothing found · Subscribe to “text”", which opens the private chat
// and subscribes there, when text fits a start parameter (64 characters);
// else "Nothing found · Open Newshound".
func nothingFound(ctx context.Context, text string) *InlineButton {
	t := tr(ctx)
	text = strings.TrimSpace(text)
	if enc := base64.RawURLEncoding.EncodeToString([]byte(text)); len(searchStartPrefix+enc) <= 64 {
		return &InlineButton{Text: t.Sprintf("Nothing found · Subscribe to “%s”", summarize.Clip(text, 30)), Start: searchStartPrefix + enc}
	}
	return &InlineButton{Text: t.Sprintf("Nothing found · Open Newshound"), Start: "inline"}
}

// startQuery returns the query of a start parameter that nothingFound
// made; ok is false for any other parameter.
func startQuery(arg string) (string, bool) {
	enc, ok := strings.CutPrefix(arg, searchStartPrefix)
	if !ok || enc == "" {
		return "", false
	}
	q, err := base64.RawURLEncoding.DecodeString(enc)
	if err != nil || !utf8.Valid(q) || strings.TrimSpace(string(q)) == "" {
		return "", false
	}
	return string(q), true
}

// notice is a result that explains instead of offering an article;
// handleInline answers it with a button of its title (isNotice).
func notice(id, title, text string) InlineResult {
	return InlineResult{ID: id, Title: title, Description: text, Text: esc(text)}
}

// maxNoticeButton is how many characters of a notice its button shows.
const maxNoticeButton = 100

// isNotice reports whether res is a notice (whose ids start "q-", an
// article's "a"), which handleInline answers with a button rather than a
// result that could be posted.
func isNotice(res InlineResult) bool { return strings.HasPrefix(res.ID, "q-") }

// inlineCache keeps the answers of recent inline queries for a minute, at
// most inlineCacheSize of them: people type a query letter by letter, and
// several people ask for the same news.
type inlineCache struct {
	mu sync.Mutex
	m  map[string]inlineEntry
}

type inlineEntry struct {
	res []InlineResult
	at  time.Time
}

func (c *inlineCache) get(q string, now time.Time) ([]InlineResult, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[q]
	if !ok || now.Sub(e.at) > inlineCacheTTL {
		return nil, false
	}
	return e.res, true
}

func (c *inlineCache) put(q string, res []InlineResult, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]inlineEntry{}
	}
	if len(c.m) >= inlineCacheSize {
		for k, e := range c.m { // expired ones first; else any one
			if now.Sub(e.at) > inlineCacheTTL {
				delete(c.m, k)
			}
		}
		for k := range c.m {
			if len(c.m) < inlineCacheSize {
				break
			}
			delete(c.m, k)
		}
	}
	c.m[q] = inlineEntry{res: res, at: now}
}

// inlineKey keys the inline cache: the same query in another language or
// time zone is another answer (its notices, alert frames and times differ).
func inlineKey(p locale.Printer, loc *time.Location, text string) string {
	return p.Lang() + "\x00" + loc.String() + "\x00" + text
}
