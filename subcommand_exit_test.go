package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// The maintenance commands exited 1 for everything, though -h says 2 is a
// wrong command line and 78 a configuration error: a backup script or a
// timer unit could not tell a typo from a failed copy.
func TestSubcommandsExitAsTheHelpSays(t *testing.T) {
	bin := builtBinary(t)
	dir := t.TempDir()
	bad := writeConfig(t, filepath.Join(dir, "bad.toml"), "[storage]\npaht = \"x.db\"\n")
	for _, c := range []struct {
		name string
		args []string
		want int
	}{
		{"backup without DEST", []string{"backup"}, exitUsage},
		{"restore with two backups", []string{"restore", "a.db", "b.db"}, exitUsage},
		{"vacuum with an unknown flag", []string{"vacuum", "-force"}, exitUsage},
		{"backup with a bad configuration", []string{"backup", "-config", bad, filepath.Join(dir, "copy.db")}, exitConfig},
		{"vacuum with no configuration file", []string{"vacuum", "-config", filepath.Join(dir, "none.toml")}, exitConfig},
		{"backup of no database", []string{"backup", filepath.Join(dir, "copy.db")}, 1},
		{"vacuum -h", []string{"vacuum", "-h"}, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, c.args...)
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir}
			if got, out := exitStatusOf(t, cmd); got != c.want {
				t.Errorf("newshound %v: exit status %d, want %d\n%s", c.args, got, c.want, out)
			}
		})
	}
}
