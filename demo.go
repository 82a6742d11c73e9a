package main

import (
	_ "embed"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/newshound/newshound/config"
)

// demoNews are the made-up news items of -demo (all about the fictional
// town of Port Meridian).
//
//go:embed demo/news.json
var demoNews []byte

// demoItem is one bundled news item.
type demoItem struct {
	Title string `json:"title"`
	Text  string `json:"text"`
}

// demoBacklog is how many items the demo feed shows at its first fetch, the
// backlog that is stored but not alerted; every later fetch shows one more.
const demoBacklog = 4

// demoSchedule is the demo's poll schedule: a new story every few seconds.
const demoSchedule = "@every 3s"

// demoFeed serves the bundled items as an RSS feed that grows by one item at
// each request, as a newsroom publishing would.
type demoFeed struct {
	items []demoItem
	now   func() time.Time

	mu    sync.Mutex
	shown int
}

func newDemoFeed(now func() time.Time) (*demoFeed, error) {
	var items []demoItem
	if err := json.Unmarshal(demoNews, &items); err != nil {
		return nil, fmt.Errorf("demo news: %w", err)
	}
	return &demoFeed{items: items, now: now, shown: demoBacklog - 1}, nil
}

func (f *demoFeed) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.shown = min(f.shown+1, len(f.items))
	shown := f.shown
	f.mu.Unlock()
	type item struct {
		Title   string `xml:"title"`
		Link    string `xml:"link"`
		GUID    string `xml:"guid"`
		PubDate string `xml:"pubDate"`
		Desc    string `xml:"description"`
	}
	var channel struct {
		XMLName xml.Name `xml:"rss"`
		Version string   `xml:"version,attr"`
		Title   string   `xml:"channel>title"`
		Link    string   `xml:"channel>link"`
		Items   []item   `xml:"channel>item"`
	}
	channel.Version, channel.Title, channel.Link = "2.0", "Meridian Gazette (demo)", "http://"+r.Host+"/"
	now := f.now()
	for i := shown - 1; i >= 0; i-- { // newest first
		it := f.items[i]
		channel.Items = append(channel.Items, item{Title: it.Title, Link: fmt.Sprintf("http://%s/story/%d", r.Host, i+1),
			GUID: fmt.Sprintf("meridian-demo-%d", i+1), PubDate: now.Add(time.Duration(i-shown) * time.Minute).Format(time.RFC1123Z), Desc: it.Text})
	}
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	fmt.Fprint(w, xml.Header)
	_ = xml.NewEncoder(w).Encode(channel)
}

// demo is a running -demo setup: the feed server and a scratch folder for
// the database and the log, both removed by close.
type demo struct {
	srv *httptest.Server
	dir string
}

func (d *demo) close() {
	d.srv.Close()
	os.RemoveAll(d.dir)
}

// demoConfig starts the bundled feed on a loopback port and returns a
// console configuration that polls it every few seconds, with its database
// in a scratch folder. It fails when the folder cannot be made.
func demoConfig(now func() time.Time) (config.Config, *demo, error) {
	feed, err := newDemoFeed(now)
	if err != nil {
		return config.Config{}, nil, err
	}
	dir, err := os.MkdirTemp("", "newshound-demo-")
	if err != nil {
		return config.Config{}, nil, fmt.Errorf("demo: %w", err)
	}
	d := &demo{srv: httptest.NewServer(feed), dir: dir}
	cfg := config.Defaults()
	cfg.Telegram.Token = "" // the demo is always the console
	cfg.Storage.Path = filepath.Join(dir, "demo.db")
	cfg.Poller.Schedule = demoSchedule
	cfg.Sources = []config.Source{{Name: "Meridian Gazette (demo)", URL: d.srv.URL + "/feed.xml"}}
	return cfg, d, nil
}

// demoBanner is what the console prints first in -demo.
const demoBanner = "Newshound demo: everything runs on this machine. A made-up newsroom, the Meridian Gazette, " +
	"publishes a story every 3 seconds.\nTry: /subscribe meridian   (or /subscribe storm OR flood), then wait for the alerts. " +
	"/status shows what is going on, /help every command, Ctrl-D quits."
