package summarize

// The word lists below are switch statements rather than maps: the
// compiler turns them into a binary search with no allocation, and no
// package variable is needed.

// isTitleAbbreviation reports whether word is an abbreviation that is
// always followed by more of the same sentence: a title before a name, a
// unit before a noun.
func isTitleAbbreviation(word string) bool {
	switch word {
	case "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Capt", "Cmdr",
		"Adm", "Maj", "Brig", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Supt", "St", "Mt",
		"Ft", "Sr", "Sra", "Srta", "Dra", "Dña", "Fr", "Cpl", "Pvt", "Insp", "Det", "Amb",
		"Atty", "Messrs", "Mme", "Mlle", "Hr", "Hrn", "Dipl", "Ing", "Mag", "Abg", "Lic",
		"Excmo", "Ilmo", "Ud", "Uds", "Vd", "Vds", "Sto", "Sta", "Gral", "Ste", "vs", "Vs",
		"e.g", "i.e", "z.B", "d.h", "u.a", "bzw", "ggf", "inkl", "evtl", "sog", "vgl",
		"Mio", "Mrd", "Tsd", "Bio", "Prot", "Rt", "Gen.-Maj",
		// Russian: "им. Пушкина", "ул. Ленина", "т.е.", "в т.ч.", "см. выше".
		"им", "ул", "пр-т", "просп", "пер", "наб", "акад", "проф", "ген", "генерал-лейт", "т.е",
		"т.н", "т.к", "т.ч", "напр", "см", "ср", "обл", "р-н",
		// Italian and Portuguese titles.
		"Sig", "Sigg", "Sig.ra", "Dott", "Dott.ssa", "Avv", "On", "Prof.ssa", "Geom", "Egr",
		"Gent", "Exmo", "Exma", "Profa", "Eng", "Arq", "p.ex":
		return true
	}
	return false
}

// isNumberAbbreviation reports whether word is an abbreviation usually
// followed by a number: "No. 10", "Jan. 5", "Art. 3", "p. 12". Spanish
// "ago." (agosto) is not listed: it is the English word "ago" far more
// often, and boundaryAfterPeriod treats it apart.
func isNumberAbbreviation(word string) bool {
	switch word {
	case "No", "Nos", "no", "Nr", "Nrn", "Art", "Abs", "Fig", "Vol", "Ch", "Sec", "Sect",
		"p", "pp", "ca", "approx", "Tel", "tel", "núm", "Núm", "pág", "Bd", "Kap",
		"Jan", "Feb", "Febr", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Okt",
		"Nov", "Dec", "Dez", "ene", "feb", "mar", "abr", "jun", "jul", "sept",
		"oct", "nov", "dic",
		// Russian ("рис. 3", "ст. 105", "стр. 12"), Italian and Portuguese ("n. 5", "nº. 3").
		"рис", "ст", "стр", "гл", "ч", "п", "n", "nº", "pag", "art", "cap":
		return true
	}
	return false
}

// isClosingAbbreviation reports whether word is an abbreviation that often
// ends a sentence: "shares of Acme Inc. The company said...".
func isClosingAbbreviation(word string) bool {
	switch word {
	case "Inc", "Corp", "Co", "Ltd", "Jr", "Bros", "etc", "al", "Ave", "Blvd", "Rd", "Ln",
		"Dept", "Univ", "Assn", "Bhd", "usw", "Cía", "Hnos", "cf",
		// Russian: "в 2024 г.", "и т.д.", "и др.", "5 млн руб.", "XX в."
		"г", "гг", "в", "вв", "т.д", "т.п", "др", "пр", "млн", "млрд", "тыс", "руб", "долл", "коп",
		// Italian and Portuguese: "ecc.", "S.p.A.", "Lda.", "S.A."
		"ecc", "S.p.A", "S.r.l", "Lda", "Ltda", "S.A", "etc.":
		return true
	}
	return false
}

// isSentenceStarter reports whether word commonly opens a sentence in
// English, German, Spanish or French news prose. It decides the ambiguous
// cases: "the U.S. The" ends a sentence, "the U.S. Treasury" does not.
func isSentenceStarter(word string) bool {
	switch word {
	// English
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its",
		"Their", "Our", "My", "This", "That", "These", "Those", "There", "Here", "In", "On",
		"At", "But", "And", "As", "After", "Before", "When", "While", "If", "However",
		"Meanwhile", "Still", "Yet", "So", "Then", "Now", "Also", "For", "From", "With",
		"Without", "By", "Since", "Although", "Though", "Because", "Despite", "Under",
		"Over", "Some", "Many", "Most", "All", "Both", "Each", "Another", "Other", "One",
		"Officials", "Police", "What", "Who", "Why", "How", "Where", "Earlier", "Later",
		"Last", "Next", "Such", "No", "Not", "Even", "Only", "More", "Several", "About",
		"Mr", "Mrs", "Ms", "Dr", "Shares", "Analysts", "Investors", "Critics", "Experts":
		return true
	// German
	case "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Er", "Sie", "Es",
		"Wir", "Ich", "Ihr", "Man", "Im", "Am", "Auch", "Doch", "Aber", "Nach", "Bei", "Mit",
		"Diese", "Dieser", "Dieses", "Damit", "Dann", "Denn", "Zudem", "Außerdem", "Laut",
		"Wie", "Was", "Wer", "Als", "Seit", "Bis", "Zuvor", "Zuletzt", "Nun", "Jetzt":
		return true
	// Spanish and French
	case "El", "La", "Los", "Las", "Lo", "Un", "Una", "Unos", "Unas", "Él", "Ella", "Ellos",
		"Ellas", "En", "Pero", "Según", "Tras", "Con", "Por", "Sin", "Sus", "Su", "Este",
		"Esta", "Estos", "Estas", "Ese", "Esa", "Así", "También", "Además", "Mientras",
		"Cuando", "Desde", "Hasta", "Para", "Le", "Les", "Il", "Elle", "Ils", "Elles",
		"Nous", "Mais", "Selon", "Dans", "Pour", "Ce", "Cette", "Ces":
		return true
	// Russian
	case "В", "Во", "На", "По", "С", "Со", "К", "О", "Об", "Он", "Она", "Оно", "Они", "Это", "Эти",
		"Этот", "Эта", "Как", "Но", "И", "А", "При", "После", "До", "Для", "Из", "За", "От",
		"Также", "Кроме", "Однако", "Ранее", "Позже", "Сейчас", "Теперь", "Всего",
		"Так", "Там", "Тогда", "Когда", "Если", "Хотя", "Его", "Ее", "Её", "Их":
		return true
	// Italian and Portuguese
	case "Gli", "Uno", "Nel", "Nella", "Secondo", "Dopo", "Anche", "Ma",
		"Questo", "Questa", "Lui", "Lei", "Loro", "O", "Os", "Um", "Uma", "Ele", "Ela",
		"Eles", "Elas", "Na", "Nos", "Nas", "Mas", "Após", "Segundo", "Também", "Isso":
		return true
	}
	return false
}

// isMonth reports whether word names a month in English, German or
// Spanish, written with a capital.
func isMonth(word string) bool {
	switch word {
	case "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December", "Januar", "Februar", "März",
		"Mai", "Juni", "Juli", "Oktober", "Dezember", "Jan", "Feb", "Mar", "Apr", "Jun",
		"Jul", "Aug", "Sep", "Sept", "Oct", "Okt", "Nov", "Dec", "Dez", "Enero", "Febrero",
		"Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre",
		"Noviembre", "Diciembre":
		return true
	}
	return false
}
