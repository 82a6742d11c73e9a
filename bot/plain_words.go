package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newshound/newshound/locale"
)

// plainWords returns the words of a private chat's plain text that read as
// something to look for ("kursk ukraine"): one line, at most 8 words and
// 100 characters, a letter or digit in it, no question, no @name and no
// link. ok is false for anything else (a sentence to the bot, a pasted
// article, an emoji, a mention of the bot).
func plainWords(text string) (string, bool) {
	words := strings.Fields(text)
	joined := strings.Join(words, " ")
	if len(words) == 0 || len(words) > 8 || utf8.RuneCountInString(joined) > 100 || strings.ContainsAny(text, "\n?？¿؟@") || strings.Contains(text, "://") {
		return "", false
	}
	if strings.IndexFunc(joined, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return "", false
	}
	return joined, true
}

// plainWordsHint answers a private chat's plain words: commands only, and
// the two commands that take those very words.
func plainWordsHint(p locale.Printer, text string) string {
	hint := p.Sprintf("I understand commands only. Send /help to see them.")
	if words, ok := plainWords(text); ok {
		hint += "\n" + p.Sprintf("To get alerts about <b>%s</b>, send <code>/subscribe %s</code>; to see the news stored about it, <code>/search %s</code>.",
			esc(words), esc(words), esc(words))
	}
	return hint
}
