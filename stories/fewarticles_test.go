package stories

import (
	"testing"
	"time"
)

// TestTitlesNamingTwoPlacesStayApart: a new bot knows few articles, so a
// street, a weekday-less time and the small numbers every shooting report
// has weigh as much as a name; two reports whose titles name two places
// that neither report carries ("Harbor Gateway", "Belle Glade") were one
// story on those (found in the session 29 real-news trial: a Los Angeles
// shooting became "Also:" on a Florida one). Reports of one event whose
// titles name the place differently still join when their leads agree on
// a name.
func TestTitlesNamingTwoPlacesStayApart(t *testing.T) {
	club := art{"Five shot at Club 21 in Belle Glade, no suspect arrested",
		"Police continue investigating a weekend shooting at a nightclub in Belle Glade. Police say five people were shot at Club 21 near NW 16th Street and NW Ave. L around 2:30 a.m. Sunday. He says he hired six security guards for the party, three armed and three unarmed."}
	flats := art{"3 Dead, 1 Hurt in Harbor Gateway Shooting",
		"Three people were killed and one was wounded in a shooting in the Harbor Gateway area of Los Angeles on Friday, police said. It happened around 5:30 a.m. at an apartment building in the 1600 block of West 205th Street. When officers arrived, they found one man who had been shot to death on a stairwell, said LAPD Sgt. Rudy Lopez."}
	flats2 := art{"Three dead, one wounded in Los Angeles apartment shooting",
		"Three people were found dead Friday morning from a shooting in Harbor Gateway. Los Angeles police received a 911 call about 5:35 a.m. from a resident reporting hearing eight or nine gunshots in an apartment building in the 1600 block of West 205th Street."}
	club2 := art{"Five wounded in shooting at Belle Glade night club",
		"Five men were wounded early today in a shooting at Club 21 in Belle Glade, leaving two in critical condition."}
	backlog := []art{{"Council delays vote on budget", ""}, {"Storm warning lifted", ""}, {"Bridge reopens after repairs", ""}, {"School board meets", ""}}
	tests := []storyPair{
		{name: "two towns, a street and small numbers in common", a: club, b: flats, same: false},
		{name: "one event, the place named differently in the titles", a: flats, b: flats2, same: true},
	}
	checkStoryPairs(t, append(backlog, club2, club, flats), tests, time.Date(2026, 11, 30, 22, 0, 0, 0, time.UTC), 10*time.Minute)
}
