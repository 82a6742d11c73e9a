package summarize

import (
	"context"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

func mustNew(tb testing.TB, opts Options) *Summarizer {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// longArticle has six sentences; the first two carry the news.
const longArticle = `The port authority approved a plan on Monday to dredge the main shipping channel to a depth of 16 metres, allowing the largest container ships to dock.

The work will cost 180 million euros and take three years, the authority said in a statement.

"This keeps the port in the first league," said director Eva Lind, adding that the alternative was to lose traffic to rival ports.

Environmental groups said the dredging would disturb seal colonies on the sandbanks near the channel.

The authority said it would monitor the colonies and stop work during the pupping season.

Dredging is due to start in the spring.`

func TestSummarize(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		in      Input
		want    string   // exact summary, when set
		has     []string // substrings the summary must contain
		hasNot  []string // substrings it must not contain
		ordered []string // substrings that must appear in this order
	}{
		{name: "short article returned whole",
			in:   Input{Title: "Bridge closed", Text: "The harbour bridge will close on Thursday night.\n\nBuses will be diverted."},
			want: "The harbour bridge will close on Thursday night. Buses will be diverted."},
		{name: "short article with a paragraph twice",
			in: Input{Title: "Two dead in Green County", Text: "More than 100 people attended a rally on Sunday afternoon, calling for racial justice.\n\n" +
				"More than 100 people attended a rally on Sunday afternoon, calling for racial justice.\n\nThe march ended peacefully by 6 p.m., police said."},
			want: "More than 100 people attended a rally on Sunday afternoon, calling for racial justice. The march ended peacefully by 6 p.m."},
		{name: "short article with two like sentences",
			in:   Input{Title: "Bridge closed", Text: "The harbour bridge will close on Thursday night.\n\nThe harbour bridge will close on Friday night too."},
			want: "The harbour bridge will close on Thursday night. The harbour bridge will close on Friday night too."},
		{name: "a piece cut from its start opens no summary",
			in: Input{Title: "Fire in Main Street", Text: "town and asking what could have happened to the family.\n\n" +
				"Police said the fire started in the kitchen of the house on Main Street on Friday night.\n\nThree people were taken to hospital with burns."},
			want: "Police said the fire started in the kitchen of the house on Main Street on Friday night. Three people were taken to hospital with burns."},
		{name: "a text written in small letters keeps its summary",
			in: Input{Title: "new phone", Text: "apple announces a new phone for the autumn season this year.\n\n" +
				"the company said it will ship the phone in may to buyers in forty countries.\n\nprices start at 999 dollars for the smallest model."},
			has: []string{"apple announces a new phone"}},
		{name: "short article cleaned",
			in:   Input{Text: "By Jane Doe\n\nThe harbour bridge will close on Thursday night.\n\nShare this article"},
			want: "The harbour bridge will close on Thursday night."},
		{name: "three sentences in article order",
			in:      Input{Title: "Port approves channel dredging", Text: longArticle},
			has:     []string{"dredge the main shipping channel", "180 million euros"},
			ordered: []string{"dredge the main", "180 million euros"}},
		{name: "sentences option",
			opts: Options{Sentences: 1},
			in:   Input{Title: "Port approves channel dredging", Text: longArticle},
			want: "The port authority approved a plan on Monday to dredge the main shipping channel to a depth of 16 metres, allowing the largest container ships to dock."},
		{name: "sentence repeating the title skipped",
			in: Input{Title: "Port approves plan to dredge shipping channel",
				Text: "Port approves plan to dredge shipping channel.\n\n" + longArticle},
			hasNot: []string{"Port approves plan"}},
		{name: "near duplicate skipped",
			in:  Input{Title: "Dredging", Text: longArticle + "\n\nThe port authority approved a plan on Monday to dredge the main shipping channel to 16 metres, allowing the largest container ships to dock."},
			has: []string{"The port authority approved a plan on Monday to dredge the main shipping channel to a depth"}, hasNot: []string{"channel to 16 metres"}},
		{name: "max chars respected",
			opts:   Options{MaxChars: 200},
			in:     Input{Title: "Port approves channel dredging", Text: longArticle},
			has:    []string{"dredge the main shipping channel"},
			hasNot: []string{"180 million euros"}}, // 157 + 1 + 97 characters would not fit
		{name: "html input",
			in:     Input{Text: "<p>The harbour bridge will close on <b>Thursday</b> night.</p><script>x()</script><p>Buses will be diverted.</p>"},
			want:   "The harbour bridge will close on Thursday night. Buses will be diverted.",
			hasNot: []string{"<", "x()"}},
		// An alert shows the title already: a summary that repeats it, or
		// boilerplate standing in for one, says nothing (issue 13).
		{name: "all boilerplate gives no summary",
			in:   Input{Title: "Council approves budget", Text: "Advertisement\n\nShare this article\n\nRead more"},
			want: ""},
		{name: "title only gives no summary", in: Input{Title: "Council approves budget"}, want: ""},
		{name: "text repeating the title gives no summary",
			in:   Input{Title: "Storm closes schools across the north", Text: "Storm closes schools across the north."},
			want: ""},
		{name: "text repeating the title with a source suffix gives no summary",
			in:   Input{Title: "Storm closes schools across the north - Daily Ledger", Text: "<p>Storm closes schools across the north</p>"},
			want: ""},
		{name: "BBC timestamp line alone gives no summary",
			in:   Input{Title: "Giant pumpkin weighed at show", Text: "23 March 2017 Last updated at 14:55 GMT"},
			want: ""},
		// Issue 13: no summary opens on a sentence cut off from the one it
		// depends on.
		{name: "dependent opening brings its antecedent",
			opts: Options{Sentences: 2},
			in: Input{Title: "Audit", Text: "Town hall news.\n\n" +
				"Mayor Ana Ruiz resigned on Monday.\n\n" +
				"She said the housing fund audit found the housing fund had been run properly and the audit cleared her office.\n\n" +
				"Auditors said the housing fund lost money on two housing projects, the audit report shows.\n\n" +
				"The housing fund audit will go to the council in March."},
			ordered: []string{"Mayor Ana Ruiz resigned", "She said the housing fund"}},
		{name: "dependent opening left out when its antecedent is a fragment",
			opts: Options{Sentences: 2},
			in: Input{Title: "Harbour festival draws record crowds", Text: "Boats. Music.\n\n" +
				"But the harbour festival drew a record crowd of 40,000 visitors this weekend, organisers said.\n\n" +
				"Organisers of the harbour festival said ticket sales rose by a third on last year.\n\n" +
				"Next year's festival will run for four days instead of three."},
			hasNot: []string{"But the harbour"}},
		// Issue 13: a short article whose lead repeats the title and whose
		// next sentence leans on it shrank to "Nurses staff it.". The
		// title's sentence comes back as the antecedent; when nothing can,
		// no summary beats a fragment about what was left out.
		{name: "lead repeating the title kept as the antecedent",
			in:   Input{Title: "Clinic opens in Ayr", Text: "A clinic opens in Ayr. It has 12 beds and a pharmacy. Nurses staff it."},
			want: "A clinic opens in Ayr. It has 12 beds and a pharmacy. Nurses staff it."},
		{name: "reworded title sentence kept as the antecedent",
			in:   Input{Title: "Clinic opens in Ayr", Text: "Ayr clinic opens.\n\nIt has 12 beds and a pharmacy.\n\nNurses staff it."},
			want: "Ayr clinic opens. It has 12 beds and a pharmacy. Nurses staff it."},
		{name: "title sentence before a short leaning sentence kept",
			in:   Input{Title: "Clinic opens in Ayr", Text: "Ayr clinic opens. Nurses staff it."},
			want: "Ayr clinic opens. Nurses staff it."},
		{name: "fragment left after a dependent opening gives no summary",
			in:   Input{Title: "Clinic opens in Ayr", Text: "Photo: the new clinic\n\nIt has 12 beds and a pharmacy.\n\nNurses staff it."},
			want: ""},
		{name: "ranked lead repeating the title kept as the antecedent",
			in: Input{Title: "Clinic opens in Ayr", Text: "A clinic opens in Ayr. It has 12 beds and a pharmacy. Nurses staff it. " +
				"The council paid for it. Doctors visit weekly from Glasgow."},
			ordered: []string{"A clinic opens in Ayr.", "It has 12 beds"}},
		{name: "one sentence leaning on a title repeat gives no summary",
			opts: Options{Sentences: 1},
			in:   Input{Title: "Clinic opens in Ayr", Text: "A clinic opens in Ayr. It has 12 beds and a pharmacy. Nurses staff it."},
			want: ""},
		{name: "glued caption never in the summary",
			in: Input{Title: "Record kite grounded at festival", Text: "A team flew a record 6,000-metre kite at a festival on Saturday in Chongqing. " +
				"Scroll down for video Flying high: Half of the 6,000-metre kite over Chongqing on Saturday Skilful: The kite weighs 200 kilograms and needs three flyers " +
				"However, aviation officials ruled that the record kite could not be flown in full near the airport. " +
				"The festival drew kite teams from twelve countries. Organisers said the weather was poor."},
			hasNot: []string{"Scroll down", "Flying high", "Skilful"}},
		{name: "heading line never in the summary",
			in: Input{Title: "Dortmund beaten at Anfield", Text: "Liverpool into last four after Euro thriller\n\n" +
				"Liverpool came from two goals down to beat Borussia Dortmund 4-3 at Anfield on Thursday.\n\n" +
				"Dejan Lovren headed the winner in stoppage time as Anfield erupted.\n\n" +
				"Liverpool will play Villarreal in the semi-finals of the Europa League.\n\n" +
				"Dortmund had led 2-0 after nine minutes through Mkhitaryan and Aubameyang."},
			hasNot: []string{"after Euro thriller"}},
		// Word frequency: the sentence made of the story's recurring words
		// beats a colourful opener that shares none of them.
		{name: "frequent words beat a colourful opener",
			opts: Options{Sentences: 1},
			in: Input{Title: "Island service", Text: "It was a grey, windswept morning like any other on the quiet island.\n\n" +
				"The Arran ferry will stop from Friday because of engine trouble.\n\n" +
				"Engine trouble has stopped the Arran ferry twice this year.\n\n" +
				"Ferry passengers to Arran can take a bus to another port while the engine is repaired.\n\n" +
				"The operator said a spare ferry engine would arrive from Norway next month."},
			want: "The Arran ferry will stop from Friday because of engine trouble."},
		{name: "short text loses its heading",
			in:   Input{Title: "Dortmund beaten", Text: "Liverpool into last four\n\nLiverpool beat Borussia Dortmund 4-3 at Anfield on Thursday."},
			want: "Liverpool beat Borussia Dortmund 4-3 at Anfield on Thursday."},
		{name: "short text without full stops kept",
			in:   Input{Title: "Dortmund beaten", Text: "Liverpool into last four after a 4-3 win over Borussia Dortmund"},
			want: "Liverpool into last four after a 4-3 win over Borussia Dortmund"},
		{name: "excerpt cut mid-sentence keeps its last sentence",
			in: Input{Title: "Trams ordered", Text: "The transit agency has ordered 60 electric trams to replace its oldest vehicles.\n\n" +
				"The first trams are due in 2027 and will run on the eastern lines first"},
			want: "The transit agency has ordered 60 electric trams to replace its oldest vehicles. The first trams are due in 2027 and will run on the eastern lines first"},
		{name: "nothing at all", in: Input{Title: " ", Text: "\n\n"}, want: ""},
		{name: "one word left after cleaning gives no summary",
			in: Input{Title: "Brothers to stand trial for quadruple murder",
				Text: "Tornado Watch issued May 8 at 7:41PM CDT expiring May 9 at 3:00AM CDT in effect for: McCurtain\n\nTornado"},
			want: ""},
		{name: "one word with a full stop gives no summary",
			in:   Input{Title: "Storm closes schools", Text: "Developing."},
			want: ""},
		{name: "two words kept",
			in:   Input{Title: "Storm closes schools", Text: "Roads flooded."},
			want: "Roads flooded."},
		{name: "one cjk sentence kept",
			in:   Input{Title: "台風", Text: "停電が続いている。"},
			want: "停電が続いている。"},
		{name: "cjk joined without spaces",
			in:   Input{Text: "台風が上陸した。停電が続いている。"},
			want: "台風が上陸した。停電が続いている。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustNew(t, tt.opts)
			got := s.Summarize(context.Background(), tt.in)
			max := tt.opts.MaxChars
			if max == 0 {
				max = DefaultMaxChars
			}
			if n := utf8.RuneCountInString(got); n > max {
				t.Errorf("summary has %d characters, more than %d: %q", n, max, got)
			}
			if tt.want != "" || (tt.has == nil && tt.hasNot == nil && tt.ordered == nil) {
				if got != tt.want {
					t.Errorf("got  %q\nwant %q", got, tt.want)
				}
			}
			for _, h := range tt.has {
				if !strings.Contains(got, h) {
					t.Errorf("summary lacks %q: %q", h, got)
				}
			}
			for _, h := range tt.hasNot {
				if strings.Contains(got, h) {
					t.Errorf("summary contains %q: %q", h, got)
				}
			}
			last := -1
			for _, o := range tt.ordered {
				i := strings.Index(got, o)
				if i <= last {
					t.Errorf("%q out of article order in %q", o, got)
				}
				last = i
			}
		})
	}
}

// TestSummarizeConcurrently shares one Summarizer between goroutines, as
// the poller does; run with -race.
func TestSummarizeConcurrently(t *testing.T) {
	s := mustNew(t, Options{})
	in := Input{Title: "Port approves channel dredging", Text: longArticle}
	want := s.Summarize(context.Background(), in)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := s.Summarize(context.Background(), in); got != want {
					errs <- got
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for got := range errs {
		t.Errorf("concurrent summary differs: %q", got)
	}
}

func TestSummarizeCutsAnOverlongSentenceAtAWord(t *testing.T) {
	sentence := "The committee, which met for " + strings.Repeat("many long and difficult hours ", 30) + "finally agreed."
	tests := []struct {
		name     string
		maxChars int
	}{
		{name: "100", maxChars: 100},
		{name: "41", maxChars: 41},
		{name: "600", maxChars: 600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustNew(t, Options{MaxChars: tt.maxChars})
			got := s.Summarize(context.Background(), Input{Text: sentence})
			if n := utf8.RuneCountInString(got); n > tt.maxChars {
				t.Fatalf("%d characters, more than %d: %q", n, tt.maxChars, got)
			}
			if !strings.HasSuffix(got, "…") {
				t.Fatalf("no ellipsis: %q", got)
			}
			body := strings.TrimSuffix(got, "…")
			if !strings.HasPrefix(sentence, body) || sentence[len(body)] != ' ' {
				t.Errorf("cut inside a word: %q", got)
			}
		})
	}
}

func TestNewOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    Options
		wantErr string
	}{
		{name: "zero value", opts: Options{}},
		{name: "negative sentences", opts: Options{Sentences: -1}, wantErr: "summary.sentences"},
		{name: "too many sentences", opts: Options{Sentences: 41}, wantErr: "summary.sentences"},
		{name: "tiny max chars", opts: Options{MaxChars: 10}, wantErr: "summary.max_chars"},
		{name: "negative max chars", opts: Options{MaxChars: -5}, wantErr: "summary.max_chars"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.opts)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("New: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Errorf("New error = %v, want it to name %q", err, tt.wantErr)
			}
		})
	}
}

func TestIsTeaser(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("word ", n)) + "." }
	tests := []struct {
		name string
		text string
		want bool
	}{
		{name: "empty", text: "", want: true},
		{name: "one sentence", text: "The council approved the budget on Monday.", want: true},
		{name: "119 words", text: words(119), want: true},
		{name: "150 words", text: words(150), want: false},
		{name: "200 words ending in an ellipsis", text: words(200) + " And then…", want: true},
		{name: "200 words ending in read more", text: words(200) + " Read more »", want: true},
		{name: "400 words ending in an ellipsis", text: words(400) + " And then…", want: false},
		{name: "boilerplate does not count", text: strings.Repeat("Share this article\n\nAdvertisement\n\n", 40) + "The council met.", want: true},
		{name: "html markup does not count", text: "<p>" + strings.Repeat(`<a href="https://example.org/very/long/link">x</a> `, 100) + "</p>", want: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsTeaser(tt.text); got != tt.want {
				t.Errorf("IsTeaser = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestSummarizeHostileInput feeds shapes of text that could make a careless
// cleaner or splitter quadratic; each must finish quickly (the test binary's
// timeout catches a hang) and stay within MaxChars.
func TestSummarizeHostileInput(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{name: "thousands of wrapped lines", text: "Start" + strings.Repeat("\nand more words", 100_000)},
		{name: "one huge line", text: strings.Repeat("word ", 400_000)},
		{name: "dots without spaces", text: strings.Repeat("a.", 300_000)},
		{name: "many open quotes", text: strings.Repeat(`He said "yes. `, 50_000)},
		{name: "deep html", text: strings.Repeat("<div>", 100_000) + "Text." + strings.Repeat("</div>", 100_000)},
		{name: "unclosed tag", text: "<p " + strings.Repeat("a=b ", 100_000)},
		{name: "huge title", text: "Body text here."},
		{name: "an acronym's label before joining words", text: "OPEC: Oil " + strings.Repeat("Of of the ", 100_000) + "rose on Monday."},
		{name: "a label before a body said again and again", text: "UNICEF: Aid " + strings.Repeat("agency said, the agency said ", 20_000) + "on Monday."},
		{name: "a capitalised label before many days", text: "Chennai: The " + strings.Repeat("court sat Monday ", 50_000) + "and ruled."},
		{name: "a short label before many forecasts", text: "LIMA: Crowds " + strings.Repeat("will march through the city on Monday ", 30_000) + "again."},
		{name: "an English-ending label before many places", text: "Reading: Police " + strings.Repeat("in the town on Monday the county ", 30_000) + "said."},
		{name: "an acronym before a body of many owners", text: "UNICEF: The " + strings.Repeat("UN EU ", 50_000) + "agency said on Monday."},
	}
	s := mustNew(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := "Title"
			if tt.name == "huge title" {
				title = strings.Repeat("Title words ", 50_000)
			}
			got := s.Summarize(context.Background(), Input{Title: title, Text: tt.text})
			if utf8.RuneCountInString(got) > DefaultMaxChars {
				t.Errorf("summary too long: %d characters", utf8.RuneCountInString(got))
			}
		})
	}
}

// A summary depends on its article only, not on what the same Summarizer
// summarised before (its buffers are reused).
func TestSummaryIndependentOfHistory(t *testing.T) {
	ctx := context.Background()
	articles := []Input{
		{Title: "Port approves channel dredging", Text: longArticle},
		{Title: "Island service", Text: "It was a grey morning on the island.\n\n" +
			"The Arran ferry will stop from Friday because of engine trouble.\n\n" +
			"Engine trouble has stopped the Arran ferry twice this year.\n\n" +
			"Ferry passengers to Arran can take a bus to another port while the engine is repaired.\n\n" +
			"The port authority said a spare ferry engine would arrive from Norway next month."},
		{Title: "Channel work delayed", Text: "Dredging of the shipping channel will start a year late, the port authority said.\n\n" +
			"The channel work was due to begin in the spring.\n\n" +
			"Environmental groups had asked the authority to protect seal colonies near the channel.\n\n" +
			"The port said ferry services would not be affected by the dredging work."},
	}
	var fresh []string
	for _, a := range articles {
		fresh = append(fresh, mustNew(t, Options{}).Summarize(ctx, a))
	}
	s := mustNew(t, Options{})
	for round := range 3 {
		for i, a := range articles {
			if got := s.Summarize(ctx, a); got != fresh[i] {
				t.Errorf("round %d, article %d:\n got %q\nwant %q (a fresh Summarizer's)", round, i, got, fresh[i])
			}
		}
	}
}

func TestSameWords(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"0", "0", true},
		{"Live!", "live", true},
		{"Markets rally, again", "MARKETS — rally again.", true},
		{"Ünïcode Straße", "ünïcode straße", true},
		{"", "", false},
		{"...", "!!!", false},
		{"Markets rally", "Markets rally again", false},
		{"Markets rally again", "Markets rally", false},
		{"0", "1", false},
	}
	for _, tt := range tests {
		if got := sameWords(tt.a, tt.b); got != tt.want {
			t.Errorf("sameWords(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
