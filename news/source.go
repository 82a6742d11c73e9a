package news

import "time"

// FetchResult is what one fetch of a source changed.
type FetchResult struct {
	OK           bool
	NotModified  bool
	ETag         string
	LastModified string
	Err          string // a failure, as FetchFailure.Encode writes it (what Source.LastError shows)
	// Failure is the kind of a failure (Err's): one of FailDatabase is the
	// database's, not the source's, and does not count as one of its
	// failures in a row.
	Failure     FailureKind
	NextFetchAt time.Time
	// Interval is the wait from this fetch to NextFetchAt, before jitter,
	// and IntervalReason why (shown by /sources).
	Interval       time.Duration
	IntervalReason string
}

// Source origins.
const (
	OriginConfig  = "config"  // listed in the configuration file
	OriginChat    = "chat"    // added with /addsource or /import
	OriginRetired = "retired" // was in the configuration file, is no longer: kept with its articles, not fetched
)

// Source is a feed that the poller fetches.
type Source struct {
	ID           int64
	Name         string
	URL          string
	Origin       string // OriginConfig, OriginChat or OriginRetired
	ETag         string
	LastModified string
	Fetches      int // successful fetches so far
	Failures     int // consecutive failures
	LastFetchAt  time.Time
	LastOKAt     time.Time
	LastError    string
	NextFetchAt  time.Time
	// Interval is the wait the poller chose at the last fetch (adaptive
	// interval, backoff or the server's request; 0 = none yet) and
	// IntervalReason says why.
	Interval       time.Duration
	IntervalReason string
}
