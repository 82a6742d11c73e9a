package main

import (
	"fmt"
	"os"
	"sync"
)

// reopenableLog is the log file's writer, reopened by name on SIGHUP: logrotate
// renames the file (its default "create" mode) and sends SIGHUP, and a
// writer holding the old file went on writing into newshound.log.1 for
// good while the new newshound.log stayed empty.
type reopenableLog struct {
	mu   sync.Mutex
	path string
	f    *os.File
}

// openLogFile opens (or creates) path for appending. It fails as os.OpenFile does.
func openLogFile(path string) (*reopenableLog, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return nil, err
	}
	return &reopenableLog{path: path, f: f}, nil
}

func (l *reopenableLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Write(p)
}

// Reopen opens the file by its name again and closes the one written so
// far; when the name cannot be opened, it goes on with the old file and
// fails saying so.
func (l *reopenableLog) Reopen() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o640)
	if err != nil {
		return fmt.Errorf("reopen the log file: %w; going on writing to the file open so far", err)
	}
	l.mu.Lock()
	old := l.f
	l.f = f
	l.mu.Unlock()
	return old.Close()
}

// Close closes the file.
func (l *reopenableLog) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.f.Close()
}
