package main

import (
	"context"
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/internal/articlehtml"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/stories"
	"github.com/newshound/newshound/subscriptions"
	"github.com/newshound/newshound/summarize"
)

// rssOf returns an RSS document of the items (newest first, as feeds list
// them) whose content is HTML as news sites send it (-html): each item's
// text in paragraphs, a photo with its caption after the first, entities
// for quotes, dashes and spaces, a link in the second paragraph; its
// description the first paragraph, escaped. The poller's Push parses it
// and cleans it (summarize.Clean) as it does a fetched feed. parts holds
// each item's XML but the number of its photo (its place in items), made
// by itemParts when the item was made: the document is one copy of them,
// so that the fill's own writing of feeds stays out of the figures (a bot
// reads its feed's bytes from the network instead).
func rssOf(src news.Source, items []news.Article, parts [][2]string) []byte {
	head := `<?xml version="1.0" encoding="UTF-8"?>` + "\n" +
		`<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>` +
		`<title>` + html.EscapeString(src.Name) + `</title><link>` + html.EscapeString(src.URL) + `</link><description>News</description>` + "\n"
	const tail = "</channel></rss>\n"
	size := len(head) + len(tail)
	for _, p := range parts {
		size += len(p[0]) + len(p[1]) + 4
	}
	b := make([]byte, 0, size)
	b = append(b, head...)
	for i := len(items) - 1; i >= 0; i-- {
		b = append(b, parts[i][0]...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, parts[i][1]...)
	}
	return append(b, tail...)
}

// itemParts returns the RSS item of a (see rssOf) of source src, cut where
// the number of its photo goes.
func itemParts(src news.Source, a news.Article) [2]string {
	const cut = "\x00"
	desc := ""
	if paras := articlehtml.Paragraphs(a.Text); len(paras) > 0 {
		desc = "<p>" + paras[0] + "</p>"
	}
	item := fmt.Sprintf("<item><title>%s</title><link>%s</link><guid isPermaLink=\"false\">%s</guid><pubDate>%s</pubDate><description>%s</description><content:encoded><![CDATA[%s]]></content:encoded></item>\n",
		html.EscapeString(a.Title), html.EscapeString(a.URL), html.EscapeString(a.GUID), a.PublishedAt.UTC().Format(time.RFC1123Z), html.EscapeString(desc), articlehtml.Body(src.Name, a.Title, a.Text, cut))
	before, after, _ := strings.Cut(item, cut)
	return [2]string{before, after}
}

// The poller's parts, their CPU on the calling thread added up (-html: the
// poller's Push runs them on the fill loop's thread).
type (
	timedSummarizer struct {
		s *summarize.Summarizer
		d *time.Duration
	}
	timedLinker struct {
		l *stories.Linker
		d *time.Duration
	}
	timedSubs struct {
		s *subscriptions.Service
		d *time.Duration
	}
)

func (t timedSummarizer) Summarize(ctx context.Context, in summarize.Input) string {
	c := threadTime()
	defer func() { *t.d += threadTime() - c }()
	return t.s.Summarize(ctx, in)
}

func (t timedLinker) Link(ctx context.Context, arts []news.Article) (int, error) {
	return t.l.Link(ctx, arts)
}

func (t timedLinker) PlanLinks(ctx context.Context, arts []news.Article) ([]news.StoryCandidate, int, error) {
	c := threadTime()
	defer func() { *t.d += threadTime() - c }()
	return t.l.PlanLinks(ctx, arts)
}

func (t timedLinker) Unstored() { t.l.Unstored() }

func (t timedSubs) HandleArticles(ctx context.Context, arts []news.Article) error {
	return t.s.HandleArticles(ctx, arts)
}

func (t timedSubs) PlanAlerts(ctx context.Context, arts []news.Article) ([]news.Alert, error) {
	c := threadTime()
	defer func() { *t.d += threadTime() - c }()
	return t.s.PlanAlerts(ctx, arts)
}

func (t timedSubs) AlertsQueued(articles, n int) { t.s.AlertsQueued(articles, n) }
