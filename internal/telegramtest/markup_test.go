package telegramtest

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
)

func TestCheckMarkupRefusesWhatTelegramRefuses(t *testing.T) {
	keyboard := func(n int, data, text string) string {
		var row []map[string]string
		for range n {
			row = append(row, map[string]string{"text": text, "callback_data": data})
		}
		b, err := json.Marshal(map[string]any{"inline_keyboard": [][]map[string]string{row}})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	tests := []struct {
		name   string
		markup string
		want   string // "" = accepted
	}{
		{"none", "", ""},
		{"100 buttons", keyboard(100, "mu:1", "x"), ""},
		{"101 buttons", keyboard(101, "mu:1", "x"), "Bad Request: reply markup is too long"},
		{"over 10 KB", keyboard(90, "mu:1", strings.Repeat("t", 120)), "Bad Request: reply markup is too long"},
		{"64-byte data", keyboard(1, strings.Repeat("d", 64), "x"), ""},
		{"65-byte data", keyboard(1, strings.Repeat("d", 65), "x"), "Bad Request: BUTTON_DATA_INVALID"},
		{"empty data", keyboard(1, "", "x"), "Bad Request: BUTTON_DATA_INVALID"},
		{"a URL button", `{"inline_keyboard":[[{"text":"x","url":"https://x.example/"}]]}`, ""},
		{"not JSON", `{"inline_keyboard":`, "Bad Request: can't parse reply keyboard markup JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := url.Values{}
			if tt.markup != "" {
				p.Set("reply_markup", tt.markup)
			}
			rep := checkMarkup(p)
			switch {
			case tt.want == "" && rep != nil:
				t.Fatalf("refused: %v", rep.Description)
			case tt.want != "" && rep == nil:
				t.Fatal("accepted")
			case tt.want != "" && rep.Description != tt.want:
				t.Fatalf("refused %q, want %q", rep.Description, tt.want)
			}
		})
	}
}
