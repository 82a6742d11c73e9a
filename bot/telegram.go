package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// Telegram is the transport that talks to the Bot API through
// go-telegram-bot-api. Two clients share one identity: a long-poll client
// whose timeout exceeds the poll, and a send client with a short one. Every
// error it returns or logs has the token removed.
type Telegram struct {
	updates     *tgbotapi.BotAPI
	send        *tgbotapi.BotAPI
	pollTimeout time.Duration
	log         *slog.Logger
	token       string
	sleep       func(ctx context.Context, d time.Duration)
	files       fileClient // downloads of files users send (telegram_files.go)
	paid        bool       // allow_paid_broadcast on every new message
	obs         UpdateObserver
	reach       *Reach // since when Telegram fails (TelegramOptions.Reach; nil: not recorded)
}

// TelegramOptions configures the Telegram transport.
type TelegramOptions struct {
	Token       string
	Endpoint    string // "https://api.telegram.org/bot%s/%s" or a local/test server
	PollTimeout time.Duration
	Logger      *slog.Logger
	retryWait   time.Duration // first wait between getMe attempts; tests shorten it
	// PaidBroadcast sends every new message with allow_paid_broadcast
	// (telegram.paid_broadcast): Telegram then lets the bot past its
	// free limit, charging Stars.
	PaidBroadcast bool
	// Observer hears the failures of getMe, getUpdates, deleteWebhook and
	// setWebhook, and the webhook's refused posts; nil: nobody listens.
	Observer UpdateObserver
	// Reach records getMe's failures at the start and its answer (nil:
	// nothing records them), so that /healthz says why it is not connected.
	Reach *Reach
	// Getenv reads the proxy variables (HTTPS_PROXY …) for the log line
	// "telegram unreachable"; nil: os.Getenv.
	Getenv func(string) string
}

// NewTelegram connects (getMe) and returns the transport. ctx bounds every
// long poll the transport will ever make, so cancelling it ends one at once;
// sends and other calls outlive ctx by sendGrace, so that a message already
// on the wire when the bot stops gets its answer and is marked sent.
//
// A Telegram that cannot be reached (network down, 5xx, 429) is waited out:
// getMe is tried again with backoff from 1 s doubling to 1 min, each failure
// logged, until it answers or ctx is done. NewTelegram fails at once when
// Telegram refuses the token (401, with a message naming the settings that
// hold it) or answers another 4xx (a wrong api_endpoint); when ctx ends
// first, it fails with the last error. No error names the token.
func NewTelegram(ctx context.Context, opts TelegramOptions) (*Telegram, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.retryWait <= 0 {
		opts.retryWait = time.Second
	}
	// The sender keeps several messages in flight; the default two idle
	// connections per host would make it open (and TLS-handshake) new ones.
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConnsPerHost = 96 // the sender's calls awaiting answers (8×8 by default), and the commands'
	long := &ctxClient{ctx: ctx, token: opts.Token, c: &http.Client{Timeout: opts.PollTimeout + 20*time.Second}}
	short := &ctxClient{ctx: graceContext(ctx, sendGrace), token: opts.Token, c: &http.Client{Timeout: 30 * time.Second, Transport: tr}}
	// getMe ends with ctx: there is nothing on the wire to finish yet.
	api, err := connect(ctx, opts, &ctxClient{ctx: ctx, token: opts.Token, c: short.c})
	if err != nil {
		return nil, err
	}
	api.Client = short
	poll := *api
	poll.Client = long
	return &Telegram{updates: &poll, send: api, pollTimeout: opts.PollTimeout, log: opts.Logger, token: opts.Token, sleep: sleepCtx,
		files: fileClient{ctx: ctx, c: short.c, endpoint: opts.Endpoint}, paid: opts.PaidBroadcast, obs: opts.Observer, reach: opts.Reach}, nil
}

// sendGrace is how long calls other than the long poll may go on after the
// transport's context ends: a send on the wire then completes (Telegram
// answers in well under a second), and the stop stays bounded.
const sendGrace = 8 * time.Second

// graceContext returns a context that ends grace after ctx does.
func graceContext(ctx context.Context, grace time.Duration) context.Context {
	g, cancel := context.WithCancel(context.WithoutCancel(ctx))
	context.AfterFunc(ctx, func() { time.AfterFunc(grace, cancel) })
	return g
}

// ErrUnauthorized is returned by NewTelegram when Telegram refuses the bot token.
var ErrUnauthorized = errors.New("telegram refused the bot token (401 Unauthorized): " +
	"check NEWSHOUND_TELEGRAM_TOKEN or telegram.token; @BotFather gives a bot its token")

// connect calls getMe until Telegram answers, refuses the token, or ctx ends.
func connect(ctx context.Context, opts TelegramOptions, client tgbotapi.HTTPClient) (*tgbotapi.BotAPI, error) {
	wait := opts.retryWait
	for {
		api, err := tgbotapi.NewBotAPIWithClient(opts.Token, opts.Endpoint, client)
		if err == nil {
			opts.Reach.Answered("getMe")
			return api, nil
		}
		var te *tgbotapi.Error
		if opts.Observer != nil {
			code := errorCode(err) // an error page (proxyError)
			if errors.As(err, &te) {
				code = te.Code
			}
			opts.Observer.UpdatesFailed("getMe", code)
		}
		if errors.As(err, &te) && te.Code == http.StatusUnauthorized {
			return nil, ErrUnauthorized
		}
		err = redact(err, opts.Token)
		opts.Reach.Failed("getMe", err)
		if te != nil && te.Code >= 400 && te.Code < 500 && te.Code != http.StatusTooManyRequests {
			return nil, fmt.Errorf("connect to telegram: getMe refused (check telegram.api_endpoint): %w", err)
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("connect to telegram: %w", err)
		}
		args := []any{"err", err, "retry_in", wait, "proxy", proxyNote(opts.Endpoint, opts.Getenv)}
		if fix := notTheBotAPI(err, opts.Endpoint); fix != "" {
			args = append(args, "fix", fix)
		}
		opts.Logger.Warn("telegram unreachable; trying again", args...)
		sleepCtx(ctx, wait)
		wait = min(wait*2, time.Minute)
	}
}

// defaultEndpoint is Telegram's own Bot API, telegram.api_endpoint's default.
const defaultEndpoint = "https://api.telegram.org/bot%s/%s"

// notTheBotAPI says what to check when err is getMe's answer read as no
// Bot API answer at all (an HTML page where JSON was due: "invalid character
// '<'"), or "" for another error. An api_endpoint naming a web server rather
// than a Bot API server was "telegram unreachable" for ever, with a JSON
// decoding error and nothing naming the key.
func notTheBotAPI(err error, endpoint string) string {
	var syntax *json.SyntaxError
	var shape *json.UnmarshalTypeError
	var page *SendError // proxyError's 5xx page: "a proxy on the way?" misled where the endpoint is the operator's own
	if !errors.As(err, &syntax) && !errors.As(err, &shape) && !(errors.As(err, &page) && strings.Contains(page.Description, errorPage) && endpoint != defaultEndpoint) {
		return ""
	}
	if endpoint != defaultEndpoint {
		return fmt.Sprintf("the answer was not the Bot API's: check that telegram.api_endpoint (%s) names a Bot API server, such as %s or a local telegram-bot-api's http://127.0.0.1:8081/bot%%s/%%s", endpoint, defaultEndpoint)
	}
	return "the answer was not the Bot API's: something between this machine and Telegram answers in its place (a captive portal, a proxy or a filter): check the network, or set HTTPS_PROXY"
}

// BotName is the bot's username, as getMe answered.
func (t *Telegram) BotName() string { return t.send.Self.UserName }

// BotID is the bot's own user id, as getMe answered.
func (t *Telegram) BotID() int64 { return t.send.Self.ID }

// SetCommands registers the command table with setMyCommands.
func (t *Telegram) SetCommands(cmds []Command) error {
	bc := make([]tgbotapi.BotCommand, len(cmds))
	for i, c := range cmds {
		bc[i] = tgbotapi.BotCommand{Command: c.Name, Description: c.Description}
	}
	if _, err := t.send.Request(tgbotapi.NewSetMyCommands(bc...)); err != nil {
		return fmt.Errorf("setMyCommands: %w", t.convert(err))
	}
	return nil
}

// Send sends one message (sendMessage, or sendDocument when it carries a
// document) and returns Telegram's message id, or a *SendError for a
// refusal, or a transport error.
func (t *Telegram) Send(ctx context.Context, m Outgoing) (int, error) {
	if m.Document != nil {
		return t.sendDocument(m)
	}
	p, err := messageParams(m, t.paid)
	if err != nil {
		return 0, fmt.Errorf("sendMessage: %w", err)
	}
	var sent tgbotapi.Message
	if err := t.call("sendMessage", p, &sent); err != nil {
		return 0, err
	}
	return sent.MessageID, nil
}

// sendDocument uploads the document (multipart/form-data) with the text as
// its caption.
func (t *Telegram) sendDocument(m Outgoing) (int, error) {
	// Built by hand, as messages are (telegram_send.go): the library's
	// DocumentConfig has no message_thread_id or reply_parameters.
	p := tgbotapi.Params{"chat_id": strconv.FormatInt(m.ChatID, 10)}
	p.AddNonEmpty("caption", m.Text)
	if !m.Plain {
		p["parse_mode"] = tgbotapi.ModeHTML
	}
	if len(m.Buttons) > 0 {
		if err := p.AddInterface("reply_markup", keyboard(m.Buttons)); err != nil {
			return 0, fmt.Errorf("sendDocument: %w", err)
		}
	}
	addThreading(p, m, t.paid)
	files := []tgbotapi.RequestFile{{Name: "document", Data: tgbotapi.FileBytes{Name: m.Document.Name, Bytes: m.Document.Data}}}
	// The library's UploadFiles (v5.5.1) leaves Error.Code unset but returns
	// the decoded answer, whose error_code is Telegram's own. Without it a
	// 400 would be retried for ever and a 429's retry_after ignored.
	resp, err := t.send.UploadFiles("sendDocument", p, files)
	if err != nil {
		var te *tgbotapi.Error
		if resp != nil && errors.As(err, &te) && te.Code == 0 {
			te.Code = resp.ErrorCode
		}
		return 0, t.convert(err)
	}
	var sent tgbotapi.Message
	if err := json.Unmarshal(resp.Result, &sent); err != nil {
		return 0, fmt.Errorf("sendDocument: read the answer: %w", err)
	}
	return sent.MessageID, nil
}

// Edit replaces the text (and keyboard) of a message sent before, or returns
// a *SendError for a refusal ("message is not modified" among them), or a
// transport error.
func (t *Telegram) Edit(ctx context.Context, messageID int, m Outgoing) error {
	p, err := messageParams(Outgoing{ChatID: m.ChatID, Text: m.Text, Plain: m.Plain, Buttons: m.Buttons, Preview: m.Preview}, false)
	if err != nil {
		return fmt.Errorf("editMessageText: %w", err)
	}
	p["message_id"] = strconv.Itoa(messageID)
	return t.call("editMessageText", p, nil)
}

func keyboard(rows [][]Button) tgbotapi.InlineKeyboardMarkup {
	var kb [][]tgbotapi.InlineKeyboardButton
	for _, row := range rows {
		var r []tgbotapi.InlineKeyboardButton
		for _, b := range row {
			if b.URL != "" {
				r = append(r, tgbotapi.NewInlineKeyboardButtonURL(b.Text, b.URL))
			} else {
				r = append(r, tgbotapi.NewInlineKeyboardButtonData(b.Text, b.Data))
			}
		}
		kb = append(kb, r)
	}
	return tgbotapi.NewInlineKeyboardMarkup(kb...)
}

// convert maps the library's errors to *SendError and removes the token.
func (t *Telegram) convert(err error) error {
	var te *tgbotapi.Error
	if errors.As(err, &te) {
		return &SendError{Code: te.Code, Description: te.Message, RetryAfter: time.Duration(te.RetryAfter) * time.Second, MigrateTo: te.MigrateToChatID}
	}
	return redact(err, t.token)
}

// allowedUpdates are the update kinds the bot asks for, by long poll or webhook.
func allowedUpdates() []string {
	return []string{"message", "edited_message", "channel_post", "edited_channel_post", "callback_query", "my_chat_member", "inline_query"}
}

// Updates long-polls getUpdates and calls handle for each message, until ctx
// is done. It first removes any webhook (Telegram refuses getUpdates while
// one is set); a failure there is a warning, and the removal is tried again
// when getUpdates is refused for a webhook, until one succeeds. Errors back off from 1 s
// doubling to 1 min; an empty batch that came back at once (some proxies and
// test servers do that) waits a second.
//
// When an update counts as received: Telegram forgets an update once
// getUpdates is called with a higher offset, and the offset passes an update
// only after handle returned for it with ctx still live. With a Dispatcher
// as handle that is when the update is queued (Submit blocks while the
// dispatcher is full, so the poll fetches nothing more meanwhile), not when
// it is handled: one slow command cannot hold the offset, and so every
// other chat, back. The next getUpdates acknowledges what was handed over;
// at a stop, one last getUpdates (timeout 0) acknowledges the updates handed
// over since, which the dispatcher then handles within its grace, and leaves
// the rest of the batch for Telegram to deliver again after the restart.
// Nothing acknowledged is lost by a graceful stop unless the grace runs out
// (the dispatcher logs the count); a kill -9 loses the updates queued but
// not yet handled, at most the dispatcher's bound — the price of not
// letting a slow command stall the poll.
func (t *Telegram) Updates(ctx context.Context, handle func(context.Context, Incoming)) error {
	unhooked := t.deleteWebhook(ctx)
	offset, acked := 0, 0
	defer func() {
		if offset > acked {
			t.ack(offset)
		}
	}()
	wait := time.Second
	for ctx.Err() == nil {
		started := time.Now()
		ups, err := t.getUpdates(offset)
		if err == nil {
			acked = offset
			t.reach.Answered("getUpdates")
		}
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			t.updatesFailed("getUpdates", err)
			t.reach.Failed("getUpdates", err)
			pause := wait
			var se *SendError
			if errors.As(err, &se) && se.RetryAfter > pause {
				pause = se.RetryAfter // a 429's retry_after: asking sooner is refused again
			}
			if errors.As(err, &se) && se.Code == http.StatusUnauthorized {
				// The token was revoked (or changed in @BotFather) while
				// the bot ran: nothing comes in until it is fixed.
				t.log.Error("getUpdates refused: "+ErrUnauthorized.Error(), "err", err, "retry_in", pause)
			} else if advice := pollConflict(err); advice != "" {
				t.log.Error(advice, "err", err, "retry_in", pause)
				if !unhooked && strings.Contains(advice, "webhook") {
					// The webhook the start failed to remove (Telegram down
					// then) is what refuses the poll: remove it now. One
					// removed once and set again is another process's, and
					// is left to the operator (the advice above).
					unhooked = t.deleteWebhook(ctx)
				}
			} else {
				t.log.Warn("getUpdates failed", "err", err, "retry_in", pause)
			}
			t.sleep(ctx, pause)
			wait = min(wait*2, time.Minute)
			continue
		}
		wait = time.Second
		if len(ups) == 0 && time.Since(started) < time.Second {
			t.sleep(ctx, time.Second)
		}
		for _, raw := range ups {
			id, in, ok, err := decodeUpdate(raw)
			if err != nil {
				t.log.Warn("update skipped", "err", err)
				var head struct {
					ID int `json:"update_id"`
				}
				if json.Unmarshal(raw, &head) == nil {
					offset = max(offset, head.ID+1) // else the same update comes back at every poll
				}
				continue
			}
			if ok {
				handle(ctx, in)
			}
			if ctx.Err() != nil {
				break // maybe not handed over: Telegram delivers it again after the restart
			}
			offset = max(offset, id+1)
		}
	}
	return nil
}

// deleteWebhook removes any webhook, which makes Telegram refuse
// getUpdates, and reports whether Telegram confirmed it; a failure is a
// warning.
func (t *Telegram) deleteWebhook(ctx context.Context) bool {
	if _, err := t.send.Request(tgbotapi.DeleteWebhookConfig{}); err != nil {
		if ctx.Err() == nil {
			t.updatesFailed("deleteWebhook", t.convert(err))
			t.log.Warn("deleteWebhook failed; getUpdates fails while a webhook is set", "err", t.convert(err))
		}
		return false
	}
	return true
}

// pollConflict says what a 409 Conflict from getUpdates means for the
// operator, or "" for another error. Telegram gives each update to one
// poller only: with two processes polling one token, each answers a part of
// the commands, from its own database, and the retries never end it.
func pollConflict(err error) string {
	var se *SendError
	if !errors.As(err, &se) || se.Code != http.StatusConflict {
		return ""
	}
	if strings.Contains(strings.ToLower(se.Description), "webhook") {
		return "getUpdates refused: a webhook is set for this bot token, so no update comes here. Another process using the token " +
			"(a second newshound with telegram.webhook_url?) set it, or deleteWebhook has failed so far (see above; it is tried again): stop the other one, then restart this one, which removes the webhook"
	}
	return "getUpdates refused: another process is polling Telegram with this bot token (a second newshound, or another program with the same token). " +
		"Telegram gives each update to one of them only, so commands here go unanswered at random: stop the other one, or give it a token of its own from @BotFather"
}

// ack tells Telegram that the updates below offset were received, at a stop
// (getUpdates with timeout 0 and limit 1, through the sending client, which
// outlives the stop by a few seconds). A failure is logged: those updates
// come again after the restart.
func (t *Telegram) ack(offset int) {
	p := tgbotapi.Params{"offset": strconv.Itoa(offset), "timeout": "0", "limit": "1"}
	if _, err := t.send.MakeRequest("getUpdates", p); err != nil {
		t.log.Warn("could not acknowledge the last updates at the stop; Telegram will deliver them again", "err", t.convert(err))
	}
}

// getUpdates asks for the updates from offset on, raw, for decodeUpdate.
func (t *Telegram) getUpdates(offset int) ([]json.RawMessage, error) {
	p := tgbotapi.Params{"offset": strconv.Itoa(offset), "timeout": strconv.Itoa(int(t.pollTimeout.Seconds())), "limit": "100"}
	if err := p.AddInterface("allowed_updates", allowedUpdates()); err != nil {
		return nil, err
	}
	resp, err := t.updates.MakeRequest("getUpdates", p)
	if err != nil {
		return nil, t.convert(err)
	}
	var ups []json.RawMessage
	if err := json.Unmarshal(resp.Result, &ups); err != nil {
		return nil, fmt.Errorf("getUpdates: read the answer: %w", err)
	}
	return ups, nil
}

func incomingOf(u tgbotapi.Update) (Incoming, bool) {
	if u.CallbackQuery != nil {
		return callbackOf(u.CallbackQuery)
	}
	if cm := u.MyChatMember; cm != nil {
		return Incoming{ChatID: cm.Chat.ID, ChatType: cm.Chat.Type, ChatTitle: cm.Chat.Title, UserID: cm.From.ID, Language: cm.From.LanguageCode,
			BotStatus: cm.NewChatMember.Status, BotWas: cm.OldChatMember.Status, Date: time.Unix(int64(cm.Date), 0),
			BotMuted: cm.NewChatMember.Status == "restricted" && (!cm.NewChatMember.CanSendMessages || !cm.NewChatMember.IsMember)}, true
	}
	m, edited := u.Message, false
	if m == nil {
		m = u.ChannelPost
	}
	if m == nil {
		m, edited = u.EditedMessage, true
	}
	if m == nil {
		m = u.EditedChannelPost
	}
	if m == nil || m.Chat == nil || m.IsAutomaticForward {
		// An automatic forward is a channel's post copied into the channel's
		// discussion group: the channel's, not a command of the group.
		return Incoming{}, false
	}
	switch { // a group became a supergroup: both chats say so
	case m.MigrateToChatID != 0:
		return Incoming{ChatID: m.Chat.ID, ChatType: m.Chat.Type, ChatTitle: m.Chat.Title, Date: m.Time(),
			MigrateFrom: m.Chat.ID, MigrateTo: m.MigrateToChatID}, true
	case m.MigrateFromChatID != 0:
		return Incoming{ChatID: m.Chat.ID, ChatType: m.Chat.Type, ChatTitle: m.Chat.Title, Date: m.Time(),
			MigrateFrom: m.MigrateFromChatID, MigrateTo: m.Chat.ID}, true
	}
	in := Incoming{ChatID: m.Chat.ID, ChatType: m.Chat.Type, ChatTitle: m.Chat.Title, Text: m.Text, Date: m.Time(), MessageID: m.MessageID,
		Document: documentOf(m), Edited: edited}
	if in.Text == "" {
		in.Text = m.Caption // a document's (or photo's) command comes in its caption
	}
	if m.From != nil {
		in.UserID, in.Language = m.From.ID, m.From.LanguageCode
	}
	if m.SenderChat != nil {
		// A message on behalf of a chat (an anonymous admin, a channel
		// writing in its discussion group) carries a stand-in sender in
		// "from", the same for everyone (@GroupAnonymousBot is 1087968824):
		// /id told anonymous admins it was their user id, and an operator
		// who put it in telegram.admins made every anonymous admin of any
		// group an operator. Such a message has no user.
		in.UserID = 0
	}
	if r := m.ReplyToMessage; r != nil {
		in.ReplyToID = r.MessageID
		in.RepliesToBot = r.From != nil && r.From.IsBot
	}
	if m.SenderChat != nil {
		in.SenderChatID = m.SenderChat.ID
	} else if u.ChannelPost != nil || u.EditedChannelPost != nil {
		in.SenderChatID = m.Chat.ID
	}
	return in, true
}

func sleepCtx(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// ctxClient binds every request to the transport's context and removes the
// token from errors (net/http's *url.Error carries the full URL).
type ctxClient struct {
	ctx   context.Context
	token string
	c     *http.Client
}

func (c *ctxClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.c.Do(req.WithContext(c.ctx))
	if err != nil {
		return nil, redact(err, c.token)
	}
	if err := proxyError(resp); err != nil {
		return nil, err
	}
	return resp, nil
}

// errorPage marks the description of proxyError's *SendError.
const errorPage = "an error page, not Telegram's answer"

// proxyError reads an answer that is not the Bot API's JSON but a 5xx or
// 429 error page (a proxy or load balancer in front of Telegram: nginx's
// "502 Bad Gateway") as a *SendError with its status and Retry-After, and
// closes its body; nil for any other answer, left to the library. Read as
// JSON, such a page was a decoding error: retried as a network failure,
// counted as no answer, and a 429's Retry-After ignored.
func proxyError(resp *http.Response) error {
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500 {
		return nil
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt == "application/json" {
		return nil
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // so the connection can be reused
	resp.Body.Close()
	se := &SendError{Code: resp.StatusCode, Description: http.StatusText(resp.StatusCode) + " (" + errorPage + ": a proxy on the way?)"}
	if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
		se.RetryAfter = time.Duration(s) * time.Second
	}
	return se
}

// redactedError hides the token in an error's text but keeps its chain for errors.Is.
type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

func redact(err error, token string) error {
	if err == nil || token == "" || !strings.Contains(err.Error(), token) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), token, "<token>"), err: err}
}
