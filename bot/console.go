package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/newshound/newshound/locale"
)

// ConsoleChatID is the chat id of the terminal in console mode.
const ConsoleChatID int64 = 1

// Console is the transport of console mode: lines typed in the terminal are
// messages of one private chat, and everything sent to it is printed as plain
// text (links as "text (url)"). Buttons are printed numbered, "[3: Remove]",
// and typing the number alone presses the button.
type Console struct {
	in   io.Reader
	lang string // the terminal's language ("" = English); set before Updates
	// chatLang, when set, is the language the console chat speaks now
	// (a /language choice), which the console's own lines follow.
	chatLang func(context.Context) string
	spoke    string // the language of the console's last line ("" = English)
	// pasted is the latest OPML list pasted (see gatherPaste), by file id;
	// pastes counts them; pastePause, when set, replaces pastePause (tests).
	pasted     map[string][]byte
	pastes     int
	pastePause time.Duration
	// fileDir, when set, is where a document sent to the console is
	// saved (SetFileDir).
	fileDir string
	mu      sync.Mutex
	out     io.Writer
	ids     int
	buttons []consoleButton // every callback button printed, numbered from 1
	printed chan struct{}   // closed (and replaced) when something is printed
}

// consoleButton is a printed button: its callback data and its message.
type consoleButton struct {
	data      string
	messageID int
}

// maxConsoleButtons bounds what the console remembers; older numbers expire.
const maxConsoleButtons = 1000

// A number that names no button yet waits while output is still coming:
// replies go through the outbox, so a number typed or piped right after a
// command ("/list", then "1") is read before that reply prints its buttons.
// It waits until pressQuiet passes with nothing printed, pressMax at most.
const (
	pressQuiet = 3 * time.Second
	pressMax   = 15 * time.Second
)

// NewConsole returns a console transport reading in and writing out.
func NewConsole(in io.Reader, out io.Writer) *Console { return &Console{in: in, out: out} }

// SetLanguage sets the terminal user's language, as Telegram's
// language_code would (a code the bot does not speak means English): the
// console's own prompts speak it, and its messages carry it, so replies
// speak it until the chat picks another with /language. Call it before
// Updates.
func (c *Console) SetLanguage(code string) { c.lang, _ = locale.Match(code) }

// SetChatLanguage makes the console's own lines (its prompt, "There is no
// button 3", the /import note, a document's size) speak the chat's
// language as lang returns it ("" = the terminal's): after /language de
// the replies spoke German and the console's lines English. Call it
// before Updates.
func (c *Console) SetChatLanguage(lang func(context.Context) string) { c.chatLang = lang }

// printer speaks the chat's language (SetChatLanguage), else the
// terminal's. It reads the store: never call it holding c.mu.
func (c *Console) printer(ctx context.Context) locale.Printer {
	lang := c.lang
	if c.chatLang != nil {
		if l := c.chatLang(ctx); l != "" {
			lang = l
		}
	}
	c.mu.Lock()
	c.spoke = lang
	c.mu.Unlock()
	return locale.For(lang)
}

// Spoke returns the language of the console's last line, for a line
// printed once the chat's store is closed (the way back after Ctrl-D).
func (c *Console) Spoke() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.spoke == "" {
		return c.lang
	}
	return c.spoke
}

// Language returns the terminal user's language code.
func (c *Console) Language() string {
	if c.lang == "" {
		return locale.English
	}
	return c.lang
}

// Send prints the message; a document is printed as its name and size,
// then its contents when they are text (the console keeps no files). It
// fails only when out fails.
func (c *Console) Send(ctx context.Context, m Outgoing) (int, error) {
	text := m.Text
	if !m.Plain {
		text = plainText(text)
	}
	p := c.printer(ctx)
	if d := m.Document; d != nil {
		saved, err := c.saveDocument(d)
		text = consoleDocument(p, d, text, saved, err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids++
	text += c.labels(p, m.Buttons, c.ids)
	c.signalPrinted()
	if _, err := fmt.Fprintf(c.out, "\n%s\n> ", text); err != nil {
		return 0, fmt.Errorf("console: %w", err)
	}
	return c.ids, nil
}

// consoleDocument renders a document and its caption for the terminal:
// where it was saved (saved, or why not: err), then its contents when they
// are text short enough to read there.
func consoleDocument(p locale.Printer, d *Document, caption, saved string, err error) string {
	s := p.Sprintf("📎 %s (%d bytes)", d.Name, len(d.Data))
	switch {
	case saved != "":
		s = p.Sprintf("📎 %s (%d bytes), saved as %s", d.Name, len(d.Data), saved)
	case err != nil:
		s += "\n" + p.Sprintf("⚠️ Not saved: %s", err.Error())
	}
	if caption != "" {
		s += "\n" + caption
	}
	if utf8.Valid(d.Data) && (saved == "" || len(d.Data) <= maxShownDocument) {
		s += "\n" + strings.TrimRight(string(d.Data), "\n")
	}
	return s
}

// maxShownDocument bounds the document a console prints besides saving it.
const maxShownDocument = 4 << 10

// labels numbers the callback buttons of message id and renders them; link
// buttons show their URL. The caller holds c.mu.
func (c *Console) labels(p locale.Printer, rows [][]Button, id int) string {
	var b strings.Builder
	for _, row := range rows {
		var labels []string
		for _, btn := range row {
			if btn.URL != "" {
				labels = append(labels, "["+btn.Text+": "+btn.URL+"]")
				continue
			}
			if len(c.buttons) >= maxConsoleButtons {
				c.buttons = nil // numbers start again; old presses expire
			}
			c.buttons = append(c.buttons, consoleButton{data: btn.Data, messageID: id})
			labels = append(labels, fmt.Sprintf("[%d: %s]", len(c.buttons), btn.Text))
		}
		b.WriteString("\n" + strings.Join(labels, " "))
	}
	if len(rows) > 0 {
		b.WriteString("\n" + p.Sprintf("(type a button's number to press it)"))
	}
	return b.String()
}

// signalPrinted wakes those waiting for output. The caller holds c.mu.
func (c *Console) signalPrinted() {
	if c.printed != nil {
		close(c.printed)
	}
	c.printed = make(chan struct{})
}

// press returns the button numbered n, waiting for it while output is still
// coming (see pressQuiet); false when there is none by then, or ctx is done.
func (c *Console) press(ctx context.Context, n int) (consoleButton, bool) {
	deadline := time.NewTimer(pressMax)
	defer deadline.Stop()
	for {
		c.mu.Lock()
		if n >= 1 && n <= len(c.buttons) {
			btn := c.buttons[n-1]
			c.mu.Unlock()
			return btn, true
		}
		if c.printed == nil {
			c.printed = make(chan struct{})
		}
		printed := c.printed
		c.mu.Unlock()
		quiet := time.NewTimer(pressQuiet)
		select {
		case <-printed:
			quiet.Stop()
		case <-quiet.C:
			return consoleButton{}, false
		case <-deadline.C:
			quiet.Stop()
			return consoleButton{}, false
		case <-ctx.Done():
			quiet.Stop()
			return consoleButton{}, false
		}
	}
}

// Edit prints the new text of an earlier message, marked as an edit; it
// fails only when out fails.
func (c *Console) Edit(ctx context.Context, messageID int, m Outgoing) error {
	text := m.Text
	if !m.Plain {
		text = plainText(text)
	}
	p := c.printer(ctx)
	c.mu.Lock()
	defer c.mu.Unlock()
	text += c.labels(p, m.Buttons, messageID)
	c.signalPrinted()
	if _, err := fmt.Fprintf(c.out, "\n%s\n%s\n> ", p.Sprintf("(edited message %d)", messageID), text); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}

// maxConsoleLine bounds a line typed or pasted into the console: a longer one
// is cut there (every command's argument is far shorter, so the router then
// says it is too long) and the rest of it skipped, instead of ending the
// console.
const maxConsoleLine = 64 << 10

// readConsoleLine returns the next line of br without its line ending, cut
// to maxConsoleLine bytes (at a character boundary); the error is br's, with
// what was read before it.
func readConsoleLine(br *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if room := maxConsoleLine - len(b); room > 0 {
			b = append(b, chunk[:min(len(chunk), room)]...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		line := strings.TrimRight(string(b), "\r\n")
		if len(b) >= maxConsoleLine {
			line = strings.ToValidUTF8(line, "") // the cut may split a character
		}
		return line, err
	}
}

// Updates reads lines until ctx is done or the input ends, and hands each to
// handle as a message of the console chat.
func (c *Console) Updates(ctx context.Context, handle func(context.Context, Incoming)) error {
	hello := c.printer(ctx)
	c.mu.Lock()
	fmt.Fprint(c.out, hello.Sprintf("Newshound console. Type /help, /subscribe QUERY, /list … (Ctrl-D to quit)")+"\n> ")
	c.mu.Unlock()
	lines := make(chan string)
	go func() {
		defer close(lines)
		br := bufio.NewReader(c.in)
		for {
			line, err := readConsoleLine(br)
			if err != nil && line == "" {
				return
			}
			select {
			case lines <- line:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				return io.EOF
			}
			if strings.TrimSpace(line) == "" {
				c.mu.Lock()
				fmt.Fprint(c.out, "> ")
				c.mu.Unlock()
				continue
			}
			in := Incoming{ChatID: ConsoleChatID, ChatType: "private", ChatTitle: "console", UserID: ConsoleChatID, Text: line, Language: c.lang, Terminal: true}
			if startsPaste(line) { // an OPML list pasted: one /import, not a message a line
				doc, fits, open := c.gatherPaste(ctx, line, lines)
				if !fits {
					p := c.printer(ctx)
					c.mu.Lock()
					fmt.Fprint(c.out, p.Sprintf("That pasted OPML list is over %d KB, more than /import takes; split it in two.", maxPaste>>10)+"\n> ")
					c.mu.Unlock()
				} else {
					in.Text, in.Document = "/import", c.keepPaste(doc)
					handle(ctx, in)
				}
				if !open {
					return io.EOF
				}
				continue
			}
			if f := consoleImportFile(line); f != nil { // "/import feeds.opml": the console's way to send a file
				in.Text, in.Document = "/import", f
			} else if note := consoleImportNote(c.printer(ctx), line); note != "" {
				c.mu.Lock()
				fmt.Fprint(c.out, note+"\n> ")
				c.mu.Unlock()
				continue
			}
			if n, err := strconv.Atoi(strings.TrimSpace(line)); err == nil {
				btn, ok := c.press(ctx, n)
				if !ok {
					p := c.printer(ctx)
					c.mu.Lock()
					fmt.Fprint(c.out, p.Sprintf("There is no button %d.", n)+"\n> ")
					c.mu.Unlock()
					continue
				}
				in.Text, in.MessageID = "", btn.messageID
				in.Callback = &Callback{ID: "console-" + strconv.Itoa(n), Data: btn.data, MessageID: btn.messageID}
			}
			handle(ctx, in)
		}
	}
}

// AnswerCallback prints the short notice a button press gets; it fails only
// when out fails.
func (c *Console) AnswerCallback(ctx context.Context, callbackID, text string) error {
	if text == "" {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.out, "(%s)\n> ", text); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}

// IsChatAdmin is always true: the console's one user runs the bot.
func (c *Console) IsChatAdmin(ctx context.Context, chatID, userID int64) (bool, error) {
	return true, nil
}

// RewriteMessage prints the new text of an earlier message, as Edit does.
func (c *Console) RewriteMessage(ctx context.Context, chatID int64, messageID int, text string, buttons [][]Button) error {
	return c.Edit(ctx, messageID, Outgoing{ChatID: chatID, Text: text, Buttons: buttons})
}
