package feeds

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// keepingSink hands over to the queueing sink and records what it got.
type keepingSink struct {
	queueingSink
	got []news.Article
}

func (r *keepingSink) HandleArticles(ctx context.Context, arts []news.Article) error {
	r.got = append(r.got, arts...)
	return r.queueingSink.HandleArticles(ctx, arts)
}

// TestMatchTakesTheLinkedArticlesAsStored: the link step takes the articles
// a fetch stored finished from the fetch (their text the feed's, whole), the
// match step those the link step had (each reads only the ids waiting), and
// the Sink gets them as the store holds them, whether their text came from
// the page or the feed; an article a failed Sink left waiting at the match
// step is handed over with the next poll's, each alerted once.
func TestMatchTakesTheLinkedArticlesAsStored(t *testing.T) {
	ctx := context.Background()
	r := newPipelineRig(t)
	r.setItems("Old news one")
	if err := r.poller(r.options(&queueingSink{st: r.st})).PollOnce(ctx); err != nil { // the backlog
		t.Fatal(err)
	}
	for _, pages := range []bool{true, false} { // the page fetched for its text, or the feed's text whole
		r.clock.Add(time.Hour)
		fresh := "Dam breach floods valley"
		if !pages {
			fresh = "Senate passes budget"
		}
		r.setItems("Old news one", fresh)
		sink := &keepingSink{queueingSink: queueingSink{st: r.st}}
		opts := r.options(sink)
		if !pages {
			opts.Pages = nil
		}
		if err := r.poller(opts).PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if len(sink.got) != 1 || sink.got[0].Title != fresh {
			t.Fatalf("the Sink got %v, want %q", sink.got, fresh)
		}
		stored, err := r.st.FindArticle(ctx, sink.got[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(sink.got[0], stored) {
			t.Errorf("the Sink got\n%+v\nthe store holds\n%+v", sink.got[0], stored)
		}
	}

	r.clock.Add(time.Hour)
	r.setItems("Old news one", "Comet seen over Andes")
	failing := &queueingSink{st: r.st, hook: func(ctx context.Context, queued bool) error { return errors.New("refused (injected)") }}
	if err := r.poller(r.options(failing)).PollOnce(ctx); err == nil {
		t.Fatal("a poll whose Sink failed succeeded")
	}
	r.clock.Add(time.Hour)
	r.setItems("Old news one", "Comet seen over Andes", "Rates held")
	sink := &keepingSink{queueingSink: queueingSink{st: r.st}}
	if err := r.poller(r.options(sink)).PollOnce(ctx); err != nil {
		t.Fatal(err)
	}
	if len(sink.got) != 2 || sink.got[0].Title != "Comet seen over Andes" || sink.got[1].Title != "Rates held" {
		t.Fatalf("the Sink got %v, want the article left waiting and the new one", sink.got)
	}
	r.wantEachOnce("Dam breach floods valley", "Senate passes budget", "Comet seen over Andes", "Rates held")
}
