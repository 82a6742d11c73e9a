// Command newshound is a self-hosted Telegram bot for keyword news alerts.
// Without a token it runs as a console chat in the terminal.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	configPath := flag.String("config", "", "path to the TOML configuration (default: built-in defaults)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	m := NewMain(os.Stdin, os.Stdout, os.Stderr, os.Getenv)
	if err := m.Run(ctx, *configPath); err != nil {
		fmt.Fprintln(os.Stderr, "newshound:", err)
		os.Exit(1)
	}
}
