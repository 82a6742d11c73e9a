package websub

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// attempt sends the request h is due for: unsubscribe for an ended
// subscription (forgotten after unsubscribeTries), subscribe otherwise (a
// first request, a retry or a renewal). The request is recorded before it
// is sent, since a hub may verify it before answering. It returns when the
// subscription is next due (zero: forgotten or unknown).
func (s *Service) attempt(ctx context.Context, h news.HubSubscription) time.Time {
	mode := "subscribe"
	if h.State == news.HubUnsubscribing {
		mode = "unsubscribe"
		if h.Attempts >= unsubscribeTries {
			s.forget(ctx, h, "the hub never confirmed the unsubscription; forgotten (its lease runs out by itself)")
			return time.Time{}
		}
	}
	s.mu.Lock()
	cur, err := s.opts.Store.FindHubSubscription(ctx, h.Token) // a verification may have come meanwhile
	now := s.opts.Now()
	if err != nil || cur.NextAttemptAt.After(now) {
		s.mu.Unlock()
		return cur.NextAttemptAt
	}
	cur.Attempts++
	cur.RequestedAt, cur.NextAttemptAt = now, now.Add(retry(cur.Attempts))
	if err := s.opts.Store.UpdateHubSubscription(ctx, cur); err != nil {
		s.mu.Unlock()
		s.log.Error("websub: record a request", "hub", cur.Hub, "err", err)
		return now.Add(retry(cur.Attempts))
	}
	s.mu.Unlock()

	if cur.Attempts == 2 { // the first request went unanswered: said once
		s.log.Warn("websub: the hub has not verified the "+mode+" request; asking again, less and less often (at most once a day); the source is polled meanwhile",
			"source_id", cur.SourceID, "hub", cur.Hub, "topic", cur.Topic, "last_error", cur.LastError)
	}
	reqErr := s.request(ctx, cur, mode)
	if reqErr == nil || ctx.Err() != nil {
		s.log.Debug("websub: request sent", "mode", mode, "hub", cur.Hub, "topic", cur.Topic, "attempt", cur.Attempts)
		return cur.NextAttemptAt
	}
	s.log.Debug("websub: request failed", "mode", mode, "hub", cur.Hub, "attempt", cur.Attempts, "err", reqErr)
	s.mu.Lock()
	defer s.mu.Unlock()
	if again, err := s.opts.Store.FindHubSubscription(ctx, cur.Token); err == nil && again.Attempts == cur.Attempts {
		again.LastError = reqErr.Error()
		if err := s.opts.Store.UpdateHubSubscription(ctx, again); err != nil {
			s.log.Error("websub: record a failed request", "hub", cur.Hub, "err", err)
		}
	}
	return cur.NextAttemptAt
}

// forget deletes an ended subscription, logging why.
func (s *Service) forget(ctx context.Context, h news.HubSubscription, why string) {
	if err := s.opts.Store.DeleteHubSubscription(ctx, h.ID); err != nil {
		s.log.Error("websub: forget a subscription", "hub", h.Hub, "err", err)
		return
	}
	s.log.Info("websub: "+why, "source_id", h.SourceID, "hub", h.Hub, "topic", h.Topic)
}

// request POSTs a subscribe or unsubscribe request to h's hub. It fails
// on a transport error or an answer other than 2xx (with the start of the
// hub's explanation).
func (s *Service) request(ctx context.Context, h news.HubSubscription, mode string) error {
	form := url.Values{"hub.mode": {mode}, "hub.topic": {h.Topic}, "hub.callback": {s.CallbackURL(h.Token)}}
	if mode == "subscribe" {
		form.Set("hub.secret", h.Secret)
		form.Set("hub.lease_seconds", strconv.FormatInt(int64(s.opts.Lease/time.Second), 10))
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.Hub, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("%s at %s: %w", mode, h.Hub, err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if s.opts.UserAgent != "" {
		req.Header.Set("User-Agent", s.opts.UserAgent)
	}
	resp, err := s.opts.Client.Do(req)
	if err != nil {
		return fmt.Errorf("%s at %s: %w", mode, h.Hub, err)
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s at %s: %w", mode, h.Hub, &hubError{code: resp.StatusCode, msg: strings.TrimSpace(string(msg))})
	}
	return nil
}

// hubError is a hub's answer other than 2xx.
type hubError struct {
	code int
	msg  string
}

func (e *hubError) Error() string {
	return fmt.Sprintf("hub answered %d %s: %.200q", e.code, http.StatusText(e.code), e.msg)
}
