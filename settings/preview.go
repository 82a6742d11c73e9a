package settings

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newshound/newshound/news"
)

// ErrPreviewChoice is returned by SetPreview for a choice it does not know.
var ErrPreviewChoice = errors.New("link previews are on, off, large, small or above")

// SetPreview sets how the chat's alerts show the article's link preview:
// "on" (Telegram's choice of size, below the text), "large", "small",
// "above" (above the text) or "off". It returns the choice as stored ("" for
// off) and fails with ErrPreviewChoice for anything else (nothing changes),
// or when the database fails.
func (s *Service) SetPreview(ctx context.Context, chatID int64, choice string) (string, error) {
	v := strings.ToLower(strings.TrimSpace(choice))
	switch v {
	case "off", "none", "no":
		v = ""
	case news.PreviewOn, news.PreviewLarge, news.PreviewSmall, news.PreviewAbove:
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
