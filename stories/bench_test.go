package stories

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"time"
)

// syntheticArticle returns a local-news article of the i-th of a few
// thousand made-up events: a town, a street, a victim and an age from small
// vocabularies, so that events of one kind share most words and many names.
func syntheticArticle(r *rand.Rand, event int) Features {
	towns := 400
	town := fmt.Sprintf("Town%c%c", 'A'+event%towns%26, 'a'+event%towns/26)
	street := fmt.Sprintf("Street%c%c", 'A'+event/7%26, 'a'+event/11%26)
	victim := fmt.Sprintf("Name%c%c%c", 'A'+event%26, 'a'+event/26%26, 'a'+event/676%26)
	kinds := []string{"shot", "killed", "wounded", "hurt", "arrested", "charged"}
	days := []string{"Monday", "Tuesday", "Friday", "Saturday"}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s, %d, was %s on %s in %s %s night, police said. ", victim, "Smith", 15+event%50, kinds[r.Intn(len(kinds))], street, town, days[r.Intn(len(days))])
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&b, "Officers said the %s suspect fled and the victim was taken to a hospital in %s. ", kinds[r.Intn(len(kinds))], town)
	}
	return NewFeatures(fmt.Sprintf("%s man %s in %s", town, kinds[r.Intn(len(kinds))], street), "", b.String())
}

// BenchmarkMatch10000 measures one same-story decision against a 48-hour
// window of 10,000 stories.
func BenchmarkMatch10000(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	x := NewIndex()
	x.NearDuplicate = 0.7
	for i := 0; i < 10000; i++ {
		f := syntheticArticle(r, i)
		x.Freq.Add(f)
		x.Add(int64(i), int64(i), f, time.Time{})
	}
	probes := make([]Features, 1000)
	for i := range probes {
		probes[i] = syntheticArticle(r, r.Intn(20000))
	}
	b.ReportAllocs()
	b.ResetTimer()
	cpu := processCPUSeconds()
	for i := 0; i < b.N; i++ {
		x.Match(probes[i%len(probes)], time.Time{})
	}
	cpu = processCPUSeconds() - cpu
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "decisions/s")
	if cpu > 0 {
		b.ReportMetric(float64(b.N)/cpu, "decisions/cpu-s")
	}
}

// BenchmarkFeatures measures turning a title and a lead into Features.
func BenchmarkFeatures(b *testing.B) {
	text := strings.Repeat("Police said a man was shot Monday on Elm Street in Dayton and taken to Miami Valley Hospital. ", 8)
	b.ReportAllocs()
	cpu := processCPUSeconds()
	for i := 0; i < b.N; i++ {
		NewFeatures("Man shot on Elm Street in Dayton", "", text)
	}
	if cpu = processCPUSeconds() - cpu; cpu > 0 {
		b.ReportMetric(cpu*1e9/float64(b.N), "cpu-ns/op")
	}
}
