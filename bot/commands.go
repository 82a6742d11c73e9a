package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// command is one row of the command table, the one source of setMyCommands
// and /help.
type command struct {
	name        string
	args        string // usage, as shown by /help
	description string
	run         func(ctx context.Context, req request) error
}

// Command is a command's name and description, for setMyCommands.
type Command struct{ Name, Description string }

// Commands lists the command table for registration with Telegram.
func (r *Router) Commands() []Command {
	out := make([]Command, len(r.commands))
	for i, c := range r.commands {
		out[i] = Command{Name: c.name, Description: c.description}
	}
	return out
}

func (r *Router) table() []command {
	return []command{
		{"start", "", "Start Newshound in this chat", r.cmdStart},
		{"help", "", "What Newshound can do", r.cmdHelp},
		{"subscribe", "QUERY", "Alert me on news matching QUERY", r.cmdSubscribe},
		{"unsubscribe", "ID or QUERY", "Stop a subscription", r.cmdUnsubscribe},
		{"list", "", "Show this chat's subscriptions", r.cmdList},
		{"mute", "ID or QUERY [2h]", "Silence a subscription's alerts, for a time or until /unmute", r.cmdMute(true)},
		{"unmute", "ID or QUERY", "Alert on a muted subscription again", r.cmdMute(false)},
		{"pause", "[3 days]", "Pause all alerts, for a time or until /resume", r.cmdPause},
		{"resume", "", "Resume alerts", r.cmdResume},
		{"timezone", "Area/City or +HH:MM", "Set this chat's time zone", r.cmdTimezone},
		{"digest", "HH:MM, off or now", "Daily digest: set its time, turn it off, or get one now", r.cmdDigest},
		{"search", "QUERY", "Search the news stored so far", r.cmdSearch},
		{"latest", "[ID]", "Newest news for your subscriptions", r.cmdLatest},
		{"trending", "", "Stories most sources carry now", r.cmdTrending},
		{"sources", "", "The news sources and their health", r.cmdSources},
		{"fetch", "ID", "Fetch a source now, ahead of its schedule or its backoff (operators)", r.cmdFetch},
		{"addsource", "URL", "Add a feed or a site (operators)", r.cmdAddSource},
		{"removesource", "ID or URL", "Remove a source (operators)", r.cmdRemoveSource},
		{"export", "", "The sources as OPML (operators)", r.cmdExport},
		{"import", "OPML, URL or file", "Add the sources of an OPML list or file (operators)", r.cmdImport},
		{"quiet", "23:00-07:00 [silent|hold] or off", "Quiet hours: alerts silent or held for the digest", r.cmdQuiet},
		{"stop", "", "Delete everything about this chat", r.cmdStop},
		{"id", "", "Your user id and this chat's id", r.cmdID},
		{"status", "", "Sources, polls and the next poll (operators)", r.cmdStatus},
		{"version", "", "The running version (operators)", r.cmdVersion},
		{"share", "ID", "A link that lets anyone subscribe to the same query", r.cmdShare},
		{"preview", "on, off, large, small or above", "How alerts show the article's link preview", r.cmdPreview},
		{"language", "CODE", "The language I speak in this chat", r.cmdLanguage},
		{"settings", "", "This chat's settings at a glance", r.cmdSettings},
	}
}

func (r *Router) cmdStart(ctx context.Context, req request) error {
	if !req.chat.Active {
		if err := r.opts.Store.SetChatActive(ctx, req.in.ChatID, true); err != nil {
			return err
		}
	}
	if token, ok := strings.CutPrefix(req.args, sharePrefix); ok && req.args != "" {
		return r.openShare(ctx, req, token)
	}
	if q, ok := startQuery(req.args); ok {
		// The inline answer's "Nothing found · Subscribe to …" button. It
		// subscribes as /subscribe does, so only whoever may subscribe the
		// chat: a member typing /start q… in a group is no admin.
		if refusal := r.refusal(ctx, accessOf("subscribe"), req.in); refusal != "" {
			r.reply(ctx, req.in.ChatID, refusal)
			return nil
		}
		req.args = q
		return r.cmdSubscribe(ctx, req)
	}
	// The inline answer's "Open Newshound" button opens /start inline: the
	// welcome says how inline search is used, which is what they tried.
	note := ""
	if req.args == "inline" && r.opts.BotName != "" {
		note = "\n\n" + tr(ctx).Sprintf("🔎 To search the news from any chat, type <code>@%s</code> and a few words in its message field, e.g. <code>@%s kursk</code>, then tap a result to post it there.", r.opts.BotName, r.opts.BotName)
	}
	if r.startAgain(ctx, req, note) {
		return nil
	}
	if t := req.in.ChatType; t == "group" || t == "supergroup" {
		// A member's /start in a group was told to /subscribe, which only
		// the group's admins may: the group hears what it hears when the
		// bot joins, and after /start inline the line on inline search.
		r.reply(ctx, req.in.ChatID, groupWelcome(ctx)+note)
		return nil
	}
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("👋 <b>Newshound</b> sends you news that matches your keywords, as it breaks.\n\n"+
		"Try <code>/subscribe kursk deminers</code> or <code>/subscribe \"north korea\" OR pyongyang</code>.\n"+
		"Send /help for every command.")+note+r.otherLanguagesNote(ctx, req.in))
	return nil
}

// otherLanguagesNote is the line a private welcome adds for a user whose
// app speaks a language the bot does not (Portuguese, Ukrainian, French):
// they were answered in English and never told that Spanish or Russian,
// which they may read better, were a /language away. "" for everyone else,
// and for a chat that chose its language.
func (r *Router) otherLanguagesNote(ctx context.Context, in Incoming) string {
	if _, known := locale.Match(in.Language); known || strings.TrimSpace(in.Language) == "" || r.opts.Languages == nil || r.chosenLanguage(ctx, in.ChatID) != "" {
		return ""
	}
	var names []string
	for _, l := range locale.Languages {
		names = append(names, "<code>/language "+l.Code+"</code> "+esc(l.Name))
	}
	return "\n\n" + tr(ctx).Sprintf("🌐 I do not speak your Telegram app's language, so I answer in English. I also speak: %s.", strings.Join(names[1:], ", "))
}

// startAgain answers /start in a chat that kept its subscriptions (a user
// who blocked the bot and came back, or pressed Start again): they are
// still there, and alerts may be paused. It reports whether it answered;
// a chat without subscriptions gets the first welcome. note ends the
// answer.
func (r *Router) startAgain(ctx context.Context, req request, note string) bool {
	if r.opts.Subscriptions == nil {
		return false
	}
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		r.log.Warn("/start: list subscriptions", "chat", req.in.ChatID, "err", err)
		return false
	}
	if len(subs) == 0 {
		return false
	}
	t := tr(ctx)
	text := t.Sprintf("👋 <b>Newshound</b> is back. This chat's subscriptions are still here (%s): /list shows them.", t.Count(len(subs), "%d subscriptions"))
	if req.chat.Paused {
		text += "\n⏸ " + pausedLine(t, req.chat)
	}
	r.reply(ctx, req.in.ChatID, text+note)
	return true
}

func (r *Router) cmdHelp(ctx context.Context, req request) error {
	var b strings.Builder
	p := tr(ctx)
	b.WriteString("<b>" + p.Sprintf("Commands") + "</b>\n")
	for _, c := range r.commands {
		b.WriteString("/" + c.name)
		if c.args != "" {
			b.WriteString(" <i>" + esc(p.Sprintf(c.args)) + "</i>")
		}
		b.WriteString(" — " + esc(p.Sprintf(c.description)))
		if req.in.ChatType != "private" && accessOf(c.name) == chatAdmins {
			b.WriteString(" " + p.Sprintf("(chat admins)"))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + p.Sprintf("<b>Queries</b>: words (all must appear), <code>\"exact phrase\"</code>, <code>a OR b</code>, "+
		"<code>-word</code> to exclude, <code>prefix*</code>, <code>title:word</code>, <code>source:reuters</code>."))
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

func (r *Router) cmdSubscribe(ctx context.Context, req request) error {
	if req.args == "" {
		r.ask(ctx, req, "subscribe", tr(ctx).Sprintf("Tell me what to look for, e.g. <code>/subscribe kursk deminers</code>."))
		return nil
	}
	res, err := r.opts.Subscriptions.SubscribeIn(ctx, req.in.ChatID, req.in.ThreadID, req.args)
	var perr *query.ParseError
	switch {
	case errors.As(err, &perr):
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("I can't use that query: %s.", esc(explain(tr(ctx), perr))))
		return nil
	case errors.Is(err, news.ErrLimit):
		r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("This chat has as many subscriptions as it may hold (%d). Remove one with <code>/unsubscribe NUMBER</code> first; /list shows the numbers.", subscriptionLimit(err)))
		return nil
	case err != nil:
		return err
	}
	var b strings.Builder
	t := tr(ctx)
	// The confirmation shows the query as written and stored, as /list
	// does: the reading (res.Query.String()) folds accents and spells out
	// AND, and "/subscribe élection présidentielle" was echoed as
	// "election AND presidentielle", as if the bot had changed it. A name
	// made with symbols reads without them ("C++ programming" as "c
	// programming"): how it reads follows, and why.
	shown, symbols := res.Subscription.Query, query.SymbolNames(res.Subscription.Query)
	if res.Created {
		b.WriteString(t.Sprintf("✅ Subscribed (#%d): <code>%s</code>", res.Subscription.ID, esc(shown)) + "\n")
	} else {
		b.WriteString(t.Sprintf("You already have this subscription (#%d): <code>%s</code>", res.Subscription.ID, esc(shown)) + "\n")
	}
	if len(symbols) > 0 {
		b.WriteString(t.Sprintf("It reads as <code>%s</code>: symbols are not part of words, in articles as in queries (“%s” counts as “%s”).",
			esc(res.Query.String()), esc(symbols[0].Typed), esc(symbols[0].Read)) + "\n")
	}
	if words, fixed := query.OperatorWords(res.Subscription.Query); words != nil {
		// "kursk or belgorod" read as kursk AND or AND belgorod: both and the word "or".
		b.WriteString(t.Sprintf("⚠️ “%s” in small letters is a word to find, not an operator. For the operator, write it in capitals: <code>/subscribe %s</code>, then <code>/unsubscribe %d</code>.",
			esc(words[0]), esc(fixed), res.Subscription.ID) + "\n")
	}
	if note := unspacedNote(t, res.Subscription.Query); note != "" {
		b.WriteString(note + "\n")
	}
	p := res.Preview
	switch days := int(p.Window.Hours() / 24); {
	case p.Count == 0 && !p.AtLeast && r.nothingFetchedYet(ctx): // AtLeast: articles were there to check
		// "would have matched 0" read as a query that finds nothing, on a
		// bot that had stored nothing to match.
		b.WriteString(t.Sprintf("No source has been fetched yet, so there is nothing stored to count: alerts come as the sources are fetched; /sources shows them."))
	case p.AtLeast && p.Count == 0:
		b.WriteString(t.Sprintf("In the last %d days none of the %d newest articles it might match did; older ones were not checked.", days, p.Checked))
	case p.AtLeast:
		b.WriteString(t.Sprintf("In the last %d days it would have matched at least %s.", days, countStored(t, p.Count)))
	case p.Approx:
		b.WriteString(t.Sprintf("In the last %d days it would have matched about %s.", days, countStored(t, p.Count)))
	default:
		b.WriteString(t.Sprintf("In the last %d days it would have matched %s.", days, countStored(t, p.Count)))
	}
	for i, title := range p.Titles {
		b.WriteString("\n• " + esc(summarize.Clip(title, 200)))
		if i < len(p.Articles) && p.Articles[i] > 1 { // one story, told by several articles
			b.WriteString(" (" + t.Count(p.Articles[i], "%d articles") + ")")
		}
	}
	if strings.Contains(res.Subscription.Query, "://") {
		// "/subscribe https://example.com/news" was a phrase of "https
		// example com news", which no article spells: it never alerted.
		b.WriteString("\n" + t.Sprintf("⚠️ That is a web address: it matches articles whose text spells its words, which few do. To follow a site's news, a source is added with /addsource (operators); /sources lists those I follow, and <code>source:NAME</code> matches one."))
	}
	if r.noSourceFor(ctx, res.Query) {
		b.WriteString("\n" + t.Sprintf("⚠️ No source I follow has that name, so it cannot alert yet: /sources lists them."))
	}
	// A subscription that will not alert says why: a stranger who had
	// paused the chat, or muted the query, waited for alerts that never came.
	if m := res.Subscription; !res.Created && m.Muted && !m.MutedUntil.IsZero() {
		b.WriteString("\n" + t.Sprintf("🔕 It is muted until %s: <code>/unmute %d</code> turns its alerts back on sooner.", untilText(t, m.MutedUntil, req.chat.Timezone), m.ID))
	} else if !res.Created && m.Muted {
		b.WriteString("\n" + t.Sprintf("🔕 It is muted: <code>/unmute %d</code> turns its alerts back on.", m.ID))
	}
	if req.chat.Paused {
		b.WriteString("\n" + pausedLine(t, req.chat))
	}
	if res.Created {
		b.WriteString(r.englishAlertsNote(ctx, req.in))
	}
	r.reply(ctx, req.in.ChatID, b.String())
	return nil
}

// noSourceFor reports whether q confines its matches to sources by name
// (source:reuters) and no source the bot follows bears such a name: a
// stranger's source:bbc, with no BBC feed, was accepted and never alerted.
// nothingFetchedYet reports whether no source was ever fetched (or there is
// none), so nothing is stored for a preview to count; false when the
// sources are unknown (nil, or their list fails: logged).
func (r *Router) nothingFetchedYet(ctx context.Context) bool {
	if r.opts.Sources == nil {
		return false
	}
	list, err := r.opts.Sources.List(ctx)
	if err != nil {
		r.log.Warn("subscribe: list sources", "err", err)
		return false
	}
	for _, s := range list {
		if s.Fetches > 0 || !s.LastOKAt.IsZero() {
			return false
		}
	}
	return true
}

func (r *Router) noSourceFor(ctx context.Context, q *query.Query) bool {
	f := q.SourceFilter()
	if f == nil || r.opts.Sources == nil {
		return false
	}
	list, err := r.opts.Sources.List(ctx)
	if err != nil {
		r.log.Warn("subscribe: list sources", "err", err)
		return false
	}
	for _, s := range list {
		if s.Origin != news.OriginRetired && f(s.Name) {
			return false
		}
	}
	return true
}

func (r *Router) cmdUnsubscribe(ctx context.Context, req request) error {
	if req.args == "" {
		if _, none, err := r.onlySubscription(ctx, req); err != nil || none {
			if none {
				r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("No subscriptions yet. Add one with <code>/subscribe QUERY</code>."))
			}
			return err
		}
		r.ask(ctx, req, "unsubscribe", tr(ctx).Sprintf("Which one? Send <code>/unsubscribe ID</code> with an ID from /list, or the query itself."))
		return nil
	}
	if ids := severalIDs(req.args); ids != nil {
		return r.unsubscribeIDs(ctx, req.in.ChatID, ids)
	}
	arg, elsewhere := r.topicSubscription(ctx, req)
	if len(elsewhere) > 1 {
		// Which topic's? Removing the oldest left the user guessing.
		t := tr(ctx)
		where := make([]string, len(elsewhere))
		for i, s := range elsewhere {
			where[i] = fmt.Sprintf("#%d %s", s.ID, topicName(t, s.ThreadID))
		}
		r.reply(ctx, req.in.ChatID, t.Sprintf("<code>%s</code> is in several topics: %s. Send <code>/unsubscribe ID</code> with the one to remove.",
			esc(summarize.Clip(req.args, 100)), esc(strings.Join(where, ", "))))
		return nil
	}
	sub, err := r.opts.Subscriptions.Unsubscribe(ctx, req.in.ChatID, arg)
	if errors.Is(err, subscriptions.ErrNoSuchSubscription) {
		r.reply(ctx, req.in.ChatID, noSubscription(tr(ctx), req.args, 100))
		return nil
	}
	if err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("Removed #%d: <code>%s</code>", sub.ID, esc(sub.Query)))
	return nil
}

// noSubscription says that the chat has no subscription arg, which the
// user typed: an id as #ID, a query quoted as the language quotes
// («курск», „kursk“), clipped to max characters. Without the quotes
// "В этом чате нет подписки курск" read as a broken sentence.
func noSubscription(t locale.Printer, arg string, max int) string {
	arg = strings.TrimSpace(arg)
	if id, err := strconv.ParseInt(strings.TrimPrefix(arg, "#"), 10, 64); err == nil {
		return t.Sprintf("This chat has no subscription #%d. See /list.", id)
	}
	return t.Sprintf("This chat has no subscription %q. See /list.", esc(summarize.Clip(arg, max)))
}

// severalIDs returns the ids of "/unsubscribe 3 5", "#3, #5": two or more,
// each digits with an optional "#"; nil for anything else (one id, or a
// query).
func severalIDs(args string) []string {
	f := strings.FieldsFunc(args, func(r rune) bool { return r == ' ' || r == ',' || r == '\n' || r == '\t' })
	if len(f) < 2 || len(f) > maxUnsubscribeIDs {
		return nil
	}
	for i, x := range f {
		x = strings.TrimPrefix(x, "#")
		if _, err := strconv.ParseInt(x, 10, 64); err != nil {
			return nil
		}
		f[i] = x
	}
	return f
}

// maxUnsubscribeIDs bounds the ids one /unsubscribe removes (a list's worth).
const maxUnsubscribeIDs = listMax

// unsubscribeIDs removes each of the chat's subscriptions named, and says
// what became of each in one reply.
func (r *Router) unsubscribeIDs(ctx context.Context, chatID int64, ids []string) error {
	t := tr(ctx)
	var lines []string
	for _, id := range ids {
		sub, err := r.opts.Subscriptions.Unsubscribe(ctx, chatID, id)
		switch {
		case errors.Is(err, subscriptions.ErrNoSuchSubscription):
			lines = append(lines, noSubscription(t, id, 100))
		case err != nil:
			return err
		default:
			lines = append(lines, t.Sprintf("Removed #%d: <code>%s</code>", sub.ID, esc(sub.Query)))
		}
	}
	r.reply(ctx, chatID, strings.Join(lines, "\n"))
	return nil
}

// topicSubscription is what /unsubscribe removes: a query that the topic it
// was sent in has (a query lives once per topic) by that subscription's id,
// else the argument as given (an id, or the chat's only subscription of
// that query in another topic). When the topic has no such query and
// several other topics do, it returns them all in elsewhere, for the user
// to choose.
func (r *Router) topicSubscription(ctx context.Context, req request) (arg string, elsewhere []news.Subscription) {
	if _, err := strconv.ParseInt(req.args, 10, 64); err == nil {
		return req.args, nil
	}
	q, err := query.ParseStored(req.args)
	if err != nil {
		return req.args, nil
	}
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return req.args, nil // Unsubscribe meets the same database
	}
	for _, s := range subs {
		if s.Key == q.Key() {
			if s.ThreadID == req.in.ThreadID {
				return strconv.FormatInt(s.ID, 10), nil
			}
			elsewhere = append(elsewhere, s)
		}
	}
	return req.args, elsewhere
}

func (r *Router) cmdList(ctx context.Context, req request) error {
	text, buttons, err := r.renderList(ctx, req.chat, req.in.ThreadID)
	if err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, text, buttons...)
	return nil
}

// listBudget keeps /list within one message, as Telegram counts it
// (visibleLen), so its buttons and a rewrite after a press cover every
// line shown.
const listBudget = MaxMessage - 300

// listMax is the most subscriptions /list shows: each has two buttons, and
// Telegram refuses an inline keyboard of more than 100 ("reply markup is
// too long"), which left a chat allowed more than 50 with no /list at all.
const listMax = 50

// renderList shows the chat's subscriptions, each with buttons to remove
// and to mute or unmute it.
// In a forum topic (thread != 0) it shows the subscriptions whose alerts go
// to that topic.
func (r *Router) renderList(ctx context.Context, chat news.Chat, thread int) (string, [][]Button, error) {
	subs, err := r.opts.Subscriptions.List(ctx, chat.ID)
	if err != nil {
		return "", nil, err
	}
	if thread != 0 {
		mine := subs[:0:0]
		for _, s := range subs {
			if s.ThreadID == thread {
				mine = append(mine, s)
			}
		}
		if len(mine) == 0 && len(subs) > 0 {
			// "No subscriptions yet" in a topic of a forum whose other
			// topics had some: /mute and /unsubscribe there found them.
			t := tr(ctx)
			return t.Sprintf("No subscription sends its alerts to this topic; the chat has %s in other topics (/list in General shows them all). Add one here with <code>/subscribe QUERY</code>.",
				t.Count(len(subs), "%d subscriptions")), nil, nil
		}
		subs = mine
	}
	if len(subs) == 0 {
		return tr(ctx).Sprintf("No subscriptions yet. Add one with <code>/subscribe QUERY</code>."), nil, nil
	}
	t := tr(ctx)
	var b strings.Builder
	var buttons [][]Button
	b.WriteString("<b>" + t.Sprintf("Subscriptions") + "</b>\n")
	topics := false // in a forum's General: name each one's topic
	for _, s := range subs {
		topics = topics || (thread == 0 && s.ThreadID != 0)
	}
	width := listWidth(t, subs, topics, chat.Timezone)
	for i, s := range subs {
		line := listLine(t, s, topics, width, chat.Timezone)
		if i == listMax || visibleLen(b.String())+visibleLen(line) > listBudget {
			b.WriteString(t.Sprintf("… and %d more: remove some with /unsubscribe ID.", len(subs)-i) + "\n")
			break
		}
		b.WriteString(line + "\n")
		mute := Button{Text: t.Sprintf("🔕 Mute #%d", s.ID), Data: r.signIn(ctx, chat.ID, "mu", s.ID)}
		if s.Muted {
			mute = Button{Text: t.Sprintf("🔔 Unmute #%d", s.ID), Data: r.signIn(ctx, chat.ID, "um", s.ID)}
		}
		buttons = append(buttons, []Button{{Text: t.Sprintf("🗑 Remove #%d", s.ID), Data: r.signIn(ctx, chat.ID, "rm", s.ID)}, mute})
	}
	if chat.Paused {
		b.WriteString("\n" + pausedLine(t, chat))
	}
	// No newline at the end: Telegram trims it, but a press rewrites the
	// message with this text (an edit, not a reply) and the console and the
	// fake Telegram show it.
	return strings.TrimRight(b.String(), "\n"), buttons, nil
}

// listWidth is how many characters of each query /list shows: 120, or
// fewer when the lines of the (at most listMax) subscriptions would not
// fit one message otherwise. A chat of 50 long queries saw 31 of them and
// "… and 19 more", with no way to learn the others' IDs; its queries are
// now clipped shorter (down to listMinWidth), the IDs being what counts.
func listWidth(t locale.Printer, subs []news.Subscription, topics bool, zone string) int {
	shown := subs[:min(len(subs), listMax)]
	width := 120
	for ; width > listMinWidth; width -= 8 {
		total := visibleLen(t.Sprintf("Subscriptions")) + 2
		for _, s := range shown {
			total += visibleLen(listLine(t, s, topics, width, zone)) + 1
		}
		if total <= listBudget {
			break
		}
	}
	return max(width, listMinWidth)
}

// listMinWidth is the fewest characters of a query /list shows: enough to
// tell most queries apart; a list that does not fit even so says how many
// more there are.
const listMinWidth = 24

// listLine is one subscription's line of /list, its query clipped to width;
// a timed mute says until when, in the chat's time zone.
func listLine(t locale.Printer, s news.Subscription, topics bool, width int, zone string) string {
	line := fmt.Sprintf("#%d <code>%s</code>", s.ID, esc(summarize.Clip(s.Query, width)))
	if topics {
		line += " · " + topicName(t, s.ThreadID)
	}
	if s.Muted && !s.MutedUntil.IsZero() {
		line += " " + t.Sprintf("(muted until %s)", untilText(t, s.MutedUntil, zone))
	} else if s.Muted {
		line += " " + t.Sprintf("(muted)")
	}
	return line
}

// cmdMute mutes (or unmutes) a subscription by its ID, as its button in
// /list does: strangers typed "/mute 3" and heard "I don't know /mute".
func (r *Router) cmdMute(muted bool) func(context.Context, request) error {
	return func(ctx context.Context, req request) error {
		t := tr(ctx)
		name := "mute"
		if !muted {
			name = "unmute"
		}
		arg := strings.TrimPrefix(strings.TrimSpace(req.args), "#")
		if arg == "" {
			return r.whichToMute(ctx, req, name, muted)
		}
		var span time.Duration
		if rest, sp := splitTimedSpan(arg); muted && sp != "" && rest != "" {
			// "/mute kursk 2h": the subscription is kursk, unless one is
			// "kursk 2h" itself; muted until two hours on.
			if d, ok := spanDuration(sp); ok {
				if _, ferr := r.opts.Subscriptions.Find(ctx, req.in.ChatID, arg); errors.Is(ferr, subscriptions.ErrNoSuchSubscription) {
					arg, span = strings.TrimPrefix(rest, "#"), d
				}
			}
		}
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			// "/mute kursk", as "/unsubscribe kursk" names it by its query:
			// the topic's own subscription of it first.
			if own, _ := r.topicSubscription(ctx, req); own != req.args {
				id, _ = strconv.ParseInt(own, 10, 64)
			} else {
				sub, ferr := r.opts.Subscriptions.Find(ctx, req.in.ChatID, arg)
				if ferr != nil && !errors.Is(ferr, subscriptions.ErrNoSuchSubscription) {
					return ferr
				}
				id = sub.ID
			}
		}
		if id <= 0 {
			r.reply(ctx, req.in.ChatID, noSubscription(t, arg, 32))
			return nil
		}
		until := endOfSpan(r.now(), span)
		set := func(id int64) error {
			if span > 0 {
				return r.opts.Store.MuteSubscriptionUntil(ctx, req.in.ChatID, id, until)
			}
			return r.opts.Store.SetSubscriptionMuted(ctx, req.in.ChatID, id, muted)
		}
		err = set(id)
		if errors.Is(err, news.ErrNotFound) {
			// Digits that are no id of the chat: a query of digits ("737").
			if sub, ferr := r.opts.Subscriptions.Find(ctx, req.in.ChatID, arg); ferr == nil && sub.ID != id {
				id = sub.ID
				err = set(id)
			}
		}
		if errors.Is(err, news.ErrNotFound) {
			r.reply(ctx, req.in.ChatID, noSubscription(t, arg, 32))
			return nil
		} else if err != nil {
			return err
		}
		if span > 0 {
			r.reply(ctx, req.in.ChatID, t.Sprintf("🔕 Muted #%d until %s: its alerts come back by themselves then; <code>/unmute %d</code> brings them back sooner.", id, untilText(t, until, req.chat.Timezone), id))
			return nil
		}
		if muted {
			r.reply(ctx, req.in.ChatID, t.Sprintf("🔕 Muted #%d: no alerts for it until <code>/unmute %d</code>.", id, id))
			return nil
		}
		r.reply(ctx, req.in.ChatID, t.Sprintf("🔔 Unmuted #%d: its alerts come again.", id))
		return nil
	}
}

// whichToMute answers /mute or /unmute without an ID: an example with an
// ID of this chat that the command would change (this topic's first),
// rather than a made-up "3" that may name no subscription, or says that
// there is none to change.
func (r *Router) whichToMute(ctx context.Context, req request, name string, muted bool) error {
	t := tr(ctx)
	subs, err := r.opts.Subscriptions.List(ctx, req.in.ChatID)
	if err != nil {
		return err
	}
	if len(subs) == 0 {
		r.reply(ctx, req.in.ChatID, t.Sprintf("No subscriptions yet. Add one with <code>/subscribe QUERY</code>."))
		return nil
	}
	var example int64
	for _, s := range subs {
		if s.Muted != muted && (example == 0 || s.ThreadID == req.in.ThreadID) {
			example = s.ID
			if s.ThreadID == req.in.ThreadID {
				break
			}
		}
	}
	switch {
	case example == 0 && muted:
		r.reply(ctx, req.in.ChatID, t.Sprintf("Every subscription of this chat is muted already. /list shows them."))
	case example == 0:
		r.reply(ctx, req.in.ChatID, t.Sprintf("No subscription of this chat is muted. /list shows them."))
	default:
		r.reply(ctx, req.in.ChatID, t.Sprintf("Which one? Send it with an ID from /list, e.g. <code>/%s %d</code>.", name, example))
	}
	return nil
}

// topicName names the forum topic a subscription's alerts go to: General,
// or "topic N" (the bot does not keep topics' names).
func topicName(p locale.Printer, thread int) string {
	if thread == 0 {
		return p.Sprintf("in General")
	}
	return p.Sprintf("in topic %d", thread)
}

// cmdPause pauses the chat's alerts until /resume, or, written with a span
// of time ("/pause 3 days", "/pause на 2 часа"), until that time has
// passed, when they come back by themselves; the reply says when, in the
// chat's time zone. A timed pause ends as /resume ends one: what matched
// while it held is not sent afterwards (nothing is matched for a paused
// chat, and its queued alerts are dropped), only what comes after. The
// store reads a pause whose until has passed as none where alerts are
// decided, so no timer ends it, a restart keeps it, and no "alerts are
// back" message is sent: the reply said when.
func (r *Router) cmdPause(ctx context.Context, req request) error {
	if rest, span := splitTimedSpan(req.args); rest == "" && span != "" {
		if d, ok := spanDuration(span); ok {
			until := endOfSpan(r.now(), d)
			if err := r.opts.Settings.PauseUntil(ctx, req.in.ChatID, until); err != nil {
				return err
			}
			t := tr(ctx)
			r.reply(ctx, req.in.ChatID, t.Sprintf("⏸ Alerts paused until %s: they come back by themselves then; /resume brings them back sooner.", untilText(t, until, req.chat.Timezone)))
			return nil
		}
	}
	if err := r.opts.Settings.SetPaused(ctx, req.in.ChatID, true); err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("⏸ Alerts paused. Send /resume to get them again."))
	return nil
}

func (r *Router) cmdResume(ctx context.Context, req request) error {
	if err := r.opts.Settings.SetPaused(ctx, req.in.ChatID, false); err != nil {
		return err
	}
	r.reply(ctx, req.in.ChatID, tr(ctx).Sprintf("▶️ Alerts resumed."))
	return nil
}

// subscriptionLimit is the limit a news.ErrLimit error carries, or 0.
func subscriptionLimit(err error) int {
	var lim *subscriptions.LimitError
	if errors.As(err, &lim) {
		return lim.Max
	}
	return 0
}
