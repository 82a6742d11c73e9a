package config

import (
	"strings"
	"testing"
)

// log.file written as the database's path (a copy-paste of storage.path):
// the log opened the file first, and the start refused it as an empty
// database, advising to delete it, at every start. The configuration
// names the mistake and a file for the log.
func TestLogFileIsNotTheDatabase(t *testing.T) {
	for _, body := range []string{
		"[storage]\npath = \"/var/lib/newshound/newshound.db\"\n[log]\nfile = \"/var/lib/newshound/newshound.db\"\n",
		"[storage]\npath = \"nh.db\"\n[log]\nfile = \"./nh.db-wal\"\n",
	} {
		_, err := Load(writeConfig(t, body), nil)
		if err == nil || !strings.Contains(err.Error(), "log.file") || !strings.Contains(err.Error(), "is storage.path's database file") || !strings.Contains(err.Error(), "newshound.log") {
			t.Errorf("%s: error %v, want log.file named as the database's file, with a file for the log", body, err)
		}
	}
	if _, err := Load(writeConfig(t, "[storage]\npath = \"nh.db\"\n[log]\nfile = \"nh.log\"\n"), nil); err != nil {
		t.Errorf("a log of its own: %v", err)
	}
}
