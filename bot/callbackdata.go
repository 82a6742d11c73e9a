package bot

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/newshound/newshound/locale"
)

// Callback data is "verb:arg:arg:mac": a short verb, decimal arguments, and
// an HMAC-SHA256 over the chat id and the rest, keyed by the database's
// secret, cut to macLen characters. Data made up by a client, or taken from
// another chat, fails the MAC and is refused before anything is looked up.
// The unsigned forms are "mute:ID" and "unmute:ID", which alerts carry;
// muting is checked against the chat's own subscriptions like every other
// action.

// macLen is the length of the MAC in base64 characters (72 bits).
const macLen = 12

// maxCallbackData is Telegram's limit on callback data, in bytes.
const maxCallbackData = 64

// callbackData is a parsed, verified button press.
type callbackData struct {
	verb   string
	args   []int64
	signed bool
}

// sign returns the callback data for verb and args, valid in chatID only.
func (r *Router) sign(chatID int64, verb string, args ...int64) string {
	var b strings.Builder
	b.WriteString(verb)
	for _, a := range args {
		b.WriteString(":" + strconv.FormatInt(a, 10))
	}
	body := b.String()
	return body + ":" + r.mac(chatID, body)
}

func (r *Router) mac(chatID int64, body string) string {
	h := hmac.New(sha256.New, r.opts.Secret)
	h.Write([]byte(strconv.FormatInt(chatID, 10) + "|" + body))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))[:macLen]
}

// signIn is sign with the language of ctx as a last argument: the button
// of a message the whole chat sees (a /list, a search or /sources page)
// records the language the message speaks, so that a press by a member
// whose app speaks another rewrites it, or sends its next page, in the
// same one (messageContext).
func (r *Router) signIn(ctx context.Context, chatID int64, verb string, args ...int64) string {
	if n, ok := langArg(tr(ctx).Lang()); ok {
		args = append(args, n)
	}
	return r.sign(chatID, verb, args...)
}

// langArg is a language code as a callback argument: its letters read as a
// base-36 number ("de" is 482), which does not depend on the order of
// locale.Languages.
func langArg(code string) (int64, bool) {
	n, err := strconv.ParseInt(code, 36, 64)
	return n, err == nil && n > 0
}

// argLang is the language code langArg made n of, false when n names no
// language the bot speaks.
func argLang(n int64) (string, bool) {
	if n <= 0 {
		return "", false
	}
	code := strconv.FormatInt(n, 36)
	for _, l := range locale.Languages {
		if l.Code == code {
			return code, true
		}
	}
	return "", false
}

// verify parses data pressed in chatID. It reports false for anything that
// is not well formed or whose MAC does not match.
func (r *Router) verify(chatID int64, data string) (callbackData, bool) {
	if data == "" || len(data) > maxCallbackData {
		return callbackData{}, false
	}
	parts := strings.Split(data, ":")
	if len(parts) == 2 && (parts[0] == "mute" || parts[0] == "unmute") { // an alert's button
		id, err := strconv.ParseInt(parts[1], 10, 64)
		if err != nil || id <= 0 {
			return callbackData{}, false
		}
		return callbackData{verb: parts[0], args: []int64{id}}, true
	}
	if len(parts) < 2 {
		return callbackData{}, false
	}
	body, sum := strings.Join(parts[:len(parts)-1], ":"), parts[len(parts)-1]
	if !hmac.Equal([]byte(sum), []byte(r.mac(chatID, body))) {
		return callbackData{}, false
	}
	cd := callbackData{verb: parts[0], signed: true}
	for _, p := range parts[1 : len(parts)-1] {
		n, err := strconv.ParseInt(p, 10, 64)
		if err != nil {
			return callbackData{}, false
		}
		cd.args = append(cd.args, n)
	}
	return cd, true
}
