package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// A pause is a wait Telegram asked for with a 429 (retry_after), for one
// chat or for all sending (chat 0), kept among the per-database values of
// secrets (no table of its own), so that a restart does not send into a
// wait still running. Its value is "until wait" in seconds: a pause read
// back ends at until, but no later than wait after the read, so a clock
// set back does not lengthen it.

// pausePrefix starts the secrets names of pauses; the chat id follows.
const pausePrefix = "pause "

// SavePause records that Telegram asked sending to chatID (0: all chats) to
// wait until until, wait after it asked. It fails when the database
// refuses the write.
func (s *Store) SavePause(ctx context.Context, chatID int64, until time.Time, wait time.Duration) error {
	v := strconv.FormatInt(until.Unix(), 10) + " " + strconv.FormatInt(int64(wait/time.Second), 10)
	if err := s.putKeyed(ctx, pausePrefix, chatID, []byte(v)); err != nil {
		return fmt.Errorf("record the pause of chat %d: %w", chatID, err)
	}
	return nil
}

// Pauses returns the pauses SavePause recorded that still run at now, by
// chat id (0: all chats), and deletes those that ended. It fails when the
// database cannot be read.
func (s *Store) Pauses(ctx context.Context, now time.Time) (map[int64]time.Time, error) {
	kept, over, err := s.keyed(ctx, pausePrefix)
	if err != nil {
		return nil, fmt.Errorf("read the pauses: %w", err)
	}
	out := map[int64]time.Time{}
	for id, v := range kept {
		untilText, waitText, _ := strings.Cut(string(v), " ")
		untilUnix, err1 := strconv.ParseInt(untilText, 10, 64)
		wait, err2 := strconv.ParseInt(waitText, 10, 64)
		until := time.Unix(untilUnix, 0)
		if longest := now.Add(time.Duration(wait) * time.Second); until.After(longest) {
			until = longest
		}
		if err1 != nil || err2 != nil || !until.After(now) {
			over = append(over, pausePrefix+strconv.FormatInt(id, 10))
			continue
		}
		out[id] = until
	}
	for _, name := range over {
		if _, err := s.w.ExecContext(ctx, `DELETE FROM secrets WHERE name = ?`, name); err != nil {
			return out, fmt.Errorf("delete an ended pause: %w", err)
		}
	}
	return out, nil
}
