package bot

import (
	"fmt"
	"strings"
	"testing"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/sources"
)

// TestFetchProblemNamesAWrongHost: /addsource of a misspelt host, or of
// one where nothing answers, was answered "I couldn't fetch that address",
// which said nothing of what to mend.
func TestFetchProblemNamesAWrongHost(t *testing.T) {
	for _, tt := range []struct {
		why  error
		want string
	}{
		{sources.ErrNoHost, "does not exist (DNS finds no such host)"},
		{sources.ErrRefused, "the connection was refused"},
		{sources.ErrTLS, "certificate is not valid"},
		{sources.ErrNotFeed, "I found no feed there"},
	} {
		err := fmt.Errorf("%w: %w: dial", sources.ErrFetch, tt.why)
		if got := fetchProblem(locale.For("en"), err, "https://x.example/rss"); !strings.Contains(got, tt.want) {
			t.Errorf("fetchProblem(%v) = %q, want %q", tt.why, got, tt.want)
		}
	}
}
