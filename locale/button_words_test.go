package locale

import (
	"strings"
	"testing"
)

// TestMuteButtonsSayTheSameWord: the button under an alert and the one in
// /list toggle the same thing, but a German saw "🔔 Ton an" under the alert
// and "🔔 Laut #1" in /list (a Spaniard "Activar sonido" and "Con sonido"),
// as if they were two different switches.
func TestMuteButtonsSayTheSameWord(t *testing.T) {
	for _, l := range Languages {
		p := For(l.Code)
		for _, pair := range [][2]string{{"🔕 Mute", "🔕 Mute #%d"}, {"🔔 Unmute", "🔔 Unmute #%d"}} {
			alert, list := p.Sprintf(pair[0]), p.Sprintf(pair[1], 1)
			if !strings.HasPrefix(list, alert+" ") {
				t.Errorf("%s: the alert's button %q and /list's %q name it differently", l.Code, alert, list)
			}
			named := p.Sprintf(pair[0]+" “%s”", "x")
			if !strings.HasPrefix(named, alert+" ") {
				t.Errorf("%s: the alert's button %q and the named one %q name it differently", l.Code, alert, named)
			}
		}
	}
}
