package feeds

import "github.com/newshound/newshound/news"

// FailureOf says what kind of failure err, from a fetch, is (as /sources
// shows a source's last failure): an HTTP status, a timeout, DNS, a refused
// connection, TLS, a size or redirect limit, not a feed, a blocked address;
// FailOther when none of these.
func FailureOf(err error) news.FetchFailure { return failure(err, false) }
