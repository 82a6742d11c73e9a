package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
)

// TestConsoleSaysHowToComeBackAndFollowsTheTerminalAfterAuto: the console
// ended on its prompt at Ctrl-D, and a stranger did not know whether what
// they set was kept, nor how to come back: its last line says both, in the
// chat's language. A chat that went back to the terminal's language
// (/language auto) speaks the next terminal's LANG, banner included: it
// kept the English of the run it said "auto" in. And German's "Std." ends
// the banner's sentence with one full stop, not "Std.. Der".
func TestConsoleSaysHowToComeBackAndFollowsTheTerminalAfterAuto(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	dir := t.TempDir()
	cfgPath := writeConsoleConfig(t, dir, feed.URL)
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	c := startConsole(t, cfgPath, start, nil)
	c.send("/language de\n")
	testkit.WaitWithin(t, "the language reply", 5*time.Second, func() bool { return strings.Contains(c.out.String(), "Deutsch") })
	c.send("/language auto\n")
	testkit.WaitWithin(t, "the auto reply", 5*time.Second, func() bool { return strings.Contains(c.out.String(), "your terminal's language (LANG)") })
	c.stop()
	db := filepath.Join(dir, "console.db")
	if want := "Stopped. Your subscriptions are kept in " + db + "; to come back, run "; !strings.Contains(c.out.String(), want) {
		t.Errorf("the console's last line lacks %q:\n%s", want, c.out.String())
	}
	if !strings.HasSuffix(strings.TrimSpace(c.out.String()), "-config "+cfgPath) {
		t.Errorf("the way back should name the configuration:\n%s", c.out.String())
	}

	env := map[string]string{"LANG": "de_DE.UTF-8"}
	c = startConsole(t, cfgPath, start.Add(time.Hour), func(k string) string { return env[k] })
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(c.out.String(), "Erster Abruf") })
	c.stop()
	out := c.out.String()
	banner, _, _ := strings.Cut(strings.TrimSpace(out), "\n")
	if !strings.Contains(out, "Newshound-Konsole: 1 Quelle") || strings.Contains(banner, "..") {
		t.Errorf("the banner should be German, with one full stop after the abbreviation:\n%s", out)
	}
	if want := locale.For("de").Sprintf("Stopped. Your subscriptions are kept in %s; to come back, run %s", db, ""); !strings.Contains(out, strings.TrimSpace(want)) {
		t.Errorf("the last line should be German (%q):\n%s", want, out)
	}
}

func TestFileSourcesNamesTheirOrigin(t *testing.T) {
	m := &Main{}
	if got := m.fileSources(); !got.BuiltIn {
		t.Errorf("no -config: %+v, want the built-in list", got)
	}
	m.configPath = "my.toml"
	if got := m.fileSources(); got.File != absPath("my.toml") || !filepath.IsAbs(got.File) {
		t.Errorf("-config my.toml: %+v, want its full path", got)
	}
	m.demo = true
	if got := m.fileSources(); !got.Demo {
		t.Errorf("-demo: %+v", got)
	}
}
