package bot

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// acceptedInline waits for the accepted answer to inline query id and
// returns its results, and how many answers were refused before it.
func acceptedInline(t *testing.T, tg *telegramtest.Server, id string) (results []map[string]any, refused int) {
	t.Helper()
	testkit.WaitFor(t, "an accepted answer to inline query "+id, func() bool {
		refused = 0
		for _, c := range tg.Calls("answerInlineQuery") {
			if c.Params.Get("inline_query_id") != id {
				continue
			}
			if c.Params.Get("_accepted") != "1" {
				refused++
				continue
			}
			if err := json.Unmarshal([]byte(c.Params.Get("results")), &results); err != nil {
				t.Fatal(err)
			}
			return true
		}
		return false
	})
	return results, refused
}

// An inline answer showed no article's picture and posted every article
// without its link preview, whatever /preview the asker chose. Its results
// now show the article's picture beside them, and the message posted shows
// the preview as the asker's alerts do in their chat with the bot; one
// picture Telegram refuses (which refuses the whole answer) sends the
// answer again without pictures.
func TestInlineResultsShowPicturesAndTheAskersPreview(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.st.InsertArticles(ctx, src.ID, []news.Article{
		{GUID: "1", URL: "https://wire.example/1", Title: "Kursk deminers clear fields", Text: "Deminers in Kursk.", PublishedAt: h.clock.Now(), ImageURL: "https://img.example/1.jpg"},
		{GUID: "2", URL: "https://wire.example/2", Title: "Kursk bridge reopens", Text: "The bridge in Kursk.", PublishedAt: h.clock.Now()},
		{GUID: "3", URL: "https://wire.example/3", Title: "Flood in Oder valley", Text: "The Oder rose.", PublishedAt: h.clock.Now(), ImageURL: "https://img.example/flood.jpg"},
		{GUID: "4", URL: "https://wire.example/4", Title: "Kursk mayor speaks", Text: "The mayor of Kursk.", PublishedAt: h.clock.Now(), ImageURL: "http://"},
	}); err != nil {
		t.Fatal(err)
	}
	// Someone who never wrote to the bot: pictures, no previews.
	h.queued.Add(1)
	res, refused := acceptedInline(t, h.tg, h.tg.SendInlineQuery(5, "kursk"))
	if len(res) != 3 || refused != 0 {
		t.Fatalf("results = %v (%d refused), want the three Kursk articles at once", res, refused)
	}
	previews := map[string]any{}
	for _, r := range res {
		content := r["input_message_content"].(map[string]any)
		previews[r["id"].(string)] = content["link_preview_options"]
		switch thumb, _ := r["thumbnail_url"].(string); r["title"] {
		case "Kursk deminers clear fields":
			if thumb != "https://img.example/1.jpg" {
				t.Errorf("thumbnail of the article with a picture = %q", thumb)
			}
		default: // none, or an address that is no web address ("http://")
			if thumb != "" {
				t.Errorf("thumbnail of %v = %q, want none", r["title"], thumb)
			}
		}
		if lp, _ := content["link_preview_options"].(map[string]any); lp["is_disabled"] != true {
			t.Errorf("preview for a stranger = %v, want none", lp)
		}
	}
	// The asker chose large previews in their chat with the bot.
	if got := h.reply(5, "private", 5, "/preview large").Text(); got == "" {
		t.Fatal("no answer to /preview large")
	}
	h.queued.Add(1)
	res, _ = acceptedInline(t, h.tg, h.tg.SendInlineQuery(5, "kursk"))
	for _, r := range res {
		lp, _ := r["input_message_content"].(map[string]any)["link_preview_options"].(map[string]any)
		want := map[any]string{"Kursk deminers clear fields": "https://img.example/1.jpg", "Kursk bridge reopens": "https://wire.example/2",
			"Kursk mayor speaks": "https://wire.example/4"}[r["title"]]
		if lp["url"] != want || lp["prefer_large_media"] != true || lp["is_disabled"] != nil {
			t.Errorf("%v: preview = %v, want a large one of %s", r["title"], lp, want)
		}
	}
	// A picture Telegram cannot fetch refuses the whole answer.
	h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "answerInlineQuery" && strings.Contains(c.Params.Get("results"), "flood.jpg") {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: WC_CONVERT_URL_INVALID"}
		}
		return nil
	})
	h.queued.Add(1)
	res, refused = acceptedInline(t, h.tg, h.tg.SendInlineQuery(5, "oder"))
	if len(res) != 1 || refused != 1 || res[0]["thumbnail_url"] != nil {
		t.Fatalf("results = %v after %d refusals, want the flood without its picture after one", res, refused)
	}
	if lp := res[0]["input_message_content"].(map[string]any)["link_preview_options"].(map[string]any); lp["url"] != "https://wire.example/3" {
		t.Errorf("preview without the picture = %v, want the article's page", lp)
	}
}
