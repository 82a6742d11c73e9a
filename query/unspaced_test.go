package query

import (
	"slices"
	"testing"
)

// "北朝鮮ミサイル" is one exact phrase, which "北朝鮮のミサイル" does not match: a long run typed without spaces is
// pointed out, with the run spaced where its script changes.
func TestUnspacedRuns(t *testing.T) {
	tests := []struct {
		text string
		want []UnspacedRun
	}{
		{"北朝鮮ミサイル", []UnspacedRun{{"北朝鮮ミサイル", "北朝鮮 ミサイル"}}},
		{"kursk 北朝鮮のミサイル発射", []UnspacedRun{{"北朝鮮のミサイル発射", "北朝鮮 の ミサイル 発射"}}},
		{"朝鲜发射导弹", []UnspacedRun{{"朝鲜发射导弹", ""}}},                 // Chinese: no script change to split at
		{"title:北朝鮮ミサイル", []UnspacedRun{{"北朝鮮ミサイル", "北朝鮮 ミサイル"}}}, // the field's word
		{"北朝鮮 ミサイル", nil},  // spaced
		{`"北朝鮮ミサイル"`, nil}, // quoted: exact, as asked
		{"コミュニケーション", nil}, // one katakana word
		{"北朝鮮", nil},       // short
		{"kursk deminers", nil},
		{`unclosed "北朝鮮ミサイル`, nil},
	}
	for _, tt := range tests {
		if got := UnspacedRuns(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("UnspacedRuns(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
