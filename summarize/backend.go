package summarize

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"
)

// Backend is a model that writes summaries, such as an OpenAI-compatible
// chat completion API. It is the one place where summarize does I/O.
type Backend interface {
	// Summarize returns a short summary of text, or an error; it must
	// return when ctx is done.
	Summarize(ctx context.Context, title, text string) (string, error)
}

// ErrEmptyAnswer is returned (and logged) when a backend answers with
// nothing but white space.
var ErrEmptyAnswer = errors.New("summarize: backend returned an empty summary")

const (
	// maxBackendInput caps the cleaned text sent to a backend, in bytes:
	// the news is at the top, and tokens cost money and time.
	maxBackendInput = 12_000
	// failureLogInterval is the least time between two logs of backend
	// failures; failures in between are counted and reported with the next.
	failureLogInterval = time.Minute
)

// viaBackend asks the backend for a summary of the cleaned text and fits
// the answer into MaxChars.
func (s *Summarizer) viaBackend(ctx context.Context, title, text string) (string, error) {
	if len(text) > maxBackendInput {
		cut := maxBackendInput
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	out, err := s.backend.Summarize(ctx, title, text)
	if err != nil {
		return "", err
	}
	out = flatten(strings.TrimSpace(out))
	if !hasWord(out) {
		return "", ErrEmptyAnswer
	}
	return fitSentences(out, s.maxChars), nil
}

// fitSentences returns text when it fits in max runes; otherwise its
// leading whole sentences that fit, or failing that text cut at a word.
func fitSentences(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	used := 0
	end := 0
	for _, sent := range Sentences(text) {
		n := utf8.RuneCountInString(sent)
		if end > 0 {
			n++
		}
		if used+n > max {
			break
		}
		used += n
		end += strings.Index(text[end:], sent) + len(sent)
	}
	if end == 0 {
		return Truncate(text, max)
	}
	return text[:end]
}

// logBackendFailure logs err at most once per failureLogInterval of the
// injected clock, with the number of failures left unlogged since.
func (s *Summarizer) logBackendFailure(in Input, err error) {
	s.backendLog.Warn(s.logger, "summary backend failed; using the extractive summary",
		"err", err, "source", in.Source, "title", in.Title)
}
