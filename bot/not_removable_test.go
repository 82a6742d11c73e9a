package bot

import (
	"strings"
	"testing"

	"github.com/newshound/newshound/locale"
)

// TestRemoveSourceSaysWhereTheSourceComesFrom: /removesource of one of the
// configuration's sources said "comes from the configuration file" in
// -demo and in a console started without -config, which have none; it
// names the file, the built-in list or the demo's newsroom.
func TestRemoveSourceSaysWhereTheSourceComesFrom(t *testing.T) {
	p := locale.For("en")
	for _, tt := range []struct {
		from SourcesOrigin
		want string
	}{
		{SourcesOrigin{File: "/etc/newshound/newshound.toml"}, "Source #3 comes from the configuration file /etc/newshound/newshound.toml; remove it there."},
		{SourcesOrigin{BuiltIn: true}, "built-in sources, polled because no configuration file is given: start with -config FILE"},
		{SourcesOrigin{Demo: true}, "the demo's made-up newsroom and cannot be removed"},
		{SourcesOrigin{}, "Source #3 comes from the configuration file; remove it there."},
	} {
		if got := notRemovable(p, tt.from, 3); !strings.Contains(got, tt.want) {
			t.Errorf("notRemovable(%+v) = %q, want %q", tt.from, got, tt.want)
		}
	}
}
