package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newshound/newshound/news"
)

// corpus makes articles that look like a news stream to the store, the
// full-text index, the story linker and the matcher: a Zipf-distributed
// vocabulary (a few words in most articles, most words in few) with English
// function words between them, events that several sources report with the
// same names, about textWords words of text.
type corpus struct {
	rnd    *rand.Rand
	zipf   *rand.Zipf
	vocab  []string
	events []event
	n      int
}

type event struct {
	names []string // two words of the vocabulary's rare tail
	left  int      // articles still to come
}

const (
	vocabSize = 30000
	textWords = 280 // about 2 KB of text an article
)

// common words that the benchmark's queries use; they stand at the head of
// the vocabulary, so that the Zipf draw makes them frequent.
var common = []string{"government", "officials", "market", "police", "election", "minister", "report", "city", "people", "president"}

// functionWords are English function words, the commonest first and listed
// more often.
var functionWords = strings.Fields("the the the the of of of and and and to to in in a a is that for on was with said by as at from has have it")

func newCorpus(seed uint64) *corpus {
	rnd := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	c := &corpus{rnd: rnd, zipf: rand.NewZipf(rnd, 1.07, 2, vocabSize-1)}
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "gor", "hel", "jun", "mar", "pol", "sen", "tor", "vin", "zel", "quo"}
	c.vocab = append(c.vocab, common...)
	seen := map[string]bool{}
	for _, w := range common {
		seen[w] = true
	}
	for len(c.vocab) < vocabSize {
		k := 2 + rnd.IntN(3)
		var b strings.Builder
		for range k {
			b.WriteString(syll[rnd.IntN(len(syll))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			c.vocab = append(c.vocab, w)
		}
	}
	return c
}

func (c *corpus) word() string { return c.vocab[c.zipf.Uint64()] }

// next returns the next article of a source at published.
func (c *corpus) next(source string, published time.Time) news.Article {
	c.n++
	// An event is reported by up to four sources in a row.
	var ev *event
	if len(c.events) > 0 && c.rnd.IntN(3) > 0 {
		i := c.rnd.IntN(len(c.events))
		ev = &c.events[i]
	}
	if ev == nil || ev.left == 0 {
		c.events = append(c.events, event{names: []string{c.vocab[2000+c.rnd.IntN(vocabSize-2000)], c.vocab[2000+c.rnd.IntN(vocabSize-2000)]}, left: 1 + c.rnd.IntN(4)})
		if len(c.events) > 64 {
			c.events = c.events[1:]
		}
		ev = &c.events[len(c.events)-1]
	}
	ev.left--
	title := make([]string, 0, 8)
	title = append(title, ev.names...)
	for range 6 {
		title = append(title, c.word())
	}
	var text strings.Builder
	for s := 0; text.Len() < textWords*7; s++ {
		n := 8 + c.rnd.IntN(14)
		for i := range n {
			w := c.word()
			if i == 3 && s%3 == 0 {
				w = ev.names[s%2]
			}
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			text.WriteString(w)
			if i < n-1 {
				text.WriteByte(' ')
				// English reads as English: its short function words are
				// about two words in five of news text (the matcher stems
				// a text in the languages whose function words it has).
				if c.rnd.IntN(3) == 0 {
					text.WriteString(functionWords[c.rnd.IntN(len(functionWords))] + " ")
				}
			}
		}
		text.WriteString(". ")
	}
	return news.Article{
		GUID:        fmt.Sprintf("%s-%d", source, c.n),
		URL:         fmt.Sprintf("https://%s.example/news/%d?utm_source=rss", source, c.n),
		Title:       strings.ToUpper(title[0][:1]) + strings.Join(title, " ")[1:],
		Text:        text.String(),
		PublishedAt: published,
		Alertable:   true,
	}
}
