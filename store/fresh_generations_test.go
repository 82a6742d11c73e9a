package store

import (
	"database/sql/driver"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newshound/newshound/news"
	"github.com/newshound/newshound/query"
)

// freshRow is the in-memory index's row of article id with the words text.
func freshRow(id int64, text string) termsRow {
	return termsRow{id, query.IndexColumns(news.Article{Title: "Report", Text: text})}
}

// dataRecords counts the records of a generation's table: what its
// segments hold (dropped rows' terms too, until a merge frees them), and
// its structure.
func dataRecords(t *testing.T, f *freshTerms, g *freshGen) int64 {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	rows, err := f.conn.Query(fmt.Sprintf(`SELECT count(*) FROM %s_data`, g.table), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil {
		t.Fatal(err)
	}
	return dest[0].(int64)
}

// A running bot's reads: each enters the article stored since the one
// before, and a batch moves through every four. Each read finds exactly
// the rows above the batch before last; at most three generations hold
// rows (those of the last batch, those waiting, and the one a read after
// a batch opens), and one whose rows all went is emptied whole: its
// table holds nothing of them for the next generation to read past.
func TestFreshTermsDropWholeGenerations(t *testing.T) {
	f, err := newFreshTerms()
	if err != nil {
		t.Fatal(err)
	}
	defer f.close()
	var through, dropTo int64
	for id := int64(1); id <= 400; id++ {
		if id-through > 4 {
			dropTo, through = through, id-1
		}
		if err := f.update(dropTo, through, []termsRow{freshRow(id, fmt.Sprintf("police said w%d", id))}); err != nil {
			t.Fatal(err)
		}
		got, err := f.matches(`"police"`, 0, id)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for i := dropTo + 1; i <= id; i++ {
			want = append(want, i)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("read after article %d (dropped to %d): %v, want %v", id, dropTo, got, want)
		}
		if len(f.gens) > 3 {
			t.Fatalf("read after article %d: %d generations hold rows", id, len(f.gens))
		}
	}
	if len(f.spare) == 0 {
		t.Fatal("no generation was emptied")
	}
	for _, g := range f.spare {
		if n := dataRecords(t, f, g); n > 2 {
			t.Errorf("emptied generation %s holds %d records", g.table, n)
		}
	}
}

// An article whose text came later is entered again in the newest
// generation and read once, in order, with its new words only.
func TestFreshTermsReplaceARowOfAnOlderGeneration(t *testing.T) {
	f, err := newFreshTerms()
	if err != nil {
		t.Fatal(err)
	}
	defer f.close()
	for id := int64(1); id <= 3; id++ {
		if err := f.update(0, 0, []termsRow{freshRow(id, "police harbour")}); err != nil {
			t.Fatal(err)
		}
	}
	// The index took 1 to 3: the rows of 4 and 5 go to a new generation,
	// and 2's new text with them.
	if err := f.update(0, 3, []termsRow{freshRow(4, "police"), freshRow(2, "police storm"), freshRow(5, "police harbour")}); err != nil {
		t.Fatal(err)
	}
	if len(f.gens) != 2 {
		t.Fatalf("%d generations, want 2", len(f.gens))
	}
	for _, c := range []struct {
		match string
		want  []int64
	}{
		{`"police"`, []int64{1, 2, 3, 4, 5}},
		{`"harbour"`, []int64{1, 3, 5}},
		{`"storm"`, []int64{2}},
	} {
		got, err := f.matches(c.match, 0, 10)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.match, got, c.want)
		}
	}
	// The batch after next drops the first generation whole (its rows 1
	// and 3 are at or below 3), and the table is given to the next one.
	if err := f.update(3, 5, []termsRow{freshRow(6, "police")}); err != nil {
		t.Fatal(err)
	}
	got, err := f.matches(`"police"`, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{4, 5, 6}; !slices.Equal(got, want) {
		t.Errorf("after the drop: %v, want %v", got, want)
	}
	if f.made != 3 || len(f.gens) != 2 || len(f.spare) != 1 {
		t.Errorf("tables made %d, generations %d, spare %d; want 3, 2, 1", f.made, len(f.gens), len(f.spare))
	}
	if _, err := f.matches(`nosuch : "police"`, 0, 10); err == nil || strings.Contains(err.Error(), "fresh_terms") {
		t.Errorf("a column the index lacks: %v, want an error naming articles_terms", err)
	}
}
