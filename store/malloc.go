package store

// A reader's page cache is emptied whenever another connection has
// committed since its last read (SQLite's WAL mode), and a running bot's
// poller commits every few seconds, so every /subscribe preview and
// /search reads its pages again: SQLite frees the old cache and allocates
// the new one. glibc's malloc gave that memory back to the kernel as soon
// as 128 KB lay free at the top of a heap (its trim threshold), and took
// every block of more than 128 KB (FTS5's doclists of a common word) with
// mmap, so that each read paid again for the kernel to fault in and zero
// its pages: at 1,000,000 articles the preview of nine common words ORed
// spent 41,000 page faults a run and 5.4 ms at p50, with the thresholds
// below 19,700 and 4.0 ms (BENCHMARKS.md, session 39). Open sets the
// process to keep up to keptMemory freed, and to take blocks of up to
// mappedBlock from the heap (keepSQLiteMemory: glibc on Linux; elsewhere
// nothing). Setting them again, at each Open, changes nothing.
const (
	keptMemory  = 64 << 20
	mappedBlock = 32 << 20 // glibc's most on 64-bit systems
)
