package summarize

import (
	"testing"

	"github.com/newshound/newshound/internal/articlehtml"
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
// carries it (articlehtml.Body).
func streamHTML(in Input) string { return articlehtml.Body("stream", in.Title, in.Text, "1") }

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
