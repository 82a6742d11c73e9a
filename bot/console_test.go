package bot

import (
	"context"
	"strings"
	"testing"
)

func TestConsolePrintsDocuments(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
		want []string
		not  []string
	}{
		{"text", Document{Name: "newshound-sources.opml", Data: []byte("<opml>\n<body/>\n</opml>\n")},
			[]string{"📎 newshound-sources.opml (23 bytes)", "2 sources, as OPML", "<opml>\n<body/>\n</opml>"}, nil},
		{"binary", Document{Name: "x.bin", Data: []byte{0xff, 0xfe, 0}},
			[]string{"📎 x.bin (3 bytes)", "2 sources, as OPML"}, []string{"\xff"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := &syncWriter{}
			c := NewConsole(strings.NewReader(""), out)
			if _, err := c.Send(context.Background(), Outgoing{ChatID: ConsoleChatID, Text: "<b>2 sources</b>, as OPML", Document: &tt.doc}); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("printed %q, want %q in it", got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("printed %q, want no %q", got, n)
				}
			}
		})
	}
}
