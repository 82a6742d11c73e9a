package bot

import "time"

// shownPagesTTL is how long a search page sent by a More press is
// remembered: a second press of the same More in that time (a double tap,
// or two members of a group) is answered "already above" instead of
// sending the page again.
const shownPagesTTL = 10 * time.Minute

// shownPagesMax bounds the memory: past it, entries older than the TTL go,
// and if none is that old, all go (at worst a page is sent twice).
const shownPagesMax = 10000

// shownPages remembers the search pages More has sent, by chat, search and
// page. It lives in memory: after a restart a press sends the page again.
type shownPages struct{ sent recentSet[[3]int64] }

func newShownPages() *shownPages {
	return &shownPages{sent: recentSet[[3]int64]{ttl: shownPagesTTL, max: shownPagesMax}}
}

// first records the page as sent at now and reports whether it was not
// already sent within shownPagesTTL.
func (s *shownPages) first(chat, search, page int64, now time.Time) bool {
	return s.sent.first([3]int64{chat, search, page}, now)
}
