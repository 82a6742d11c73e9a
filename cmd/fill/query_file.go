package main

import (
	"fmt"
	"os"
	"strings"
)

// readQueries returns the queries of the file at path, one a line (blank
// lines skipped), each of kind "file", for -query-file. It fails when the
// file cannot be read or holds no query.
func readQueries(path string) ([]struct{ kind, text string }, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("query file: %w", err)
	}
	var out []struct{ kind, text string }
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, struct{ kind, text string }{"file", line})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("query file %s: no query", path)
	}
	return out, nil
}
