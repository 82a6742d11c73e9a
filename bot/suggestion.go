package bot

import (
	"context"
	"strings"

	"github.com/newshound/newshound/locale"
	"github.com/newshound/newshound/summarize"
)

// unknown is the answer to the unknown command name: the command it most
// likely means (suggestion), when there is one, else /help.
func (r *Router) unknown(ctx context.Context, name, args string) string {
	shown := esc(summarize.Clip(name, 40))
	if cmd := r.suggestion(name); cmd != "" {
		if words := strings.Join(strings.Fields(args), " "); words != "" {
			// "/subscibe kursk ukraine": the command as meant, every word
			// kept, ready to copy.
			return tr(ctx).Sprintf("I don't know /%s. Did you mean <code>/%s %s</code>? /help lists every command.", shown, cmd, esc(summarize.Clip(words, 300)))
		}
		return tr(ctx).Sprintf("I don't know /%s. Did you mean /%s? /help lists every command.", shown, cmd)
	}
	return tr(ctx).Sprintf("I don't know /%s. Send /help to see what I can do.", shown)
}

// suggestion returns the one command a user most likely meant by the
// unknown command name (lower case, without "/"): the only command that
// name begins ("/lang", "/unsub", "/sett"; three letters at least), or that
// begins name ("/languages"), or else the only one a slip of a letter or
// two away ("/langauge", "/subscibe"); "" when none or several fit. A
// stranger typed "/lang" and read only that it was unknown. A command's
// name in a language the bot speaks ("/hilfe") names it first.
func (r *Router) suggestion(name string) string {
	if cmd, ok := locale.CommandNamed(name); ok && r.lookup(cmd) != nil {
		return cmd // "/hilfe", "/idioma", "/помощь": the command's name in the user's language
	}
	if len([]rune(name)) < 3 {
		return ""
	}
	pick := func(fits func(cmd string) bool) (string, bool) {
		found := ""
		for _, c := range r.commands {
			if !fits(c.name) {
				continue
			}
			if found != "" {
				return "", true // several: none is the one
			}
			found = c.name
		}
		return found, found != ""
	}
	if cmd, ok := pick(func(cmd string) bool { return strings.HasPrefix(cmd, name) }); ok {
		return cmd
	}
	if cmd, ok := pick(func(cmd string) bool { return len(cmd) >= 4 && strings.HasPrefix(name, cmd) }); ok {
		return cmd
	}
	slips := 1
	if len([]rune(name)) >= 6 {
		slips = 2
	}
	cmd, _ := pick(func(cmd string) bool { return editDistance(name, cmd) <= slips })
	return cmd
}

// editDistance is the number of letters inserted, removed, replaced or
// swapped with their neighbour that turn a into b (optimal string alignment).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
