// Package shareddata reads, for tests, the real news kept outside the
// repository: shared/realnews and shared/stories beside the checkout or
// beside one of its parents (the data of cmd/rouge and cmd/storyeval).
package shareddata

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Texts returns the title and the text of each article of the shared data
// (title, text, title, text ...: the real news, then the stories'
// articles) found beside the package's folder's parent or one of its two
// parents after; nil when there are none. A line that is not JSON fails
// the test.
func Texts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	dir := filepath.Join("..", "..")
	for range 3 {
		for _, p := range [...]string{"realnews/cnndm.jsonl", "realnews/xsum.jsonl", "stories/clusters.jsonl"} {
			f, err := os.Open(filepath.Join(dir, "shared", p))
			if err != nil {
				continue
			}
			sc := bufio.NewScanner(f)
			sc.Buffer(nil, 1<<24)
			for sc.Scan() {
				var a struct{ Title, Text string }
				if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
					tb.Fatalf("%s: %v", p, err)
				}
				texts = append(texts, a.Title, a.Text)
			}
			f.Close()
			if err := sc.Err(); err != nil {
				tb.Fatalf("%s: %v", p, err)
			}
		}
		if len(texts) > 0 {
			return texts
		}
		dir = filepath.Join(dir, "..")
	}
	return nil
}
