package websub

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

func TestSubscribeVerifyAndPush(t *testing.T) {
	r := newRig(t, true)
	h := r.subscribed()

	req := r.hub.request(0)
	callback := req.Get("hub.callback")
	if req.Get("hub.mode") != "subscribe" || req.Get("hub.topic") != testTopic || req.Get("hub.secret") != h.Secret ||
		req.Get("hub.lease_seconds") != "864000" || callback != r.cb.URL+Prefix+h.Token {
		t.Fatalf("subscribe request = %v; stored %+v", req, h)
	}
	if len(h.Token) < 20 || len(h.Secret) < 20 {
		t.Errorf("token %q or secret too short to be unguessable", h.Token)
	}
	if !h.ExpiresAt.Equal(testNow.Add(DefaultLease)) || !h.NextAttemptAt.Before(h.ExpiresAt) {
		t.Errorf("lease until %s, renewal at %s", h.ExpiresAt, h.NextAttemptAt)
	}

	body := feedWithHub(t, "world-v2.xml", r.hub.URL, testTopic)
	if got := post(t, callback, sign(h.Secret, body), body); got != http.StatusNoContent {
		t.Fatalf("signed push answered %d, want 204", got)
	}
	r.poll() // finishes what the push stored (Run's finisher does at once: see feeds)
	for range 2 {
		a := testkit.Receive(t, "a pushed article at the sink", r.sink)
		if a.SourceID != r.src.ID || !a.Alertable {
			t.Errorf("pushed article %+v", a)
		}
	}
	if src, err := r.st.FindSource(context.Background(), r.src.ID); err != nil || !strings.Contains(src.IntervalReason, "WebSub") || src.Interval != 30*time.Minute {
		t.Errorf("pushed source polled every %s (%q), %v; want poller.max_interval as a safety net", src.Interval, src.IntervalReason, err)
	}
	if n := r.hub.count(); n != 1 {
		t.Errorf("hub got %d requests, want 1", n)
	}
	r.poll() // a poll that finds the hub again asks nothing new
	r.maintain()
	if n := r.hub.count(); n != 1 {
		t.Errorf("hub got %d requests after another poll, want 1", n)
	}
}

func TestRenewsBeforeTheLeaseEnds(t *testing.T) {
	r := newRig(t, true)
	r.hub.lease = "3600"
	h := r.subscribed()
	if !h.ExpiresAt.Equal(testNow.Add(time.Hour)) {
		t.Fatalf("lease ends %s, want in the hour granted", h.ExpiresAt)
	}
	r.clock.Advance(50 * time.Minute)
	r.maintain()
	if n := r.hub.count(); n != 1 {
		t.Fatalf("renewed %d times 10 minutes before the end of an hour's lease, want none yet", n-1)
	}
	r.clock.Advance(5 * time.Minute) // within the last tenth of the lease
	r.maintain()
	if n := r.hub.count(); n != 2 {
		t.Fatalf("hub got %d requests, want the renewal", n)
	}
	renewed := r.subscription()
	if !renewed.ExpiresAt.Equal(r.clock.Now().Add(time.Hour)) || renewed.State != news.HubActive || !r.svc.Pushed(r.src.ID) {
		t.Errorf("after renewal: %+v", renewed)
	}
	if renewed.Token != h.Token || r.hub.request(1).Get("hub.callback") != r.hub.request(0).Get("hub.callback") {
		t.Error("the renewal changed the callback")
	}
}

func TestALapsedLeaseIsRequestedAgain(t *testing.T) {
	r := newRig(t, true)
	r.hub.lease = "3600"
	r.subscribed()
	r.hub.mu.Lock()
	r.hub.verify = false // the hub goes quiet
	r.hub.mu.Unlock()
	r.clock.Advance(55 * time.Minute)
	r.maintain()
	r.clock.Advance(10 * time.Minute)
	if r.svc.Pushed(r.src.ID) {
		t.Fatal("a source whose lease ended still counts as pushed")
	}
	r.maintain()
	if h := r.subscription(); h.State != news.HubSubscribing {
		t.Errorf("lapsed subscription is %q, want subscribing", h.State)
	}
	if n := r.logs.count("lease ended without a renewal"); n != 1 {
		t.Errorf("lapse logged %d times, want once", n)
	}
}

func TestUnsubscribesWhenTheSourceIsRemoved(t *testing.T) {
	r := newRig(t, true)
	h := r.subscribed()
	callback := r.hub.request(0).Get("hub.callback")
	if err := r.st.DeleteSource(context.Background(), r.src.ID); err != nil {
		t.Fatal(err)
	}
	r.maintain()
	if n := r.hub.count(); n != 2 {
		t.Fatalf("hub got %d requests, want the unsubscribe", n)
	}
	req := r.hub.request(1)
	if req.Get("hub.mode") != "unsubscribe" || req.Get("hub.topic") != testTopic || req.Get("hub.callback") != callback {
		t.Errorf("unsubscribe request = %v", req)
	}
	if all, err := r.st.ListHubSubscriptions(context.Background()); err != nil || len(all) != 0 {
		t.Errorf("after the hub's verification %d subscriptions stored (%v), want none", len(all), err)
	}
	if r.svc.Pushed(r.src.ID) {
		t.Error("a removed source counts as pushed")
	}
	body := feedWithHub(t, "world-v2.xml", r.hub.URL, testTopic)
	if got := post(t, callback, sign(h.Secret, body), body); got != http.StatusNotFound {
		t.Errorf("push to the ended callback answered %d, want 404", got)
	}
}

func TestAHubThatNeverVerifies(t *testing.T) {
	r := newRig(t, false)
	r.poll()
	r.maintain()
	r.maintain()
	if n := r.hub.count(); n != 1 {
		t.Fatalf("hub got %d requests at once, want 1", n)
	}
	if r.svc.Pushed(r.src.ID) {
		t.Fatal("an unverified subscription counts as pushed")
	}
	var waits []time.Duration
	for i := 0; i < 12; i++ {
		h := r.subscription()
		waits = append(waits, h.NextAttemptAt.Sub(r.clock.Now()))
		r.clock.Set(h.NextAttemptAt)
		r.maintain()
	}
	if n := r.hub.count(); n != 13 {
		t.Errorf("hub got %d requests in 12 retries, want 13", n)
	}
	for i := 1; i < len(waits); i++ {
		if waits[i] < waits[i-1] || waits[i] > 24*time.Hour {
			t.Errorf("retry waits %v: not growing up to a day", waits)
			break
		}
	}
	if waits[0] != 5*time.Minute || waits[len(waits)-1] != 24*time.Hour {
		t.Errorf("retry waits %v, want 5m doubling to 24h", waits)
	}
	if n := r.logs.count("has not verified"); n != 1 {
		t.Errorf("an unverifying hub logged %d times, want once", n)
	}
	if r.svc.Pushed(r.src.ID) {
		t.Error("an unverified subscription counts as pushed")
	}

	// A verification that matches the request sent is still taken.
	h := r.subscription()
	req := r.hub.request(r.hub.count() - 1)
	if err := r.hub.verifyRequest(req, "600"); err != "" {
		t.Fatalf("late verification refused: %s", err)
	}
	if !r.svc.Pushed(r.src.ID) || r.subscription().Attempts != 0 || h.State != news.HubSubscribing {
		t.Errorf("late verification not recorded: %+v", r.subscription())
	}
}

func TestAFailingHubIsRetried(t *testing.T) {
	r := newRig(t, true)
	r.hub.status = http.StatusInternalServerError
	r.poll()
	r.maintain()
	h := r.subscription()
	if h.State != news.HubSubscribing || !strings.Contains(h.LastError, "500") || h.NextAttemptAt.Sub(r.clock.Now()) != 5*time.Minute {
		t.Fatalf("after a hub's 500: %+v", h)
	}
	r.hub.mu.Lock()
	r.hub.status = 0
	r.hub.mu.Unlock()
	r.clock.Advance(5 * time.Minute)
	r.maintain()
	if h := r.subscription(); h.State != news.HubActive || h.LastError != "" {
		t.Errorf("after the retry: %+v", h)
	}
}

func TestBadPushesAreRefused(t *testing.T) {
	r := newRig(t, true)
	h := r.subscribed()
	callback := r.cb.URL + Prefix + h.Token
	body := feedWithHub(t, "world-v2.xml", r.hub.URL, testTopic)
	forgedSig := sign("not the secret", body)
	tests := []struct {
		name      string
		url, sig  string
		body      []byte
		want      int
		logged    string
		logsAtAll int
	}{
		{"unsigned", callback, "", body, http.StatusForbidden, "without a valid X-Hub-Signature", 1},
		{"forged", callback, forgedSig, body, http.StatusForbidden, "without a valid X-Hub-Signature", 1},
		{"unknown method", callback, "md5=" + strings.Repeat("0", 32), body, http.StatusForbidden, "without a valid X-Hub-Signature", 1},
		{"not hex", callback, "sha256=zz", body, http.StatusForbidden, "without a valid X-Hub-Signature", 1},
		{"signed for another body", callback, sign(h.Secret, body[:100]), body, http.StatusForbidden, "without a valid X-Hub-Signature", 1},
		{"oversized", callback, sign(h.Secret, make([]byte, 65<<10)), make([]byte, 65<<10), http.StatusRequestEntityTooLarge, "over poller.max_bytes", 1},
		{"unknown callback", r.cb.URL + Prefix + "NOPE" + h.Token, sign(h.Secret, body), body, http.StatusNotFound, "unknown callback", 1},
		{"below the prefix", r.cb.URL + Prefix + h.Token + "/x", sign(h.Secret, body), body, http.StatusNotFound, "", 0},
		{"signed, not a feed", callback, sign(h.Secret, []byte("<html/>")), []byte("<html/>"), http.StatusBadRequest, "is not a feed", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := post(t, tt.url, tt.sig, tt.body); got != tt.want {
				t.Errorf("answered %d, want %d", got, tt.want)
			}
			if tt.logged != "" {
				if n := r.logs.count(tt.logged); n != tt.logsAtAll {
					t.Errorf("logged %d times, want %d (once a minute)", n, tt.logsAtAll)
				}
			}
		})
	}
	if arts, err := r.st.ListArticlesSince(context.Background(), time.Time{}, 100); err != nil || len(arts) != 2 {
		t.Errorf("%d articles stored after refused pushes (%v), want the first fetch's 2", len(arts), err)
	}
	r.clock.Advance(time.Minute)
	post(t, callback, "", body)
	if n := r.logs.count("without a valid X-Hub-Signature"); n != 2 {
		t.Errorf("a minute later a forged push logged %d lines in all, want 2", n)
	}
	// Every algorithm a hub may use is taken, and the subscription still works.
	for _, sig := range []string{signWith("sha1", h.Secret, body), signWith("sha384", h.Secret, body), signWith("sha512", h.Secret, body), sign(h.Secret, body)} {
		if got := post(t, callback, sig, body); got != http.StatusNoContent {
			t.Errorf("push signed %s answered %d, want 204", sig[:6], got)
		}
	}
}

func TestVerificationsThatMatchNoRequestAreRefused(t *testing.T) {
	r := newRig(t, true)
	h := r.subscribed()
	callback := r.cb.URL + Prefix + h.Token
	for _, q := range []string{
		"hub.mode=subscribe&hub.topic=https://other.example/&hub.challenge=x",
		"hub.mode=unsubscribe&hub.topic=" + testTopic + "&hub.challenge=x",
		"hub.mode=subscribe&hub.topic=" + testTopic,
		"hub.mode=nonsense&hub.topic=" + testTopic + "&hub.challenge=x",
	} {
		if got := get(t, callback+"?"+q); got != http.StatusNotFound {
			t.Errorf("GET ?%s answered %d, want 404", q, got)
		}
	}
	if got := get(t, r.cb.URL+Prefix+"unknown?hub.mode=subscribe&hub.topic="+testTopic+"&hub.challenge=x"); got != http.StatusNotFound {
		t.Errorf("verification of an unknown callback answered %d, want 404", got)
	}
	r.clock.Advance(verifyWindow + time.Minute) // the request is too old to verify
	if got := get(t, callback+"?hub.mode=subscribe&hub.topic="+testTopic+"&hub.challenge=x"); got != http.StatusNotFound {
		t.Errorf("verification a day after the request answered %d, want 404", got)
	}
	if got := r.subscription(); got.State != news.HubActive || !got.ExpiresAt.Equal(h.ExpiresAt) {
		t.Errorf("refused verifications changed the subscription: %+v", got)
	}
	if got := get(t, callback+"?hub.mode=denied&hub.topic="+testTopic+"&hub.reason=spam"); got != http.StatusOK {
		t.Errorf("denial answered %d", got)
	}
	if got := r.subscription(); got.State != news.HubSubscribing || !strings.Contains(got.LastError, "spam") || r.svc.Pushed(r.src.ID) {
		t.Errorf("after a denial: %+v", got)
	}
}

func TestARestartKeepsTheSubscription(t *testing.T) {
	r := newRig(t, true)
	h := r.subscribed()
	if err := r.st.Close(); err != nil {
		t.Fatal(err)
	}
	r.st = testkit.OpenStoreAt(t, r.path, r.clock.Now)
	r.start() // a new process: new service, new poller, callbacks on a new server
	if !r.svc.Pushed(r.src.ID) {
		t.Fatal("after a restart the source is not known as pushed")
	}
	r.poll()
	r.maintain()
	if n := r.hub.count(); n != 1 {
		t.Errorf("hub got %d requests across a restart, want the first only", n)
	}
	body := feedWithHub(t, "world-v2.xml", r.hub.URL, testTopic)
	if got := post(t, r.cb.URL+Prefix+h.Token, sign(h.Secret, body), body); got != http.StatusNoContent {
		t.Fatalf("push after the restart answered %d, want 204", got)
	}
	r.poll()
	testkit.Receive(t, "a pushed article after a restart", r.sink)
}

func TestAFeedThatMovesHub(t *testing.T) {
	r := newRig(t, true)
	old := r.subscribed()
	other := newTestHub(t, true)
	r.feed.Set(feedWithHub(t, "world-v1.xml", other.URL, testTopic), "application/rss+xml")
	r.poll()
	r.maintain()
	if r.hub.count() != 2 || r.hub.request(1).Get("hub.mode") != "unsubscribe" || other.count() != 1 {
		t.Fatalf("old hub got %d requests, new hub %d; want an unsubscribe and a subscribe", r.hub.count(), other.count())
	}
	h := r.subscription()
	if h.Hub != other.URL || h.Token == old.Token || h.State != news.HubActive {
		t.Errorf("after the move: %+v", h)
	}
}

func get(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestAnUnconfirmedUnsubscribeIsForgottenAfterThreeTries(t *testing.T) {
	r := newRig(t, true)
	r.subscribed()
	r.hub.mu.Lock()
	r.hub.verify = false
	r.hub.mu.Unlock()
	if err := r.st.DeleteSource(context.Background(), r.src.ID); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < unsubscribeTries; i++ {
		r.maintain()
		r.clock.Set(r.subscription().NextAttemptAt)
	}
	r.maintain()
	if n := r.hub.count(); n != 1+unsubscribeTries {
		t.Errorf("hub got %d requests, want the subscribe and %d unsubscribes", n, unsubscribeTries)
	}
	if all, err := r.st.ListHubSubscriptions(context.Background()); err != nil || len(all) != 0 {
		t.Errorf("%d subscriptions left (%v), want the ended one forgotten", len(all), err)
	}
}
