package bot

import (
	"context"
	"time"
)

// savePause keeps the wait a 429 asked of the chat (and of all sending,
// when global) in the PauseBook, so that a restart within it does not send
// into it; a failure to keep it is logged, the wait held in memory anyway.
func (s *Sender) savePause(ctx context.Context, chatID int64, wait time.Duration, global bool) {
	if s.opts.Pauses == nil {
		return
	}
	until := ceilSecond(s.opts.Now().Add(wait))
	if err := s.opts.Pauses.SavePause(ctx, chatID, until, wait); err != nil {
		s.log.Warn("telegram's pause not kept; a restart within it would send into it", "chat", chatID, "err", err)
	}
	if !global {
		return
	}
	s.mu.Lock()
	all := s.globalUntil
	s.mu.Unlock()
	if err := s.opts.Pauses.SavePause(ctx, 0, ceilSecond(all), all.Sub(s.opts.Now())); err != nil {
		s.log.Warn("telegram's pause of all sending not kept; a restart within it would send into it", "err", err)
	}
}

// loadPauses reads the 429 pauses a stopped sender kept that still run:
// all sending waits for its own, each chat for its (given to the chat's
// state when claim first meets it). A failure to read them is logged; the
// sender then knows only the waits it is told from now on.
func (s *Sender) loadPauses(ctx context.Context) {
	if s.opts.Pauses == nil {
		return
	}
	now := s.opts.Now()
	pauses, err := s.opts.Pauses.Pauses(ctx, now)
	if err != nil {
		s.log.Warn("telegram's pauses from before the start not read; a wait still running may be sent into", "err", err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for chat, until := range pauses {
		if chat == 0 {
			s.globalUntil = until
			s.log.Info("all sending waits out telegram's pause from before the start", "until", until, "left", until.Sub(now))
			continue
		}
		if s.paused == nil {
			s.paused = map[int64]time.Time{}
		}
		s.paused[chat] = until
		s.log.Info("a chat waits out telegram's pause from before the start", "chat", chat, "until", until, "left", until.Sub(now))
	}
}
