package summarize

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// OpenAIConfig configures an OpenAI-compatible chat completion backend
// (OpenAI, a local llama.cpp or Ollama server, vLLM, ...).
type OpenAIConfig struct {
	// Endpoint is the API base ("https://api.openai.com/v1") or the full
	// chat completions URL; "/chat/completions" is appended unless present.
	Endpoint string
	Model    string
	APIKey   string        // sent as "Authorization: Bearer KEY" when not empty
	Timeout  time.Duration // per request; default 20s
	Client   *http.Client  // default: a client without its own timeout
	// Prompt is the system message; the default asks for 2-3 factual
	// sentences in the article's language.
	Prompt string
	// MaxTokens caps the answer; default 250.
	MaxTokens int
}

// Defaults for OpenAIConfig fields left zero.
const (
	defaultOpenAITimeout   = 20 * time.Second
	defaultOpenAIMaxTokens = 250
	defaultOpenAIPrompt    = "You summarise news articles for a news alert service. " +
		"Write 2 or 3 plain factual sentences in the language of the article, stating the news first. " +
		"No headline, no preamble, no markdown, no opinions."
	// maxOpenAIResponse bounds how much of a response body is read.
	maxOpenAIResponse = 1 << 20
)

// OpenAI is a Backend speaking the OpenAI chat completions protocol.
type OpenAI struct {
	url    string
	cfg    OpenAIConfig
	client *http.Client
}

// NewOpenAI returns a backend for cfg with defaults filled in. It does no
// I/O; a wrong endpoint or key shows up as an error from Summarize.
func NewOpenAI(cfg OpenAIConfig) *OpenAI {
	if cfg.Timeout <= 0 {
		cfg.Timeout = defaultOpenAITimeout
	}
	if cfg.MaxTokens <= 0 {
		cfg.MaxTokens = defaultOpenAIMaxTokens
	}
	if strings.TrimSpace(cfg.Prompt) == "" {
		cfg.Prompt = defaultOpenAIPrompt
	}
	client := cfg.Client
	if client == nil {
		client = &http.Client{}
	}
	return &OpenAI{url: chatCompletionsURL(cfg.Endpoint), cfg: cfg, client: client}
}

// chatCompletionsURL appends "/chat/completions" to endpoint unless it
// already ends with it.
func chatCompletionsURL(endpoint string) string {
	endpoint = strings.TrimRight(strings.TrimSpace(endpoint), "/")
	if strings.HasSuffix(endpoint, "/chat/completions") {
		return endpoint
	}
	return endpoint + "/chat/completions"
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type chatRequest struct {
	Model       string        `json:"model"`
	Messages    []chatMessage `json:"messages"`
	Temperature float64       `json:"temperature"`
	MaxTokens   int           `json:"max_tokens"`
}

type chatResponse struct {
	Choices []struct {
		Message struct {
			Content string `json:"content"`
		} `json:"message"`
	} `json:"choices"`
	Error *struct {
		Message string `json:"message"`
	} `json:"error"`
}

// Summarize posts title and text to the chat completions endpoint and
// returns the first choice's message. It fails on a timeout, a transport
// error, a non-2xx status, a body that is not the expected JSON, or no
// choices; errors never contain the API key.
func (o *OpenAI) Summarize(ctx context.Context, title, text string) (string, error) {
	answer, err := o.complete(ctx, title, text)
	if err != nil {
		return "", redactKey(err, o.cfg.APIKey)
	}
	return answer, nil
}

// complete does the request for Summarize.
func (o *OpenAI) complete(ctx context.Context, title, text string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, o.cfg.Timeout)
	defer cancel()
	body, err := json.Marshal(chatRequest{
		Model: o.cfg.Model,
		Messages: []chatMessage{
			{Role: "system", Content: o.cfg.Prompt},
			{Role: "user", Content: "Title: " + title + "\n\n" + text},
		},
		Temperature: 0.2,
		MaxTokens:   o.cfg.MaxTokens,
	})
	if err != nil {
		return "", fmt.Errorf("openai: encode request: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, o.url, bytes.NewReader(body))
	if err != nil {
		return "", fmt.Errorf("openai: build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if o.cfg.APIKey != "" {
		req.Header.Set("Authorization", "Bearer "+o.cfg.APIKey)
	}
	resp, err := o.client.Do(req)
	if err != nil {
		return "", fmt.Errorf("openai: post %s: %w", o.url, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxOpenAIResponse))
	if err != nil {
		return "", fmt.Errorf("openai: read response: %w", err)
	}
	var cr chatResponse
	jsonErr := json.Unmarshal(raw, &cr)
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		msg := ""
		if jsonErr == nil && cr.Error != nil {
			msg = ": " + cr.Error.Message
		}
		return "", fmt.Errorf("openai: status %d%s", resp.StatusCode, msg)
	}
	if jsonErr != nil {
		return "", fmt.Errorf("openai: decode response: %w", jsonErr)
	}
	if len(cr.Choices) == 0 {
		return "", errors.New("openai: response has no choices")
	}
	answer := strings.TrimSpace(cr.Choices[0].Message.Content)
	if answer == "" {
		return "", ErrEmptyAnswer
	}
	return answer, nil
}

// redactKey replaces the API key in err's text, in case a server echoes
// it in an error message ("Incorrect API key provided: ...") or a proxy
// echoes request headers; errors.Is still sees the cause (a deadline, for
// example).
func redactKey(err error, key string) error {
	if key == "" || !strings.Contains(err.Error(), key) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), key, "[redacted]"), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }
