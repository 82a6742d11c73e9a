package bot

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"
)

// ConsoleChatID is the chat id of the terminal in console mode.
const ConsoleChatID int64 = 1

// Console is the transport of console mode: lines typed in the terminal are
// messages of one private chat, and everything sent to it is printed as plain
// text (links as "text (url)").
type Console struct {
	in  io.Reader
	mu  sync.Mutex
	out io.Writer
	ids int
}

// NewConsole returns a console transport reading in and writing out.
func NewConsole(in io.Reader, out io.Writer) *Console { return &Console{in: in, out: out} }

// Send prints the message; it fails only when out fails.
func (c *Console) Send(ctx context.Context, m Outgoing) (int, error) {
	text := m.Text
	if !m.Plain {
		text = plainText(text)
	}
	for _, row := range m.Buttons {
		var labels []string
		for _, b := range row {
			labels = append(labels, "["+b.Text+"]")
		}
		text += "\n" + strings.Join(labels, " ")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ids++
	if _, err := fmt.Fprintf(c.out, "\n%s\n> ", text); err != nil {
		return 0, fmt.Errorf("console: %w", err)
	}
	return c.ids, nil
}

// Edit prints the new text of an earlier message, marked as an edit; it
// fails only when out fails.
func (c *Console) Edit(ctx context.Context, messageID int, m Outgoing) error {
	text := m.Text
	if !m.Plain {
		text = plainText(text)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := fmt.Fprintf(c.out, "\n(edited message %d)\n%s\n> ", messageID, text); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}

// Updates reads lines until ctx is done or the input ends, and hands each to
// handle as a message of the console chat.
func (c *Console) Updates(ctx context.Context, handle func(context.Context, Incoming)) error {
	c.mu.Lock()
	fmt.Fprint(c.out, "Newshound console. Type /help, /subscribe QUERY, /list … (Ctrl-D to quit)\n> ")
	c.mu.Unlock()
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(c.in)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
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
			handle(ctx, Incoming{ChatID: ConsoleChatID, ChatType: "private", ChatTitle: "console", UserID: ConsoleChatID, Text: line})
		}
	}
}
