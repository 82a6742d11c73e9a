package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// help lists the lines the driver understands.
const help = `lines (one per update; # starts a comment):
  chat CHAT TYPE TEXT       a message in CHAT of TYPE private, group, supergroup or channel
                            (in a private chat the sender is CHAT, elsewhere the "user")
  topic CHAT THREAD TEXT    a message in forum topic THREAD of supergroup CHAT (opened unless
                            closed or deleted below)
  reply CHAT TYPE MSG TEXT  a message answering message MSG of CHAT (the bot's, when it sent MSG),
                            in MSG's forum topic when it is in one
  anon GROUP TEXT           an anonymous admin of GROUP writes TEXT: as the group itself
                            (sender_chat the group, from @GroupAnonymousBot), as Telegram sends it
  anontopic GROUP THREAD TEXT  an anonymous admin of GROUP writes TEXT in its forum topic THREAD
  forward GROUP CHANNEL TEXT  channel CHANNEL's post TEXT as Telegram copies it into its discussion
                            group GROUP (is_automatic_forward, sender_chat the channel)
  photo CHAT TYPE [CAPTION]  a photo in CHAT, with CAPTION if given (a command in a caption
                            counts, as in Telegram)
  sticker CHAT TYPE [EMOJI]  a sticker in CHAT (default 👍)
  document CHAT TYPE FILE [CAPTION]  the local FILE sent as a document in CHAT (getFile and
                            the file download serve it), with CAPTION if given, e.g.
                            document 42 private feeds.opml /import (a reply to it carries it too)
  inline USER QUERY         an inline query ("@bot QUERY"); QUERY may be empty
  edit CHAT TYPE MSG TEXT   the sender edits their message MSG of CHAT to TEXT (edited_message;
                            edited_channel_post in a channel), in MSG's forum topic if it was in one
  press CHAT DATA [MSG [THREAD]]  the user presses a button with callback data DATA
                            under message MSG (default 1) of CHAT, in forum topic THREAD if given
                            (else the topic the bot sent MSG to)
  chosen USER RESULT [QUERY]  the user picked inline result RESULT (chosen_inline_result); Telegram
                            sends it only with inline feedback on (@BotFather /setinlinefeedback)
                            and when the bot's allowed_updates name it: else the fake drops it too
  scroll                    scroll to the end of the last inline answer: the same query again
                            with the answer's next_offset (nothing when it has none: the last page)
  user ID                   the sender of later group messages, presses and inline queries (default 42)
  lang CODE                 the senders' Telegram language_code from now on ("-" = none; default en)
  member CHAT USER STATUS   what getChatMember answers: creator, administrator, member, left, kicked
  bot CHAT TYPE STATUS      the bot's own status in CHAT changes (my_chat_member): member or
                            administrator (added), left or kicked (removed; in a private chat,
                            kicked = the user blocked the bot); sends to it are refused 403 until
                            it is added back; restricted (a group mutes the bot: sends are refused
                            400 "not enough rights" until it is member or administrator again)
  migrate GROUP SUPERGROUP  group GROUP becomes supergroup SUPERGROUP: the two service messages,
                            then sends to GROUP are refused with migrate_to_chat_id
  close CHAT THREAD         close forum topic THREAD (forum_topic_closed; sends are refused
                            TOPIC_CLOSED); THREAD 0 hides General (general_forum_topic_hidden)
  reopen CHAT THREAD        reopen forum topic THREAD (forum_topic_reopened); THREAD 0 unhides
                            General (general_forum_topic_unhidden)
  delete CHAT THREAD        delete forum topic THREAD (sends are refused "message thread not found")
  unsend CHAT MSG           the user deletes the bot's message MSG of CHAT (Telegram tells the bot
                            nothing): edits of it are refused "message to edit not found"
  menu CHAT TYPE [admin]    print the command menu the user sees in CHAT (private: their chat with
                            the bot), in the app language of lang, as an admin of a group with
                            admin: the lists the bot registered, in Telegram's order of scopes
  sleep DURATION            pause, e.g. "sleep 2s" or "sleep 2" (seconds; for scripts)
  help                      this text
in a TEXT, CAPTION or QUERY, \n is a line break (a message of several lines)
every call the bot makes is printed as
  > method key=value … (and the text, indented) — accepted or not checked
  x method … REFUSED: description — refused as Telegram would`

// helpText is help with the fault lines (faultHelp) in their place.
func helpText() string {
	return strings.Replace(help, "  sleep DURATION", faultHelp+"\n  sleep DURATION", 1)
}

// driver turns the lines of stdin into updates of the fake.
type driver struct {
	srv    *telegramtest.Server
	out    io.Writer
	user   int64
	lang   string
	nextID int               // message ids of the users' messages, apart from the bot's
	gone   map[[2]int64]bool // (chat, thread) of the topics closed or deleted
	// threads are the forum topics of the users' messages: (chat, message) → thread.
	threads map[[2]int64]int
	// docs are the documents the users sent: (chat, message) → the
	// message's document object, which a reply to it carries, as in Telegram.
	docs  map[[2]int64]map[string]any
	botIn map[int64]string // the bot's status in each chat a bot line named
	// lastInline is the latest inline query, for scroll.
	lastInline struct {
		id, query string
		user      int64
	}
	// refused answers the calls Telegram would refuse after bot and
	// migrate lines.
	refused *refusals
}

func newDriver(srv *telegramtest.Server, out io.Writer) *driver {
	return &driver{srv: srv, out: out, user: 42, lang: "en", nextID: 100000, gone: map[[2]int64]bool{}, threads: map[[2]int64]int{}, docs: map[[2]int64]map[string]any{}, botIn: map[int64]string{}, refused: newRefusals(srv)}
}

// do runs one line; it fails on a line it cannot read.
func (d *driver) do(line string) error {
	verb, rest, _ := strings.Cut(line, " ")
	args := strings.Fields(rest)
	switch verb {
	case "help":
		fmt.Fprintln(d.out, helpText())
	case "chat":
		f, text, err := fields(rest, 2)
		if err != nil {
			return fmt.Errorf("chat CHAT TYPE TEXT: %w", err)
		}
		chat, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return fmt.Errorf("chat: bad chat id %q", f[0])
		}
		d.message(chat, f[1], 0, 0, text)
	case "reply":
		f, text, err := fields(rest, 3)
		if err != nil {
			return fmt.Errorf("reply CHAT TYPE MSG TEXT: %w", err)
		}
		chat, err1 := strconv.ParseInt(f[0], 10, 64)
		msg, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("reply: bad chat or message id in %q", line)
		}
		d.message(chat, f[1], 0, msg, text)
	case "topic":
		f, text, err := fields(rest, 2)
		if err != nil {
			return fmt.Errorf("topic CHAT THREAD TEXT: %w", err)
		}
		chat, err1 := strconv.ParseInt(f[0], 10, 64)
		thread, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || thread <= 0 {
			return fmt.Errorf("topic: bad chat or thread in %q", line)
		}
		if !d.gone[[2]int64{chat, int64(thread)}] {
			d.srv.AddTopic(chat, thread) // a closed or deleted topic stays so
		}
		d.message(chat, "supergroup", thread, 0, text)
	case "anon":
		f, text, err := fields(rest, 1)
		if err != nil {
			return fmt.Errorf("anon GROUP TEXT: %w", err)
		}
		group, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || group >= 0 {
			return fmt.Errorf("anon: a negative group id, e.g. anon -1001 /subscribe kursk")
		}
		d.anonymous(group, 0, text)
	case "anontopic":
		f, text, err := fields(rest, 2)
		if err != nil {
			return fmt.Errorf("anontopic GROUP THREAD TEXT: %w", err)
		}
		group, err1 := strconv.ParseInt(f[0], 10, 64)
		thread, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil || group >= 0 || thread <= 0 || strings.TrimSpace(text) == "" {
			return fmt.Errorf("anontopic: a negative group id, a topic and a text, e.g. anontopic -1001 77 /subscribe kursk")
		}
		if !d.gone[[2]int64{group, int64(thread)}] {
			d.srv.AddTopic(group, thread)
		}
		d.anonymous(group, thread, text)
	case "forward":
		f, text, err := fields(rest, 2)
		if err != nil {
			return fmt.Errorf("forward GROUP CHANNEL TEXT: %w", err)
		}
		group, err1 := strconv.ParseInt(f[0], 10, 64)
		channel, err2 := strconv.ParseInt(f[1], 10, 64)
		if err1 != nil || err2 != nil || group >= 0 || channel >= 0 {
			return fmt.Errorf("forward: two negative chat ids, e.g. forward -1001 -1009 /subscribe kursk")
		}
		d.autoForward(group, channel, text)
	case "photo", "sticker":
		f, text, err := fields(rest, 2)
		if err != nil {
			return fmt.Errorf("%s CHAT TYPE [TEXT]: %w", verb, err)
		}
		chat, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return fmt.Errorf("%s: bad chat id %q", verb, f[0])
		}
		d.media(chat, f[1], verb, text)
	case "document":
		f, caption, err := fields(rest, 3)
		if err != nil {
			return fmt.Errorf("document CHAT TYPE FILE [CAPTION]: %w", err)
		}
		chat, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return fmt.Errorf("document: bad chat id %q", f[0])
		}
		return d.document(chat, f[1], f[2], caption)
	case "inline":
		f, query, err := fields(rest, 1)
		if err != nil {
			return fmt.Errorf("inline USER QUERY: %w", err)
		}
		user, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return fmt.Errorf("inline: bad user id %q", f[0])
		}
		d.inline(user, query, "")
	case "scroll":
		return d.scroll()
	case "chosen":
		f, query, err := fields(rest, 2)
		if err != nil {
			return fmt.Errorf("chosen USER RESULT [QUERY]: %w", err)
		}
		user, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil {
			return fmt.Errorf("chosen: bad user id %q", f[0])
		}
		d.srv.AddUpdate(map[string]any{"chosen_inline_result": map[string]any{"result_id": f[1], "from": d.from(user), "query": query}})
		if !d.srv.Allows("chosen_inline_result") {
			fmt.Fprintln(d.out, "# the bot's allowed_updates leave out chosen_inline_result: Telegram never delivers it")
		}
	case "press":
		if len(args) < 2 || len(args) > 4 {
			return fmt.Errorf("press CHAT DATA [MSG [THREAD]]")
		}
		chat, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return fmt.Errorf("press: bad chat id %q", args[0])
		}
		msg, thread := 1, 0
		if len(args) > 2 {
			if msg, err = strconv.Atoi(args[2]); err != nil {
				return fmt.Errorf("press: bad message id %q", args[2])
			}
		}
		if len(args) > 3 {
			if thread, err = strconv.Atoi(args[3]); err != nil || thread <= 0 {
				return fmt.Errorf("press: bad thread %q", args[3])
			}
		} else {
			thread = d.threadOf(chat, msg) // the topic of the message the button is under
		}
		m := map[string]any{"message_id": msg, "date": time.Now().Unix(), "chat": chatObject(chat, chatType(chat)), "text": "(button message)"}
		if thread > 0 {
			m["message_thread_id"], m["is_topic_message"] = thread, true
			m["chat"].(map[string]any)["is_forum"] = true
		}
		if kb := d.srv.Markup(chat, msg); kb != nil {
			m["reply_markup"] = kb // the pressed message's keyboard, as Telegram sends it
		}
		d.srv.AddUpdate(map[string]any{"callback_query": map[string]any{
			"id": fmt.Sprintf("cb%d", d.next()), "from": d.from(d.sender(chat)), "chat_instance": "ci", "data": args[1], "message": m}})
	case "edit":
		f, text, err := fields(rest, 3)
		if err != nil {
			return fmt.Errorf("edit CHAT TYPE MSG TEXT: %w", err)
		}
		chat, err1 := strconv.ParseInt(f[0], 10, 64)
		msg, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("edit: bad chat or message id in %q", line)
		}
		d.edit(chat, f[1], msg, text)
	case "user":
		if len(args) != 1 {
			return fmt.Errorf("user ID")
		}
		id, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return fmt.Errorf("user: bad id %q", args[0])
		}
		d.user = id
	case "lang":
		if len(args) != 1 {
			return fmt.Errorf("lang CODE")
		}
		d.lang = args[0]
		if d.lang == "-" {
			d.lang = ""
		}
	case "member":
		if len(args) != 3 {
			return fmt.Errorf("member CHAT USER STATUS")
		}
		chat, err1 := strconv.ParseInt(args[0], 10, 64)
		user, err2 := strconv.ParseInt(args[1], 10, 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("member: bad chat or user id in %q", line)
		}
		d.srv.SetMember(chat, user, args[2])
	case "bot":
		if len(args) != 3 {
			return fmt.Errorf("bot CHAT TYPE STATUS")
		}
		chat, err := strconv.ParseInt(args[0], 10, 64)
		if err != nil {
			return fmt.Errorf("bot: bad chat id %q", args[0])
		}
		return d.botStatus(chat, args[1], args[2])
	case "migrate":
		return d.migrate(args)
	case "unsend":
		if len(args) != 2 {
			return fmt.Errorf("unsend CHAT MSG")
		}
		chat, err1 := strconv.ParseInt(args[0], 10, 64)
		msg, err2 := strconv.Atoi(args[1])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("unsend: bad chat or message id in %q", line)
		}
		d.srv.DeleteByUser(chat, msg)
	case "close", "delete":
		if len(args) != 2 {
			return fmt.Errorf("%s CHAT THREAD", verb)
		}
		chat, err1 := strconv.ParseInt(args[0], 10, 64)
		thread, err2 := strconv.Atoi(args[1])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("%s: bad chat or thread in %q", verb, line)
		}
		d.gone[[2]int64{chat, int64(thread)}] = true
		if verb == "close" && thread == 0 {
			d.srv.HideGeneral(chat)
		} else if verb == "close" {
			d.srv.CloseTopicNotice(chat, thread)
		} else {
			d.srv.DeleteTopic(chat, thread)
		}
	case "reopen":
		if len(args) != 2 {
			return fmt.Errorf("reopen CHAT THREAD")
		}
		chat, err1 := strconv.ParseInt(args[0], 10, 64)
		thread, err2 := strconv.Atoi(args[1])
		if err1 != nil || err2 != nil {
			return fmt.Errorf("reopen: bad chat or thread in %q", line)
		}
		delete(d.gone, [2]int64{chat, int64(thread)})
		if thread == 0 {
			d.srv.UnhideGeneral(chat)
		} else {
			d.srv.ReopenTopic(chat, thread)
		}
	case "menu":
		return d.menu(args)
	case "fail", "lose", "slow", "clear", "hangup", "cut", "page", "garbage":
		return d.faultLine(verb, args)
	case "sleep":
		arg := strings.TrimSpace(rest)
		if n, err := strconv.ParseFloat(arg, 64); err == nil {
			arg = fmt.Sprintf("%gs", n) // bare seconds
		}
		dur, err := time.ParseDuration(arg)
		if err != nil {
			return fmt.Errorf("sleep: %w", err)
		}
		time.Sleep(dur)
	default:
		return fmt.Errorf("unknown line %q (type help)", line)
	}
	return nil
}

// menu prints the command menu a user sees in a chat, with each command's
// description: the printed setMyCommands calls name the commands only, so
// whether a chat's menu speaks its language could not be seen.
func (d *driver) menu(args []string) error {
	if len(args) < 2 || len(args) > 3 || (len(args) == 3 && args[2] != "admin") {
		return fmt.Errorf("menu CHAT TYPE [admin]")
	}
	chat, err := strconv.ParseInt(args[0], 10, 64)
	if err != nil {
		return fmt.Errorf("menu: bad chat id %q", args[0])
	}
	admin := len(args) == 3
	who := "a member"
	if admin {
		who = "an admin"
	}
	if args[1] == "private" {
		who = "the user"
	}
	cmds := d.srv.MenuFor(chat, args[1], admin, d.lang)
	fmt.Fprintf(d.out, "# the menu %s sees in %s chat %d, app in %q: %d commands\n", who, args[1], chat, d.lang, len(cmds))
	for _, c := range cmds {
		fmt.Fprintf(d.out, "#   /%s — %s\n", c.Command, c.Description)
	}
	return nil
}

// post queues msg as the update a chat of type typ gets: a channel's
// channel_post, any other chat's message.
func (d *driver) post(typ string, msg map[string]any) {
	key := "message"
	if typ == "channel" {
		key = "channel_post"
	}
	d.srv.AddUpdate(map[string]any{key: msg})
}

// message queues a text message: in forum topic thread when thread > 0,
// answering message replyTo when replyTo > 0.
func (d *driver) message(chat int64, typ string, thread, replyTo int, text string) {
	id := d.next()
	if thread == 0 && replyTo > 0 {
		thread = d.threadOf(chat, replyTo) // a reply to a message of a topic is in that topic
	}
	if thread > 0 {
		d.threads[[2]int64{chat, int64(id)}] = thread
	}
	msg := map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": chatObject(chat, typ), "text": text}
	if typ != "channel" {
		msg["from"] = d.from(d.sender(chat))
	} else {
		msg["sender_chat"] = chatObject(chat, typ) // a channel post is sent on behalf of the channel
	}
	if thread > 0 {
		msg["message_thread_id"], msg["is_topic_message"] = thread, true
		msg["chat"].(map[string]any)["is_forum"] = true
	}
	if replyTo > 0 {
		r := map[string]any{"message_id": replyTo, "date": time.Now().Unix(), "chat": chatObject(chat, typ), "text": "(earlier message)"}
		if d.botSent(chat, replyTo) { // a reply to the bot's own message, which privacy mode lets through
			r["from"] = map[string]any{"id": 1, "is_bot": true, "first_name": "Newshound", "username": d.srv.BotName}
		}
		if doc, ok := d.docs[[2]int64{chat, int64(replyTo)}]; ok { // a reply to a file carries the file
			delete(r, "text")
			r["document"], r["from"] = doc, d.from(d.sender(chat))
		}
		msg["reply_to_message"] = r
	}
	if strings.HasPrefix(text, "/") {
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": utf16Len(strings.Fields(text)[0])}}
	}
	d.post(typ, msg)
}

// anonymous queues text from an anonymous administrator of group, in its
// forum topic thread unless 0: Telegram sends it from @GroupAnonymousBot
// (1087968824) on behalf of the group. Anonymous admins write in topics
// as anyone does; the fake could not say so.
func (d *driver) anonymous(group int64, thread int, text string) {
	id := d.next()
	msg := map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": chatObject(group, "supergroup"), "text": text,
		"from":        map[string]any{"id": 1087968824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"},
		"sender_chat": chatObject(group, "supergroup")}
	if thread > 0 {
		d.threads[[2]int64{group, int64(id)}] = thread
		msg["message_thread_id"], msg["is_topic_message"] = thread, true
		msg["chat"].(map[string]any)["is_forum"] = true
	}
	if strings.HasPrefix(text, "/") {
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": utf16Len(strings.Fields(text)[0])}}
	}
	d.srv.AddUpdate(map[string]any{"message": msg})
}

// autoForward queues a channel's post as Telegram copies it into the
// channel's discussion group: from the service account 777000 on behalf
// of the channel, marked is_automatic_forward.
func (d *driver) autoForward(group, channel int64, text string) {
	now := time.Now().Unix()
	msg := map[string]any{"message_id": d.next(), "date": now, "chat": chatObject(group, "supergroup"), "text": text,
		"from":        map[string]any{"id": 777000, "is_bot": false, "first_name": "Telegram"},
		"sender_chat": chatObject(channel, "channel"), "is_automatic_forward": true,
		"forward_origin": map[string]any{"type": "channel", "chat": chatObject(channel, "channel"), "message_id": d.next(), "date": now}}
	if strings.HasPrefix(text, "/") {
		msg["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": utf16Len(strings.Fields(text)[0])}}
	}
	d.srv.AddUpdate(map[string]any{"message": msg})
}

// media queues a photo (text is its caption, a command in it marked as
// Telegram marks it) or a sticker (text is its emoji) from the sender.
func (d *driver) media(chat int64, typ, kind, text string) {
	msg := map[string]any{"message_id": d.next(), "date": time.Now().Unix(), "chat": chatObject(chat, typ), "from": d.from(d.sender(chat))}
	if kind == "sticker" {
		if text == "" {
			text = "👍"
		}
		msg["sticker"] = map[string]any{"file_id": "sticker1", "file_unique_id": "s1", "type": "regular", "width": 512, "height": 512,
			"is_animated": false, "is_video": false, "emoji": text}
	} else {
		msg["photo"] = []map[string]any{{"file_id": "photo1", "file_unique_id": "p1", "width": 90, "height": 90}}
		if text != "" {
			msg["caption"] = text
			if strings.HasPrefix(text, "/") {
				msg["caption_entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": utf16Len(strings.Fields(text)[0])}}
			}
		}
	}
	d.srv.AddUpdate(map[string]any{"message": msg})
}

// document queues the local file path as a document a user sends to chat,
// with caption (a command in it marked as Telegram marks it); the fake
// serves the file to getFile and its download address. It fails when the
// file cannot be read.
func (d *driver) document(chat int64, typ, path, caption string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("document: %w", err)
	}
	id := d.next()
	fileID, name := fmt.Sprintf("doc%d", id), filepath.Base(path)
	d.srv.AddFile(fileID, name, data)
	doc := map[string]any{"file_id": fileID, "file_unique_id": "u" + fileID, "file_name": name, "file_size": len(data)}
	d.docs[[2]int64{chat, int64(id)}] = doc
	msg := map[string]any{"message_id": id, "date": time.Now().Unix(), "chat": chatObject(chat, typ), "from": d.from(d.sender(chat)), "document": doc}
	if caption != "" {
		msg["caption"] = caption
		if strings.HasPrefix(caption, "/") {
			msg["caption_entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": utf16Len(strings.Fields(caption)[0])}}
		}
	}
	d.post(typ, msg)
	return nil
}

// threadOf returns the forum topic message msg of chat is in: a user's
// message of a topic line (or a reply in a topic), or a message the bot
// sent to a topic; 0 when none.
func (d *driver) threadOf(chat int64, msg int) int {
	if t := d.threads[[2]int64{chat, int64(msg)}]; t > 0 {
		return t
	}
	for _, c := range d.srv.Sent(chat) {
		if c.Params.Get("_message_id") == strconv.Itoa(msg) {
			t, _ := strconv.Atoi(c.Params.Get("message_thread_id"))
			return t
		}
	}
	return 0
}

// botSent reports whether the bot sent message msg to chat.
func (d *driver) botSent(chat int64, msg int) bool {
	for _, c := range d.srv.Sent(chat) {
		if c.Params.Get("_message_id") == strconv.Itoa(msg) {
			return true
		}
	}
	return false
}

// edit queues an edited_message (edited_channel_post in a channel): the
// sender's message msg of chat now reads text.
func (d *driver) edit(chat int64, typ string, msg int, text string) {
	now := time.Now().Unix()
	m := map[string]any{"message_id": msg, "date": now - 60, "edit_date": now, "chat": chatObject(chat, typ), "text": text}
	if thread := d.threadOf(chat, msg); thread > 0 { // an edited message stays in its topic
		m["message_thread_id"], m["is_topic_message"] = thread, true
		m["chat"].(map[string]any)["is_forum"] = true
	}
	key := "edited_message"
	if typ == "channel" {
		key, m["sender_chat"] = "edited_channel_post", chatObject(chat, typ)
	} else {
		m["from"] = d.from(d.sender(chat))
	}
	if strings.HasPrefix(text, "/") {
		m["entities"] = []map[string]any{{"type": "bot_command", "offset": 0, "length": utf16Len(strings.Fields(text)[0])}}
	}
	d.srv.AddUpdate(map[string]any{key: m})
}

// inline queues an inline query and remembers it for scroll.
func (d *driver) inline(user int64, query, offset string) {
	id := fmt.Sprintf("iq%d", d.next())
	d.lastInline.id, d.lastInline.query, d.lastInline.user = id, query, user
	d.srv.AddUpdate(map[string]any{"inline_query": map[string]any{
		"id": id, "query": query, "offset": offset, "chat_type": "sender", "from": d.from(user)}})
}

// scroll asks for the next page of the last inline answer, as Telegram does
// when the person scrolls to its end. It fails when there was no inline query.
func (d *driver) scroll() error {
	if d.lastInline.id == "" {
		return fmt.Errorf("scroll: no inline query yet")
	}
	next, answered := "", false
	for _, c := range d.srv.Calls("answerInlineQuery") {
		if c.Params.Get("inline_query_id") == d.lastInline.id {
			next, answered = c.Params.Get("next_offset"), true
		}
	}
	switch {
	case !answered:
		fmt.Fprintf(d.out, "# %s has no answer yet\n", d.lastInline.id)
	case next == "":
		fmt.Fprintf(d.out, "# no more results: the answer to %s has no next_offset\n", d.lastInline.id)
	default:
		d.inline(d.lastInline.user, d.lastInline.query, next)
	}
	return nil
}

func (d *driver) next() int {
	d.nextID++
	return d.nextID
}

// sender is who writes in chat: the chat itself when private, else the user.
func (d *driver) sender(chat int64) int64 {
	if chat > 0 {
		return chat
	}
	return d.user
}

func (d *driver) from(user int64) map[string]any {
	f := map[string]any{"id": user, "is_bot": false, "first_name": fmt.Sprintf("User%d", user)}
	if d.lang != "" {
		f["language_code"] = d.lang
	}
	return f
}

func chatObject(id int64, typ string) map[string]any {
	c := map[string]any{"id": id, "type": typ}
	if typ != "private" {
		c["title"] = fmt.Sprintf("Chat %d", id)
	}
	return c
}

// chatType guesses a chat's type from its id: positive ids are private
// chats, -100… supergroups, other negative ids groups.
func chatType(id int64) string {
	switch {
	case id > 0:
		return "private"
	case strings.HasPrefix(strconv.FormatInt(id, 10), "-100"):
		return "supergroup"
	}
	return "group"
}

// fields splits the first n words off s and returns them and the rest
// (which may be empty), each \n in it a line break; it fails when s has
// fewer than n words.
func fields(s string, n int) ([]string, string, error) {
	out := make([]string, 0, n)
	rest := strings.TrimLeft(s, " ")
	for range n {
		if rest == "" {
			return nil, "", fmt.Errorf("want %d word(s) before the text", n)
		}
		w, r, _ := strings.Cut(rest, " ")
		out = append(out, w)
		rest = strings.TrimLeft(r, " ")
	}
	return out, strings.ReplaceAll(rest, `\n`, "\n"), nil
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
