package websub

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// Handler serves the callbacks under Prefix: GET for a hub's verification
// (and denial), POST for its content pushes (see the package rules for the
// answers). Mount it at Prefix.
func (s *Service) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, ok := strings.CutPrefix(r.URL.Path, Prefix)
		if !ok || token == "" || strings.Contains(token, "/") {
			http.NotFound(w, r)
			return
		}
		switch r.Method {
		case http.MethodGet:
			s.verify(w, r, token)
		case http.MethodPost:
			s.push(w, r, token)
		default:
			w.Header().Set("Allow", "GET, POST")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		}
	})
}

// verify answers a hub's verification of a request: the challenge when
// it matches a request sent, 404 otherwise. A denial is recorded and the
// subscription is requested again in a day.
func (s *Service) verify(w http.ResponseWriter, r *http.Request, token string) {
	q := r.URL.Query()
	mode, topic, challenge := q.Get("hub.mode"), q.Get("hub.topic"), q.Get("hub.challenge")
	s.mu.Lock()
	defer s.mu.Unlock()
	h, err := s.opts.Store.FindHubSubscription(r.Context(), token)
	if err != nil {
		s.refuseLookup(w, r, err)
		return
	}
	now := s.opts.Now()
	pending := !h.RequestedAt.IsZero() && now.Sub(h.RequestedAt) < verifyWindow && h.Topic == topic
	switch {
	case mode == "subscribe" && pending && challenge != "" && h.State != news.HubUnsubscribing:
		if err := s.activate(r, h, q.Get("hub.lease_seconds"), now); err != nil {
			s.log.Error("websub: record a verification", "hub", h.Hub, "err", err)
			http.Error(w, "cannot record the verification", http.StatusInternalServerError)
			return
		}
	case mode == "unsubscribe" && pending && challenge != "" && h.State == news.HubUnsubscribing:
		if err := s.opts.Store.DeleteHubSubscription(r.Context(), h.ID); err != nil {
			http.Error(w, "cannot record the verification", http.StatusInternalServerError)
			return
		}
		s.log.Info("websub: unsubscribed", "source_id", h.SourceID, "hub", h.Hub, "topic", h.Topic)
	case mode == "denied" && h.Topic == topic && h.State != news.HubUnsubscribing:
		h.State, h.NextAttemptAt, h.LastError = news.HubSubscribing, now.Add(lastRetry), "denied by the hub: "+q.Get("hub.reason")
		if err := s.opts.Store.UpdateHubSubscription(r.Context(), h); err != nil {
			http.Error(w, "cannot record the denial", http.StatusInternalServerError)
			return
		}
		s.setCurrent(h)
		s.limited.warn("denied", "websub: the hub denied the subscription; asking again in a day", "source_id", h.SourceID, "hub", h.Hub, "reason", q.Get("hub.reason"))
		return
	default:
		s.limited.warn("verify", "websub: a verification that matches no request refused", "mode", mode, "remote", r.RemoteAddr)
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = io.WriteString(w, challenge)
}

// activate records a verified subscription with the lease the hub granted
// (bounded to maxLease; the lease asked for when it says none), due for
// renewal a tenth of it (at most maxRenewMargin) before it ends.
func (s *Service) activate(r *http.Request, h news.HubSubscription, leaseParam string, now time.Time) error {
	lease := s.opts.Lease
	if n, err := strconv.ParseInt(leaseParam, 10, 64); err == nil && n > 0 {
		lease = time.Duration(min(n, int64(maxLease/time.Second))) * time.Second
	}
	first := h.State != news.HubActive
	h.State, h.Lease, h.ExpiresAt, h.Attempts, h.LastError = news.HubActive, lease, now.Add(lease), 0, ""
	h.NextAttemptAt = h.ExpiresAt.Add(-min(lease/10, maxRenewMargin))
	if soonest := now.Add(time.Minute); h.NextAttemptAt.Before(soonest) {
		h.NextAttemptAt = soonest // a hub granting seconds is not asked every second
	}
	if err := s.opts.Store.UpdateHubSubscription(r.Context(), h); err != nil {
		return err
	}
	s.setCurrent(h)
	if first {
		s.log.Info("websub: subscribed; the hub pushes the feed, polls are now only a safety net", "source_id", h.SourceID, "hub", h.Hub, "topic", h.Topic, "lease", lease)
	} else {
		s.log.Debug("websub: subscription renewed", "source_id", h.SourceID, "hub", h.Hub, "lease", lease)
	}
	return nil
}

// setCurrent updates the source's wanted subscription when it is h; the
// caller holds mu.
func (s *Service) setCurrent(h news.HubSubscription) {
	if cur, ok := s.current[h.SourceID]; ok && cur.ID == h.ID {
		s.current[h.SourceID] = h
	}
}

// push takes a hub's content push: a known, live subscription, a body
// within MaxBytes, a valid signature, then the body stored as a poll of
// the source stores its feed.
func (s *Service) push(w http.ResponseWriter, r *http.Request, token string) {
	h, err := s.opts.Store.FindHubSubscription(r.Context(), token)
	if err != nil {
		s.refuseLookup(w, r, err)
		return
	}
	if h.State == news.HubUnsubscribing {
		http.Error(w, "subscription ended", http.StatusGone)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.opts.MaxBytes))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		s.limited.warn("oversized", "websub: push over poller.max_bytes refused", "source_id", h.SourceID, "max_bytes", s.opts.MaxBytes, "remote", r.RemoteAddr)
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return
	case err != nil:
		http.Error(w, "cannot read the body", http.StatusBadRequest)
		return
	}
	if !validSignature(r.Header.Get("X-Hub-Signature"), body, h.Secret) {
		s.limited.warn("forged", "websub: push without a valid X-Hub-Signature refused", "source_id", h.SourceID, "remote", r.RemoteAddr)
		http.Error(w, "invalid signature", http.StatusForbidden)
		return
	}
	src, err := s.opts.Store.FindSource(r.Context(), h.SourceID)
	if errors.Is(err, news.ErrNotFound) || err == nil && src.Origin == news.OriginRetired {
		http.Error(w, "source removed", http.StatusGone)
		return
	}
	if err != nil {
		s.log.Error("websub: read the source of a push", "source_id", h.SourceID, "err", err)
		http.Error(w, "try again later", http.StatusInternalServerError)
		return
	}
	n, err := s.opts.Pusher.Push(r.Context(), src, body)
	switch {
	case errors.Is(err, feeds.ErrNotFeed):
		s.limited.warn("not a feed", "websub: a signed push is not a feed", "source", src.Name, "err", err)
		http.Error(w, "not a feed", http.StatusBadRequest)
		return
	case err != nil:
		s.log.Error("websub: store a push", "source", src.Name, "err", err)
		http.Error(w, "try again later", http.StatusInternalServerError)
		return
	}
	s.log.Debug("websub: push stored", "source", src.Name, "new", n)
	w.WriteHeader(http.StatusNoContent)
}

// refuseLookup answers a callback whose token is unknown (404) or could
// not be read (500).
func (s *Service) refuseLookup(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, news.ErrNotFound) {
		s.limited.warn("unknown", "websub: request to an unknown callback refused", "method", r.Method, "remote", r.RemoteAddr)
		http.NotFound(w, r)
		return
	}
	s.log.Error("websub: read a subscription", "err", err)
	http.Error(w, "try again later", http.StatusInternalServerError)
}
