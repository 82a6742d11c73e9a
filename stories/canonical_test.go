package stories

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"utm parameters", "https://news.example.org/world/kursk?utm_source=rss&utm_medium=feed", "https://news.example.org/world/kursk", true},
		{"click ids and fragment", "https://example.com/a/b?fbclid=xyz&gclid=1#comments", "https://example.com/a/b", true},
		{"www and http", "http://www.example.com/story", "https://example.com/story", true},
		{"mobile host", "https://m.example.com/story", "https://example.com/story", true},
		{"mobile. host", "https://mobile.example.com/story", "https://example.com/story", true},
		{"amp host", "https://amp.example.com/story", "https://example.com/story", true},
		{"amp suffix", "https://example.com/news/story-1/amp", "https://example.com/news/story-1", true},
		{"amp suffix slash", "https://example.com/news/story-1/amp/", "https://example.com/news/story-1/", true},
		{"amp prefix", "https://example.com/amp/news/story-1", "https://example.com/news/story-1", true},
		{"amp html", "https://example.com/news/story-1.amp.html", "https://example.com/news/story-1.html", true},
		{"amp extension", "https://www.bbc.co.uk/news/world-123.amp", "https://www.bbc.co.uk/news/world-123", true},
		{"amp parameter", "https://example.com/s?id=4&amp=1", "https://example.com/s?id=4", true},
		{"outputType amp", "https://example.com/s?outputType=amp", "https://example.com/s", true},
		{"parameter order", "https://example.com/s?b=2&a=1", "https://example.com/s?a=1&b=2", true},
		{"host case and port", "HTTPS://Example.COM:443/s", "https://example.com/s", true},
		{"real parameters kept", "https://example.com/s?id=4", "https://example.com/s?id=5", false},
		{"path case kept", "https://example.com/Story", "https://example.com/story", false},
		{"different hosts", "https://example.com/s", "https://example.org/s", false},
		{"short host not stripped", "https://m.com/s", "https://com/s", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ca, cb := CanonicalURL(tt.a), CanonicalURL(tt.b)
			if (ca == cb) != tt.same {
				t.Errorf("CanonicalURL(%q) = %q, CanonicalURL(%q) = %q; same = %v, want %v", tt.a, ca, tt.b, cb, ca == cb, tt.same)
			}
		})
	}
}

func TestCanonicalURLNotURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"relative", " /news/1 ", "/news/1"},
		{"mailto", "mailto:x@example.com", "mailto:x@example.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CanonicalURL(tt.in); got != tt.want {
				t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
