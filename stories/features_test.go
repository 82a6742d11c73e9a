package stories

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCleanLead(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"timestamp line", "Boy shot in Elm Park Posted: Monday, May 26, 2014 4:43 PM EDT Updated: Tuesday, July 22, 2014 4:43 PM EDT\n\nA boy was shot on Elm Street.",
			"Boy shot in Elm Park\nA boy was shot on Elm Street."},
		{"published stamp", "A man was hurt in Dayton. (Published Tuesday, April 21, 2015)", "A man was hurt in Dayton."},
		{"captcha prompt", "You must enter the characters with black color that stand out from the other characters\n\nA woman was shot in Akron.", "A woman was shot in Akron."},
		{"notification prompts", "Close Get email notifications on Jane Roe daily!\n\nYour notification has been saved.\n\nTwo men were shot in Peoria.", "Two men were shot in Peoria."},
		{"advertisement label", "Advertisement\n\nA clerk was shot in Macon.", "A clerk was shot in Macon."},
		{"gallery caption repeated", "Image 1 of 10 Relatives say Ann Lee was hurt.\n\nImage 2 of 10 Relatives say Ann Lee was hurt.", "Relatives say Ann Lee was hurt."},
		{"photo credit line", "Photo: Courtesy of the family\n\nA girl was hurt in Salem.", "A girl was hurt in Salem."},
		{"video player widget", "Hide Transcript Show Transcript\n\nCopy Link Copy\n\nSkip Ad Ad Loading...\n\nORLANDO, Fla. — One of five people hurt in a shooting in Pine Hills has died.",
			"ORLANDO, Fla. — One of five people hurt in a shooting in Pine Hills has died."},
		{"gallery and related-content labels", "A boy was shot in Englewood, police said. View Full Caption\n\nFour people were hurt, deputies said. Related Content",
			"A boy was shot in Englewood, police said.\nFour people were hurt, deputies said."},
		{"registration prompts", "We have sent you a verification email\n\nJust One More Thing...\n\nPlease check your email and click on the link to activate your profile.\n\n" +
			"Already have an account?\n\nThank you for registering!\n\nWhy are we asking this?\n\nPlease sign in\n\nSign in using your profile\n\n" +
			"By submitting your registration information, you agree to our Terms of Service and Privacy Policy .\n\nWatch this story\n\nA man was shot in Memphis.",
			"A man was shot in Memphis."},
		{"video playlist", "1:36 K9 competition is a chance for police dogs to show off Pause\n\n3:49 Johnson County deputy was remembered with tears and laughter\n\n" +
			"1:32 Trump: 'Dishonest media' refuses to report\n\n0:54 ‘It's all gone’\n\n16:37 Reporter discusses Heaven Woods murder case\n\nTwo boys were shot in Kansas City.",
			"Two boys were shot in Kansas City."},
		{"clock times stay", "9:15 p.m. update: A woman was shot in Hampton.\n\n4:14 PM MONDAY: Police closed the street.\n\n10:30 a.m.",
			"9:15 p.m. update: A woman was shot in Hampton.\n4:14 PM MONDAY: Police closed the street.\n10:30 a.m."},
		{"news stays", "Police said the shooting was posted online.", "Police said the shooting was posted online."},
		{"a transcript in the news stays", "Police released the transcript of the 911 call; visitors can sign in at the door.",
			"Police released the transcript of the 911 call; visitors can sign in at the door."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanLead(tt.in); got != tt.want {
				t.Errorf("cleanLead() = %q, want %q", got, tt.want)
			}
		})
	}
}

// flagsOf returns the flags of a word's term in the features, and whether
// the term is there.
func flagsOf(f Features, w string) (uint8, bool) {
	norm, _ := normalise(w)
	h := hash32(norm)
	for _, t := range f.Terms {
		if t.Hash == h {
			return t.Flags, true
		}
	}
	return 0, false
}

func TestFeaturesTerms(t *testing.T) {
	f := NewFeatures("3 Dead, 1 Hurt in Harbor Gateway Shooting",
		"", "Three people were killed and one hurt Monday when a gunman opened fire in an apartment in Harbor Gateway, police said. Officer Ana Ruiz said the 15-year-old victims were shot.")
	tests := []struct {
		word    string
		present bool
		name    bool
		inTitle bool
		why     string
	}{
		{"Harbor", true, true, true, "capitalised in the lead, so a name in a title-case title"},
		{"Gateway", true, true, true, "capitalised in the lead"},
		{"three", true, true, true, "a number word is the digit of the title's \"3\""},
		{"15", true, true, false, "digits of a hyphenated age"},
		{"Ruiz", true, true, false, "a capitalised word inside a sentence"},
		{"Officer", true, false, false, "a capital that starts a sentence says nothing"},
		{"Monday", true, false, false, "weekdays are how two stories of one day agree"},
		{"Shooting", true, false, true, "a title-case word the lead does not capitalise"},
		{"shootings", true, false, true, "a plural is its singular"},
		{"the", false, false, false, "a stop word is no term"},
		{"police", true, false, false, "a lower-case word"},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			fl, ok := flagsOf(f, tt.word)
			if ok != tt.present || (fl&FlagName != 0) != tt.name || (fl&FlagTitle != 0) != tt.inTitle {
				t.Errorf("%s: present %v, flags %b; want present %v, name %v, title %v (%s)", tt.word, ok, fl, tt.present, tt.name, tt.inTitle, tt.why)
			}
		})
	}
}

func TestFeaturesSentenceCaseTitle(t *testing.T) {
	f := NewFeatures("Teen girl shot by masked men in Garner apartment", "", "")
	if fl, _ := flagsOf(f, "Garner"); fl&FlagName == 0 {
		t.Error("Garner in a sentence-case title is not a name")
	}
	if fl, _ := flagsOf(f, "Teen"); fl&FlagName != 0 {
		t.Error("the title's first word is a name")
	}
}

func TestFeaturesTitleFingerprint(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"case and punctuation folded", "Man shot outside Elm Street bar", "MAN SHOT OUTSIDE ELM STREET BAR!", true},
		{"one word differs", "Man shot outside Elm Street bar", "Man shot outside Oak Street bar", false},
		{"short titles say nothing", "Breaking news", "Breaking news", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := NewFeatures(tt.a, "", ""), NewFeatures(tt.b, "", "")
			if got := a.Title != 0 && a.Title == b.Title; got != tt.same {
				t.Errorf("same title = %v, want %v", got, tt.same)
			}
		})
	}
}

func TestFeaturesLeadIsCut(t *testing.T) {
	long := "Start " + strings.Repeat("word ", 200) + "Zanzibar"
	if _, ok := flagsOf(NewFeatures("t", "", long), "Zanzibar"); ok {
		t.Errorf("a word past the first %d of the lead takes part", leadWords)
	}
	if _, ok := flagsOf(NewFeatures("t", "Summary of Quito", "Text of Zanzibar"), "Zanzibar"); ok {
		t.Error("the text takes part although there is a summary")
	}
}

func TestFeaturesRoundTrip(t *testing.T) {
	f := NewFeatures("Deminers clear fields near Kursk", "", "Teams of deminers began clearing farmland near Kursk on Friday.")
	got, err := ParseFeatures(f.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != f.Title || len(got.Terms) != len(f.Terms) {
		t.Fatalf("round trip = %+v, want %+v", got, f)
	}
	for i := range f.Terms {
		if got.Terms[i] != f.Terms[i] {
			t.Fatalf("term %d = %+v, want %+v", i, got.Terms[i], f.Terms[i])
		}
	}
	for _, bad := range [][]byte{nil, make([]byte, 256), f.Bytes()[:20]} {
		if _, err := ParseFeatures(bad); err == nil {
			t.Errorf("ParseFeatures(%d bytes) did not fail", len(bad))
		}
	}
}

// TestSeriesNumbers: a title's number numbers the word before it only when
// digits follow that word with nothing but a space between; a score
// ("110-102") is a series of its own.
func TestSeriesNumbers(t *testing.T) {
	tests := []struct {
		title string
		want  []string // "word number" of each series
	}{
		{"emojitest burst 2", []string{"burst 2#"}},
		{"Game 7: Warriors win", []string{"game 7#"}},
		{"Storm number 2 hits the coast", []string{"number 2#"}},
		{"Man, 24, shot in Akron", nil},
		{"Teen kills 6-year-old brother", nil},
		{"Police: 3 dead", nil},
		{"Three dead, one wounded", nil},
		{"emojitest silent one", nil},
		{"Covid-19 cases rise", nil},
		{"Lakers beat Warriors 110-102", []string{"score 110#-102#"}},
		{"Senate passes bill 52-48", []string{"score 52#-48#"}},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			var got []string
			ws := words(tt.title)
			for k := 1; k < len(ws); k++ {
				if isSeriesNumber(ws[k-1], ws[k]) {
					got = append(got, ws[k-1].norm+" "+ws[k].norm)
				}
				if isScore(ws[k-1], ws[k]) {
					got = append(got, "score "+ws[k-1].norm+"-"+ws[k].norm)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("series of %q = %q, want %q", tt.title, got, tt.want)
			}
			f := NewFeatures(tt.title, "", "")
			series := 0
			for _, term := range f.Terms {
				if term.Flags&FlagSeries != 0 {
					series++
				}
			}
			if series != 2*len(tt.want) {
				t.Errorf("%q carries %d series terms, want %d", tt.title, series, 2*len(tt.want))
			}
		})
	}
}

// TestPersianSpellingsAreOneStory: a Persian outlet types keheh and yeh
// (ک, ی), another on an Arabic keyboard kaf and yeh (ك, ي); the same title
// from both is one story (identical titles always are), and their words are
// the same terms.
func TestPersianSpellingsAreOneStory(t *testing.T) {
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	persian := NewFeatures("زلزله شدید در کرمان", "", "زلزله\u200cای شدید امروز استان کرمان را لرزاند.")
	arabic := NewFeatures("زلزله شديد در كرمان", "", "زلزله\u200cاي شديد امروز استان كرمان را لرزاند.")
	if persian.Title == 0 || persian.Title != arabic.Title {
		t.Errorf("title hashes %x and %x, want one", persian.Title, arabic.Title)
	}
	if !slices.Equal(persian.Terms, arabic.Terms) {
		t.Errorf("terms differ: %v and %v", persian.Terms, arabic.Terms)
	}
	x := NewIndex()
	x.Add(1, 1, persian, now)
	if story, same := x.Match(arabic, now.Add(10*time.Minute)); !same || story != 1 {
		t.Errorf("Match = %d, %v; want story 1", story, same)
	}
	// Both spellings are one term: the Light10 stem of the Arabic one
	// (arabic.go), "ان" read as a dual ending.
	if got, _ := normalise("کرمان"); got != "كرم" {
		t.Errorf(`normalise("کرمان") = %q, want "كرم", the term of "كرمان"`, got)
	}
	for _, n := range []string{"١٢", "۱۲", "12"} {
		if got, number := normalise(n); got != "12#" || !number {
			t.Errorf("normalise(%q) = %q, %v; want the number 12", n, got, number)
		}
	}
}

func TestInitialismIsOneWord(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"D.C. shooting", 4, "DC"},
		{"N.Y.C.", 6, "NYC"},
		{"U.S.-based", 4, "US"},
		{"J. Smith", 0, ""},      // one initial
		{"D.Coleman", 0, ""},     // a word after the dot
		{"d.c. lower", 0, ""},    // not capitals
		{"DC shooting", 0, ""},   // no dots: a plain word
		{"S.W.3rd St", 0, ""},    // a word glued to the last dot
		{"A.B", 0, ""},           // the last letter lacks its dot
		{"Ph.D. student", 0, ""}, // not single letters
	}
	for _, tt := range tests {
		if n, got := initialism(tt.in); n != tt.n || got != tt.want {
			t.Errorf("initialism(%q) = %d, %q; want %d, %q", tt.in, n, got, tt.n, tt.want)
		}
	}
	a := NewFeatures("Two dead, six injured in Southeast D.C. shooting", "", "")
	b := NewFeatures("2 Dead, 7 Hurt in Southeast DC Shooting at Community Party", "", "Two people were killed in Southeast DC on Sunday.")
	fa, oka := flagsOf(a, "DC")
	fb, okb := flagsOf(b, "DC")
	if !oka || !okb || fa&FlagName == 0 || fb&FlagName == 0 {
		t.Errorf("\"D.C.\" and \"DC\": present %v/%v, flags %b/%b; want one distinctive term in both", oka, okb, fa, fb)
	}
}

func TestPlaceAbbreviationIsItsWord(t *testing.T) {
	tests := []struct {
		short, full string
	}{
		{"Police investigate deadly shooting in Mt. Holly park", "Police investigate deadly shooting in Mount Holly park"},
		{"Outrage after bloody night in St. Louis", "Outrage after bloody night in Saint Louis"},
		{"Soldier shot at Ft. Hood", "Soldier shot at Fort Hood"},
	}
	for _, tt := range tests {
		a, b := NewFeatures(tt.short, "", ""), NewFeatures(tt.full, "", "")
		if !slices.Equal(a.Terms, b.Terms) {
			t.Errorf("%q and %q have different terms", tt.short, tt.full)
		}
	}
	// after a name it is a street's, whose dot may end a sentence
	if fl, _ := flagsOf(NewFeatures("Man shot", "", "A man was shot on Elm St. Police are looking for a car."), "Police"); fl&FlagName != 0 {
		t.Error("\"Police\" after \"Elm St.\" read as a name")
	}
	// in lower case the short form is another word
	if _, ok := flagsOf(NewFeatures("Fence of 6 ft around the yard", "", ""), "fort"); ok {
		t.Error("\"ft\" in lower case read as \"fort\"")
	}
}

func TestCompassPointInCapitalsIsItsWord(t *testing.T) {
	a := NewFeatures("Boy, 3, who accidentally shot himself in NW Harris County has died", "", "")
	b := NewFeatures("Boy, 3, who accidentally shot himself in northwest Harris County has died", "", "")
	if _, ok := flagsOf(a, "northwest"); !ok {
		t.Error("\"NW\" is not the term of \"northwest\"")
	}
	if _, ok := flagsOf(b, "northwest"); !ok {
		t.Error("\"northwest\" has no term")
	}
	// "Se" written so is no direction
	if _, ok := flagsOf(NewFeatures("Se Ri Pak wins", "", ""), "southeast"); ok {
		t.Error("\"Se\" read as \"southeast\"")
	}
}

func TestHyphenatedNameIsJoined(t *testing.T) {
	a := NewFeatures("Alleged shoplifter shot dead at Wal-Mart near Pine Hills", "", "A customer shot a man outside the Wal-Mart store.")
	b := NewFeatures("Reward offered for third suspect in Walmart theft", "", "Deputies said the Walmart customer fired.")
	for _, f := range []Features{a, b} {
		if fl, ok := flagsOf(f, "Walmart"); !ok || fl&FlagName == 0 {
			t.Errorf("no distinctive term \"walmart\": present %v, flags %b", ok, fl)
		}
	}
	if _, ok := flagsOf(a, "Mart"); ok {
		t.Error("\"Wal-Mart\" also left its part \"mart\"")
	}
	// in a title in Title Case a capital tells no name: the parts stay
	c := NewFeatures("3 Dead, 1 Critical in Possible Domestic Murder-Suicide in Waldorf", "", "")
	for _, w := range []string{"murder", "suicide"} {
		if _, ok := flagsOf(c, w); !ok {
			t.Errorf("the Title Case title lost %q", w)
		}
	}
	// words in lower case stay apart
	if _, ok := flagsOf(NewFeatures("a drive-by shooting", "", ""), "driveby"); ok {
		t.Error("\"drive-by\" joined")
	}
}

func TestCutTitleWordIsCompleted(t *testing.T) {
	lead := "Police said gunfire at Planned Parenthood left two people dead and six injured early Sunday."
	tests := []struct {
		title, word string
		inTitle     bool
	}{
		{"Mayor closes club after shootings leave 2 dead, 6 inj", "injured", true},
		{"Family members identify victim of Planned Parent", "Parenthood", true},
		{"Family members identify victim of Planned Parent", "Parent", false}, // the cut word is gone
		{"Two dead, six injured", "injured", true},                            // whole: unchanged
		{"Two dead, six inj.", "injured", false},                              // an abbreviation, not a cut
	}
	for _, tt := range tests {
		fl, ok := flagsOf(NewFeatures(tt.title, "", lead), tt.word)
		if got := ok && fl&FlagTitle != 0; got != tt.inTitle {
			t.Errorf("%q: %q in the title %v, want %v", tt.title, tt.word, got, tt.inTitle)
		}
	}
	// the fingerprint is of the title as written: two copies cut alike stay identical
	a := NewFeatures("Family members identify victim of Planned Parent", "", lead)
	b := NewFeatures("Family members identify victim of Planned Parent", "", "A woman was killed at a clinic.")
	if a.Title != b.Title {
		t.Error("one cut title, two fingerprints")
	}
}

// TestLetterAfterAKindIsAName: a capital letter after a noun of things
// named by letters ("Storm A", "Class A", "Ave N") is a name, the kind's
// own ("storm-a"); after any other word it is what it was: the article "a"
// of a sentence glued to the one before, or a dropped single letter.
func TestLetterAfterAKindIsAName(t *testing.T) {
	tests := []struct {
		title, text, term string
		want              bool
	}{
		{"Storm A", "", "storm-a", true},
		{"Storm A hits the coast", "", "storm-a", true},
		{"Man shot", "Police said the shooting on Plymouth Ave N left one man hurt.", "avenue-n", true},
		{"Man shot", "Police said the shooting on Plymouth Avenue N left one man hurt.", "avenue-n", true},
		{"Man charged", "He faces a Class A misdemeanor count.", "class-a", true},
		{"Storm B hits the coast", "", "storm-a", false},
		{"Storm a hits the coast", "", "storm-a", false},                             // lower case: the article
		{"Deadly Shooting Leaves 5 Shot A man is dead", "", "shot-a", false},         // not a kind
		{"Man shot", "The storm, A reporter said, hit the coast.", "storm-a", false}, // a comma between
	}
	for _, tt := range tests {
		f := NewFeatures(tt.title, "", tt.text)
		h := hash32(tt.term)
		var got bool
		var flags uint8
		for _, term := range f.Terms {
			if term.Hash == h {
				got, flags = true, term.Flags
			}
		}
		if got != tt.want {
			t.Errorf("%q / %q has %q: %v, want %v", tt.title, tt.text, tt.term, got, tt.want)
		}
		if got && flags&(FlagName|FlagMaybeName) == 0 {
			t.Errorf("%q / %q: %q is no name (flags %b)", tt.title, tt.text, tt.term, flags)
		}
	}
}
