package summarize

import (
	"runtime"
	"sync"
)

// minIdleScratches is how many scratches a Summarizer keeps between
// summaries at least; it keeps one a processor on a larger machine
// (maxIdle). A summary that finds none idle makes one, which is dropped
// afterwards when as many are kept already. A scratch's vocabulary holds
// up to maxVocabulary words (about 17 MB with their stems).
const minIdleScratches = 4

// maxIdle is how many idle scratches are kept: as many summaries as can run
// at once, but at least minIdleScratches.
func maxIdle() int { return max(minIdleScratches, runtime.GOMAXPROCS(0)) }

// scratches keeps idle scratches for the next summaries. It is not a
// sync.Pool: the garbage collector empties a pool, and every scratch it
// drops takes its vocabulary (the stem of each word seen, the most
// expensive step per word) with it, to be rebuilt word by word.
type scratches struct {
	mu   sync.Mutex
	idle []*scratch
}

// get returns an idle scratch, or a new one when none is idle.
func (l *scratches) get() *scratch {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.idle); n > 0 {
		sc := l.idle[n-1]
		l.idle[n-1] = nil
		l.idle = l.idle[:n-1]
		return sc
	}
	return newScratch()
}

// put keeps sc for a later summary, or drops it when maxIdle are kept
// already.
func (l *scratches) put(sc *scratch) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.idle) < maxIdle() {
		l.idle = append(l.idle, sc)
	}
}
