package settings

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newshound/newshound/news"
)

// ErrPreviewChoice is returned by SetPreview for a choice it does not know.
var ErrPreviewChoice = errors.New("link previews are on, off, large, small or above")

// SetPreview sets how the chat's alerts show the article's link preview:
// "on" (Telegram's choice of size, below the text), "large", "small",
// "above" (above the text), a size and "above" together ("large above",
// stored so, the size first) or "off". It returns the choice as stored (""
// for off) and fails with ErrPreviewChoice for anything else (nothing
// changes), or when the database fails.
func (s *Service) SetPreview(ctx context.Context, chatID int64, choice string) (string, error) {
	words := strings.Fields(strings.ToLower(choice))
	v := strings.Join(words, " ")
	switch {
	case v == "off" || v == "none" || v == "no":
		v = ""
	case v == news.PreviewOn || v == news.PreviewLarge || v == news.PreviewSmall || v == news.PreviewAbove:
	case len(words) == 2 && slices.Contains(words, news.PreviewAbove) && (slices.Contains(words, news.PreviewLarge) || slices.Contains(words, news.PreviewSmall)):
		size := words[0]
		if size == news.PreviewAbove {
			size = words[1]
		}
		v = size + " " + news.PreviewAbove
	default:
		return "", ErrPreviewChoice
	}
	if err := s.opts.Store.SetChatPreview(ctx, chatID, v); err != nil {
		return "", fmt.Errorf("set link previews: %w", err)
	}
	return v, nil
}

// Preview returns the chat's link-preview choice ("" for off); it fails
// with news.ErrNotFound for an unknown chat, or when the database fails.
func (s *Service) Preview(ctx context.Context, chatID int64) (string, error) {
	c, err := s.opts.Store.FindChatDelivery(ctx, chatID)
	if err != nil {
		return "", fmt.Errorf("link previews: %w", err)
	}
	return c.Preview, nil
}
