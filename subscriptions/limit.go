package subscriptions

import (
	"fmt"

	"github.com/newshound/newshound/news"
)

// LimitError is the error of a subscription the chat has no room for: it
// holds Max subscriptions already. It is news.ErrLimit for errors.Is, and
// carries the limit so that the user can be told it.
type LimitError struct {
	Max int // subscriptions.max_per_chat
}

// Error says the limit.
func (e *LimitError) Error() string {
	return fmt.Sprintf("the chat holds %d subscriptions already: %v", e.Max, news.ErrLimit)
}

// Unwrap returns news.ErrLimit.
func (e *LimitError) Unwrap() error { return news.ErrLimit }
