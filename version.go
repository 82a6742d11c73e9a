package main

import (
	"fmt"
	"runtime/debug"
	"strings"
)

// Set at build time by scripts/build-static.sh:
// -ldflags "-X main.version=v1.2.3 -X main.commit=abc123 -X main.buildDate=2026-11-29T18:00:00Z".
var (
	version   = ""
	commit    = ""
	buildDate = ""
)

// versionString is the version, commit and build date of this binary: the
// ldflags values when stamped, else what the Go toolchain recorded
// (debug.ReadBuildInfo: module version, vcs.revision, vcs.time).
func versionString() string {
	v, commit, date, dirty, goVersion := version, commit, buildDate, false, ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		goVersion = bi.GoVersion
		if v == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if commit == "" {
					commit = s.Value
				}
			case "vcs.time":
				if date == "" {
					date = s.Value
				}
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	if len(commit) > 12 {
		commit = commit[:12]
	}
	if commit == "" {
		commit = "unknown"
	} else if dirty {
		commit += "+changes"
	}
	if date == "" {
		date = "unknown"
	}
	parts := []string{"commit " + commit, "built " + date}
	if goVersion != "" {
		parts = append(parts, goVersion)
	}
	return fmt.Sprintf("%s (%s)", v, strings.Join(parts, ", "))
}
