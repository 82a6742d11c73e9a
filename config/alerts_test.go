package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAlertsValidation(t *testing.T) {
	tests := []struct {
		name    string
		toml    string
		wantKey string // "" = valid
	}{
		{"defaults", "", ""},
		{"hold", "[alerts]\nquiet_mode = \"hold\"\n", ""},
		{"unknown quiet mode", "[alerts]\nquiet_mode = \"loud\"\n", "alerts.quiet_mode"},
		{"burst_max zero", "[alerts]\nburst_max = 0\n", "alerts.burst_max"},
		{"dedup off", "[alerts]\ndedup_window = \"0s\"\n", ""},
		{"threshold above 1", "[alerts]\ndedup_threshold = 1.5\n", "alerts.dedup_threshold"},
		{"rates for a local Bot API server", "[telegram]\nglobal_per_second = 1000.0\nchat_per_second = 100.0\ngroup_per_minute = 6000.0\n", ""},
		{"zero rate", "[telegram]\nchat_per_second = 0.0\n", "telegram.chat_per_second"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.toml")
			if err := os.WriteFile(path, []byte(tt.toml), 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := Load(path, nil)
			if tt.wantKey == "" {
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				return
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Key != tt.wantKey || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Load error = %v, want one naming %s", err, tt.wantKey)
			}
		})
	}
}

func TestExampleConfigDocumentsDeliveryKeys(t *testing.T) {
	data, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"global_per_second", "chat_per_second", "group_per_minute", "burst_max", "dedup_window", "dedup_threshold", "quiet_mode"} {
		if !strings.Contains(string(data), "\n"+key+" = ") {
			t.Errorf("config.example.toml does not document %s", key)
		}
	}
	if _, err := Load("../config.example.toml", nil); err != nil {
		t.Errorf("config.example.toml does not load: %v", err)
	}
}
