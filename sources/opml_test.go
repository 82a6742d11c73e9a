package sources_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/sources"
)

func TestExportImportRoundTrip(t *testing.T) {
	srv := newSite(t)
	hosts := map[string]string{"world.example": publicIP, "tech.example": publicIP, "news.example": publicIP}
	a, ast := newService(t, finder(srv, false, hosts), nil)
	ctx := context.Background()
	want := map[string]string{
		"https://world.example/rss?a=1&b=2": `World & "Friends" <News>`,
		"https://tech.example/atom.xml":     "Tech ünïcode",
		"https://news.example/feed":         "Plain",
	}
	for u, name := range want {
		mustUpsert(t, ast, name, u, news.OriginConfig)
	}
	exp, err := a.Export(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	doc, n := exp.Doc, exp.Sources
	if n != len(want) {
		t.Errorf("Export counted %d sources, want %d", n, len(want))
	}
	outs, err := feeds.ParseOPML(doc)
	if err != nil {
		t.Fatalf("the export is not OPML: %v\n%s", err, doc)
	}
	if len(outs) != len(want) {
		t.Fatalf("export of %d outlines, want %d:\n%s", len(outs), len(want), doc)
	}

	b, bst := newService(t, finder(srv, false, hosts), nil)
	srv.OPML(string(doc))
	res, err := b.ImportURL(ctx, "http://news.example:"+srv.Port()+"/list.opml")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != len(want) || res.Known+res.Refused+res.Unresolved+res.Invalid != 0 {
		t.Fatalf("ImportURL = %+v, want %d added", res, len(want))
	}
	srcs, err := bst.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != len(want) {
		t.Fatalf("imported %d sources, want %d", len(srcs), len(want))
	}
	for _, s := range srcs {
		if want[s.URL] != s.Name || s.Origin != news.OriginChat {
			t.Errorf("imported %q %q (%s), want name %q", s.URL, s.Name, s.Origin, want[s.URL])
		}
	}

	again, err := b.Import(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Added) != 0 || again.Known != len(want) {
		t.Errorf("second Import = %+v, want all %d known", again, len(want))
	}
}

func TestExportOfNoSources(t *testing.T) {
	svc, _ := newService(t, nil, nil)
	exp, err := svc.Export(context.Background(), true)
	if err != nil || exp.Sources != 0 || exp.Doc != nil {
		t.Errorf("Export of no sources = %q, %d, %v", exp.Doc, exp.Sources, err)
	}
}

func TestImportCountsWhatItSkips(t *testing.T) {
	srv := newSite(t)
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP, "world.example": publicIP, "long.example": publicIP}), nil)
	ctx := context.Background()
	mustUpsert(t, st, "World", "https://world.example/rss?a=1&b=2", news.OriginConfig)
	long := strings.Repeat("word ", 60)
	doc := `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="World again" xmlUrl="https://world.example/rss?a=1&amp;b=2"/>
<outline text="Loopback" xmlUrl="http://127.0.0.1:` + srv.Port() + `/feed.xml"/>
<outline text="Metadata" xmlUrl="http://169.254.169.254/latest/meta-data/"/>
<outline text="Files" xmlUrl="file:///etc/passwd"/>
<outline text="Too long" xmlUrl="https://news.example/` + strings.Repeat("a", sources.MaxURL) + `"/>
<outline text="Nowhere" xmlUrl="https://nowhere.example/rss"/>
<outline text="New &lt;one&gt;" xmlUrl="http://news.example/feed.xml"/>
<outline text="  " xmlUrl="http://news.example/untitled.xml"/>
<outline text="` + long + `" xmlUrl="http://long.example/feed.xml"/>
</body></opml>`
	res, err := svc.Import(ctx, []byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if res.Known != 1 || res.Refused != 2 || res.Unresolved != 1 || res.Invalid != 2 {
		t.Errorf("Import = %+v, want 1 known, 2 refused, 1 unresolved, 2 invalid", res)
	}
	names := map[string]string{}
	for _, s := range res.Added {
		names[s.URL] = s.Name
		if s.Origin != news.OriginChat {
			t.Errorf("imported %s as %s, want chat", s.URL, s.Origin)
		}
	}
	if len(res.Added) != 3 || names["http://news.example/feed.xml"] != "New <one>" || names["http://news.example/untitled.xml"] != "news.example" {
		t.Errorf("added %v, want New <one>, a source named after its host and the long one", names)
	}
	if got := names["http://long.example/feed.xml"]; got == "" || len([]rune(got)) > 200 {
		t.Errorf("a long name imported as %q (%d characters), want at most 200", got, len([]rune(got)))
	}
	if n := srv.FeedHits.Load(); n != 2 {
		t.Errorf("Import fetched feed.xml %d times, want 2 (New <one> and the long one, once each, to tell a feed from a page)", n)
	}
}

func TestImportFailures(t *testing.T) {
	srv := newSite(t)
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP}), nil)
	ctx := context.Background()
	tests := []struct {
		name string
		call func() (sources.Imported, error)
		want error
	}{
		{"not OPML", func() (sources.Imported, error) { return svc.Import(ctx, []byte("%PDF-1.4 not a list at all")) }, sources.ErrNotOPML},
		{"not XML", func() (sources.Imported, error) { return svc.Import(ctx, []byte{0xff, 0xd8, 0xff, 0xe0, 0, 1, 2}) }, sources.ErrNotOPML},
		{"a list from loopback", func() (sources.Imported, error) {
			return svc.ImportURL(ctx, "http://127.0.0.1:"+srv.Port()+"/list.opml")
		}, sources.ErrBlocked},
		{"a list that is not there", func() (sources.Imported, error) {
			return svc.ImportURL(ctx, "http://news.example:"+srv.Port()+"/missing")
		}, sources.ErrFetch},
		{"an empty answer", func() (sources.Imported, error) {
			return svc.ImportURL(ctx, "http://news.example:"+srv.Port()+"/list.opml")
		}, sources.ErrNotOPML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := tt.call(); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
	if srcs, err := st.ListSources(ctx); err != nil || len(srcs) != 0 {
		t.Errorf("sources after failed imports: %+v, %v", srcs, err)
	}
}

// A list of more feeds than one import checks says how many it left for
// later, and the same list imported again goes on with them: nothing is
// dropped without a word.
func TestImportOfALongListGoesOnWhereItStopped(t *testing.T) {
	srv := newSite(t)
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP}), nil)
	ctx := context.Background()
	total := sources.MaxImport + 120
	var b strings.Builder
	b.WriteString(`<opml version="2.0"><body>`)
	for i := range total {
		fmt.Fprintf(&b, `<outline text="Feed %d" xmlUrl="https://news.example/feed?n=%d"/>`, i, i)
	}
	b.WriteString(`</body></opml>`)
	first, err := svc.Import(ctx, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Added) != sources.MaxImport || first.Later != 120 {
		t.Fatalf("first import: %d added, %d later; want %d and 120", len(first.Added), first.Later, sources.MaxImport)
	}
	again, err := svc.Import(ctx, []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Added) != 120 || again.Known != sources.MaxImport || again.Later != 0 {
		t.Fatalf("the same list again: %d added, %d known, %d later; want 120, %d, 0", len(again.Added), again.Known, again.Later, sources.MaxImport)
	}
	srcs, err := st.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != total {
		t.Fatalf("%d sources, want all %d of the list", len(srcs), total)
	}
}

// ImportURL of a feed, or of a page linking to one, rather than of an OPML
// list adds that feed as Add does and says so in Imported.Feed.
func TestImportURLOfAFeedAddsIt(t *testing.T) {
	srv := newSite(t)
	svc, st := newService(t, finder(srv, false, map[string]string{"news.example": publicIP}), nil)
	ctx := context.Background()
	public := "http://news.example:" + srv.Port()
	res, err := svc.ImportURL(ctx, public+"/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	if res.Feed == nil || !res.Feed.New || res.Feed.Source.URL != public+"/feed.xml" || res.Feed.Source.Origin != news.OriginChat || res.Feed.Items == 0 {
		t.Fatalf("ImportURL of a feed = %+v (feed %+v), want it added", res, res.Feed)
	}
	if len(res.Added) != 0 {
		t.Errorf("a feed counted as a list's entries: %+v", res.Added)
	}
	again, err := svc.ImportURL(ctx, public+"/page")
	if err != nil {
		t.Fatal(err)
	}
	if again.Feed == nil || again.Feed.New || again.Feed.Source.ID != res.Feed.Source.ID {
		t.Errorf("ImportURL of the page linking to it = %+v, want the same source, known", again.Feed)
	}
	if srcs, err := st.ListSources(ctx); err != nil || len(srcs) != 1 {
		t.Errorf("sources: %+v, %v; want the one feed", srcs, err)
	}
}

// The operators' /export sent a feed's password in clear wherever it was
// asked. Export keeps passwords only when told to (so that Import takes
// the file back as it is), and names the sources that have one either way;
// without, each is "xxxxx", and Import knows such a feed by the rest of
// its address, or skips it rather than adding it with "xxxxx" for a
// password.
func TestExportLeavesPasswordsOutUnlessKept(t *testing.T) {
	srv := newSite(t)
	hosts := map[string]string{"news.example": publicIP, "private.example": publicIP}
	a, ast := newService(t, finder(srv, false, hosts), nil)
	ctx := context.Background()
	mustUpsert(t, ast, "Members", "https://reader:s3cret@private.example/feed", news.OriginConfig)
	mustUpsert(t, ast, "Plain", "https://news.example/feed", news.OriginConfig)
	kept, err := a.Export(ctx, true)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(kept.Doc), "reader:s3cret@private.example") || len(kept.Secret) != 1 || kept.Secret[0] != "Members" {
		t.Errorf("kept export: secret %v, document:\n%s\nwant the password in it and Members named", kept.Secret, kept.Doc)
	}
	left, err := a.Export(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(left.Doc), "s3cret") || !strings.Contains(string(left.Doc), "reader:"+sources.RedactedPassword+"@private.example") ||
		len(left.Secret) != 1 || left.Sources != 2 {
		t.Errorf("export without passwords: %d sources, secret %v, document:\n%s", left.Sources, left.Secret, left.Doc)
	}
	// Back into the same bot: both known.
	if res, err := a.Import(ctx, left.Doc); err != nil || res.Known != 2 || len(res.Added) != 0 || res.NoPassword != 0 {
		t.Errorf("the redacted export into its own bot = %+v, %v; want both known", res, err)
	}
	// Into another: the plain feed added, the one without its password skipped.
	b, bst := newService(t, finder(srv, false, hosts), nil)
	res, err := b.Import(ctx, left.Doc)
	if err != nil || len(res.Added) != 1 || res.NoPassword != 1 || res.Added[0].Name != "Plain" {
		t.Errorf("the redacted export into another bot = %+v, %v; want Plain added, Members skipped", res, err)
	}
	srcs, err := bst.ListSources(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range srcs {
		if strings.Contains(s.URL, sources.RedactedPassword) {
			t.Errorf("imported %q with the placeholder for a password", s.URL)
		}
	}
}
