package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

// planOf returns the EXPLAIN QUERY PLAN of q with args, one detail a line.
func planOf(t *testing.T, s *Store, q string, args ...any) string {
	t.Helper()
	rows, err := s.w.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+q, args...)
	if err != nil {
		t.Fatalf("explain %s: %v", q, err)
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(lines, "\n")
}

// TestHotQueriesUseTheirIndexes asserts the query plans of the queries that
// run per article, per search or per send: none reads a whole table, and
// each uses the index it was written for. A schema or query change that
// loses an index fails here, not in production at a million articles.
func TestHotQueriesUseTheirIndexes(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	now := time.Now().Unix()
	// FTS5's plan reads "INDEX <bits>:<constraints>": 192 is "rowid order,
	// descending" (it walks newest first and stops at the LIMIT), M a MATCH
	// (of articles_terms' 4 columns), =/> a rowid equality or lower bound.
	tests := []struct {
		name  string
		query string
		args  []any
		want  []string // substrings the plan must hold
	}{
		{"insert: duplicate check by guid and by link", sqlInsertArticle,
			[]any{1, "guid", "https://x.example/a", "t", "", "", now, now, 0, "text", "", "ABC15 Arizona", 3},
			[]string{"INDEX sqlite_autoindex_articles_1 (source_id=? AND guid=?)", "USING INDEX articles_url (url=?)"}},
		// By guid the (source_id, guid) key itself refuses the row (no
		// look-up of its own in the plan; TestStoreFeedItemsPlannedStoresWithoutAFailedPlan).
		{"planned insert: duplicate check by link", sqlInsertPlanned,
			[]any{1, "guid", "https://x.example/a", "t", "", "", now, now, 0, "", "", 9, 0, "", nil, "", 3},
			[]string{"USING INDEX articles_url (url=?)"}},
		{"planned insert: the next id", sqlLastArticleID, nil,
			[]string{"SEARCH articles"}}, // sqlite_sequence: a row an AUTOINCREMENT table
		{"pipeline: the articles at a step", sqlPendingArticles, []any{StepLink}, []string{"INDEX articles_pending (pending=?)"}},
		{"pipeline: the ids at a step", sqlPendingIDs, []any{StepMatch}, []string{"USING COVERING INDEX articles_pending (pending=?)"}},
		{"link: an article's story and step", sqlLinkArticle, []any{0, "", nil, StepLink, StepMatch, 7}, []string{"USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"finish: an article's story and the move to done", sqlFinishLink, []any{0, "", nil, StepLink, 7}, []string{"USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"insert: seen items", sqlNewKeys, []any{1, "[42,43]"}, []string{"USING PRIMARY KEY (source_id=? AND key_hash=?)"}},
		{"story candidates: the window", sqlStoryWindow, []any{now, 0}, []string{"USING INDEX articles_published (published_at>?)"}},
		{"story window: the ids", sqlStoryWindowIDs, []any{now}, []string{"USING COVERING INDEX articles_published (published_at>?)"}},
		{"story candidates: since the high-water mark", sqlStoryAfter, []any{now, 10}, []string{"USING INTEGER PRIMARY KEY (rowid>?)"}},
		{"search: the ranking of the candidates", sqlRankArticles, []any{titleWeight, "[1,2]", "[2]", now, halfLife.Seconds(), 10},
			[]string{"USING COVERING INDEX articles_id_published (id=?)"}},
		{"search: a span's matches", sqlSpanMatches, []any{`"kursk"`, 1, 1000},
			[]string{"VIRTUAL TABLE INDEX 64:M4><"}}, // 64: upward; > and <: FTS5 takes both bounds
		{"search: the title walk's cut", sqlTitleCut, []any{now, titleWeight, halfLife.Seconds(), 7},
			[]string{"INDEX articles_fetched (fetched_at>?)", "USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"search: the ends of the ids", sqlIDRange, nil, []string{"SEARCH articles"}},
		{"recent search", sqlSearchRecent, []any{"[1,2]", now, 5}, []string{"USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"preview: the window's first id", sqlFirstIDSince, []any{now}, []string{"INDEX articles_fetched (fetched_at>?)"}},
		{"search, preview: a prefix's most frequent terms", sqlPrefixTerms, []any{"presid", "presie", scanTerms, 65},
			[]string{"SEARCH terms_list USING PRIMARY KEY (term>? AND term<?)"}},
		{"search, preview: a prefix's articles", sqlPrefixDocs, []any{"presid", "presie", scanTerms},
			[]string{"SEARCH terms_list USING PRIMARY KEY (term>? AND term<?)"}},
		{"search, preview: a prefix's waiting terms the list lacks", sqlUnlistedTerms, []any{`["presid"]`},
			[]string{"SEARCH terms_list USING PRIMARY KEY (term=?)"}},
		{"refresh of the terms list: a batch", sqlRefreshTerms, []any{"presid", refreshBatch},
			[]string{"SCAN articles_vocab_cols VIRTUAL TABLE INDEX"}},
		{"preview: count and sample in one walk", sqlRecentMatches, []any{`"kursk"`, 1, countCap, 20, now, 1 << 40},
			[]string{"MATERIALIZE m", "VIRTUAL TABLE INDEX 192:M4><", "USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"source only: the newest of some sources", sqlSourceArticles(2), []any{1, 2, 100, now, 50},
			[]string{"USING INDEX articles_source (source_id=? AND id>?)"}},
		{"source only: count in the window", sqlSourceCount(2), []any{1, 2, 100},
			[]string{"USING COVERING INDEX articles_source (source_id=? AND id>?)"}},
		{"search, preview: the articles of a query's sources in a walk", sqlSourceIDs(2), []any{1, 2, 100, 200},
			[]string{"USING COVERING INDEX articles_source (source_id=? AND id>? AND id<?)"}},
		{"insert: an article's host", sqlHostID, []any{"example.x."}, []string{"USING COVERING INDEX sqlite_autoindex_hosts_1 (name=?)"}},
		{"search, preview: the articles at a site's hosts in a walk", sqlHostArticleIDs, []any{"uk.co.bbc.", "uk.co.bbc/", 100, 200},
			[]string{"USING COVERING INDEX sqlite_autoindex_hosts_1 (name>? AND name<?)", "USING COVERING INDEX articles_host (host_id=? AND id>? AND id<?)",
				"USING COVERING INDEX articles_host (host_id=? AND id>? AND id<?)"}},
		{"search, preview: is there a host at a site", sqlHostsExist, []any{"uk.co.bbc.", "uk.co.bbc/"},
			[]string{"USING COVERING INDEX sqlite_autoindex_hosts_1 (name>? AND name<?)", "USING COVERING INDEX articles_host (host_id=?)"}},
		{"open: the articles without their host", sqlUnfilledHosts, []any{fillBatch}, []string{"USING INDEX articles_host (host_id=?)"}},
		{"preview: sample of all", sqlRecentAll, []any{1, 200, now}, []string{"USING INTEGER PRIMARY KEY (rowid>?)"}},
		{"preview, untexted: count and sample in one walk", sqlRecentMatchesUntexted, []any{`"kursk"`, 1, countCap, 20, now, 1 << 40},
			[]string{"MATERIALIZE m", "VIRTUAL TABLE INDEX 192:M4><", "USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"preview of a NOT: its two sides read newest first, each from a lower bound", sqlRecentNotIDs,
			[]any{`"kursk"`, `"storm"`, 1, candidateCap, negatedCap, countCap, 20, 1 << 40},
			[]string{"MATERIALIZE p", "MATERIALIZE q", "SCAN articles_terms VIRTUAL TABLE INDEX 192:M4><"}},
		{"preview of a NOT: its sample by id", sqlRecentIDs, []any{`[3,2,1]`, now, 3, 1, 1},
			[]string{"SCAN k", "USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"preview, untexted: sample of all", sqlRecentAllUntexted, []any{1, 200, now}, []string{"USING INTEGER PRIMARY KEY (rowid>?)"}},
		{"prune: the old articles", `SELECT id FROM articles WHERE fetched_at < ? AND published_at < ? AND pending = '' AND id NOT IN (` + sqlQueuedArticles + `) LIMIT ?`, []any{now, now, 5000},
			[]string{"INDEX articles_", "SCAN outbox USING INDEX outbox_pending"}},
		{"status: the outbox held back", sqlHeldMessages, []any{now}, []string{"SEARCH i USING COVERING INDEX outbox_pending (chat_id=?)", "SEARCH p USING COVERING INDEX outbox_pending (chat_id=?)"}},
		{"prune: the old unfinished articles never to be alerted", sqlPruneUnfinished, []any{now, now, now - 7*86400, 5000},
			[]string{"SCAN a USING INDEX articles_pending", "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)", "SCAN outbox USING INDEX outbox_pending"}},
		{"prune: the articles waiting unfinished for long", sqlHeldBack, []any{now}, []string{"SCAN articles USING INDEX articles_pending"}},
		{"prune: an article's alerts go with it", `DELETE FROM alerts WHERE article_id = ?`, []any{1}, []string{"SEARCH alerts USING PRIMARY KEY (article_id=?)"}},
		{"queue: the chat's earlier alert of the story", sqlStoryAlert, []any{1, 0, 2, 3}, []string{"INDEX alerts_story (story_id=? AND chat_id=? AND thread_id=?)"}},
		{"also-edits: the other sources of the story", sqlAlsoSources, []any{1, 0, 2}, []string{"INDEX alerts_story (story_id=? AND chat_id=? AND thread_id=?)"}},
		{"digest: the sources of its stories", sqlStorySources(2), []any{1, 2, 1, 2},
			[]string{"SEARCH a USING INTEGER PRIMARY KEY (rowid=?)", "SEARCH a USING INDEX articles_story (story_id=?)"}},
		{"inline: the other outlets of its results' stories", fmt.Sprintf(sqlStoryOutlets, placeholders(2)), []any{1, 2},
			[]string{"SEARCH articles USING INTEGER PRIMARY KEY (rowid=?)", "INDEX articles_story (story_id=?)"}},
		{"digest: has the chat had one", sqlHasDigest, []any{1}, []string{"SEARCH digests USING COVERING INDEX digests_chat_until (chat_id=?)"}},
		{"digest: the chat's alerts of the day", sqlDigestItems, []any{1, now - 86400, now}, []string{"INDEX alerts_chat_created (chat_id=? AND created_at>? AND created_at<?)"}},
		{"quiet hours: hold the chat's alerts", sqlHoldAlerts, []any{1},
			[]string{"alerts USING INDEX alerts_chat_created (chat_id=?)", "outbox USING INDEX outbox_pending (chat_id=?)"}},
		{"quiet hours: hold the chat's pending alert messages", `UPDATE outbox SET status = 'held', last_error = 'quiet hours' WHERE chat_id = ? AND status = 'pending' AND kind = 'alert'`, []any{1},
			[]string{"outbox USING INDEX outbox_pending (chat_id=?)"}},
		{"quiet hours: drop the edits of held alerts", sqlDropHeldEdits, []any{1},
			[]string{"outbox USING INDEX outbox_pending (chat_id=?)", "SEARCH t USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"paused chat: drop its pending alerts", `UPDATE outbox SET status = 'dropped', last_error = ? WHERE chat_id = ? AND status = 'pending' AND kind IN ('alert', 'edit')`, []any{"paused", 1},
			[]string{"outbox USING INDEX outbox_pending (chat_id=?)"}},
		{"sender: a chat's pending alerts", sqlChatAlerts, []any{1, 10, 5},
			[]string{"outbox USING INDEX outbox_pending (chat_id=? AND priority=?)"}},
		{"sender: the backlog", `SELECT count(*) FROM outbox WHERE status = 'pending'`, nil,
			[]string{"SCAN outbox USING COVERING INDEX outbox_pending"}},
		{"clock step: pending messages due too late", `UPDATE outbox SET not_before = ? WHERE status = 'pending' AND not_before > ?`, []any{now, now},
			[]string{"SCAN outbox USING INDEX outbox_pending"}},
		{"chat deleted: its alerts", `DELETE FROM alerts WHERE chat_id = ?`, []any{1}, []string{"INDEX alerts_chat_created (chat_id=?)"}},
		{"chat migrated: its alerts", `UPDATE OR IGNORE alerts SET chat_id = ? WHERE chat_id = ?`, []any{2, 1}, []string{"INDEX alerts_chat_created (chat_id=?)"}},
		{"topic closed: its alerts", `UPDATE OR IGNORE alerts SET thread_id = 0 WHERE chat_id = ? AND thread_id = ?`, []any{1, 5}, []string{"INDEX alerts_chat_created (chat_id=?)"}},
		{"queue: the alert's chat, story, topic and earlier record", sqlAlertCheck, []any{1, 2, 3},
			[]string{"chats USING INTEGER PRIMARY KEY (rowid=?)", "articles USING INTEGER PRIMARY KEY (rowid=?)", "subscriptions USING INTEGER PRIMARY KEY (rowid=?)",
				"alerts USING PRIMARY KEY (article_id=? AND chat_id=? AND thread_id=?)"}},
		{"queue a batch: the alerts' chats, stories, topics, earlier records and sources", sqlAlertBatchCheck, chunkArgs(2, func(i int) (int64, int64, int64) { return 1, 2, 3 }),
			[]string{"chats USING INTEGER PRIMARY KEY (rowid=?)", "sb USING INTEGER PRIMARY KEY (rowid=?)",
				"alerts USING PRIMARY KEY (article_id=? AND chat_id=? AND thread_id=?)", "a USING INTEGER PRIMARY KEY (rowid=?)", "s USING INTEGER PRIMARY KEY (rowid=?)",
				"SEARCH outbox"}},
		{"queue a batch: the stories' alerts", sqlAlertBatchStories, chunkArgs(1, func(i int) (int64, int64, int64) { return 1, 0, 3 }),
			[]string{"INDEX alerts_story (story_id=? AND chat_id=? AND thread_id=?)", "o USING INTEGER PRIMARY KEY (rowid=?)",
				"a USING INTEGER PRIMARY KEY (rowid=?)", "s USING INTEGER PRIMARY KEY (rowid=?)"}},
		{"due messages", sqlDueMessages, []any{now, now + 300, 10}, []string{"SCAN outbox USING COVERING INDEX outbox_pending", "SEARCH i USING COVERING INDEX outbox_pending (chat_id=?)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plan := planOf(t, s, tt.query, tt.args...)
			for _, line := range strings.Split(plan, "\n") {
				for _, table := range []string{"articles", "alerts", "outbox", "seen_items", "sources", "chats", "hosts"} {
					// outbox_pending holds the pending rows only: the backlog;
					// articles_pending the articles the pipeline has not finished.
					if strings.HasPrefix(line, "SCAN "+table) && !strings.HasPrefix(line, "SCAN "+table+"_terms") && !strings.HasPrefix(line, "SCAN "+table+"_vocab") &&
						!strings.Contains(line, "INDEX outbox_pending") && !strings.Contains(line, "INDEX articles_pending") {
						t.Errorf("plan reads the whole of %s:\n%s", table, plan)
					}
				}
			}
			for _, w := range tt.want {
				if !strings.Contains(plan, w) {
					t.Errorf("plan lacks %q:\n%s", w, plan)
				}
			}
		})
	}
}

// TestFullTextIndexedOnceWhenTheTextIsDone: an article stored by the poller
// enters the full-text index when its text step is done, with that text, not
// before with the feed's text (which would be indexed twice).
func TestFullTextIndexedOnceWhenTheTextIsDone(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "fts.db"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	src := wireSource(t, s)
	added, err := s.StoreFeedItems(ctx, src.ID, []news.Article{{GUID: "1", URL: "https://wire.example/1", Title: "Harvest", Text: "teaser words", PublishedAt: time.Now()}})
	if err != nil || len(added) != 1 {
		t.Fatalf("store: %d, %v", len(added), err)
	}
	count := func(match string) int {
		t.Helper()
		indexed(t, s)
		var n int
		if err := s.w.QueryRowContext(ctx, `SELECT count(*) FROM articles_terms WHERE articles_terms MATCH ?`, match).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count("harvest OR teaser"); n != 0 {
		t.Fatalf("%d index entries before the text step, want 0", n)
	}
	if err := s.UpdateArticleText(ctx, added[0].ID, "the full page text", "summary"); err != nil {
		t.Fatal(err)
	}
	if count("teaser") != 0 || count("harvest") != 1 || count("page") != 1 {
		t.Errorf("after the text step: teaser %d, harvest %d, page %d; want 0, 1, 1", count("teaser"), count("harvest"), count("page"))
	}
	if err := s.AdvanceArticles(ctx, []int64{added[0].ID}, StepLink, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Prune(ctx, time.Now().Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if n := count("harvest"); n != 0 {
		t.Errorf("%d index entries after the article was pruned, want 0", n)
	}
	if _, err := s.w.ExecContext(ctx, `INSERT INTO articles_terms (articles_terms) VALUES ('integrity-check')`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
}
