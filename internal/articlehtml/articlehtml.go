// Package articlehtml writes an article's one-line text as the HTML a news
// site's feed carries it. cmd/fill's -html feed and the summarizer's
// cleaning benchmark both use it, so the benchmark cleans what the fill
// feeds the poller.
package articlehtml

import (
	"html"
	"strings"
)

// Body returns text, a line of sentences, as a site's article HTML:
// paragraphs of three sentences (Paragraphs); after the first, a photo
// (https://SITE.example/img/IMAGE.jpg) with a caption of the title's first
// four words; a link to the site's topic page around the second
// paragraph's third word; a no-break space before each paragraph's last
// word; a quotation in curly quotes and a dash in every other paragraph.
// It never fails; a text without ". " is one paragraph.
func Body(site, title, text, image string) string {
	var c strings.Builder
	for j, p := range Paragraphs(text) {
		if j == 1 {
			if w := strings.Fields(p); len(w) > 3 {
				w[2] = `<a href="https://` + site + `.example/topic/` + strings.ToLower(strings.Trim(w[2], ".,")) + `" rel="noopener">` + w[2] + `</a>`
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
			words := strings.Fields(title)
			c.WriteString(`<figure class="wp-caption"><img src="https://` + site + `.example/img/` + image + `.jpg" alt="A photo" width="800" height="450"/>` +
				`<figcaption>` + html.EscapeString(strings.Join(words[:min(4, len(words))], " ")) + ` on Tuesday. Photo: Wire &amp; Agencies</figcaption></figure>` + "\n")
		}
	}
	return c.String()
}

// Paragraphs cuts a one-line text into paragraphs of three sentences (a
// sentence ends at ". ").
func Paragraphs(text string) []string {
	var out []string
	sentences := strings.SplitAfter(strings.TrimSpace(text), ". ")
	for i := 0; i < len(sentences); i += 3 {
		out = append(out, strings.TrimSpace(strings.Join(sentences[i:min(i+3, len(sentences))], "")))
	}
	return out
}
