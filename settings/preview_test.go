package settings_test

import (
	"errors"
	"testing"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/settings"
)

func TestSetPreview(t *testing.T) {
	tests := []struct {
		name, choice, want string
		err                error
	}{
		{"on", "on", news.PreviewOn, nil},
		{"large, any case", " LARGE ", news.PreviewLarge, nil},
		{"small", "small", news.PreviewSmall, nil},
		{"above", "above", news.PreviewAbove, nil},
		{"off", "off", "", nil},
		// A size and a place together: README reads "large or small choose
		// the picture's size, above puts it above", and "/preview large
		// above" was refused.
		{"large above", "large above", "large above", nil},
		{"above and small, any order and case", " Above  SMALL", "small above", nil},
		{"two sizes", "large small", news.PreviewSmall, settings.ErrPreviewChoice},
		{"on and a size", "on large", news.PreviewSmall, settings.ErrPreviewChoice},
		{"above twice", "above above", news.PreviewSmall, settings.ErrPreviewChoice},
		{"nonsense changes nothing", "sideways", news.PreviewSmall, settings.ErrPreviewChoice},
	}
	f := newFixture(t, "")
	prev := ""
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.err != nil { // the chat holds a choice that must survive
				if _, err := f.svc.SetPreview(f.ctx, 7, "small"); err != nil {
					t.Fatal(err)
				}
			}
			_, err := f.svc.SetPreview(f.ctx, 7, tt.choice)
			if !errors.Is(err, tt.err) {
				t.Fatalf("SetPreview(%q) = %v, want %v", tt.choice, err, tt.err)
			}
			got, err := f.svc.Preview(f.ctx, 7)
			if err != nil || got != tt.want {
				t.Fatalf("Preview = %q, %v; want %q (before: %q)", got, err, tt.want, prev)
			}
			prev = got
		})
	}
	if _, err := f.svc.SetPreview(f.ctx, 99, "on"); !errors.Is(err, news.ErrNotFound) {
		t.Errorf("SetPreview on an unknown chat: %v, want news.ErrNotFound", err)
	}
}
