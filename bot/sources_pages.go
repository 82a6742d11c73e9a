package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
	"github.com/newshound/newshound/summarize"
)

// sourcesBudget is the most a page of /sources shows (visible characters),
// leaving room for its header and footer: a long list is one message with
// buttons to page through it, not a train of messages.
const sourcesBudget = MaxMessage - 600

// maxFailingNamed is how many failing sources the header of a paged
// /sources names by id.
const maxFailingNamed = 30

// renderSources is page (from 0) of /sources for userID in chatID: the
// sources, in id order, as many as fit one message, with ◂ and ▸ buttons
// when there are more pages. A page past the end shows the last. It fails
// when the sources cannot be listed.
func (r *Router) renderSources(ctx context.Context, chatID, userID int64, page int) (string, [][]Button, error) {
	srcs, err := r.opts.Sources.List(ctx)
	if err != nil {
		return "", nil, err
	}
	p := tr(ctx)
	if len(srcs) == 0 {
		// The same hint the console and /status give: what to do next.
		return p.Sprintf("No sources yet.") + " " + p.Sprintf("Add one: /addsource URL (a feed or a site), /import with an OPML list (a file or its URL), or [[sources]] in the configuration file (config.example.toml lists five world-news feeds)."), nil, nil
	}
	now, loc := r.opts.Now(), r.chatZone(ctx, chatID)
	var pages [][]string
	size := sourcesBudget
	var failing []string
	for _, s := range srcs {
		if s.Health == sources.Failing {
			failing = append(failing, fmt.Sprintf("#%d", s.ID))
		}
		e := r.sourceEntry(p, now, loc, s)
		if n := visibleLen(e); size+n > sourcesBudget {
			pages, size = append(pages, nil), 0
		}
		pages[len(pages)-1] = append(pages[len(pages)-1], e)
		size += visibleLen(e)
	}
	page = max(0, min(page, len(pages)-1))
	var b strings.Builder
	b.WriteString("<b>" + p.Sprintf("Sources") + "</b>")
	if len(pages) > 1 {
		b.WriteString(" · " + p.Sprintf("page %d of %d", page+1, len(pages)))
		b.WriteString("\n" + p.Count(len(srcs), "%d sources"))
		if len(failing) > 0 {
			named := failing[:min(len(failing), maxFailingNamed)]
			list := strings.Join(named, ", ")
			if len(failing) > len(named) {
				list += " …"
			}
			b.WriteString(" · " + p.Sprintf("⚠️ failing: %s", list))
		}
	}
	b.WriteString("\n")
	for _, e := range pages[page] {
		b.WriteString(e)
	}
	if len(failing) > 0 && r.isOperator(userID) { // /fetch is theirs
		b.WriteString("\n" + p.Sprintf("<code>/fetch ID</code> tries a source again now.") + "\n")
	}
	if len(pages) == 1 {
		return b.String(), nil, nil
	}
	var row []Button
	if page > 0 {
		row = append(row, Button{Text: p.Sprintf("◂ Back"), Data: r.signIn(ctx, chatID, "srcs", int64(page-1))})
	}
	if page < len(pages)-1 {
		row = append(row, Button{Text: p.Sprintf("More ▸"), Data: r.signIn(ctx, chatID, "srcs", int64(page+1))})
	}
	return b.String(), [][]Button{row}, nil
}

// pressSourcesPage shows another page of /sources in the message whose
// button was pressed, through the outbox like every other message.
func (r *Router) pressSourcesPage(ctx context.Context, in Incoming, chat news.Chat, args []int64) (string, error) {
	if r.opts.Sources == nil {
		return tr(ctx).Sprintf(noSources), nil
	}
	page := int(min(max(args[0], 0), 1<<20))
	text, buttons, err := r.renderSources(r.messageContext(ctx, chat.ID, args[1:]), chat.ID, in.UserID, page)
	if err != nil {
		return "", err
	}
	if in.Callback.MessageID == 0 {
		return tr(ctx).Sprintf(noticeStale), nil
	}
	m := news.Message{ChatID: chat.ID, Kind: news.KindEdit, Priority: news.PriorityReply, Text: summarize.Clip(text, MaxMessage), EditOf: in.Callback.MessageID}
	if len(buttons) > 0 {
		b, _ := json.Marshal(buttons)
		m.Buttons = string(b)
	}
	if _, err := r.opts.Store.Enqueue(ctx, m); err != nil {
		return "", err
	}
	r.opts.Notify()
	return tr(ctx).Sprintf("Page %d", page+1), nil
}
