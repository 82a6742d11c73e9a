package summarize

import "strings"

// BBC football pages end in the lines of a live-commentary feed, written
// by machine in a fixed vocabulary: "Foul by Connor Jennings (Wrexham).",
// "Attempt saved. ...", "Corner, Wrexham. Conceded by ...",
// "Substitution, ...", "Offside, ...", "Delay in match ... because of an
// injury.", "Chris Löwe (Huddersfield Town) wins a free kick in the
// defensive half.", "Second Half ends, Gateshead 2, Wrexham 1.". The
// feed's last line, "Match ends, Gateshead 2, Wrexham 1.", is the result,
// which a summary of a match report may well give: it stays a candidate.

// commentaryLine reports whether sentence s is a line of a live sports
// commentary feed, other than its result line. Its words still count for
// the article's terms (the lines name the players and both teams); it is
// never offered.
func commentaryLine(s string) bool {
	if len(s) < 6 {
		return false
	}
	switch c := s[0]; c {
	case 'A', 'C', 'D', 'F', 'G', 'H', 'L', 'O', 'P', 'S':
		for _, p := range commentaryOpeners {
			if strings.HasPrefix(s, p) {
				// "Delay in match payments ..." is prose: the feed's line
				// gives the injury.
				return p != "Delay in match " || strings.Contains(s, "because of an injury")
			}
		}
	}
	// "Name (Team) wins a free kick ...", "... (Team) is shown the yellow
	// card.", "... (Team) left footed shot from ...": a player and his
	// team in brackets, then the feed's phrase.
	i := strings.Index(s, ") ")
	if i < 0 || !strings.Contains(s[:i], " (") {
		return false
	}
	rest := s[i+2:]
	for _, p := range commentaryAfterTeam {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// commentaryOpeners open a live-commentary line.
var commentaryOpeners = []string{
	"Foul by ", "Hand ball by ", "Dangerous play by ", "Attempt missed.", "Attempt saved.", "Attempt blocked.",
	"Corner, ", "Conceded by ", "Substitution, ", "Offside, ", "Delay in match ", "Delay over.", "Goal! ",
	"Own Goal by ", "Penalty conceded by ", "Penalty saved!", "Penalty missed!", "First Half begins", "First Half ends",
	"Second Half begins", "Second Half ends", "Lineups are announced",
}

// commentaryAfterTeam follow a player's team in brackets in a commentary
// line.
var commentaryAfterTeam = []string{
	"wins a free kick", "is shown the yellow card", "is shown the red card", "left footed shot", "right footed shot",
	"header from", "hits the ", "tries a through ball", "draws a foul", "hits the bar", "hits the post",
}
