package bot

import (
	"encoding/json"
	"hash/fnv"
	"sync"

	"github.com/newshound/newshound/news"
)

// maxShown bounds the alerts whose shown text the sender remembers (about
// 40 bytes each): the latest ones, which are those an "Also:" edit comes for.
const maxShown = 8192

// shownAlerts remembers what each recent alert message shows (its text,
// buttons and preview, hashed), as sent or as last edited. An "Also:" edit
// is rendered when it is sent, from every other source known by then: when
// two outlets of one story arrive in one poll, two edits are queued, and
// the first already names both. The second would show the same, and
// Telegram would refuse it ("message is not modified") after a call and a
// turn of the chat's rate: it is recorded as done without the call. Lost at
// a restart, which costs at most that one call. Safe for concurrent use.
type shownAlerts struct {
	mu   sync.Mutex
	sums map[shownKey]uint64
	ring []shownKey
	next int
}

// shownKey is one message of one chat.
type shownKey struct {
	chat int64
	id   int
}

// showing is what out makes a message show.
func showing(out Outgoing) uint64 {
	h := fnv.New64a()
	h.Write([]byte(out.Text))
	if out.Plain {
		h.Write([]byte{0})
	}
	if b, err := json.Marshal(struct {
		B [][]Button
		P *LinkPreview
	}{out.Buttons, out.Preview}); err == nil {
		h.Write(b)
	}
	return h.Sum64()
}

// note records that message id of chat shows out now.
func (s *shownAlerts) note(chat int64, id int, out Outgoing) {
	if id == 0 {
		return
	}
	sum, key := showing(out), shownKey{chat, id}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sums == nil {
		s.sums, s.ring = make(map[shownKey]uint64, maxShown), make([]shownKey, 0, maxShown)
	}
	if _, ok := s.sums[key]; !ok {
		if len(s.ring) < maxShown {
			s.ring = append(s.ring, key)
		} else {
			delete(s.sums, s.ring[s.next])
			s.ring[s.next] = key
			s.next = (s.next + 1) % maxShown
		}
	}
	s.sums[key] = sum
}

// shows reports whether message id of chat is known to show out already.
func (s *shownAlerts) shows(chat int64, id int, out Outgoing) bool {
	s.mu.Lock()
	sum, ok := s.sums[shownKey{chat, id}]
	s.mu.Unlock()
	return ok && sum == showing(out)
}

// alertShown notes what a delivered alert or "Also:" edit shows now.
func (s *Sender) alertShown(d *delivery, telegramID int) {
	if d.head.Kind == news.KindAlert || (d.head.Kind == news.KindEdit && d.head.Text == "") {
		s.shown.note(d.out.ChatID, telegramID, d.out)
	}
}
