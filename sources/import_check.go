package sources

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/newshound/newshound/feeds"
)

// Bounds of the fetches an import makes to tell a feed from a site's page:
// importChecks at once, ImportCheckTime in all (each fetch bounded by the
// FeedFinder's own timeout too). What is not reached in time is added as
// the list gives it.
const (
	importChecks    = 4
	ImportCheckTime = 60 * time.Second
)

// discovery is what Discover said of one entry of a list.
type discovery struct {
	found feeds.Discovered
	err   error
}

// errNotChecked is the discovery of an entry the import's time ran out for.
var errNotChecked = fmt.Errorf("not fetched within the import's %s", ImportCheckTime)

// discoverAll discovers the feed of each entry, importChecks at a time,
// within ImportCheckTime; the result of entry i is at i.
func (s *Service) discoverAll(ctx context.Context, outs []feeds.Outline) []discovery {
	out := make([]discovery, len(outs))
	if len(outs) == 0 {
		return out
	}
	ctx, cancel := context.WithTimeout(ctx, ImportCheckTime)
	defer cancel()
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(importChecks, len(outs)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if ctx.Err() != nil {
					out[i] = discovery{err: errNotChecked}
					continue
				}
				found, err := s.opts.Finder.Discover(ctx, outs[i].URL)
				out[i] = discovery{found: found, err: err}
			}
		}()
	}
	for i := range outs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
