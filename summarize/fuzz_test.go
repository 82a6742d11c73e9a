package summarize

import (
	"context"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// Fuzz targets of the text pipeline that feed and page text goes through:
// HTML to text, cleaning, the sentence splitter, the summarizer and the
// cutting helpers. FUZZING.md says how to run them longer.

const fuzzArticleHTML = `<div class="story"><figure><img src="a.jpg"><figcaption>Photo: Reuters</figcaption></figure>
<p>MOSCOW (Reuters) - Officials said on Monday that talks would resume in Kursk next week.</p>
<p>"We expect progress," Dr. A. Ivanov told reporters. The U.S. delegation arrives on the 3rd.</p>
<script>var x = "<p>not prose</p>";</script><ul><li>First point</li><li>Second point</li></ul>
<p>Read more: <a href="/more">related coverage</a> &amp; analysis &hellip;</p></div>`

func FuzzHTMLToText(f *testing.F) {
	f.Add(fuzzArticleHTML)
	f.Add("5 < 6 and x<y but <b>bold</b> &amp; &bogus; &#0; &#x110000;")
	f.Add("<p>unclosed <i>tags <b>nest<p>again")
	f.Add("<!-- comment --><style>p{}</style><br/><br>line")
	f.Fuzz(func(t *testing.T, s string) {
		out := htmlToText(s)
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("valid input gave invalid UTF-8: %q", out)
		}
		c := Clean(s)
		if utf8.ValidString(s) && !utf8.ValidString(c) {
			t.Fatalf("Clean gave invalid UTF-8: %q", c)
		}
		if strings.Contains(c, "\n\n\n") {
			t.Fatalf("Clean left more than one blank line: %q", c)
		}
	})
}

func FuzzSentences(f *testing.F) {
	f.Add(`Officials said on Monday that talks would resume. "We expect progress," Dr. A. Ivanov said. The U.S. team arrives on the 3rd. Will it work?`)
	f.Add("Headline without stop\nSecond line… and more!!! 東京は晴れ。明日は雨！")
	f.Add("e.g. i.e. No. 5 St. Petersburg 3.14 ...")
	f.Add(`He said "Stop. Now." and left (see p. 4).`)
	f.Fuzz(func(t *testing.T, text string) {
		sents := Sentences(text)
		if len(strings.Fields(text)) == 0 && len(sents) != 0 {
			t.Fatalf("text without words gave %q", sents)
		}
		if len(sents) == 0 {
			return // text without words (punctuation alone): nil, as documented
		}
		for _, s := range sents {
			if strings.TrimSpace(s) == "" {
				t.Fatalf("empty sentence in %q", sents)
			}
			if s != strings.TrimSpace(s) {
				t.Fatalf("sentence %q not trimmed", s)
			}
		}
		// No word is lost or added: the sentences hold the text's letters
		// and digits in order (pieces of bare punctuation may go).
		if got, want := wordRunes(strings.Join(sents, "")), wordRunes(text); utf8.ValidString(text) && got != want {
			t.Fatalf("sentences %q do not hold the text %q", sents, text)
		}
		if fs := FirstSentence(text, 80); utf8.RuneCountInString(fs) > 80 {
			t.Fatalf("FirstSentence of %d runes, cap 80", utf8.RuneCountInString(fs))
		}
	})
}

func FuzzSummarize(f *testing.F) {
	f.Add("Talks resume in Kursk", fuzzArticleHTML, "Reuters", 3, 600)
	f.Add("", "word", "", 1, 80)
	f.Add("Title only", "<script>all script</script>", "Wire", 2, 200)
	f.Add("東京", strings.Repeat("東京は晴れ。", 300), "", 3, 100)
	f.Add("Climber to try K2", "A climber set his sights on K2 - the second highest mountain - after his mother died there, his family said.\n\n"+
		"The march ended by 6 p.m., police said.\n\nThe boy – who is 12 – was found safe , said Police.", "", 3, 600)
	// New compiles the cleaning rules (~100 ms, 200 summaries' worth): one
	// Summarizer per options, not per input, or the fuzzer barely runs.
	summarizers := map[[2]int]*Summarizer{}
	f.Fuzz(func(t *testing.T, title, text, source string, sentences, maxChars int) {
		s := summarizers[[2]int{sentences, maxChars}]
		if s == nil {
			var err error
			if s, err = New(Options{Sentences: sentences, MaxChars: maxChars}); err != nil {
				return
			}
			if len(summarizers) >= 64 {
				clear(summarizers)
			}
			summarizers[[2]int{sentences, maxChars}] = s
		}
		sum := s.Summarize(context.Background(), Input{Title: title, Text: text, Source: source})
		if n := utf8.RuneCountInString(sum); n > s.maxChars {
			t.Fatalf("summary of %d runes, cap %d: %q", n, s.maxChars, sum)
		}
		// Each checked alone: two broken pieces can make a valid pair.
		if utf8.ValidString(title) && utf8.ValidString(text) && !utf8.ValidString(sum) {
			t.Fatalf("invalid UTF-8 summary %q", sum)
		}
		// A summary comes from the text: an item with only a title (or text
		// that cleans away to nothing) gets none, never the title again.
		if sum != "" && strings.TrimSpace(Clean(text)) == "" {
			t.Fatalf("summary %q of a text with nothing left after cleaning: %q / %q", sum, title, text)
		}
		if head := strings.TrimSpace(title); head != "" && strings.TrimSpace(sum) == head {
			t.Fatalf("summary repeats the title %q", head)
		}
	})
}

func FuzzCut(f *testing.F) {
	f.Add("A headline, with a comma; and more words than fit", 10)
	f.Add("東京は晴れ。明日は雨", 4)
	f.Add("😀😀😀😀", 2)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 1<<16 {
			return
		}
		for name, got := range map[string]string{"Clip": Clip(s, n), "Truncate": Truncate(s, n)} {
			if c := utf8.RuneCountInString(got); c > n {
				t.Fatalf("%s(%q, %d) = %q: %d runes", name, s, n, got, c)
			}
			if utf8.ValidString(s) && !utf8.ValidString(got) {
				t.Fatalf("%s gave invalid UTF-8 %q", name, got)
			}
		}
		if got := LimitBytes(s, n); len(got) > n || (utf8.ValidString(s) && !utf8.ValidString(got)) {
			t.Fatalf("LimitBytes(%q, %d) = %q", s, n, got)
		}
	})
}

// wordRunes keeps the letters and digits of s.
func wordRunes(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
