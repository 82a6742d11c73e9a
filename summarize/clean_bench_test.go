package summarize

import (
	"html"
	"strings"
	"testing"
)

// BenchmarkCleanFixtures cleans each article of the fixture set with its
// source's rules and title, as Summarize does first, and reports articles
// per second of CPU time of the process.
func BenchmarkCleanFixtures(b *testing.B) {
	fx := loadFixtures(b)
	c, err := newCleaner(nil)
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range fx { // the groups of drop-line rules the fixtures need, compiled (dropByFirst)
		c.clean(f.Text, f.Source, f.Title)
	}
	b.ReportAllocs()
	cpu := processCPUSeconds()
	for i := 0; b.Loop(); i++ {
		f := fx[i%len(fx)]
		c.clean(f.Text, f.Source, f.Title)
	}
	if cpu = processCPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	}
}

// BenchmarkCleanCleaned cleans each fixture's text that Clean cleaned
// already, with its source's rules and title: what Summarize does with
// the text of a new item of a feed, which the poller cleaned.
func BenchmarkCleanCleaned(b *testing.B) {
	fx := loadFixtures(b)
	c, err := newCleaner(nil)
	if err != nil {
		b.Fatal(err)
	}
	cleaned := make([]string, len(fx))
	for i, f := range fx {
		cleaned[i] = Clean(f.Text)
		c.clean(cleaned[i], f.Source, f.Title)
	}
	b.ReportAllocs()
	cpu := processCPUSeconds()
	for i := 0; b.Loop(); i++ {
		f := fx[i%len(fx)]
		c.clean(cleaned[i%len(fx)], f.Source, f.Title)
	}
	if cpu = processCPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	}
}

// streamHTML renders a stream article's text as cmd/fill's -html feed
// carries it: paragraphs of three sentences, a photo with its caption
// after the first, a link in the second, a no-break space before each
// paragraph's last word, a quotation in curly quotes and a dash in every
// other paragraph.
func streamHTML(in Input) string {
	var paras []string
	sentences := strings.SplitAfter(strings.TrimSpace(in.Text), ". ")
	for i := 0; i < len(sentences); i += 3 {
		paras = append(paras, strings.TrimSpace(strings.Join(sentences[i:min(i+3, len(sentences))], "")))
	}
	var c strings.Builder
	for j, p := range paras {
		if j == 1 {
			if w := strings.Fields(p); len(w) > 3 {
				w[2] = `<a href="https://stream.example/topic/` + strings.ToLower(strings.Trim(w[2], ".,")) + `" rel="noopener">` + w[2] + `</a>`
				p = strings.Join(w, " ")
			}
		}
		if k := strings.LastIndexByte(p, ' '); k > 0 {
			p = p[:k] + "&nbsp;" + p[k+1:]
		}
		if j%2 == 0 {
			if w := strings.Fields(p); len(w) > 6 {
				w[4] = "&#8220;" + w[4]
				w[5] += "&#8221; &#8212;"
				p = strings.Join(w, " ")
			}
		}
		c.WriteString("<p>" + p + "</p>\n")
		if j == 0 {
			c.WriteString(`<figure class="wp-caption"><img src="https://stream.example/img/1.jpg" alt="A photo" width="800" height="450"/>` +
				`<figcaption>` + html.EscapeString(strings.Join(strings.Fields(in.Title)[:4], " ")) + ` on Tuesday. Photo: Wire &amp; Agencies</figcaption></figure>` + "\n")
		}
	}
	return c.String()
}

// BenchmarkCleanStreamHTML cleans articles of the stream as cmd/fill's
// -html feed carries them (streamHTML), as the poller cleans a new item's
// content (Clean), and reports articles per second of CPU time of the
// process.
func BenchmarkCleanStreamHTML(b *testing.B) {
	in := streamArticles(200)
	texts := make([]string, len(in))
	for i, a := range in {
		texts[i] = streamHTML(a)
		Clean(texts[i]) // the drop-line groups the texts need, compiled (dropByFirst)
	}
	b.ReportAllocs()
	cpu := processCPUSeconds()
	for i := 0; b.Loop(); i++ {
		Clean(texts[i%len(texts)])
	}
	if cpu = processCPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "articles/cpu-s")
	}
}
