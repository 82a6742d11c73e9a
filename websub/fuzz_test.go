package websub

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/news"
)

// FuzzPush sends the push handler any path, signature header and body for
// a live subscription: it never panics, answers only the documented codes,
// and lets a body reach the poller (or answers 2xx) only with a signature
// that is the body's HMAC with the subscription's secret.
func FuzzPush(f *testing.F) {
	const secret = "fuzz-secret-0123456789"
	st := testkit.OpenStore(f, nil)
	src := testkit.UpsertSource(f, st, "Fuzz", "https://fuzz.example/feed", news.OriginConfig)
	h, err := st.CreateHubSubscription(context.Background(), news.HubSubscription{SourceID: src.ID, Hub: "https://hub.example/",
		Topic: src.URL, Token: "FUZZTOKEN", Secret: secret, State: news.HubActive})
	if err != nil {
		f.Fatal(err)
	}
	var pushed atomic.Int64
	svc, err := New(Options{Store: st, PublicURL: "https://bot.example", MaxBytes: 4096, Logger: slog.New(slog.DiscardHandler),
		Pusher: PusherFunc(func(_ context.Context, _ news.Source, body []byte) (int, error) {
			pushed.Add(1)
			if !bytes.HasPrefix(body, []byte("<")) {
				return 0, feeds.ErrNotFeed
			}
			return 1, nil
		})})
	if err != nil {
		f.Fatal(err)
	}
	handler := svc.Handler()
	feed := []byte(`<rss version="2.0"><channel><item><title>Kursk</title><guid>1</guid></item></channel></rss>`)
	f.Add(h.Token, fuzzSign("sha256", secret, feed), feed)
	f.Add(h.Token, fuzzSign("sha1", secret, feed), feed)
	f.Add(h.Token, fuzzSign("sha512", secret, []byte("{}")), []byte("{}"))
	f.Add(h.Token, "", feed)
	f.Add(h.Token, "sha256=", feed)
	f.Add(h.Token, "sha256="+strings.Repeat("0", 64), feed)
	f.Add(h.Token, "md5=00", feed)
	f.Add(h.Token, fuzzSign("sha256", "wrong", feed), feed)
	f.Add(h.Token, fuzzSign("sha384", secret, bytes.Repeat([]byte("<"), 5000)), bytes.Repeat([]byte("<"), 5000))
	f.Add("unknown", fuzzSign("sha256", secret, feed), feed)
	f.Add(h.Token+"/x", fuzzSign("sha256", secret, feed), feed)
	f.Add("", "", []byte(nil))
	allowed := map[int]bool{http.StatusNoContent: true, http.StatusBadRequest: true, http.StatusForbidden: true, http.StatusNotFound: true,
		http.StatusRequestEntityTooLarge: true}
	f.Fuzz(func(t *testing.T, token, sig string, body []byte) {
		req := httptest.NewRequest(http.MethodPost, "https://bot.example/", bytes.NewReader(body))
		req.URL.Path = Prefix + token
		if sig != "" {
			req.Header.Set("X-Hub-Signature", sig)
		}
		before := pushed.Load()
		rec := httptest.NewRecorder()
		handler.ServeHTTP(rec, req)
		reached := pushed.Load() != before
		if !allowed[rec.Code] {
			t.Fatalf("answered %d", rec.Code)
		}
		signed := token == h.Token && len(body) <= 4096 && signedBy(sig, secret, body)
		if (reached || rec.Code/100 == 2) && !signed {
			t.Fatalf("a push not signed with the secret reached the poller (answer %d): token %q, sig %q", rec.Code, token, sig)
		}
		if signed && !reached {
			t.Fatalf("a signed push did not reach the poller (answer %d)", rec.Code)
		}
	})
}

// signedBy checks a signature header independently of the handler.
func signedBy(header, secret string, body []byte) bool {
	for _, m := range []string{"sha1", "sha256", "sha384", "sha512"} {
		if want := fuzzSign(m, secret, body); strings.EqualFold(strings.TrimSpace(header), want) {
			return true
		}
	}
	return false
}

func fuzzSign(method, secret string, body []byte) string {
	h := map[string]func() hash.Hash{"sha1": sha1.New, "sha256": sha256.New, "sha384": sha512.New384, "sha512": sha512.New}[method]
	mac := hmac.New(h, []byte(secret))
	mac.Write(body)
	return method + "=" + hex.EncodeToString(mac.Sum(nil))
}
