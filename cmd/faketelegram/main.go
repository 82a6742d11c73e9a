// Command faketelegram serves the fake Bot API of internal/telegramtest on a
// local port, lets a person or a script act as Telegram users by typing
// lines on stdin, and prints every call the bot makes to stdout. It is how
// to try the real newshound binary as a stranger would, without Telegram:
//
//	go run -tags sqlite_fts5 ./cmd/faketelegram -listen 127.0.0.1:8081 -config /tmp/fake.toml
//	go run -tags sqlite_fts5 . -config /tmp/fake.toml        # in another terminal
//
// -config writes a config file pointing at the fake (token, api_endpoint,
// a database in the same directory, the operator as admin); copy more keys
// into it as needed. With -webhook http://127.0.0.1:8443/hook the fake
// posts updates there once the bot sets its webhook, as Telegram does.
// -h, or typing "help", lists the lines it understands. With stdin
// at its end (a script piped in), it waits until the bot has been quiet for
// -linger and exits.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newshound/newshound/internal/telegramtest"
)

// options are the command's flags.
type options struct {
	listen, token, cfgPath, webhook *string
	admin                           *int64
	linger                          *time.Duration
}

// defineFlags defines the command's flags on fs, whose usage (-h) lists the
// flags and then the lines stdin takes, which typing help lists too.
func defineFlags(fs *flag.FlagSet) options {
	var o options
	o.listen = fs.String("listen", "127.0.0.1:8081", "address the fake Bot API listens on")
	o.token = fs.String("token", "1:fake", "the bot token the fake accepts")
	o.cfgPath = fs.String("config", "", "write a newshound config file pointing at the fake here (empty = none)")
	o.admin = fs.Int64("admin", 42, "the operator's user id written to telegram.admins by -config")
	o.webhook = fs.String("webhook", "", "webhook mode: post updates to this http URL on 127.0.0.1 once the bot sets its webhook (-config writes webhook_url and webhook_listen for it)")
	o.linger = fs.Duration("linger", 3*time.Second, "at the end of stdin, exit once the bot has made no call for this long")
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "usage: %s [flags] < lines\n\nServes a fake Telegram Bot API; each line of stdin is an update from a user.\n\nflags:\n", filepath.Base(fs.Name()))
		fs.PrintDefaults()
		fmt.Fprintf(out, "\nstdin takes these %s\n", helpText())
	}
	return o
}

func main() {
	o := defineFlags(flag.CommandLine)
	flag.Parse()
	listen, token, cfgPath, admin, webhook, linger := o.listen, o.token, o.cfgPath, o.admin, o.webhook, o.linger
	srv, err := telegramtest.NewServerAt(*token, *listen)
	if err != nil {
		fmt.Fprintln(os.Stderr, "faketelegram:", err)
		os.Exit(1)
	}
	defer srv.Close()
	if *webhook != "" {
		srv.ForwardWebhookTo(*webhook)
	}
	fmt.Fprintf(os.Stderr, "faketelegram: serving the Bot API for token %q; api_endpoint = %q\n", *token, srv.Endpoint())
	if *cfgPath != "" {
		if err := writeConfig(*cfgPath, *token, srv.Endpoint(), *webhook, *admin); err != nil {
			fmt.Fprintln(os.Stderr, "faketelegram:", err)
			os.Exit(1)
		}
		fmt.Fprintf(os.Stderr, "faketelegram: wrote %s; run: go run -tags sqlite_fts5 . -config %s\n", *cfgPath, *cfgPath)
	}
	p := newPrinter(srv, os.Stdout)
	go p.run()
	d := newDriver(srv, os.Stdout)
	if err := d.read(os.Stdin); err != nil {
		fmt.Fprintln(os.Stderr, "faketelegram:", err)
		os.Exit(1)
	}
	p.waitQuiet(*linger)
}

// writeConfig writes a minimal config file for the fake: the token, the
// endpoint, the webhook (when not empty), a database beside the file and
// the operator's id. It fails on a webhook URL without a host:port.
func writeConfig(path, token, endpoint, webhook string, admin int64) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("config path: %w", err)
	}
	db := filepath.Join(filepath.Dir(abs), "faketelegram.db")
	hook := ""
	if webhook != "" {
		u, err := url.Parse(webhook)
		if err != nil || u.Host == "" {
			return fmt.Errorf("-webhook %q is not a URL like http://127.0.0.1:8443/hook", webhook)
		}
		hook = fmt.Sprintf("webhook_url = %q\nwebhook_listen = %q\n", webhook, u.Host)
	}
	body := fmt.Sprintf("[telegram]\ntoken = %q\napi_endpoint = %q\npoll_timeout = \"2s\"\nadmins = [%d]\n%s\n[storage]\npath = %q\n",
		token, endpoint, admin, hook, db)
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		return fmt.Errorf("write config: %w", err)
	}
	return nil
}

// read runs the lines of r until its end.
func (d *driver) read(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := d.do(line); err != nil {
			fmt.Fprintln(d.out, "! "+err.Error())
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	return nil
}
