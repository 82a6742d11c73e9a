package stories

import (
	"testing"
	"time"
)

// TestGermanStories: German writes every noun with a capital, so a capital
// tells no name there. Read as English, two shootings of one evening in
// Hamburg and München shared "Schüsse", "Polizei", "Täter", "Zeugen" as
// names and were one story (the second never alerted); one shooting in two
// outlets must still be one.
func TestGermanStories(t *testing.T) {
	hamburg := art{"Schüsse in Hamburg: Ein Toter und zwei Verletzte",
		"In Hamburg-Billstedt sind am Montagabend Schüsse gefallen. Ein 34 Jahre alter Mann wurde tödlich getroffen, zwei weitere Männer wurden schwer verletzt. " +
			"Die Polizei fahndet nach dem Täter und bittet Zeugen um Hinweise. Die Mordkommission hat die Ermittlungen übernommen."}
	hamburg2 := art{"Billstedt: Mann nach Schüssen gestorben",
		"Nach Schüssen auf offener Straße in Hamburg-Billstedt ist ein 34-jähriger Mann gestorben. Zwei Männer erlitten schwere Verletzungen. " +
			"Die Polizei sucht mit einem Großaufgebot nach dem Schützen, die Mordkommission ermittelt."}
	munich := art{"Schüsse in München: Mann schwer verletzt",
		"In München-Neuperlach sind am Montagabend Schüsse gefallen. Ein 41 Jahre alter Mann wurde schwer verletzt in eine Klinik gebracht. " +
			"Die Polizei fahndet nach dem Täter und bittet Zeugen um Hinweise. Die Mordkommission hat die Ermittlungen übernommen."}
	others := []art{
		{"Bahnstreik: Die GDL legt den Verkehr lahm", "Die Gewerkschaft der Lokführer hat für Dienstag zu einem Streik aufgerufen. Die Deutsche Bahn rechnet mit massiven Ausfällen im Fernverkehr."},
		{"Bundestag beschließt den Haushalt", "Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte die Pläne der Regierung scharf."},
		{"Unfall auf der A7: Zwei Verletzte", "Auf der Autobahn bei Kassel ist am Morgen ein Lastwagen in ein Stauende gefahren. Die Polizei sperrte die Strecke für mehrere Stunden."},
		{"Brand in Köln: Feuerwehr rettet Familie", "In einem Mehrfamilienhaus in Köln ist in der Nacht ein Feuer ausgebrochen. Die Feuerwehr brachte eine Familie in Sicherheit, verletzt wurde niemand."},
		{"Messerangriff in Berlin: Polizei nimmt Verdächtigen fest", "Nach einem Messerangriff in Berlin-Neukölln hat die Polizei einen 28 Jahre alten Mann festgenommen. Das Opfer wurde schwer verletzt."},
		{"Wetter: Sturm und Regen im Norden", "Der Deutsche Wetterdienst warnt für Dienstag vor Sturmböen an der Küste. Im Süden bleibt es trocken, die Temperaturen steigen."},
	}
	strike := art{"GDL ruft zum Streik bei der Bahn auf",
		"Die Lokführergewerkschaft GDL hat ihre Mitglieder für Dienstag und Mittwoch zu einem 48-stündigen Streik aufgerufen. " +
			"Im Fernverkehr der Deutschen Bahn soll nach Angaben des Konzerns nur jeder fünfte Zug fahren."}
	strike2 := art{"Bahnstreik am Dienstag: GDL legt Fernverkehr für 48 Stunden lahm",
		"Reisende müssen sich auf massive Einschränkungen einstellen: Die GDL streikt ab Dienstag 48 Stunden lang. " +
			"Die Deutsche Bahn will einen Notfahrplan anbieten, im Fernverkehr fährt nur etwa jeder fünfte Zug."}
	tests := []storyPair{
		{"one strike in two outlets", strike, strike2, true},
		{"one shooting in two outlets", hamburg, hamburg2, true},
		{"two shootings of one evening", hamburg, munich, false},
		{"two shootings, the other outlet first", hamburg2, munich, false},
	}
	// the frequencies: every article here, as a bot reading German outlets
	// would have counted them
	checkStoryPairs(t, append(others, hamburg, hamburg2, munich, strike, strike2), tests, time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC), 20*time.Minute)
}

// TestGermanSpeakerIsAName: German puts the subject after the verb in
// "…, sagte Scholz", so the speaker stands after no preposition, article or
// name; read by where names stand he was no name, and two outlets quoting
// him on one decision shared nothing but common words. The speaker is the
// last capitalised word after the verb: a role before it
// ("Polizeisprecher", in every police story) is no name, so two shootings
// whose police spokesmen are quoted stay two.
func TestGermanSpeakerIsAName(t *testing.T) {
	relief := art{"Koalition einigt sich auf neues Entlastungspaket",
		"Die Koalition hat sich in Berlin auf ein drittes Entlastungspaket geeinigt. Rentner, Studierende und Familien sollen eine Einmalzahlung erhalten. " +
			"Niemand werde mit den hohen Preisen allein gelassen, sagte Scholz am Morgen."}
	relief2 := art{"Drittes Entlastungspaket: Das plant die Regierung gegen hohe Preise",
		"Nach langen Verhandlungen in Berlin steht das dritte Entlastungspaket der Regierung. Rentner und Studierende sollen eine Einmalzahlung erhalten, " +
			"Familien mehr Kindergeld. Das Paket sei ein Zeichen, erklärte Scholz im Kanzleramt."}
	hamburg := art{"Schüsse in Hamburg: Ein Toter",
		"In Hamburg-Billstedt sind am Montagabend Schüsse gefallen, ein Mann starb. Die Hintergründe sind unklar, sagte Polizeisprecher Holger Vehren. " +
			"Die Polizei fahndet nach dem Täter und bittet Zeugen um Hinweise."}
	munich := art{"Schüsse in München: Mann schwer verletzt",
		"In München-Neuperlach sind am Montagabend Schüsse gefallen, ein Mann wurde schwer verletzt. Die Hintergründe sind unklar, sagte Polizeisprecher Andreas Franken. " +
			"Die Polizei fahndet nach dem Täter und bittet Zeugen um Hinweise."}
	others := []art{
		{"Bahnstreik: Die GDL legt den Verkehr lahm", "Die Gewerkschaft der Lokführer hat für Dienstag zu einem Streik aufgerufen. Die Deutsche Bahn rechnet mit massiven Ausfällen im Fernverkehr."},
		{"Bundestag beschließt den Haushalt", "Der Bundestag hat am Freitag den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte die Pläne der Regierung scharf."},
		{"Unfall auf der A7: Zwei Verletzte", "Auf der Autobahn bei Kassel ist am Morgen ein Lastwagen in ein Stauende gefahren. Die Polizei sperrte die Strecke für mehrere Stunden."},
		{"Brand in Köln: Feuerwehr rettet Familie", "In einem Mehrfamilienhaus in Köln ist in der Nacht ein Feuer ausgebrochen. Die Feuerwehr brachte eine Familie in Sicherheit, verletzt wurde niemand."},
		{"Wetter: Sturm und Regen im Norden", "Der Deutsche Wetterdienst warnt für Dienstag vor Sturmböen an der Küste. Im Süden bleibt es trocken, die Temperaturen steigen."},
		{"Messerangriff in Dortmund: Polizei nimmt Verdächtigen fest", "Nach einem Messerangriff in Dortmund hat die Polizei einen 28 Jahre alten Mann festgenommen. Das Opfer wurde schwer verletzt."},
		{"Zoo Leipzig: Elefantenbaby geboren", "Im Zoo Leipzig ist in der Nacht ein Elefantenbaby zur Welt gekommen. Mutter und Kind sind wohlauf, teilte der Zoo mit."},
		{"Inflation sinkt im November", "Die Inflation in Deutschland ist im November leicht gesunken. Die Preise für Energie lagen unter denen des Vorjahres."},
	}
	tests := []storyPair{
		{"one decision quoting the chancellor in two outlets", relief, relief2, true},
		{"two shootings quoting police spokesmen", hamburg, munich, false},
	}
	checkStoryPairs(t, append(others, relief, relief2, hamburg, munich), tests, time.Date(2026, 11, 30, 20, 0, 0, 0, time.UTC), 20*time.Minute)
}

// TestSpeakerEnd: the speaker after a verb of saying is the last capitalised
// word of the run that follows it.
func TestSpeakerEnd(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"Die Lage ist nicht klar, sagte Scholz am Morgen.", "Scholz"},
		{"Die Lage ist nicht klar, sagte Polizeisprecher Holger Vehren.", "Vehren"},
		{"Die Lage ist nicht klar, so Innenministerin Faeser.", "Faeser"},
		{"Die Lage ist nicht klar, sagte Scholz. Die Opposition widersprach.", "Scholz"},
		{"Die Polizei ist nicht vor Ort, sagte Scholz.", "Scholz"}, // "Die" is no adjective making "Polizei" a name
	}
	for _, tt := range tests {
		ws := words(tt.text)
		if !isGerman(ws) {
			t.Fatalf("%q not read as German", tt.text)
		}
		name := germanNames(ws)
		var got []string
		for i, w := range ws {
			if name[i] {
				got = append(got, w.raw)
			}
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%q: names %q, want only %q", tt.text, got, tt.want)
		}
	}
}
