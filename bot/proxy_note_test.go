package bot

import (
	"strings"
	"testing"
)

func TestProxyNote(t *testing.T) {
	const telegram = "https://api.telegram.org/bot%s/%s"
	tests := []struct {
		name     string
		endpoint string
		env      map[string]string
		want     []string
		not      []string
	}{
		{name: "none set", endpoint: telegram, want: []string{"no proxy", "HTTPS_PROXY is not set", "set HTTPS_PROXY"}},
		{name: "HTTPS_PROXY", endpoint: telegram, env: map[string]string{"HTTPS_PROXY": "http://bob:hunter2@proxy.example:3128"},
			want: []string{"through the proxy http://bob:xxxxx@proxy.example:3128 (from HTTPS_PROXY)", "api.telegram.org"}, not: []string{"hunter2"}},
		{name: "lower case", endpoint: telegram, env: map[string]string{"https_proxy": "socks5://127.0.0.1:1080"},
			want: []string{"through the proxy socks5://127.0.0.1:1080 (from https_proxy)"}},
		{name: "only HTTP_PROXY, unused for https", endpoint: telegram, env: map[string]string{"HTTP_PROXY": "http://proxy.example:3128"},
			want: []string{"HTTPS_PROXY is not set (HTTP_PROXY is set, which https calls do not use)"}},
		{name: "excluded by NO_PROXY", endpoint: telegram, env: map[string]string{"HTTPS_PROXY": "http://proxy.example:3128", "NO_PROXY": ".telegram.org"},
			want: []string{"calls go directly: HTTPS_PROXY is set, but NO_PROXY=.telegram.org"}},
		{name: "a local Bot API server", endpoint: "http://127.0.0.1:8081/bot%s/%s", env: map[string]string{"HTTP_PROXY": "http://proxy.example:3128"},
			want: []string{"127.0.0.1 is a loopback address"}},
		// An http:// endpoint is told to set HTTP_PROXY, and no list that
		// names HTTP_PROXY again as if it were something else.
		{name: "http endpoint, none set", endpoint: "http://botapi.example:8081/bot%s/%s",
			want: []string{"HTTP_PROXY is not set", "set HTTP_PROXY=", "NO_PROXY"}, not: []string{"honoured too", "HTTPS_PROXY"}},
		// A local Bot API server is reached directly whatever is set: no
		// advice to set a proxy.
		{name: "loopback endpoint, none set", endpoint: "http://127.0.0.1:8081/bot%s/%s",
			want: []string{"calls go directly", "127.0.0.1 is a loopback address"}, not: []string{"set HTTP_PROXY", "blocked", "not set"}},
		{name: "loopback endpoint, HTTPS_PROXY set", endpoint: "http://127.0.0.1:8081/bot%s/%s", env: map[string]string{"HTTPS_PROXY": "http://proxy.example:3128"},
			want: []string{"HTTPS_PROXY is set, but 127.0.0.1 is a loopback address"}, not: []string{"set HTTP_PROXY", "blocked"}},
		{name: "localhost endpoint, none set", endpoint: "http://localhost:8081/bot%s/%s",
			want: []string{"localhost is a loopback address"}, not: []string{"set HTTP_PROXY", "blocked"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := proxyNote(tt.endpoint, func(k string) string { return tt.env[k] })
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("proxyNote = %q, want it to contain %q", got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("proxyNote = %q shows %q", got, n)
				}
			}
		})
	}
}
