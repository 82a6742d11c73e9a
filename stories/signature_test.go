package stories

import (
	"math"
	"strings"
	"testing"
)

const wire = "Deminers clear fields near Kursk as farmers wait\nTeams of deminers began clearing farmland near Kursk on Friday, officials said, after months in which farmers could not sow."

func TestSimilarity(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		min, max float64
	}{
		{"identical", wire, wire, 1, 1},
		{"case and punctuation", wire, "DEMINERS clear fields, near Kursk as farmers wait!\nTeams of deminers began clearing farmland near Kursk on Friday; officials said, after months in which farmers could not sow", 1, 1},
		{"wire copy lightly edited", wire, "Deminers clear fields near Kursk as farmers wait\nTeams of deminers began clearing farmland near Kursk on Friday, officials said, after months in which farmers could not plant.", 0.85, 0.99},
		{"same topic other story", wire, "Kursk farmers demand compensation for lost harvest\nFarmers in the Kursk region asked the government on Monday to pay for crops they could not sow.", 0, 0.2},
		{"unrelated", wire, "Central bank holds rates\nThe central bank kept its main rate unchanged on Thursday.", 0, 0.05},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sa, sb := NewShingles(tt.a), NewShingles(tt.b)
			j := Jaccard(sa, sb)
			if j < tt.min || j > tt.max {
				t.Errorf("Jaccard = %.3f, want in [%.2f, %.2f]", j, tt.min, tt.max)
			}
			est := Sign(sa).Similarity(Sign(sb))
			if math.Abs(est-j) > 0.2 {
				t.Errorf("MinHash estimate %.3f is far from the exact %.3f", est, j)
			}
		})
	}
}

func TestSignatureRoundTrip(t *testing.T) {
	s := Sign(NewShingles(wire))
	if got := ParseSignature(s.Bytes()); got.Similarity(s) != 1 {
		t.Fatalf("decoded signature differs")
	}
	if Sign(NewShingles("  ,, ")) != nil {
		t.Error("an empty text should have no signature")
	}
	if ParseSignature([]byte{1, 2, 3}) != nil {
		t.Error("a malformed signature should decode to nil")
	}
	if (Signature(nil)).Similarity(s) != 0 {
		t.Error("a missing signature should be similar to nothing")
	}
}

func TestText(t *testing.T) {
	long := ""
	for i := 0; i < 80; i++ {
		long += "word "
	}
	tests := []struct {
		name                 string
		title, summary, text string
		wantWords            int
	}{
		{"summary preferred", "T", "one two", "three four five", 3},
		{"text when no summary", "T", " ", "three four five", 4},
		{"lead capped", "T", long, "", 1 + leadWords},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Text(tt.title, tt.summary, tt.text)
			if n := len(strings.Fields(got)); n != tt.wantWords {
				t.Errorf("Text = %q: %d words, want %d", got, n, tt.wantWords)
			}
		})
	}
}
