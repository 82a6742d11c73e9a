package main

import (
	"bytes"
	"errors"
	"flag"
	"strings"
	"testing"
)

// -h lists the flags and then the lines stdin takes (the same text as typing
// help), fault lines included: a stranger need not start the fake to learn
// them.
func TestHelpFlagListsTheLines(t *testing.T) {
	fs := flag.NewFlagSet("faketelegram", flag.ContinueOnError)
	var out bytes.Buffer
	fs.SetOutput(&out)
	defineFlags(fs)
	if err := fs.Parse([]string{"-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: %v, want flag.ErrHelp", err)
	}
	got := out.String()
	for _, want := range []string{"-listen", "-config", "chat CHAT TYPE TEXT", "press CHAT DATA", "sleep DURATION", strings.SplitN(strings.TrimSpace(faultHelp), "\n", 2)[0]} {
		if !strings.Contains(got, want) {
			t.Errorf("-h does not list %q:\n%s", want, got)
		}
	}
}
