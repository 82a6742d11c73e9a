package bot

import (
	"sync"
	"time"
)

// recentSet remembers keys for ttl, in memory and bounded by max: the
// search pages More has sent, the edited messages answered. After a
// restart it is empty, so at worst something is done twice.
type recentSet[K comparable] struct {
	ttl time.Duration
	max int // past it, the expired keys go, and if none has, all go

	mu   sync.Mutex
	seen map[K]time.Time
}

// first reports whether key was not recorded within ttl before now (or was
// recorded at a time after now: the clock stepped back), and records it at
// now.
func (s *recentSet[K]) first(key K, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if at, ok := s.seen[key]; ok && now.Sub(at) < s.ttl && !now.Before(at) {
		return false
	}
	if s.seen == nil {
		s.seen = map[K]time.Time{}
	}
	if len(s.seen) >= s.max {
		for k, at := range s.seen {
			if now.Sub(at) >= s.ttl {
				delete(s.seen, k)
			}
		}
		if len(s.seen) >= s.max {
			clear(s.seen)
		}
	}
	s.seen[key] = now
	return true
}
