package news

import "testing"

func TestFeedKey(t *testing.T) {
	for _, tt := range []struct{ raw, want string }{
		{"HTTPS://Example.COM:443/feed#top", "https://example.com/feed"},
		{"http://example.com", "http://example.com/"},
		{"http://[::1]:80/feed", "http://[::1]/feed"},
		{"https://example.com:8443/Feed/?a=1", "https://example.com:8443/Feed/?a=1"},
		{"ftp://example.com/feed", ""},
		{"/feed", ""},
	} {
		if got := FeedKey(tt.raw); got != tt.want {
			t.Errorf("FeedKey(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
