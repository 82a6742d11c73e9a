package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/internal/feedtest"
	"github.com/newshound/newshound/internal/testkit"
	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/news"
)

// TestConsoleSpeaksTheTerminalsLanguage runs console mode with LANG set to
// Russian: the banner, the prompt, the first-fetch line, a reply and
// /status speak Russian.
func TestConsoleSpeaksTheTerminalsLanguage(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	cfgPath := writeConsoleConfig(t, t.TempDir(), feed.URL)
	env := map[string]string{"LANG": "ru_RU.UTF-8"}
	c := startConsole(t, cfgPath, time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC), func(k string) string { return env[k] })
	out := c.out
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool { return strings.Contains(out.String(), "Первая загрузка завершена") })
	for _, want := range []string{
		"Консоль Newshound: к опросу 1 источник, опрос каждые 1 ч.", // the span in Russian units, not "1h"
		"Консоль Newshound. Наберите /help",
		"Журнал: ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	c.send("/subscribe kursk\n/status\n")
	testkit.WaitWithin(t, "the replies", 5*time.Second, func() bool {
		return strings.Contains(out.String(), "Подписка оформлена (#1): kursk") && strings.Contains(out.String(), "Источники: 1 источник.")
	})
	if !strings.Contains(out.String(), "Следующая загрузка в ") {
		t.Errorf("/status or the first-fetch line is not in Russian:\n%s", out)
	}
	c.stop()
}

func TestEnvLanguage(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{}, ""},
		{map[string]string{"LANG": "ru_RU.UTF-8"}, "ru-RU"},
		{map[string]string{"LANG": "de_DE@euro"}, "de-DE"},
		{map[string]string{"LANG": "ru_RU.UTF-8", "LC_ALL": "C"}, ""},
		{map[string]string{"LANG": "en_US.UTF-8", "LC_MESSAGES": "es_ES.UTF-8"}, "es-ES"},
	} {
		if got := envLanguage(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("envLanguage(%v) = %q, want %q", tt.env, got, tt.want)
		}
	}
}

func TestStatusAndVersionInTheChatsLanguage(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 30, 0, time.UTC)}
	st := &fakeWatchStore{}
	w := newWatch(st, nopObs{}, nopObs{}, clock.Now)
	w.nextPoll = everyMinute
	w.Stored(3)
	w.PollTook(time.Second)
	s, err := w.Status(locale.WithLanguage(context.Background(), "es"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Fuentes: 0 fuentes.", "Añade una: /addsource URL", "guardados desde el inicio: 3 artículos", "Consultas terminadas: 1"} {
		if !strings.Contains(s, want) {
			t.Errorf("Spanish status lacks %q:\n%s", want, s)
		}
	}
	st.sources = []news.Source{{Name: "Wire"}}
	if s, err := w.Status(locale.WithLanguage(context.Background(), "es")); err != nil || !strings.Contains(s, "Próxima descarga a las 12:00:30 UTC (Wire).") || !strings.Contains(s, "Aún sin descargar: Wire;") {
		t.Errorf("Spanish status with a source = %q, %v", s, err)
	}
	b := build{version: "v1.2.3", commit: "abc", dirty: true, goVersion: "go1.26"}
	if got := versionText(locale.For("de"), b); got != "v1.2.3 (Commit: abc mit lokalen Änderungen, Build-Datum: unbekannt, go1.26)" {
		t.Errorf("German version = %q", got)
	}
	if got := versionText(locale.For("en"), build{version: "devel"}); got != "devel (commit unknown, built unknown)" {
		t.Errorf("English version = %q", got)
	}
}

// A Russian operator read "Первый опрос сохранил 1 статья" in /status: the
// counted noun is nominative, so the sentence around it must take a
// nominative ("в архиве 1 статья", "2 статьи", "5 статей").
func TestRussianStatusCountsAgreeWithTheirSentence(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 11, 29, 12, 0, 30, 0, time.UTC)}
	for _, tc := range []struct {
		stored int
		want   string
	}{
		{1, "в архиве 1 статья"},
		{2, "в архиве 2 статьи"},
		{5, "в архиве 5 статей"},
		{21, "в архиве 21 статья"},
	} {
		w := newWatch(&fakeWatchStore{}, nopObs{}, nopObs{}, clock.Now)
		w.nextPoll = everyMinute
		w.Stored(tc.stored)
		w.PollTook(time.Second)
		s, err := w.Status(locale.WithLanguage(context.Background(), "ru"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(s, "с запуска сохранено: "+strings.TrimPrefix(tc.want, "в архиве ")) {
			t.Errorf("Russian status after storing %d:\n%s\nwants %q", tc.stored, s, tc.want)
		}
		p := locale.For("ru")
		if line := p.Sprintf("First fetch done: stored %s (the backlog, not alerted).", p.Count(tc.stored, "%d articles")); !strings.Contains(line, tc.want) {
			t.Errorf("Russian console line after storing %d = %q, wants %q", tc.stored, line, tc.want)
		}
	}
}

// TestConsoleKeepsTheChosenLanguageAfterARestart: /language ru in an
// English terminal, Ctrl-D, and a restart: the banner and the first-fetch
// line speak Russian, the chat's stored choice, not the terminal's English.
func TestConsoleKeepsTheChosenLanguageAfterARestart(t *testing.T) {
	feed := feedtest.New(t, "testdata/feeds/world-v1.xml", "application/rss+xml")
	cfgPath := writeConsoleConfig(t, t.TempDir(), feed.URL)
	start := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	c := startConsole(t, cfgPath, start, nil)
	c.send("/language ru\n")
	testkit.WaitWithin(t, "the language reply", 5*time.Second, func() bool { return strings.Contains(c.out.String(), "русский") })
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool {
		return strings.Contains(c.out.String(), "First fetch done") || strings.Contains(c.out.String(), "Первая загрузка завершена")
	})
	c.stop()
	c = startConsole(t, cfgPath, start.Add(time.Hour), nil)
	testkit.WaitWithin(t, "the first fetch", 15*time.Second, func() bool {
		return strings.Contains(c.out.String(), "Первая загрузка завершена") || strings.Contains(c.out.String(), "First fetch done")
	})
	c.stop()
	out := c.out.String()
	for _, english := range []string{"Newshound console:", "First fetch done", "Next fetch at"} {
		if strings.Contains(out, english) {
			t.Errorf("after /language ru and a restart the console still says %q:\n%s", english, out)
		}
	}
	if !strings.Contains(out, "Консоль Newshound:") {
		t.Errorf("the banner should be Russian:\n%s", out)
	}
}
