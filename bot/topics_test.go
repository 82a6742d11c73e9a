package bot

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// TestTheSameQueryInTwoTopics: /subscribe kursk in topics 77 and 78 of one
// forum group makes two subscriptions; /list in each topic shows its own;
// a matching article is alerted once in each topic (through the matcher),
// and a second poll of it alerts nothing more.
func TestTheSameQueryInTwoTopics(t *testing.T) {
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			h := newHarnessIn(t, mode.webhook)
			ctx := context.Background()
			const group = -1003
			h.tg.SetMember(group, 5, "administrator")
			h.tg.AddTopic(group, 78)
			for _, thread := range []int{77, 78} {
				got := h.topicReply(group, thread, 5, "/subscribe kursk")
				if !strings.Contains(got.Text(), "Subscribed") || strings.Contains(got.Text(), "already") {
					t.Fatalf("/subscribe kursk in topic %d = %q", thread, got.Text())
				}
			}
			if got := h.topicReply(group, 78, 5, "/subscribe kursk"); !strings.Contains(got.Text(), "already have this subscription") {
				t.Errorf("/subscribe kursk again in topic 78 = %q", got.Text())
			}
			subs, err := h.st.ListSubscriptions(ctx, group)
			if err != nil || len(subs) != 2 || subs[0].ThreadID != 77 || subs[1].ThreadID != 78 {
				t.Fatalf("subscriptions = %+v, %v; want one per topic", subs, err)
			}
			for i, thread := range []int{77, 78} {
				got := h.topicReply(group, thread, 5, "/list")
				mine, theirs := "#"+strconv.FormatInt(subs[i].ID, 10), "#"+strconv.FormatInt(subs[1-i].ID, 10)
				if !strings.Contains(got.Text(), mine) || strings.Contains(got.Text(), theirs) {
					t.Errorf("/list in topic %d = %q; want %s only", thread, got.Text(), mine)
				}
			}

			src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", news.OriginConfig)
			if err != nil {
				t.Fatal(err)
			}
			arts, err := h.st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "k1", URL: "https://wire.example/k1",
				Title: "Kursk deminers return", Summary: "Fields are cleared.", PublishedAt: h.clock.Now(), Alertable: true}})
			if err != nil || len(arts) != 1 {
				t.Fatalf("insert: %v", err)
			}
			n := len(h.tg.Sent(group))
			for range 2 { // a second match of the same article queues nothing
				if err := h.subs.HandleArticles(ctx, arts); err != nil {
					t.Fatal(err)
				}
			}
			h.sender.Notify()
			sent := h.tg.WaitSent(t, group, n+2, 5*time.Second)[n:]
			var threads []string
			for _, m := range sent {
				if !strings.Contains(m.Text(), "Kursk deminers return") {
					t.Errorf("unexpected message %q", m.Text())
				}
				threads = append(threads, m.Params.Get("message_thread_id"))
			}
			sort.Strings(threads)
			if strings.Join(threads, ",") != "77,78" {
				t.Errorf("alerts went to topics %v, want 77 and 78", threads)
			}
			h.settle()
			if got := len(h.tg.Sent(group)); got != n+2 {
				t.Errorf("%d messages after the alerts, want %d", got, n+2)
			}
			// /unsubscribe QUERY in a topic removes that topic's.
			h.clock.Advance(time.Minute) // past the command rate
			if got := h.topicReply(group, 78, 5, "/unsubscribe kursk"); !strings.Contains(got.Text(), "#"+strconv.FormatInt(subs[1].ID, 10)) {
				t.Errorf("/unsubscribe kursk in topic 78 = %q, want #%d removed", got.Text(), subs[1].ID)
			}
			left, err := h.st.ListSubscriptions(ctx, group)
			if err != nil || len(left) != 1 || left[0].ThreadID != 77 {
				t.Errorf("left = %+v, %v; want topic 77's", left, err)
			}
		})
	}
}

// A stranger's /list in a forum's General showed the same query twice
// with nothing to tell which topic each alerts; each now names its topic.
func TestListInGeneralNamesEachTopic(t *testing.T) {
	h := newHarness(t, withLanguages)
	const group = -1004
	h.tg.SetMember(group, 5, "administrator")
	h.tg.AddTopic(group, 78)
	for _, thread := range []int{77, 78} {
		if got := h.topicReply(group, thread, 5, "/subscribe kursk"); !strings.Contains(got.Text(), "Subscribed") {
			t.Fatalf("/subscribe kursk in topic %d = %q", thread, got.Text())
		}
	}
	if got := h.reply(group, "supergroup", 5, "/subscribe flood"); !strings.Contains(got.Text(), "Subscribed") {
		t.Fatalf("/subscribe flood in General = %q", got.Text())
	}
	subs, err := h.st.ListSubscriptions(context.Background(), group)
	if err != nil || len(subs) != 3 {
		t.Fatalf("subscriptions = %+v, %v; want three", subs, err)
	}
	got := h.reply(group, "supergroup", 5, "/list").Text()
	for _, want := range []string{
		"#" + strconv.FormatInt(subs[0].ID, 10) + " <code>kursk</code> · in topic 77",
		"#" + strconv.FormatInt(subs[1].ID, 10) + " <code>kursk</code> · in topic 78",
		"#" + strconv.FormatInt(subs[2].ID, 10) + " <code>flood</code> · in General",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/list in General lacks %q:\n%s", want, got)
		}
	}
	if got := h.topicReply(group, 77, 5, "/list").Text(); strings.Contains(got, "in topic") {
		t.Errorf("/list in topic 77 names topics it alone holds:\n%s", got)
	}
	h.clock.Advance(time.Minute) // past the group's command burst
	if got := h.reply(group, "supergroup", 5, "/language ru"); strings.Contains(got.Text(), "🐢") {
		t.Fatalf("/language ru = %q", got.Text())
	}
	h.clock.Advance(time.Minute)
	if got := h.reply(group, "supergroup", 5, "/list").Text(); !strings.Contains(got, "<code>kursk</code> · в теме 78") {
		t.Errorf("Russian /list in General lacks the topic:\n%s", got)
	}
}

// /unsubscribe QUERY in General, when General has no such query but
// several topics do, removed the oldest one and said only "Removed #N": the
// user could not tell which topic lost it. It now removes nothing and names
// each, so the user can pick an id; with one topic holding it, it removes
// that one as before.
func TestUnsubscribeInGeneralOfAQuerySeveralTopicsHold(t *testing.T) {
	h := newHarness(t)
	const group = -1005
	h.tg.SetMember(group, 5, "administrator")
	h.tg.AddTopic(group, 78)
	for _, thread := range []int{77, 78} {
		if got := h.topicReply(group, thread, 5, "/subscribe kursk"); !strings.Contains(got.Text(), "Subscribed") {
			t.Fatalf("/subscribe kursk in topic %d = %q", thread, got.Text())
		}
	}
	if got := h.topicReply(group, 78, 5, "/subscribe flood"); !strings.Contains(got.Text(), "Subscribed") {
		t.Fatalf("/subscribe flood in topic 78 = %q", got.Text())
	}
	subs, err := h.st.ListSubscriptions(context.Background(), group)
	if err != nil || len(subs) != 3 {
		t.Fatalf("subscriptions = %+v, %v; want three", subs, err)
	}
	h.clock.Advance(time.Minute) // past the group's command burst
	got := h.reply(group, "supergroup", 5, "/unsubscribe KURSK").Text()
	for _, want := range []string{"#" + strconv.FormatInt(subs[0].ID, 10) + " in topic 77", "#" + strconv.FormatInt(subs[1].ID, 10) + " in topic 78", "/unsubscribe ID"} {
		if !strings.Contains(got, want) {
			t.Errorf("/unsubscribe kursk in General = %q, want it to name %q", got, want)
		}
	}
	if left, err := h.st.ListSubscriptions(context.Background(), group); err != nil || len(left) != 3 {
		t.Errorf("after an ambiguous /unsubscribe: %d subscriptions, %v; want all three kept", len(left), err)
	}
	if got := h.reply(group, "supergroup", 5, "/unsubscribe flood").Text(); !strings.Contains(got, "Removed #"+strconv.FormatInt(subs[2].ID, 10)) {
		t.Errorf("/unsubscribe flood in General (topic 78 alone has it) = %q", got)
	}
	if got := h.reply(group, "supergroup", 5, "/unsubscribe "+strconv.FormatInt(subs[1].ID, 10)).Text(); !strings.Contains(got, "Removed #"+strconv.FormatInt(subs[1].ID, 10)) {
		t.Errorf("/unsubscribe ID in General = %q", got)
	}
}

// "/unsubscribe 1 2" (or "#1, #2") was read as the query "1 2": "This chat
// has no subscription 1 2", though it had both. Several ids remove each.
func TestUnsubscribeSeveralIDs(t *testing.T) {
	h := newHarness(t)
	const chat = 61
	var ids []string
	for _, q := range []string{"kursk", "flood", "storm"} {
		ids = append(ids, strconv.FormatInt(h.mustSubscribe(chat, "private", q).ID, 10))
	}
	got := h.reply(chat, "private", chat, "/unsubscribe "+ids[0]+" #"+ids[2]+", 999").Text()
	for _, want := range []string{"Removed #" + ids[0] + ": <code>kursk</code>", "Removed #" + ids[2] + ": <code>storm</code>", "no subscription #999"} {
		if !strings.Contains(got, want) {
			t.Errorf("/unsubscribe of three ids = %q, want %q in it", got, want)
		}
	}
	subs, err := h.st.ListSubscriptions(context.Background(), chat)
	if err != nil || len(subs) != 1 || subs[0].Query != "flood" {
		t.Errorf("left: %+v, %v; want flood alone", subs, err)
	}
}

// A group had "kursk" in topic 77 and in General; topic 77 was closed, and
// its "kursk" vanished without a word (General's went on). It is merged
// into General's, and the first message that comes to General for the
// topic says so; the group keeps one "kursk".
func TestAClosedTopicsQueryGeneralHasIsMergedAndSaid(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	ctx := context.Background()
	const group = -1008
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.topicReply(group, 77, 5, "/subscribe dam")
	h.reply(group, "supergroup", 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 3 || subs[0].ThreadID != 77 || subs[2].ThreadID != 0 {
		t.Fatalf("subscriptions = %+v, %v; want kursk and dam in topic 77, kursk in General", subs, err)
	}
	h.tg.CloseTopic(group, 77)
	n := len(h.tg.Sent(group))
	h.queueAlert(group, subs[0].ID, "Kursk first")
	got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	if got.Params.Has("message_thread_id") {
		t.Fatalf("alert to a closed topic went to thread %q", got.Params.Get("message_thread_id"))
	}
	if !strings.Contains(got.Text(), "General already had <code>kursk</code>") || strings.Contains(got.Text(), "dam") {
		t.Errorf("the alert in General = %q; want it to say that General's kursk has the topic's now (and not name dam, which moved)", got.Text())
	}
	h.settle()
	subs, err = h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 2 {
		t.Fatalf("after the closing: %+v, %v; want dam (moved) and General's kursk", subs, err)
	}
}

// A group closed (or hid) General, where two of its queries alert; their
// alerts waited, and nobody was told until one noticed the silence. The
// bot says so in the topic of the group's newest subscription elsewhere,
// once per closing; a group with nothing in General hears nothing.
func TestAHiddenGeneralIsSaidInATopic(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group, quiet = -1009, -1010
	h.tg.SetMember(group, 5, "administrator")
	h.tg.SetMember(quiet, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.topicReply(group, 78, 5, "/subscribe dam")
	h.reply(group, "supergroup", 5, "/subscribe flood")
	h.reply(group, "supergroup", 5, "/subscribe storm")
	h.topicReply(quiet, 77, 5, "/subscribe kursk")
	h.settle()

	n, q := len(h.tg.Sent(group)), len(h.tg.Sent(quiet))
	h.queued.Add(2)
	h.tg.HideGeneral(group)
	h.tg.HideGeneral(quiet)
	got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	if got.Params.Get("message_thread_id") != "78" || !strings.Contains(got.Text(), "General is closed or hidden") || !strings.Contains(got.Text(), "2 subscriptions") {
		t.Errorf("after General was hidden: thread %q, %q; want a notice in topic 78 naming 2 subscriptions", got.Params.Get("message_thread_id"), got.Text())
	}
	h.settle()
	if sent := h.tg.Sent(quiet); len(sent) != q {
		t.Errorf("a group with nothing in General heard %q", sent[q].Text())
	}
}

// A group had "kursk" in topic 77 and in General; topic 77 was closed and
// its "kursk" merged into General's. When the topic was reopened, "kursk"
// did not come back: the topic's alerts of it stayed in General for good.
// Reopened, the topic has it back (its id, alerting there again, also
// after a restart in between) and hears so by name; General keeps its own.
func TestAReopenedTopicGetsItsMergedSubscriptionBack(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	ctx := context.Background()
	const group = -1011
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.reply(group, "supergroup", 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 2 || subs[0].ThreadID != 77 || subs[1].ThreadID != 0 {
		t.Fatalf("subscriptions = %+v, %v; want kursk in topic 77 and in General", subs, err)
	}
	topics, general := subs[0], subs[1]
	h.tg.CloseTopic(group, 77)
	n := len(h.tg.Sent(group))
	h.queueAlert(group, topics.ID, "Kursk first")
	h.tg.WaitSent(t, group, n+1, 5*time.Second)
	h.settle()
	if subs, err := h.st.ListSubscriptions(ctx, group); err != nil || len(subs) != 1 {
		t.Fatalf("after the closing: %+v, %v; want General's kursk alone", subs, err)
	}
	if _, err := h.subs.Load(ctx); err != nil { // a restart: the index forgets what the store no longer has
		t.Fatal(err)
	}

	n = len(h.tg.Sent(group))
	h.queued.Add(1)
	h.tg.ReopenTopic(group, 77)
	notice := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	if notice.Params.Get("message_thread_id") != "77" || !strings.Contains(notice.Text(), "open again") ||
		!strings.Contains(notice.Text(), "own again: <code>kursk</code>") {
		t.Errorf("after the reopening: thread %q, %q; want a notice in topic 77 naming kursk", notice.Params.Get("message_thread_id"), notice.Text())
	}
	if sub, err := h.st.FindSubscription(ctx, group, topics.ID); err != nil || sub.ThreadID != 77 {
		t.Fatalf("topic 77's kursk after the reopening = %+v, %v; want back in topic 77", sub, err)
	}
	if sub, err := h.st.FindSubscription(ctx, group, general.ID); err != nil || sub.ThreadID != 0 {
		t.Errorf("General's kursk after the reopening = %+v, %v; want kept", sub, err)
	}
	h.settle()

	// A matching article is alerted in the topic and in General again.
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", news.OriginConfig)
	if err != nil {
		t.Fatal(err)
	}
	arts, err := h.st.InsertArticles(ctx, src.ID, []news.Article{{GUID: "k2", URL: "https://wire.example/k2",
		Title: "Kursk second", Summary: "Fields are cleared.", PublishedAt: h.clock.Now(), Alertable: true}})
	if err != nil || len(arts) != 1 {
		t.Fatalf("insert: %v", err)
	}
	n = len(h.tg.Sent(group))
	if err := h.subs.HandleArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	var threads []string
	for _, m := range h.tg.WaitSent(t, group, n+2, 5*time.Second)[n:] {
		threads = append(threads, m.Params.Get("message_thread_id"))
	}
	sort.Strings(threads)
	if strings.Join(threads, ",") != ",77" {
		t.Errorf("the alerts of a kursk article went to topics %q, want General and 77", threads)
	}
}

// queueOneArticle queues one new article titled title as an alert of each
// of subs (in that order) and wakes the sender.
func (h *harness) queueOneArticle(chat int64, title string, subs ...int64) {
	h.t.Helper()
	ctx := context.Background()
	src, err := h.st.UpsertSource(ctx, "Wire", "https://wire.example/rss", "config")
	if err != nil {
		h.t.Fatal(err)
	}
	added, err := h.st.InsertArticles(ctx, src.ID, []news.Article{{GUID: title, URL: "https://wire.example/" + strings.ReplaceAll(title, " ", "-"),
		Title: title, Summary: "Summary of " + title, PublishedAt: h.clock.Now()}})
	if err != nil || len(added) != 1 {
		h.t.Fatalf("insert article: %v", err)
	}
	var as []news.Alert
	for _, sub := range subs {
		as = append(as, news.Alert{ChatID: chat, ArticleID: added[0].ID, SubscriptionID: sub})
	}
	if _, err := h.st.QueueAlerts(ctx, as); err != nil {
		h.t.Fatal(err)
	}
	h.sender.Notify()
}

// An article queued for General and for a topic, or for two topics, all
// of whose topics were then deleted, came to General twice: the gone
// topic's alert was moved there (and the refused one sent there) though
// General had the article already.
func TestAGoneTopicsAlertIsNotSentTwiceToGeneral(t *testing.T) {
	h := newHarness(t)
	ctx := context.Background()
	const group = -1009
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 5, 5, "/subscribe rates")
	h.topicReply(group, 7, 5, "/subscribe bank")
	h.reply(group, "supergroup", 5, "/subscribe election")
	subs, err := h.st.ListSubscriptions(ctx, group)
	if err != nil || len(subs) != 3 {
		t.Fatalf("subscriptions = %+v, %v", subs, err)
	}
	byQuery := map[string]int64{}
	for _, s := range subs {
		byQuery[s.Query] = s.ID
	}
	h.settle()
	h.tg.DeleteTopic(group, 5)
	h.tg.DeleteTopic(group, 7)
	h.queueOneArticle(group, "Election bank", byQuery["election"], byQuery["bank"])
	h.queueOneArticle(group, "Bank rates", byQuery["rates"], byQuery["bank"])
	testkit.WaitFor(t, "both articles in General and nothing pending", func() bool {
		pending, err := h.st.PendingAlerts(ctx, group, 10)
		return err == nil && len(pending) == 0 && len(h.tg.Sent(group)) >= 5
	})
	h.settle()
	count := map[string]int{}
	for _, c := range h.tg.Sent(group) {
		if c.Params.Has("message_thread_id") {
			continue
		}
		for _, title := range []string{"Election bank", "Bank rates"} {
			if strings.Contains(c.Text(), title) {
				count[title]++
			}
		}
	}
	if count["Election bank"] != 1 || count["Bank rates"] != 1 {
		t.Errorf("sent to General: %v, want each article once; sent %q", count, texts(h.tg.Sent(group)))
	}
}

// A Russian forum's reply to a command in a topic closed meanwhile came to
// General opening with an English notice ("The topic this was meant for is
// gone or closed…"): only alerts gave the sender the chat's language; a
// reply's notice now speaks it too.
func TestAClosedTopicsReplyNoticeSpeaksTheChatsLanguage(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group = -1011
	h.tg.SetMember(group, 5, "administrator")
	if got := h.reply(group, "supergroup", 5, "/language ru"); !strings.Contains(got.Text(), "русский") {
		t.Fatalf("/language ru = %q", got.Text())
	}
	h.topicReply(group, 77, 5, "/subscribe kursk")
	h.tg.CloseTopic(group, 77)
	n := len(h.tg.Sent(group))
	// The reply to a command of topic 77, composed before it was closed.
	if _, err := h.st.Enqueue(context.Background(), news.Message{ChatID: group, Kind: news.KindReply, Text: "<b>Подписки</b>", ThreadID: 77}); err != nil {
		t.Fatal(err)
	}
	h.sender.Notify()
	got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n] // refused in the topic, then sent in General
	if got.Params.Has("message_thread_id") {
		t.Fatalf("second call = %v, want the reply in General", got.Params)
	}
	if want := locale.For("ru").Sprintf(topicMovedNotice) + "<b>Подписки</b>"; got.Text() != want {
		t.Errorf("the reply in General = %q, want %q", got.Text(), want)
	}
}

// In a forum that chose no language each member is answered in theirs: a
// Spanish member's reply that a closed topic sent to General opened with
// an English notice; it now speaks the reply's language (the outbox keeps
// it, 0061). The group's own messages (alerts, digests) speak its language.
func TestAClosedTopicsReplyNoticeSpeaksTheRepliesLanguage(t *testing.T) {
	h := newHarness(t, withLanguages, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group = -1012
	h.tg.SetMember(group, 5, "administrator")
	h.topicReply(group, 77, 5, "/subscribe kursk")
	subs, err := h.st.ListSubscriptions(context.Background(), group)
	if err != nil || len(subs) != 1 {
		t.Fatalf("subscriptions = %+v, %v", subs, err)
	}
	// The topic is closed as the answer goes.
	h.tg.Inject(func(c telegramtest.Call) *telegramtest.Reply {
		if c.Method == "sendMessage" && c.Params.Get("message_thread_id") == "77" {
			return &telegramtest.Reply{Code: 400, Description: "Bad Request: TOPIC_CLOSED"}
		}
		return nil
	})
	n := len(h.tg.Sent(group))
	h.clock.Advance(5 * time.Second)
	h.queued.Add(1)
	h.tg.AddUpdate(map[string]any{"message": map[string]any{"message_id": 5000, "date": time.Now().Unix(), "text": "/list",
		"message_thread_id": 77, "is_topic_message": true,
		"chat":     map[string]any{"id": group, "type": "supergroup", "title": "Forum", "is_forum": true},
		"from":     map[string]any{"id": 5, "is_bot": false, "first_name": "Tester", "language_code": "es"},
		"entities": []map[string]any{{"type": "bot_command", "offset": 0, "length": 5}}}})
	got := h.tg.WaitSent(t, group, n+1, 5*time.Second)[n]
	if want := locale.For("es").Sprintf(topicMovedNotice); !strings.HasPrefix(got.Text(), want) || !strings.Contains(got.Text(), "Suscripciones") {
		t.Errorf("the reply in General = %q, want the Spanish notice, then the Spanish /list", got.Text())
	}
}

// Two replies to commands of a topic were queued when it was closed: the
// first, refused, went to General and moved the second there, which still
// answered its command in the closed topic; Telegram puts a reply beside
// what it answers, so it was refused again (TOPIC_CLOSED), taken for a
// closed General and held for up to a day. A moved message now answers
// nothing, as the retried one does.
func TestRepliesMovedFromAClosedTopicReachGeneral(t *testing.T) {
	h := newHarness(t, func(o *RouterOptions) { o.CommandBurst = 50 })
	const group = -1013
	h.tg.SetMember(group, 5, "administrator")
	command := replyTo(t, h.topicReply(group, 77, 5, "/subscribe kursk"))
	h.tg.CloseTopic(group, 77)
	n := len(h.tg.Sent(group))
	for _, text := range []string{"first answer", "second answer"} {
		if _, err := h.st.Enqueue(context.Background(), news.Message{ChatID: group, Kind: news.KindReply, Priority: news.PriorityReply,
			Text: text, ThreadID: 77, ReplyTo: command}); err != nil {
			t.Fatal(err)
		}
	}
	h.sender.Notify()
	sent := h.tg.WaitSent(t, group, n+2, 5*time.Second)[n:]
	for i, want := range []string{"first answer", "second answer"} {
		if !strings.HasSuffix(sent[i].Text(), want) || sent[i].Params.Has("message_thread_id") || sent[i].Params.Has("reply_parameters") {
			t.Errorf("message %d in General = %q %v, want %q answering nothing", i, sent[i].Text(), sent[i].Params, want)
		}
	}
}
