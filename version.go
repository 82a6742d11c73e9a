package main

import (
	"context"
	"runtime/debug"

	"github.com/newshound/newshound/locale"
)

// Set at build time by scripts/build-static.sh:
// -ldflags "-X main.version=v1.2.3 -X main.commit=abc123 -X main.buildDate=2026-11-29T18:00:00Z".
var (
	version   = ""
	commit    = ""
	buildDate = ""
)

// build is what this binary knows of its making.
type build struct {
	version, commit, date, goVersion string // "" = unknown
	dirty                            bool
}

// buildOf returns the ldflags values when stamped, else what the Go
// toolchain recorded (debug.ReadBuildInfo: module version, vcs.revision,
// vcs.time), the commit cut to 12 characters.
func buildOf() build {
	b := build{version: version, commit: commit, date: buildDate}
	if bi, ok := debug.ReadBuildInfo(); ok {
		b.goVersion = bi.GoVersion
		if b.version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			b.version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if b.commit == "" {
					b.commit = s.Value
				}
			case "vcs.time":
				if b.date == "" {
					b.date = s.Value
				}
			case "vcs.modified":
				b.dirty = s.Value == "true"
			}
		}
	}
	if b.version == "" {
		b.version = "devel"
	}
	if len(b.commit) > 12 {
		b.commit = b.commit[:12]
	}
	return b
}

// versionString is the version, commit and build date of this binary, for
// newshound -version: "v1.2.3 (commit abc123def456, built 2026-…, go1.26)".
func versionString() string {
	return versionText(locale.For(locale.English), buildOf())
}

// versionReply is /version's text in the language ctx carries.
func versionReply(ctx context.Context) string {
	return versionText(locale.FromContext(ctx), buildOf())
}

// versionText writes b in p's language.
func versionText(p locale.Printer, b build) string {
	commit, date := b.commit, b.date
	if commit == "" {
		commit = p.Sprintf("unknown")
	} else if b.dirty {
		commit = p.Sprintf("%s with local changes", commit)
	}
	if date == "" {
		date = p.Sprintf("unknown")
	}
	if b.goVersion == "" {
		return p.Sprintf("%s (commit %s, built %s)", b.version, commit, date)
	}
	return p.Sprintf("%s (commit %s, built %s, %s)", b.version, commit, date, b.goVersion)
}
