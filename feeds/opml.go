package feeds

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/newshound/newshound/summarize"
)

// Outline is one feed of an OPML subscription list.
type Outline struct {
	Title string
	URL   string
}

// MaxOutlines bounds how many feeds ParseOPML returns.
const MaxOutlines = 500

type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Created string        `xml:"head>dateCreated,omitempty"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text   string `xml:"text,attr"`
	Title  string `xml:"title,attr,omitempty"`
	Type   string `xml:"type,attr,omitempty"`
	XMLURL string `xml:"xmlUrl,attr,omitempty"`
	// Some exporters spell the attribute otherwise; XML names are case
	// sensitive, so each spelling is read (never written).
	XMLURLLower string        `xml:"xmlurl,attr,omitempty"`
	XMLURLUpper string        `xml:"xmlURL,attr,omitempty"`
	Outlines    []opmlOutline `xml:"outline"`
}

// ParseOPML returns the feeds (outlines with an xmlUrl, at any depth) of an
// OPML document, at most MaxOutlines, each URL once. It fails when the
// document is not OPML.
func ParseOPML(data []byte) ([]Outline, error) {
	out, _, err := parseOPML(data, MaxOutlines)
	return out, err
}

// ParseOPMLAll is ParseOPML without the cap: every feed of the document,
// each URL once, as many as its size holds (an import takes MaxOutlines new
// ones at a time).
func ParseOPMLAll(data []byte) ([]Outline, error) {
	out, _, err := parseOPML(data, -1)
	return out, err
}

// ParseOPMLRepeats is ParseOPMLAll that also returns the entries it left
// out because an earlier one has their address, in the document's order,
// so that an import can say so (a list with a feed twice lost one silently).
func ParseOPMLRepeats(data []byte) (outs, repeats []Outline, err error) { return parseOPML(data, -1) }

// parseOPML returns at most limit feeds (limit < 0: all of them), and the
// entries left out as repeats of an earlier address.
func parseOPML(data []byte, limit int) (out, repeats []Outline, err error) {
	var doc opmlDoc
	if utf8, ok := fromUTF16(data); ok { // saved as "Unicode" by a Windows tool
		data = utf8
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	// Lists exported by older readers declare ISO-8859-1 or windows-1252;
	// without a CharsetReader the decoder refuses them as "not OPML".
	dec.CharsetReader = charset.NewReaderLabel
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("not OPML: %w", err)
	}
	seen := map[string]bool{}
	var walk func([]opmlOutline)
	walk = func(list []opmlOutline) {
		for _, o := range list {
			if limit >= 0 && len(out) >= limit {
				return
			}
			if u := strings.TrimSpace(cmp.Or(o.XMLURL, o.XMLURLUpper, o.XMLURLLower)); u != "" {
				title := strings.TrimSpace(o.Title)
				if title == "" {
					title = strings.TrimSpace(o.Text)
				}
				if seen[u] {
					repeats = append(repeats, Outline{Title: summarize.LimitBytes(title, 200), URL: u})
				} else {
					seen[u] = true
					out = append(out, Outline{Title: summarize.LimitBytes(title, 200), URL: u})
				}
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body)
	if len(out) == 0 && len(doc.Body) == 0 && doc.Version == "" {
		return nil, nil, errors.New("not OPML: no outlines")
	}
	return out, repeats, nil
}

// WriteOPML renders the feeds as an OPML 2.0 document.
func WriteOPML(title string, feeds []Outline, created time.Time) ([]byte, error) {
	doc := opmlDoc{Version: "2.0", Title: title, Created: created.UTC().Format(time.RFC1123Z)}
	for _, f := range feeds {
		doc.Body = append(doc.Body, opmlOutline{Text: f.Title, Title: f.Title, Type: "rss", XMLURL: f.URL})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("write OPML: %w", err)
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}
