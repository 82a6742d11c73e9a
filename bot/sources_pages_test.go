package bot

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

// The operator of 300 sources sent /sources and got eight messages in a
// row: a long list is one message, a page, with buttons to the next and
// back, each source on exactly one page, and the failing ones named by id
// on every page.
func TestManySourcesArePagesOfOneMessage(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) {
		o.Operators = []int64{operator}
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Now: o.Now})
	})
	now := h.clock.Now()
	var failing []string
	for i := range 300 {
		src := testkit.UpsertSource(t, h.st, fmt.Sprintf("Regional Outlet Number %d", i), fmt.Sprintf("https://outlet-%d.example/rss", i), "config")
		if i%97 == 5 {
			mustRecordFetch(t, h.st, src.ID, news.FetchResult{Err: "http status 500", NextFetchAt: now.Add(4 * time.Minute)})
			failing = append(failing, fmt.Sprintf("#%d", src.ID))
		} else {
			mustRecordFetch(t, h.st, src.ID, news.FetchResult{OK: true, NextFetchAt: now.Add(2 * time.Minute)})
		}
	}
	first := h.reply(operator, "private", operator, "/sources")
	h.settle()
	if n := len(h.tg.Sent(operator)); n != 1 {
		t.Fatalf("/sources sent %d messages, want 1 page", n)
	}
	seen := map[string]int{}
	page, msg := first.Text(), first
	for n := 1; ; n++ {
		if l := visibleLen(page); l > MaxMessage {
			t.Errorf("page %d is %d characters long, over a message", n, l)
		}
		if !strings.Contains(page, fmt.Sprintf("page %d of ", n)) || !strings.Contains(page, "300 sources") ||
			!strings.Contains(page, "⚠️ failing: "+strings.Join(failing, ", ")) {
			t.Errorf("page %d lacks its number, the count or the failing sources %v:\n%s", n, failing, page)
		}
		for i := range 300 {
			if strings.Contains(page, fmt.Sprintf("<b>Regional Outlet Number %d</b>", i)) {
				seen[fmt.Sprint(i)]++
			}
		}
		kb := buttons(t, msg)
		if len(kb) != 1 {
			t.Fatalf("page %d has buttons %+v, want one row", n, kb)
		}
		if n > 1 && kb[0][0].Text != "◂ Back" {
			t.Errorf("page %d has no ◂ Back first: %+v", n, kb[0])
		}
		next := kb[0][len(kb[0])-1]
		if next.Text != "More ▸" {
			h.clock.Advance(4 * time.Second)
			if got, want := h.press(operator, "private", operator, 1, kb[0][0].Data), fmt.Sprintf("Page %d", n-1); n < 2 || got != want {
				t.Errorf("the last page is %d; pressing ◂ Back answered %q, want %q", n, got, want)
			}
			if back := h.waitEdits(operator, n)[n-1].Text(); !strings.Contains(back, fmt.Sprintf("page %d of %d", n-1, n)) {
				t.Errorf("◂ Back from the last page shows:\n%s", back)
			}
			break
		}
		if n > 30 {
			t.Fatal("more than 30 pages")
		}
		h.clock.Advance(4 * time.Second) // a person reading the page: no "slow down"
		if got := h.press(operator, "private", operator, 1, next.Data); got != fmt.Sprintf("Page %d", n+1) {
			t.Errorf("pressing More answered %q", got)
		}
		edits := h.waitEdits(operator, n)
		msg = edits[n-1]
		page = msg.Text()
	}
	if len(seen) != 300 {
		t.Errorf("the pages showed %d of the 300 sources", len(seen))
	}
	for name, k := range seen {
		if k != 1 {
			t.Errorf("outlet %s shown on %d pages", name, k)
		}
	}
	if n := len(h.tg.Sent(operator)); n != 1 {
		t.Errorf("paging sent %d new messages, want none (edits)", n-1)
	}
}

// /sources with none says how to add one, not only that there is none.
func TestNoSourcesSaysHowToAddOne(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) {
		o.Operators = []int64{operator}
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Now: o.Now})
	})
	got := h.reply(operator, "private", operator, "/sources").Text()
	for _, want := range []string{"No sources yet.", "/addsource URL", "/import", "[[sources]]"} {
		if !strings.Contains(got, want) {
			t.Errorf("/sources with no sources = %q, want %q in it", got, want)
		}
	}
}
