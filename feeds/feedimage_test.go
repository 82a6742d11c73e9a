package feeds

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// wholeParseImage is firstHTMLImage as gofeed's translator finds the
// image: the whole document parsed, the first img with a src.
func wholeParseImage(document string) (string, bool) {
	doc, err := html.Parse(strings.NewReader(document))
	if err != nil {
		return "", false
	}
	return firstImgSrc(doc)
}

// TestFirstHTMLImageAsTheWholeParse: the image found in the part of the
// document up to its first img tag is the one the whole parse finds,
// whatever comes after (a table that fosters a later image before an
// earlier one, misnested formatting, foreign content, raw text), and the
// common case takes the prefix.
func TestFirstHTMLImageAsTheWholeParse(t *testing.T) {
	tests := []struct {
		name, doc string
		prefix    bool // the prefix's parse answers
	}{
		{"article", `<p>Officials said.</p><figure><img src="https://a.example/1.jpg" alt="x"/><figcaption>Photo</figcaption></figure><p>More.</p><img src="2.jpg">`, true},
		{"image tag", `<p>x</p><IMAGE SRC="u.png"><img src="v.png">`, true},
		{"no src first", `<img alt="none"><p>x</p><img src="second.png">`, false},
		{"fostered before a table", `<table><tr><td><img src="in-cell.png"></td></tr><img src="fostered.png"></table>`, false},
		{"table after the image", `<p><img src="a.png"></p><table><tr><td>x</td></tr><img src="b.png"></table>`, true},
		{"template", `<template><img src="t.png"></template><img src="u.png">`, false},
		{"svg", `<svg><title><img src="s.png"></title></svg><img src="u.png">`, false},
		{"math", `<math><mi><img src="m.png"></mi></math>`, false},
		{"noscript", `<noscript><img src="n.png"></noscript><img src="u.png">`, false},
		{"in a comment", `<!-- <img src="c.png"> --><img src="u.png">`, false},
		{"in a script", `<script>var s = '<img src="s.png">';</script><img src="u.png">`, false},
		{"in a textarea", `<textarea><img src="ta.png"></textarea><img src="u.png">`, false},
		{"in a title", `<title><img src="ti.png"></title><img src="u.png">`, false},
		{"in plaintext", `<plaintext><img src="p.png">`, false},
		{"misnested formatting", `<b><p>x<i><img src="a.png"></b>y</i><img src="b.png"></p>`, true},
		{"anchor across a block", `<a href="x"><div><img src="a.png"></a><img src="b.png"></div>`, true},
		{"in a select", `<select><img src="sel.png"><option>x</select><img src="u.png">`, true},
		{"frameset after", `<img src="a.png"><frameset><frame src="f"></frameset>`, true},
		{"head first", `<head><title>t</title></head><body><img src="a.png"></body>`, true},
		{"quotes and a > in the tag", `<img alt="a>b" src='q>r.png'>`, false}, // the prefix ends in the tag
		{"a > in quotes before", `<p title="x<img">y</p><img src="a.png">`, false},
		{"a table's name in text", `<p>&lt;table&gt; is <i>not</i> <b>a</b> &lt;svg&gt;</p><img src="a.png">`, true},
		{"a table's name in a tag's name", `<tablet>x</tablet><img src="a.png">`, false},
		{"unterminated tag", `<p>x</p><img src="a.png"`, false},
		{"empty src", `<img src=""><img src="b.png">`, true},
		{"uppercase and spaces", "<P>x\r\n<IMG\tSRC = 'a.png'\n/>", true},
		{"nul and entities", "<p>\x00&amp;</p><img src=\"a&amp;b.png\">", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wok := wholeParseImage(tt.doc)
			got, gok := firstHTMLImage(tt.doc)
			if got != want || gok != wok {
				t.Fatalf("firstHTMLImage = %q, %v; the whole parse %q, %v", got, gok, want, wok)
			}
			prefix := imagePrefix(tt.doc)
			answered := false
			if prefix != "" {
				_, answered = wholeParseImage(prefix)
			}
			if answered != tt.prefix {
				t.Errorf("the prefix %q answered: %v, want %v", prefix, answered, tt.prefix)
			}
		})
	}
}

// FuzzFirstHTMLImage: whatever the document, firstHTMLImage finds the
// image the whole parse finds.
func FuzzFirstHTMLImage(f *testing.F) {
	for _, s := range []string{
		`<p>x</p><figure><img src="a.png"><figcaption>y</figcaption></figure>`,
		`<table><td><img src="a.png"></td><img src="b.png"></table>`,
		`<b><p><i><img src="a.png"></b></i><img src="b.png">`,
		`<svg><img src="a.png"></svg><img src=b>`,
		`<select><img src=a><option><img src=b></select>`,
		`<!--<img src=a>--><img src=b>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		want, wok := wholeParseImage(doc)
		got, gok := firstHTMLImage(doc)
		if got != want || gok != wok {
			t.Fatalf("firstHTMLImage(%q) = %q, %v; the whole parse %q, %v", doc, got, gok, want, wok)
		}
	})
}
