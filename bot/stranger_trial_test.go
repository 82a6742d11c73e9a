package bot

import (
	"strings"
	"testing"
	"time"
)

// A stranger's /addsource of a feed on their own network was told only
// that the address is not public: the refusal now names the two ways in,
// the configuration's [[sources]] and telegram.allow_private_urls, in the
// chat's language.
func TestAddSourceOfAPrivateAddressSaysHowToFollowIt(t *testing.T) {
	srv := newSiteServer(t)
	h := newHarness(t, withSites(srv, false, nil), withLanguages)
	got := h.reply(operator, "private", operator, "/addsource http://192.168.1.5/feed.xml").Text()
	for _, want := range []string{"⛔", "[[sources]]", "allow_private_urls = true", "[telegram]"} {
		if !strings.Contains(got, want) {
			t.Errorf("/addsource of a LAN address → %q, lacks %q", got, want)
		}
	}
	h.clock.Advance(20 * time.Second)
	if got := h.replyAs(operator, "private", operator, "de", "/addsource http://10.0.0.1/feed.xml"); !strings.Contains(got, "eigenen Netz") || !strings.Contains(got, "allow_private_urls") {
		t.Errorf("German refusal → %q", got)
	}
}
