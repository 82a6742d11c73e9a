package bot

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newshound/newshound/news"
)

// outletsCounter counts the reads of the stories' other outlets.
type outletsCounter struct {
	Searcher
	n *atomic.Int64
}

func (c outletsCounter) Outlets(ctx context.Context, ids []int64) (map[int64][]string, error) {
	c.n.Add(1)
	return c.Searcher.Outlets(ctx, ids)
}

// An inline result of a story several outlets reported did not name the
// others, though its alert, /latest and the digest do ("Also: Reuters,
// AP"): the result's description and the message it posts name them now,
// in the asker's language (/language in their chat with the bot), read in
// one query for the whole answer; an article alone in its story names none.
func TestInlineResultsNameTheStorysOtherOutlets(t *testing.T) {
	var reads atomic.Int64
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.Search = outletsCounter{Searcher: o.Search, n: &reads} })
	ctx := context.Background()
	source := func(name string) int64 {
		s, err := h.st.UpsertSource(ctx, name, "https://"+strings.ToLower(name)+".example/rss", "config")
		if err != nil {
			t.Fatal(err)
		}
		return s.ID
	}
	insert := func(src int64, guid, title, text string) int64 {
		added, err := h.st.InsertArticles(ctx, src, []news.Article{{GUID: guid, URL: "https://x.example/" + guid, Title: title, Text: text, PublishedAt: h.clock.Now()}})
		if err != nil || len(added) != 1 {
			t.Fatalf("insert %s: %v", guid, err)
		}
		return added[0].ID
	}
	wire, reuters, ap := source("Wire"), source("Reuters"), source("AP")
	first := insert(wire, "w1", "Kursk deminers clear fields", "Deminers in Kursk.")
	for _, id := range []int64{insert(reuters, "r1", "Deminers clear fields", "Fields are cleared."), insert(ap, "a1", "Fields cleared of mines", "Mines are gone.")} {
		if err := h.st.LinkArticle(ctx, id, first, "", nil); err != nil {
			t.Fatal(err)
		}
	}
	insert(wire, "w2", "Kursk mayor speaks", "The mayor of Kursk.")

	check := func(user int64, also string) {
		t.Helper()
		h.queued.Add(1)
		res, _ := acceptedInline(t, h.tg, h.tg.SendInlineQuery(user, "kursk"))
		if len(res) != 2 {
			t.Fatalf("results = %v, want the two Kursk stories", res)
		}
		for _, r := range res {
			desc, _ := r["description"].(string)
			text, _ := r["input_message_content"].(map[string]any)["message_text"].(string)
			switch r["title"] {
			case "Kursk deminers clear fields":
				if !strings.Contains(desc, also) || !strings.Contains(text, "➕ "+also) {
					t.Errorf("user %d: the deminers story reads %q / %q; want both to name %q", user, desc, text, also)
				}
			default:
				if strings.Contains(desc, "Reuters") || strings.Contains(text, "➕") {
					t.Errorf("user %d: %v reads %q / %q; want no other outlet named", user, r["title"], desc, text)
				}
			}
		}
	}
	check(5, "Also: Reuters, AP")
	if n := reads.Load(); n != 1 {
		t.Errorf("%d reads of the other outlets for one answer, want 1", n)
	}
	h.replyAs(6, "private", 6, "en", "/language es")
	check(6, "También: Reuters, AP")
}
