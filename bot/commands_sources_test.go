package bot

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

const (
	operator = 42
	publicIP = "203.0.113.10" // stands for a public address; connections to it reach the test server
)

// withSources gives the router a sources service on the harness's store,
// with finder for what users point at (nil: adding is not available).
func withSources(finder sources.FeedFinder) func(*RouterOptions) {
	return func(o *RouterOptions) {
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Finder: finder, Now: o.Now})
	}
}

// withSites makes operator an operator and gives the router a guarded
// fetcher whose DNS answers hosts (every other name is unknown) and whose
// connections to publicIP reach srv.
func withSites(srv *feedtest.Site, allowPrivate bool, hosts map[string]string) func(*RouterOptions) {
	return func(o *RouterOptions) {
		o.Operators = []int64{operator}
		withSources(feeds.NewDiscoverer(feeds.DiscoverOptions{
			AllowPrivate: allowPrivate,
			Timeout:      5 * time.Second,
			Resolve:      feedtest.Resolver(hosts),
			Connect:      feedtest.Dialer(publicIP, srv.Listener.Addr().String()),
		}))(o)
	}
}

func TestAddSourceRefusesPrivateAddresses(t *testing.T) {
	srv := newSiteServer(t)
	port := srv.Port()
	h := newHarness(t, withSites(srv, false, map[string]string{"news.example": publicIP, "localhost": "127.0.0.1", "intranet.example": "10.9.8.7"}))
	const chat = operator
	public := "http://news.example:" + port
	tests := []struct {
		name string
		url  string
	}{
		{"loopback", "http://127.0.0.1:" + port + "/feed.xml"},
		{"private", "http://10.0.0.1/feed.xml"},
		{"metadata", "http://169.254.169.254/latest/meta-data/"},
		{"localhost", "http://localhost:" + port + "/feed.xml"},
		{"a name for a private address", "http://intranet.example/feed.xml"},
		{"a redirect to loopback", public + "/redirect?to=http://127.0.0.1:" + port + "/feed.xml"},
		{"a redirect to metadata", public + "/redirect?to=http://169.254.169.254/latest/meta-data/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			got := h.reply(chat, "private", operator, "/addsource "+tt.url).Text()
			if !strings.Contains(got, "⛔") {
				t.Errorf("/addsource %s → %q, want a refusal", tt.url, got)
			}
			if strings.Contains(got, "127.0.0.1") || strings.Contains(got, "169.254") {
				t.Errorf("the refusal names the address: %q", got)
			}
		})
	}
	if n := srv.FeedHits.Load(); n != 0 {
		t.Errorf("the feed behind the refused addresses was fetched %d times", n)
	}
	if srcs := testkit.ListSources(t, h.st); len(srcs) != 0 {
		t.Errorf("sources after refusals: %+v", srcs)
	}

	h.clock.Advance(time.Minute)
	if got := h.reply(7, "private", 7, "/addsource "+public+"/page").Text(); !strings.Contains(got, "Only the operators") {
		t.Errorf("non-operator /addsource → %q", got)
	}
	if got := h.reply(chat, "private", operator, "/addsource "+public+"/page").Text(); !strings.Contains(got, "Added source #1, <b>Example World News</b>") {
		t.Fatalf("/addsource of a page with a feed link → %q", got)
	}
	if got := h.reply(chat, "private", operator, "/addsource "+public+"/feed.xml").Text(); !strings.Contains(got, "already source #1") {
		t.Errorf("/addsource twice → %q", got)
	}
	src, err := h.st.FindSourceByURL(context.Background(), public+"/feed.xml")
	if err != nil || src.Origin != "chat" {
		t.Fatalf("added source = %+v, %v", src, err)
	}
	if got := h.reply(chat, "private", operator, "/addsource").Text(); !strings.Contains(got, "Send <code>/addsource URL</code>") {
		t.Errorf("/addsource without URL → %q", got)
	}
}

func TestAddSourceExplainsFailures(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, true, nil),
		withSources(feeds.NewDiscoverer(feeds.DiscoverOptions{AllowPrivate: true, Timeout: 200 * time.Millisecond})))
	base := "http://127.0.0.1:" + srv.Port()
	tests := []struct {
		name, url, want string
	}{
		{"too slow", base + "/slow", "took too long"},
		{"not found", base + "/missing", "HTTP status 404"},
		{"no feed", base + "/list.opml", "I found no feed there"},
		{"nothing listening", "http://127.0.0.1:1/feed.xml", "Nothing answers at that address (the connection was refused)"}, // was "I couldn't fetch that address",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			if got := h.reply(operator, "private", operator, "/addsource "+tt.url).Text(); !strings.Contains(got, tt.want) {
				t.Errorf("/addsource %s → %q, want %q", tt.url, got, tt.want)
			}
		})
	}
}

// The operator read "I couldn't fetch that address" of a site whose
// certificate no authority signed: the reply says the certificate is not
// valid. (A timeout of its own: a TLS handshake under load may take longer
// than TestAddSourceExplainsFailures's.)
func TestAddSourceSaysTheCertificateIsNotValid(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, true, nil),
		withSources(feeds.NewDiscoverer(feeds.DiscoverOptions{AllowPrivate: true, Timeout: 30 * time.Second})))
	untrusted := httptest.NewTLSServer(http.NotFoundHandler()) // its certificate: httptest's own
	t.Cleanup(untrusted.Close)
	if got := h.reply(operator, "private", operator, "/addsource "+untrusted.URL+"/feed.xml").Text(); !strings.Contains(got, "certificate is not valid") {
		t.Errorf("/addsource of a site with an untrusted certificate → %q", got)
	}
}

func TestAddSourceMayReachPrivateAddressesWhenAllowed(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, true, nil))
	got := h.reply(operator, "private", operator, "/addsource http://127.0.0.1:"+srv.Port()+"/feed.xml").Text()
	if !strings.Contains(got, "Added source") {
		t.Fatalf("with allow_private_urls: %q", got)
	}
}

func TestSourcesHealthAndRemoval(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil))
	now := h.clock.Now()
	cfgSrc := testkit.UpsertSource(t, h.st, "Config <World>", "https://world.example/rss", "config")
	chatSrc := testkit.UpsertSource(t, h.st, "Chat feed", "https://chat.example/rss", "chat")
	fresh := testkit.UpsertSource(t, h.st, "Fresh", "https://fresh.example/rss", "chat")
	mustRecordFetch(t, h.st, cfgSrc.ID, news.FetchResult{OK: true, NextFetchAt: now.Add(2 * time.Minute)})
	mustRecordFetch(t, h.st, chatSrc.ID, news.FetchResult{Err: `http status 500 <b>oops</b>`, NextFetchAt: now.Add(4 * time.Minute)})
	h.clock.Advance(3 * time.Minute)

	got := h.reply(60, "private", 60, "/sources").Text()
	for _, want := range []string{
		"#1 <b>Config &lt;World&gt;</b> (world.example)\n✅ fetched 3 min ago · next now",
		"#2 <b>Chat feed</b> (chat.example) · added in chat\n⚠️ failing (1 time in a row), last try 3 min ago: <i>http status 500 &lt;b&gt;oops&lt;/b&gt;</i> · next in 1 min",
		"#3 <b>Fresh</b> (fresh.example) · added in chat\n⏳ not fetched yet",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/sources lacks %q:\n%s", want, got)
		}
	}
	// A source fails: the operators are told /fetch, which is theirs; others not.
	const hint = "\n\n<code>/fetch ID</code> tries a source again now."
	if strings.Contains(got, hint) {
		t.Errorf("/sources to a non-operator names /fetch, which refuses them:\n%s", got)
	}
	if got := h.reply(42, "private", 42, "/sources").Text(); !strings.Contains(got, hint) {
		t.Errorf("/sources to an operator lacks %q:\n%s", hint, got)
	}
	tests := []struct {
		name, user, cmd, want string
	}{
		{"a non-operator", "61", "/removesource 2", "Only the operators"},
		{"a config source", "42", "/removesource 1", "comes from the configuration file"},
		{"an unknown one", "42", "/removesource 99", "There is no source #99"},
		{"by id", "42", "/removesource #2", "Removed source #2, <b>Chat feed</b>"},
		{"by URL", "42", "/removesource https://fresh.example/rss", "Removed source #3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			user := mustInt(t, tt.user)
			if got := h.reply(user, "private", user, tt.cmd).Text(); !strings.Contains(got, tt.want) {
				t.Errorf("%s → %q, want %q", tt.cmd, got, tt.want)
			}
		})
	}
	if srcs := testkit.ListSources(t, h.st); len(srcs) != 1 || srcs[0].ID != cfgSrc.ID {
		t.Errorf("sources left: %+v", srcs)
	}
	_ = fresh
}

// TestSourcesSpeakTheIntervalReasonInTheChatLanguage: /sources in Russian
// says why each source is fetched at its interval in Russian, the failures
// in the right plural; a reason stored as free text by an older version
// shows as it is.
func TestSourcesSpeakTheIntervalReasonInTheChatLanguage(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil))
	now := h.clock.Now()
	quiet := testkit.UpsertSource(t, h.st, "Quiet", "https://quiet.example/rss", "config")
	failing := testkit.UpsertSource(t, h.st, "Failing", "https://failing.example/rss", "config")
	old := testkit.UpsertSource(t, h.st, "Old", "https://old.example/rss", "config")
	mustRecordFetch(t, h.st, quiet.ID, news.FetchResult{OK: true, NextFetchAt: now.Add(2 * time.Hour), Interval: 2 * time.Hour,
		IntervalReason: news.IntervalReason{Kind: news.ReasonPublishes, Span: 5 * time.Hour, Limit: news.LimitMax}.Encode()})
	mustRecordFetch(t, h.st, failing.ID, news.FetchResult{Err: "boom", NextFetchAt: now.Add(2 * time.Minute), Interval: 2 * time.Minute,
		IntervalReason: news.IntervalReason{Kind: news.ReasonBackoff, Count: 2}.Encode()})
	mustRecordFetch(t, h.st, old.ID, news.FetchResult{OK: true, NextFetchAt: now.Add(5 * time.Minute), Interval: 5 * time.Minute,
		IntervalReason: "the schedule"})

	got := h.replyAs(60, "private", 60, "ru", "/sources")
	for _, want := range []string{
		"каждые 2 ч: публикует примерно раз в 5 ч, ограничено poller.max_interval",
		"каждые 2 мин: интервал увеличен после 2 неудачных опросов",
		"каждые 5 мин: the schedule",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/sources in ru lacks %q:\n%s", want, got)
		}
	}
	// The spans are in Russian units too: "каждые 2h" was English in a Russian line.
	for _, english := range []string{"2h", "5h", "2m", "5m"} {
		if strings.Contains(got, english) {
			t.Errorf("/sources in ru writes the span %q in English units:\n%s", english, got)
		}
	}
	if strings.Contains(got, "@") || strings.Contains(got, "publishes") || strings.Contains(got, "backing off") {
		t.Errorf("/sources in ru shows an encoded or English reason:\n%s", got)
	}
}

// exported waits for /export's one document to chatID, after the first
// from documents, and returns its text.
func exported(t *testing.T, h *harness, chatID int64, from int) string {
	t.Helper()
	h.settle()
	docs := h.tg.Documents(chatID)
	if len(docs) != from+1 {
		t.Fatalf("/export sent %d documents, want 1", len(docs)-from)
	}
	return string(docs[from].Document().Data)
}

func TestOPMLExportImportRoundTrip(t *testing.T) {
	srv := newSiteServer(t)
	hosts := map[string]string{"world.example": publicIP, "tech.example": publicIP, "news.example": publicIP}
	for i := range 60 {
		hosts["feed"+itoa(int64(i))+".example"] = publicIP
	}
	a := newHarness(t, withSites(srv, false, hosts))
	ctx := context.Background()
	want := map[string]string{
		"https://world.example/rss?a=1&b=2": `World & "Friends" <News>`,
		"https://tech.example/atom.xml":     "Tech ünïcode",
	}
	for i := range 60 { // once enough to need several messages
		want["https://feed"+itoa(int64(i))+".example/a-rather-long-path/to/the/feed/of/this/site.xml"] = "Feed number " + itoa(int64(i))
	}
	for u, name := range want {
		if _, err := a.st.UpsertSource(ctx, name, u, "config"); err != nil {
			t.Fatal(err)
		}
	}
	if got := a.reply(7, "private", 7, "/export").Text(); !strings.Contains(got, "Only the operators") {
		t.Errorf("non-operator /export → %q", got)
	}
	before := len(a.tg.Sent(operator))
	a.send(operator, "private", operator, "/export")
	doc := exported(t, a, operator, 0)
	if got := a.tg.Sent(operator)[before:]; len(got) != 0 {
		t.Errorf("/export sent text messages too: %q", texts(got))
	}
	if !strings.Contains(doc, "<opml") || strings.Count(doc, "<outline") != len(want) {
		t.Fatalf("export is not the OPML of %d sources:\n%s", len(want), doc)
	}

	// Import into a fresh bot, from the exported file served at a URL.
	b := newHarness(t, withSites(srv, false, hosts))
	srv.OPML(doc)
	got := b.reply(operator, "private", operator, "/import http://news.example:"+srv.Port()+"/list.opml").Text()
	if !strings.Contains(got, "Imported 62 new sources") {
		t.Fatalf("/import → %q", got)
	}
	srcs, err := b.st.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != len(want) {
		t.Fatalf("imported %d sources, want %d", len(srcs), len(want))
	}
	for _, s := range srcs {
		if want[s.URL] != s.Name || s.Origin != "chat" {
			t.Errorf("imported %q %q (%s), want name %q", s.URL, s.Name, s.Origin, want[s.URL])
		}
	}

	// Pasted OPML, with feeds already known, private addresses and junk.
	pasted := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="World again" xmlUrl="https://world.example/rss?a=1&amp;b=2"/>
<outline text="Loopback" xmlUrl="http://127.0.0.1:` + srv.Port() + `/feed.xml"/>
<outline text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data/"/>
<outline text="Files" xmlUrl="file:///etc/passwd"/>
<outline text="Nowhere" xmlUrl="https://nowhere.example/rss"/>
<outline text="New &lt;one&gt;" xmlUrl="http://news.example/feed.xml"/>
</body></opml>`
	b.clock.Advance(time.Minute)
	got = b.reply(operator, "private", operator, "/import "+pasted).Text()
	for _, w := range []string{"Imported 1 new source.", "1 already known", "2 refused", "1 skipped: their host names do not resolve", "1 skipped: not http(s) URLs"} {
		if !strings.Contains(got, w) {
			t.Errorf("pasted /import → %q, want %q", got, w)
		}
	}
	if s, err := b.st.FindSourceByURL(ctx, "http://news.example/feed.xml"); err != nil || s.Name != "New <one>" {
		t.Errorf("pasted source = %+v, %v", s, err)
	}
	if got := b.reply(operator, "private", operator, "/import <not opml").Text(); !strings.Contains(got, "not an OPML list") {
		t.Errorf("junk /import → %q", got)
	}
	if got := b.reply(operator, "private", operator, "/import http://127.0.0.1:"+srv.Port()+"/list.opml").Text(); !strings.Contains(got, "⛔") {
		t.Errorf("/import from loopback → %q", got)
	}
}

func TestHealthNamesTheNextFetch(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 30, 0, time.UTC)
	tests := []struct {
		name string
		src  sources.Status
		want string
	}{
		{"no schedule known", sources.Status{Source: news.Source{LastFetchAt: now.Add(-time.Minute)}, Health: sources.Healthy}, "✅ fetched 1 min ago · next now"},
		{"due: the next run", sources.Status{Source: news.Source{LastFetchAt: now.Add(-time.Minute)}, Health: sources.Healthy, NextFetch: now.Add(9*time.Minute + 30*time.Second)}, "next in 9 min"},
		{"backing off: the first run after it", sources.Status{Source: news.Source{LastFetchAt: now, Failures: 2, LastError: "<oops>"}, Health: sources.Failing, NextFetch: now.Add(29*time.Minute + 30*time.Second)},
			"⚠️ failing (2 times in a row), last try just now: <i>&lt;oops&gt;</i> · next in 29 min"},
		{"not fetched yet", sources.Status{Health: sources.Unfetched, NextFetch: now.Add(time.Hour)}, "⏳ not fetched yet · next in 1 h"},
		{"its interval and why", sources.Status{Source: news.Source{LastFetchAt: now, Interval: 25 * time.Minute, IntervalReason: "publishes about every 50m"}, Health: sources.Healthy, NextFetch: now.Add(25 * time.Minute)},
			"✅ fetched just now · next in 25 min · every 25m: publishes about every 50m"},
		{"its interval and why, as the poller stores it", sources.Status{Source: news.Source{LastFetchAt: now, Interval: 25 * time.Minute,
			IntervalReason: news.IntervalReason{Kind: news.ReasonPublishes, Span: 50 * time.Minute, Limit: news.LimitMax}.Encode()}, Health: sources.Healthy, NextFetch: now.Add(25 * time.Minute)},
			"✅ fetched just now · next in 25 min · every 25m: publishes about every 50m, at poller.max_interval"},
		{"one failure, in the singular", sources.Status{Source: news.Source{LastFetchAt: now, Failures: 1, LastError: "boom", Interval: time.Minute,
			IntervalReason: news.IntervalReason{Kind: news.ReasonBackoff, Count: 1}.Encode()}, Health: sources.Failing, NextFetch: now.Add(time.Minute)},
			"every 1m: backing off after 1 failed fetch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := health(locale.For(locale.English), now, time.UTC, tt.src); !strings.HasSuffix(got, tt.want) {
				t.Fatalf("health = %q, want it to end with %q", got, tt.want)
			}
		})
	}
}

// A Spanish operator read "falla (1 vez seguidas)": the count and the words
// around it agree in every language, in the singular and the plural.
func TestFailingSourceCountAgrees(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 30, 0, time.UTC)
	for _, tt := range []struct {
		lang     string
		failures int
		want     string
	}{
		{"es", 1, "⚠️ falla (1 vez seguida), último intento"},
		{"es", 3, "⚠️ falla (3 veces seguidas), último intento"},
		{"ru", 1, "⚠️ сбои (1 раз подряд), последняя попытка"},
		{"ru", 3, "⚠️ сбои (3 раза подряд), последняя попытка"},
		{"de", 1, "⚠️ schlägt fehl (1 Mal in Folge), letzter Versuch"},
		{"en", 1, "⚠️ failing (1 time in a row), last try"},
	} {
		src := sources.Status{Source: news.Source{LastFetchAt: now, Failures: tt.failures, LastError: "boom"}, Health: sources.Failing}
		if got := health(locale.For(tt.lang), now, time.UTC, src); !strings.HasPrefix(got, tt.want) {
			t.Errorf("%s, %d failures: health = %q, want it to begin %q", tt.lang, tt.failures, got, tt.want)
		}
	}
}

// A Russian operator read "http status 404 Not Found" in /sources: a fetch
// failure as the poller stores it is said in the chat's language, with an
// older version's free text, and a kind this version does not know, shown as
// they are (escaped).
func TestFetchFailureIsSaidInTheChatsLanguage(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 30, 0, time.UTC)
	stored := func(kind news.FailureKind, status int) string {
		return news.FetchFailure{Kind: kind, Status: status, Detail: "http status 404 Not Found"}.Encode()
	}
	for _, tt := range []struct {
		lang, lastError, want string
		url                   string
	}{
		{"en", stored(news.FailStatus, 404), "<i>the server answered HTTP 404</i>", ""},
		{"ru", stored(news.FailStatus, 404), "<i>сервер ответил HTTP 404</i>", ""},
		{"en", stored(news.FailStatus, 410), "<i>the server says the feed is gone for good (HTTP 410): remove the source, or /fetch it if it is back</i>", ""},
		{"de", stored(news.FailStatus, 410), "<i>der Server sagt, der Feed sei endgültig weg (HTTP 410)", ""},
		// A feed behind HTTP basic auth: the operator saw "HTTP 401" and
		// did not know that the address may carry the login.
		{"en", stored(news.FailStatus, 401), "<i>the server asks for a login (HTTP 401): write it into the source's address, https://user:password@host/…</i>", ""},
		{"ru", stored(news.FailStatus, 401), "<i>сервер просит логин (HTTP 401): впишите его в адрес источника, https://user:password@host/…</i>", ""},
		// The address carries a login the server refused: "write it into
		// the address" sent the operator in a circle.
		{lang: "en", lastError: stored(news.FailStatus, 401), url: "https://ann:s3cret@feeds.example/rss",
			want: "<i>the server refused the login in the source's address (HTTP 401): check the user name and password</i>"},
		{lang: "de", lastError: stored(news.FailStatus, 401), url: "https://ann:s3cret@feeds.example/rss",
			want: "<i>der Server hat die Anmeldung aus der Adresse der Quelle abgelehnt (HTTP 401)"},
		{"de", stored(news.FailNotFeed, 0), "<i>die Antwort ist kein Feed (RSS, Atom oder JSON Feed)</i>", ""},
		// https:// to a plain-HTTP server read as a certificate failure.
		{"en", stored(news.FailPlainHTTP, 0), "<i>the server speaks plain HTTP at this address, not HTTPS: use http:// in the source's address</i>", ""},
		{"es", stored(news.FailTimeout, 0), "<i>sin respuesta a tiempo (poller.timeout)</i>", ""},
		{"ru", stored(news.FailDatabase, 0), "<i>загружено, но бот не смог сохранить статьи (см. журнал)</i>", ""},
		{"de", "read body: <unexpected EOF>", "<i>read body: &lt;unexpected EOF&gt;</i>", ""},
		{"es", news.FetchFailure{Kind: "from-the-future", Detail: "a <new> failure"}.Encode(), "<i>a &lt;new&gt; failure</i>", ""},
	} {
		src := sources.Status{Source: news.Source{URL: tt.url, LastFetchAt: now, Failures: 1, LastError: tt.lastError}, Health: sources.Failing}
		if got := health(locale.For(tt.lang), now, time.UTC, src); !strings.Contains(got, tt.want) {
			t.Errorf("%s, %q: health = %q, want it to hold %q", tt.lang, tt.lastError, got, tt.want)
		}
	}
	for _, kind := range []news.FailureKind{news.FailStatus, news.FailTimeout, news.FailDNS, news.FailRefused, news.FailReset, news.FailTLS,
		news.FailPlainHTTP, news.FailBrokenFeed, news.FailTooLarge, news.FailRedirects, news.FailNotFeed, news.FailBlocked, news.FailDatabase} {
		en := fetchFailure(locale.For(locale.English), stored(kind, 500), false)
		for _, lang := range []string{"ru", "de", "es"} {
			if got := fetchFailure(locale.For(lang), stored(kind, 500), false); got == en || strings.Contains(got, "404 Not Found") {
				t.Errorf("%s: %s is said %q, as in English", lang, kind, got)
			}
		}
	}
}

// newSiteServer serves the test site of internal/feedtest with the world feed.
func newSiteServer(t *testing.T) *feedtest.Site {
	t.Helper()
	return feedtest.NewSite(t, "../testdata/feeds/world-v1.xml")
}

// TestADatabaseFailureIsNotCountedAsTheSources: a source whose last fetch
// went well but could not be stored (Failures 0, a database failure) shows
// what failed and when, without a count of failures in a row.
func TestADatabaseFailureIsNotCountedAsTheSources(t *testing.T) {
	now := time.Date(2026, 11, 27, 12, 0, 30, 0, time.UTC)
	lastError := news.FetchFailure{Kind: news.FailDatabase, Detail: "store articles: database is locked"}.Encode()
	st := sources.Status{Source: news.Source{LastFetchAt: now.Add(-time.Minute), LastError: lastError}, Health: sources.Failing, NextFetch: now.Add(30 * time.Second)}
	for _, tt := range []struct{ lang, want string }{
		{"en", "⚠️ last try 1 min ago: <i>fetched, but the bot could not store the articles (see the log)</i>"},
		{"ru", "⚠️ последняя попытка "},
	} {
		got := health(locale.For(tt.lang), now, time.UTC, st)
		if !strings.Contains(got, tt.want) || strings.Contains(got, "0") {
			t.Errorf("%s: health = %q, want it to hold %q and no count", tt.lang, got, tt.want)
		}
	}
}

// A stranger read "not fetched yet · next in 1 min" for a source the
// poller fetches within 5 s of its start: /sources shows the time the
// poller's scheduler holds, not the schedule's next run.
func TestSourcesShowTheSchedulersNextFetch(t *testing.T) {
	var due map[int64]time.Time
	h := newHarness(t, func(o *RouterOptions) {
		o.Operators = []int64{operator}
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Now: o.Now,
			NextPoll: func(t time.Time) time.Time { return t.Add(2 * time.Minute) }})
		o.Scheduled = func(id int64) (time.Time, bool) { at, ok := due[id]; return at, ok }
	})
	fresh := testkit.UpsertSource(t, h.st, "Fresh", "https://fresh.example/rss", "config")
	testkit.UpsertSource(t, h.st, "Later", "https://later.example/rss", "config")
	due = map[int64]time.Time{fresh.ID: h.clock.Now().Add(3 * time.Second)}
	got := h.reply(operator, "private", operator, "/sources").Text()
	for _, want := range []string{
		"<b>Fresh</b> (fresh.example)\n⏳ not fetched yet · next in under a minute",
		"<b>Later</b> (later.example)\n⏳ not fetched yet · next in 2 min", // not held by the scheduler: the schedule
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/sources lacks %q:\n%s", want, got)
		}
	}
}

// A feed that moved for good was only logged: /sources shows the new
// address under the source and what to do, by who chose the source (a
// chat: add the new, remove the old; the configuration: edit it), in the
// chat's language.
func TestSourcesShowWhereAFeedMoved(t *testing.T) {
	moved := map[int64]string{}
	h := newHarness(t, func(o *RouterOptions) {
		o.Operators = []int64{operator}
		o.Sources = sources.NewService(sources.Options{Store: o.Store.(sources.Store), Now: o.Now})
		o.Moved = func(id int64) string { return moved[id] }
	})
	conf := testkit.UpsertSource(t, h.st, "Conf", "https://old.example/rss", "config")
	chat := testkit.UpsertSource(t, h.st, "Chat", "https://old.example/chat", "chat")
	testkit.UpsertSource(t, h.st, "Stays", "https://stays.example/rss", "config")
	moved[conf.ID] = "https://new.example/rss?a=1&b=2"
	moved[chat.ID] = "https://new.example/chat"
	got := h.reply(operator, "private", operator, "/sources").Text()
	for _, want := range []string{
		"↪️ moved for good (HTTP 301/308) to <code>https://new.example/rss?a=1&amp;b=2</code>: put that address in the configuration's [[sources]]",
		fmt.Sprintf("↪️ moved for good (HTTP 301/308) to <code>https://new.example/chat</code>: <code>/addsource</code> that address, then <code>/removesource %d</code>", chat.ID),
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/sources lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "↪️"); n != 2 {
		t.Errorf("/sources names %d moves, want 2:\n%s", n, got)
	}
	if got := h.replyAs(operator, "private", operator, "de", "/sources"); !strings.Contains(got, "endgültig umgezogen") {
		t.Errorf("/sources in German does not say the feed moved:\n%s", got)
	}
}

// A stranger's "/import garbage" was answered "not a public http(s)
// address": text that is neither OPML nor a link is told what /import
// takes, with an example, in the chat's language; a link is still fetched.
func TestImportOfNeitherListNorLinkSaysWhatItTakes(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil), withLanguages)
	for _, arg := range []string{"garbage", "my feeds please"} {
		got := h.reply(operator, "private", operator, "/import "+arg).Text()
		if !strings.Contains(got, "neither an OPML list nor a link") || !strings.Contains(got, "/import https://example.com/feeds.opml") || strings.Contains(got, "⛔") {
			t.Errorf("/import %s → %q, want what /import takes", arg, got)
		}
		h.clock.Advance(20 * time.Second)
	}
	if got := h.reply(operator, "private", operator, "/import http://127.0.0.1:"+srv.Port()+"/list.opml").Text(); !strings.Contains(got, "⛔") {
		t.Errorf("/import of a loopback link → %q, want it refused", got)
	}
	h.clock.Advance(20 * time.Second)
	h.reply(operator, "private", operator, "/language de")
	h.clock.Advance(20 * time.Second)
	if got := h.reply(operator, "private", operator, "/import garbage").Text(); !strings.Contains(got, "weder eine OPML-Liste noch ein Link") {
		t.Errorf("German /import garbage → %q", got)
	}
}

// A stranger subscribed to "source:bbc tariffs" on a bot that follows no
// BBC feed: accepted, "would have matched 0", and never an alert. The
// reply now says no source has that name.
func TestSubscribeToASourceNotFollowed(t *testing.T) {
	h := newHarness(t, withSources(nil))
	testkit.UpsertSource(t, h.st, "BBC News — World", "https://feeds.bbci.example/world/rss.xml", "config")
	testkit.UpsertSource(t, h.st, "Reuters", "https://reuters.example/rss", news.OriginRetired)
	const warning = "No source I follow has that name"
	for _, tt := range []struct {
		query string
		warn  bool
	}{
		{"source:bbc tariffs", false},
		{`source:"bbc news" OR source:reuters`, false},
		{"source:reuters tariffs", true}, // retired: no longer fetched
		{"source:aljazeera", true},
		{"source:aljazeera OR tariffs", false}, // tariffs may come from any source
		{"site:aljazeera.com", false},          // an address: articles of any source may link there
	} {
		h.clock.Advance(20 * time.Second)
		got := h.reply(61, "private", 61, "/subscribe "+tt.query).Text()
		if strings.Contains(got, warning) != tt.warn {
			t.Errorf("/subscribe %s = %q; warned %v, want %v", tt.query, got, !tt.warn, tt.warn)
		}
	}
}

// A stranger pasted the feed link a browser shows, feed:http://… or
// feed://…, and was told it was not a public address: the feed mark is read
// as the address it marks.
func TestAddSourceReadsABrowsersFeedLink(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, true, map[string]string{"news.example": publicIP}))
	got := h.reply(operator, "private", operator, "/addsource feed:http://news.example:"+srv.Port()+"/feed.xml").Text()
	if !strings.Contains(got, "Added source #1") {
		t.Fatalf("/addsource feed:http://… → %q", got)
	}
	h.clock.Advance(20 * time.Second)
	// feed:// names no scheme; https is tried, and the site (plain HTTP)
	// is told apart from an address that is not public.
	got = h.reply(operator, "private", operator, "/addsource feed://news.example:"+srv.Port()+"/feed.xml").Text()
	if strings.Contains(got, "not a public") || strings.Contains(got, "⛔") {
		t.Errorf("/addsource feed://… → %q, refused as not public", got)
	}
}

// A stranger's /addsource of a feed behind a login read only "HTTP status
// 401": the reply says the site asks for a login and where it goes, and,
// when the address carried one, that the site refused it. The password is
// in no reply and no log line.
func TestAddSourceSaysTheSiteAsksForALogin(t *testing.T) {
	feed, err := os.ReadFile("../testdata/feeds/world-v1.xml")
	if err != nil {
		t.Fatal(err)
	}
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if user, pass, ok := r.BasicAuth(); !ok || user != "reader" || pass != "opensesame" {
			w.Header().Set("WWW-Authenticate", `Basic realm="members"`)
			http.Error(w, "login required", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed)
	}))
	t.Cleanup(site.Close)
	h := newHarness(t, func(o *RouterOptions) { o.Operators = []int64{operator} },
		withSources(feeds.NewDiscoverer(feeds.DiscoverOptions{AllowPrivate: true, Timeout: 30 * time.Second})))
	host := strings.TrimPrefix(site.URL, "http://")
	tests := []struct {
		name, url, want, secret string
	}{
		{"no login", "http://" + host + "/feed.xml", "The site asks for a login", ""},
		{"a wrong login", "http://reader:wrongword@" + host + "/feed.xml", "refused the login in the address", "wrongword"},
		{"the login", "http://reader:opensesame@" + host + "/feed.xml", "Added source #1", "opensesame"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h.clock.Advance(20 * time.Second)
			got := h.reply(operator, "private", operator, "/addsource "+tt.url).Text()
			if !strings.Contains(got, tt.want) {
				t.Errorf("/addsource %s → %q, want %q", tt.url, got, tt.want)
			}
			if tt.secret != "" && strings.Contains(got, tt.secret) {
				t.Errorf("the reply says the password: %q", got)
			}
		})
	}
	if got := h.reply(operator, "private", operator, "/addsource http://"+host+"/feed.xml").Text(); !strings.Contains(got, "user:password@host") {
		t.Errorf("the login reply does not say where the login goes: %q", got)
	}
	if !strings.Contains(h.logs.String(), "addsource") {
		t.Errorf("no log line of /addsource to look for a password in")
	}
	for _, secret := range []string{"wrongword", "opensesame"} {
		if logs := h.logs.String(); strings.Contains(logs, secret) {
			t.Errorf("a log line says the password %q:\n%s", secret, logs)
		}
	}
}
