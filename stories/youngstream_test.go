package stories

import (
	"testing"
	"time"
)

// TestYoungStreamNumbersAloneTellNothing: a new bot knows a handful of
// articles, so a number two of them carry weighs as a name; two same-day
// shootings in two cities, a nightclub's "5 injured" and "2 a.m." and a
// street's "five people" and "two victims", were one story on those
// numbers and the words every report has (police, people, hospital,
// shooting), whichever came first (found in the session 30 real-news
// trial: the D.C. nightclub shooting became "Also:" on Chicago's South
// Shore one). Two reports of one event that share a name still join on
// the young stream.
func TestYoungStreamNumbersAloneTellNothing(t *testing.T) {
	club := art{"5 injured in nightclub shooting",
		"Police are on the hunt for a man who opened fire at a Northeast nightclub, sending five people to the hospital. It happened shortly after 2 a.m. Saturday at the D.C. Soundstage at 2403 Benning Road. Police tell News4 a man walked up to the door of the club and started shooting."}
	street := art{"Four wounded in shooting on neighborhood street",
		"Four people were wounded in a Thursday afternoon shooting on a South Shore neighborhood street — just a block away from where five people were wounded in a December shooting. The four males were shot about 3:15 p.m. outside in the 2500 block of East 75th Street, police said. Paramedics took two victims to John H. Stroger Jr. Hospital of Cook County, one to Northwestern Memorial Hospital and one to South Shore Hospital, according to Fire Media Affairs."}
	club2 := art{"Five injured in shooting at D.C. nightclub",
		"Five people are injured after a man opened fire at D.C. Soundstage (2403 Benning Road NE) around 2 a.m. on Saturday. D.C. police are still searching for the suspect, who is described as a large man wearing a skull cap."}
	// what a new bot of a few sources has stored: their first items
	var backlog []art
	for _, topic := range []string{"budget vote", "storm warning", "bridge repairs", "school calendar", "library hours",
		"airline miles", "gold coin", "kite festival", "measles inquest", "heart attack", "rate decision", "courthouse renovation",
		"museum opening", "harbour dredging", "tram strike", "wine harvest"} {
		backlog = append(backlog, art{"Council debates the " + topic, "Members of the council argued over the " + topic + " on Tuesday and will meet again next week."})
	}
	tests := []storyPair{
		{name: "two cities, numbers and a shooting's words in common", a: club, b: street, same: false},
		{name: "the other way round", a: street, b: club, same: false},
		{name: "one event, a name in common", a: club, b: club2, same: true},
	}
	checkStoryPairs(t, append(backlog, club, street, club2), tests, time.Date(2026, 11, 30, 22, 0, 0, 0, time.UTC), 3*time.Minute)
}
