package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/newshound/newshound/store"
)

// reindexGap is the pause between two batches of the background
// re-indexing, in which the poller's and the sender's writes take the
// writer; reindexRetry the wait after a batch that failed.
const (
	reindexGap   = 50 * time.Millisecond
	reindexRetry = time.Minute
)

// reindexTerms runs the re-indexing of articles that store.Open marked
// after an upgrade changed how words are folded (Store.ReindexStep): one
// batch after another, wait(reindexGap) between them, until none is left,
// then it waits for ctx. Until it is done, /search misses the marked
// articles for the words the new folding reads anew; alerts are not
// affected. A batch that fails (a busy or full disk) is logged and tried
// again after wait(reindexRetry); a stop part way leaves the rest marked
// for the next start. With nothing marked it does nothing. It returns nil
// when ctx is done: it never stops the bot.
func reindexTerms(ctx context.Context, st *store.Store, wait func(time.Duration) <-chan time.Time, log *slog.Logger) error {
	for st.Reindexing() > 0 {
		pause := reindexGap
		if _, err := st.ReindexStep(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			log.Error("re-index articles; trying again in a minute", "err", err)
			pause = reindexRetry
		}
		select {
		case <-ctx.Done():
			return nil
		case <-wait(pause):
		}
	}
	<-ctx.Done()
	return nil
}
