// Package testkit holds what tests across the project share: a real store in
// the test's temporary folder, a clock that tests move, and a wait on a
// condition that fails the test with what it was waiting for.
//
// Rules: only tests import it; it opens real SQLite files (no mocks of the
// store) and never sleeps for a fixed time to let something happen.
package testkit
