package summarize

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeChatServer answers chat completion requests with reply and records
// what it was sent.
type fakeChatServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recordedChat
}

type recordedChat struct {
	path, auth, contentType string
	body                    chatRequest
}

func startFakeChatServer(t *testing.T, reply http.HandlerFunc) *fakeChatServer {
	t.Helper()
	f := &fakeChatServer{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var body chatRequest
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			t.Errorf("fake chat server: decode request: %v", err)
		}
		f.mu.Lock()
		f.requests = append(f.requests, recordedChat{path: r.URL.Path, auth: r.Header.Get("Authorization"),
			contentType: r.Header.Get("Content-Type"), body: body})
		f.mu.Unlock()
		reply(w, r)
	}))
	t.Cleanup(f.Close)
	return f
}

func chatReply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		w.Write([]byte(body))
	}
}

func chatAnswer(content string) string {
	b, err := json.Marshal(map[string]any{"choices": []any{map[string]any{"message": map[string]any{"role": "assistant", "content": content}}}})
	if err != nil {
		panic(err) // a map of strings always encodes
	}
	return string(b)
}

func TestOpenAIBackend(t *testing.T) {
	article := Input{Title: "Port approves channel dredging", Text: longArticle, Source: "Port News"}
	extractive := mustNew(t, Options{}).Summarize(context.Background(), article)
	long := strings.Repeat("The port will dredge the channel to sixteen metres. ", 20)
	tests := []struct {
		name  string
		reply http.HandlerFunc
		want  string
	}{
		{name: "answer used and trimmed", reply: chatReply(200, chatAnswer("  The port will dredge its channel.\n\nIt costs 180 million euros.  ")),
			want: "The port will dredge its channel. It costs 180 million euros."},
		{name: "long answer cut at a sentence", reply: chatReply(200, chatAnswer(long)),
			want: strings.TrimSpace(strings.Repeat("The port will dredge the channel to sixteen metres. ", 11))},
		{name: "server error falls back", reply: chatReply(500, `{"error":{"message":"overloaded"}}`), want: extractive},
		{name: "rate limit falls back", reply: chatReply(429, `{"error":{"message":"slow down"}}`), want: extractive},
		{name: "bad json falls back", reply: chatReply(200, `{"choices": [`), want: extractive},
		{name: "html error page falls back", reply: chatReply(200, `<html>gateway</html>`), want: extractive},
		{name: "no choices falls back", reply: chatReply(200, `{"choices": []}`), want: extractive},
		{name: "empty answer falls back", reply: chatReply(200, chatAnswer(" \n ")), want: extractive},
		{name: "timeout falls back", reply: func(w http.ResponseWriter, r *http.Request) {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
		}, want: extractive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := startFakeChatServer(t, tt.reply)
			backend := NewOpenAI(OpenAIConfig{Endpoint: srv.URL + "/v1", Model: "test-model", APIKey: "sk-test", Timeout: 200 * time.Millisecond})
			s := mustNew(t, Options{Backend: backend})
			start := time.Now()
			got := s.Summarize(context.Background(), article)
			if got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v despite a 200ms timeout", d)
			}
			if len([]rune(got)) > DefaultMaxChars {
				t.Errorf("summary longer than %d characters", DefaultMaxChars)
			}
		})
	}
}

func TestOpenAIRequest(t *testing.T) {
	srv := startFakeChatServer(t, chatReply(200, chatAnswer("Fine.")))
	tests := []struct {
		name     string
		endpoint string
		apiKey   string
		wantAuth string
	}{
		{name: "base url", endpoint: srv.URL + "/v1", apiKey: "sk-test", wantAuth: "Bearer sk-test"},
		{name: "full url", endpoint: srv.URL + "/v1/chat/completions", apiKey: "sk-test", wantAuth: "Bearer sk-test"},
		{name: "trailing slash and no key", endpoint: srv.URL + "/v1/", wantAuth: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := NewOpenAI(OpenAIConfig{Endpoint: tt.endpoint, Model: "test-model", APIKey: tt.apiKey})
			if _, err := o.Summarize(context.Background(), "The title", "The text."); err != nil {
				t.Fatal(err)
			}
			srv.mu.Lock()
			req := srv.requests[len(srv.requests)-1]
			srv.mu.Unlock()
			if req.path != "/v1/chat/completions" {
				t.Errorf("path = %q", req.path)
			}
			if req.auth != tt.wantAuth {
				t.Errorf("Authorization = %q, want %q", req.auth, tt.wantAuth)
			}
			if req.contentType != "application/json" {
				t.Errorf("Content-Type = %q", req.contentType)
			}
			b := req.body
			if b.Model != "test-model" || len(b.Messages) != 2 || b.Messages[0].Role != "system" || b.Messages[1].Role != "user" {
				t.Fatalf("request body = %+v", b)
			}
			if !strings.Contains(b.Messages[1].Content, "The title") || !strings.Contains(b.Messages[1].Content, "The text.") {
				t.Errorf("user message = %q", b.Messages[1].Content)
			}
		})
	}
}

func TestOpenAIErrorsHideTheKey(t *testing.T) {
	srv := startFakeChatServer(t, chatReply(401, `{"error":{"message":"Incorrect API key provided: sk-secret-123"}}`))
	o := NewOpenAI(OpenAIConfig{Endpoint: srv.URL, Model: "m", APIKey: "sk-secret-123"})
	_, err := o.Summarize(context.Background(), "t", "x")
	if err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("err = %v, want a 401 error", err)
	}
	if strings.Contains(err.Error(), "sk-secret-123") {
		t.Errorf("error shows the key: %v", err)
	}
}

func TestOpenAITimeoutIsADeadline(t *testing.T) {
	srv := startFakeChatServer(t, func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	o := NewOpenAI(OpenAIConfig{Endpoint: srv.URL, Model: "m", APIKey: "k", Timeout: 50 * time.Millisecond})
	_, err := o.Summarize(context.Background(), "t", "x")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want context.DeadlineExceeded", err)
	}
}

func TestChatCompletionsURL(t *testing.T) {
	tests := []struct {
		name, endpoint, want string
	}{
		{name: "base", endpoint: "https://api.openai.com/v1", want: "https://api.openai.com/v1/chat/completions"},
		{name: "base with slash", endpoint: "http://localhost:8080/v1/", want: "http://localhost:8080/v1/chat/completions"},
		{name: "full", endpoint: "http://llm:11434/v1/chat/completions", want: "http://llm:11434/v1/chat/completions"},
		{name: "full with slash", endpoint: " http://llm/v1/chat/completions/ ", want: "http://llm/v1/chat/completions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := chatCompletionsURL(tt.endpoint); got != tt.want {
				t.Errorf("chatCompletionsURL(%q) = %q, want %q", tt.endpoint, got, tt.want)
			}
		})
	}
}

// failingBackend always fails.
type failingBackend struct{ calls int }

func (f *failingBackend) Summarize(context.Context, string, string) (string, error) {
	f.calls++
	return "", errors.New("model unavailable")
}

func TestBackendFailuresLoggedOnceAMinute(t *testing.T) {
	var logs bytes.Buffer
	now := time.Date(2025, 11, 26, 12, 0, 0, 0, time.UTC)
	backend := &failingBackend{}
	s := mustNew(t, Options{
		Backend: backend,
		Logger:  slog.New(slog.NewJSONHandler(&logs, nil)),
		Now:     func() time.Time { return now },
	})
	in := Input{Title: "Port approves channel dredging", Text: longArticle}
	tests := []struct {
		name           string
		advance        time.Duration
		wantLines      int
		wantSuppressed float64 // in the latest line
	}{
		{name: "first failure logged", wantLines: 1, wantSuppressed: 0},
		{name: "10s later suppressed", advance: 10 * time.Second, wantLines: 1},
		{name: "59s after the first suppressed", advance: 49 * time.Second, wantLines: 1},
		{name: "a minute after the first logged with the count", advance: time.Second, wantLines: 2, wantSuppressed: 2},
		{name: "right after suppressed again", advance: time.Millisecond, wantLines: 2, wantSuppressed: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			now = now.Add(tt.advance)
			if got := s.Summarize(context.Background(), in); got == "" {
				t.Fatal("empty summary")
			}
			lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
			if len(lines) != tt.wantLines {
				t.Fatalf("%d log lines, want %d:\n%s", len(lines), tt.wantLines, logs.String())
			}
			var rec map[string]any
			if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rec); err != nil {
				t.Fatal(err)
			}
			if rec["suppressed_since_last_log"] != tt.wantSuppressed || rec["level"] != "WARN" || rec["err"] != "model unavailable" {
				t.Errorf("log line = %v", rec)
			}
		})
	}
	if backend.calls != len(tests) {
		t.Errorf("backend called %d times, want %d: every summary must still try it", backend.calls, len(tests))
	}
}
