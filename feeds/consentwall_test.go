package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// TestConsentWall: which page texts read as a consent wall rather than
// an article.
func TestConsentWall(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"an IAB-style wall in English", "We value your privacy\n\n" +
			"We and our 842 partners store and/or access information on a device, such as cookies and process personal data, such as unique identifiers and standard information sent by a device for personalised advertising and content, advertising and content measurement, and audience insights.\n\n" +
			"With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our 842 partners' processing as described above.\n\n" +
			"Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing.\n\nAccept all\n\nReject all", true},
		{"a wall in German", "Wir brauchen Ihre Zustimmung\n\n" +
			"Wir und unsere 231 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, z. B. Cookies, und verarbeiten personenbezogene Daten wie eindeutige Kennungen.\n\n" +
			"Mit Ihrer Einwilligung können wir und unsere Partner genaue Standortdaten verwenden. Sie können Ihre Einwilligung jederzeit unter Datenschutz widerrufen.\n\nAkzeptieren", true},
		{"a wall in French", "Vos choix concernant les cookies\n\n" +
			"Nous et nos partenaires utilisons des cookies pour stocker et accéder à des données personnelles vous concernant, comme votre navigation.\n\n" +
			"Vous pouvez retirer votre consentement à tout moment en cliquant sur le lien « Paramétrer les cookies » en bas de page.\n\nTout accepter", true},
		{"news of a cookie fine", "France's data protection regulator fined Google 150 million euros on Thursday over the way it asks visitors to accept cookies.\n\n" +
			"The regulator said YouTube and Google Search made refusing cookies harder than accepting them, which it said breached French consent rules.\n\n" +
			"Google said it would change its practices and was reviewing the decision.", false},
		{"an article", "Ports in Brest and Lorient closed on Monday as a storm brought winds of 150 km/h to the coast of Brittany.\n\n" +
			"Ferries to Ireland were cancelled, and about 20,000 homes lost power overnight.\n\nThe storm is expected to move east on Tuesday.", false},
		{"a long article with a cookie notice at its foot", strings.Repeat("The council voted on Thursday to build a flood barrier along the harbour, after three winters of floods in the low-lying Eastbank district.\n\n", 25) +
			"We use cookies to improve your experience. By continuing you consent to our use of cookies.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := isConsentWall(tt.text); got != tt.want {
				t.Errorf("isConsentWall = %v, want %v", got, tt.want)
			}
		})
	}
}

// TestConsentWallPageIsNoArticle: a page that answers with a consent
// wall in the article's place yields no text (ErrPageNoArticle): the
// item keeps the feed's text rather than a summary of the wall.
func TestConsentWallPageIsNoArticle(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html><head><title>Before you continue</title></head><body><div class="consent">
<h1>We value your privacy</h1>
<p>We and our 842 partners store and/or access information on a device, such as cookies and process personal data, such as unique identifiers and standard information sent by a device for personalised advertising and content, advertising and content measurement, and audience insights, as well as to develop and improve products.</p>
<p>With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our 842 partners' processing as described above.</p>
<p>Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only.</p>
<button>Accept all</button><button>Reject all</button></div></body></html>`)
	}))
	t.Cleanup(srv.Close)
	pf := NewPageFetcher(PageOptions{Timeout: 5 * time.Second, AllowPrivate: true})
	page, err := pf.Fetch(context.Background(), srv.URL+"/news/storm")
	if !errors.Is(err, ErrPageNoArticle) {
		t.Fatalf("Fetch = %q, %v; want ErrPageNoArticle", page.Text, err)
	}
}

// TestConsentWallOfAnArticleAllocatesNothing: a page's text over
// consentWallWords words is ruled out by counting them, not by a slice of
// its words.
func TestConsentWallOfAnArticleAllocatesNothing(t *testing.T) {
	text := strings.Repeat("The council voted on Tuesday to close the bridge for repairs over the summer.\n\n", 60)
	if n := testing.AllocsPerRun(20, func() { isConsentWall(text) }); n != 0 {
		t.Errorf("isConsentWall of an 840-word article: %v allocations, want 0", n)
	}
}
