package store

import (
	"context"
	"testing"
	"time"

	"github.com/newshound/newshound/news"
)

func TestHoldsPhrase(t *testing.T) {
	for expr, want := range map[string]bool{
		`{title body} : "officials market"`:                        true,
		`{title body tstems bstems} : "kursk"`:                     false,
		`({title body} : "kursk") NOT ({title body} : "said the")`: true,
		`{title} : "a ""quoted"" word"`:                            true,
		`{title body} : "a""b" OR {title body} : "c"`:              false,
		`{title body tstems bstems} : ("weath" OR "weather")`:      false,
		`{title body} : "presid"*`:                                 false,
		``:                                                         false,
		`{title body} : "unterminated phrase`:                      true,
	} {
		if got := holdsPhrase(expr); got != want {
			t.Errorf("holdsPhrase(%q) = %v, want %v", expr, got, want)
		}
	}
}

// A phrase of words that many articles hold and few hold together: FTS5
// walking newest first read past the window's lowest id, over every article
// holding the words. The preview reads only the newest span of ids and
// scales what it found there to the window.
func TestRecentMatchesBoundsAPhrase(t *testing.T) {
	ctx := context.Background()
	s, added := spanStore(t, 30, func(i int) bool { return i%3 == 0 })
	since := added[0].PublishedAt.Add(-time.Minute) // the window holds all 30
	match := `{title body} : "kursk deminers"`
	sample, examined, total, _, err := s.RecentMatchesExact(ctx, match, since, 20)
	if err != nil || examined != 10 || total != 10 || len(sample) != 10 {
		t.Fatalf("unbounded: %d sampled, %d examined, total %d, %v; want the 10 of 30", len(sample), examined, total, err)
	}
	s.phraseSpans = spanLimits{first: 2, total: 6}
	sample, examined, total, _, err = s.RecentMatchesExact(ctx, match, since, 20)
	if err != nil {
		t.Fatal(err)
	}
	// The newest 6 ids (24..29) hold 2 matches (24, 27): 2 of 6, scaled to 30.
	if examined != 2 || total != 10 || len(sample) != 2 || sample[0].ID != added[27].ID {
		t.Errorf("bounded to 6 ids: %d sampled (first %d), %d examined, total %d; want 2 (first %d), 2, 10",
			len(sample), firstID(sample), examined, total, added[27].ID)
	}
	// With text too, as RecentMatches reads for its matcher.
	if sample, _, total, err = s.RecentMatches(ctx, match, nil, since, 20); err != nil || total != 10 || len(sample) != 2 || sample[0].Text == "" {
		t.Errorf("RecentMatches bounded: %d sampled, total %d, %v; want 2 with their text, 10", len(sample), total, err)
	}
	// A window narrower than the span is read whole: exact.
	since = added[27].PublishedAt.Add(-time.Minute)
	if _, examined, total, _, err = s.RecentMatchesExact(ctx, match, since, 20); err != nil || examined != 1 || total != 1 {
		t.Errorf("window of 3: %d examined, total %d, %v; want 1, 1", examined, total, err)
	}
}

// firstID is the id of arts' first article, or 0.
func firstID(arts []news.Article) int64 {
	if len(arts) == 0 {
		return 0
	}
	return arts[0].ID
}

// A NOT whose right side has a column filter narrower than title and body,
// which FTS5 reads past the rowid bound walking newest first (see
// stopsAtBound): both sides are read upward in the spans and their
// difference counted.
func TestRecentMatchesSpansANarrowNot(t *testing.T) {
	ctx := context.Background()
	s, added := spanStore(t, 30, func(i int) bool { return i%3 == 0 })
	since := added[0].PublishedAt.Add(-time.Minute)
	match := `({title body} : "kursk") NOT ({body} : "work")`
	if stopsAtBound(`{body} : "work"`) {
		t.Fatal("the test wants a right side sqlRecentNot does not read")
	}
	sample, examined, total, _, err := s.RecentMatchesExact(ctx, match, since, 20)
	if err != nil || examined != 20 || total != 20 || len(sample) != 20 {
		t.Fatalf("unbounded: %d sampled, %d examined, total %d, %v; want the 20 of 30 without work", len(sample), examined, total, err)
	}
	s.phraseSpans = spanLimits{first: 2, total: 6}
	sample, examined, total, _, err = s.RecentMatchesExact(ctx, match, since, 20)
	if err != nil {
		t.Fatal(err)
	}
	// The newest 6 ids (24..29) hold 4 without "work" (25, 26, 28, 29): 4 of 6, scaled to 30.
	if examined != 4 || total != 20 || sample[0].ID != added[29].ID {
		t.Errorf("bounded to 6 ids: %d examined (first %d), total %d; want 4 (first %d), 20", examined, firstID(sample), total, added[29].ID)
	}
}

// A bounded read that found nothing in the newest ids, where the window
// goes on below them, says how many ids it read, not an exact 0: the
// preview then says none of those newest articles matched.
func TestRecentMatchesSaysHowFewItReadWhenNoneMatched(t *testing.T) {
	ctx := context.Background()
	s, added := spanStore(t, 30, func(i int) bool { return i == 0 })
	since := added[0].PublishedAt.Add(-time.Minute)
	match := `{title body} : "kursk deminers"`
	s.phraseSpans = spanLimits{first: 2, total: 6}
	sample, examined, total, _, err := s.RecentMatchesExact(ctx, match, since, 20)
	if err != nil || len(sample) != 0 || examined != 6 || total != 30 {
		t.Errorf("none in the newest 6 of 30: %d sampled, %d examined, total %d, %v; want 0, 6, 30", len(sample), examined, total, err)
	}
	// A window the spans cover whole: an exact 0.
	since = added[27].PublishedAt.Add(-time.Minute)
	if sample, examined, total, _, err = s.RecentMatchesExact(ctx, match, since, 20); err != nil || len(sample) != 0 || examined != 0 || total != 0 {
		t.Errorf("none in a window of 3: %d sampled, %d examined, total %d, %v; want 0, 0, 0", len(sample), examined, total, err)
	}
}
