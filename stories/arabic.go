package stories

import (
	"strings"
	"unicode/utf8"

	"github.com/newshound/newshound/query"
)

// Arabic script (Arabic, Persian, Urdu) has no capitals, so the capital
// that marks a name elsewhere (isDistinctive) marks nothing there, and two
// reports of one event worded differently shared only their numbers. Its
// words are read instead as the query engine reads them: Persian and
// Arabic spellings of a letter folded (foldPersian), then the Light10 stem
// (query.ArabicStem: "الزلزال" and "زلزال" are one term), function words
// of the three languages dropped (arabicStopWords). Each term is marked
// FlagCaseless, and which of them are distinctive is told by rarity
// rather than by spelling: a caseless term counts as a name where a name
// counts (shared names, title names, the candidates it finds) when few of
// the caseless articles seen carry it (Frequencies.rare): the town of an
// event is rare, while "earthquake", "killed" or "explosion" is carried by
// every report of a kind, and two same-day events of one kind in two towns
// share only those.

// rareShare is the share of the Arabic-script articles seen that a
// caseless term may be carried by and still count as distinctive, and
// rareLeast the count that always may (a stream that has seen few such
// articles knows too little to tell a name from a word every report has).
const (
	rareShare = 0.02
	rareLeast = 1
)

// isArabicScript reports whether a word starts with an Arabic-script letter
// (Arabic, Persian and Urdu letters, Arabic-Indic digits aside).
func isArabicScript(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 0x620 && r <= 0x64A || r >= 0x66E && r <= 0x6D3 || r >= 0x6FA && r <= 0x6FF || r >= 0x750 && r <= 0x77F
}

// arabicTerm returns the term of a folded Arabic-script word: "" for a
// function word or a stem shorter than two letters, else its Light10 stem.
func arabicTerm(w string) string {
	if arabicStopWords[w] {
		return ""
	}
	s := query.ArabicStem(w)
	if utf8.RuneCountInString(s) < 2 || arabicStopWords[s] {
		return ""
	}
	return s
}

// arabicStopWords are function words, reporting verbs, weekdays and words
// of time in Arabic, Persian and Urdu, folded as foldPersian folds them:
// every report has them, and they say nothing of which event it tells.
var arabicStopWords = foldedSet(
	// Arabic
	"في من على إلى الى عن مع أن ان إن هذا هذه ذلك تلك التي الذي الذين اللذين التى كان كانت يكون قد لا ما لم لن " +
		"أو او ثم بعد قبل بين حتى عند منذ خلال حول ضد عبر تحت فوق كل بعض غير أي اي هو هي هم هن نحن انه إنه أنه " +
		"قال قالت وقال وقالت يقول تقول أكد وأكد أعلن أعلنت وأعلن أضاف وأضاف ذكر وذكر أفاد وأفاد بحسب حسب وفق وفقا " +
		"وفي ومن وعلى والى وإلى وعن ومع وأن وان وهو وهي كما لكن بينما وقد فقد لقد إذ إذا اذا أمس امس اليوم غدا " +
		"الاثنين الإثنين الثلاثاء الأربعاء الاربعاء الخميس الجمعة السبت الأحد الاحد صباح مساء يوم يومي الساعة " +
		"عام العام سنة شهر أكثر اكثر أقل اقل نحو حوالي أيضا ايضا فيما لدى عليه عليها فيه فيها منه منها له لها " +
		// Persian
		"در از به با که را این آن و یا برای تا بر هم شد شده است بود بوده کرد کرده کند می نیز اما پس پیش " +
		"روز امروز دیروز فردا گزارش یک های ها وی او آنها خود دیگر همچنین گفت گفته اعلام کرد شنبه یکشنبه دوشنبه " +
		"سه‌شنبه چهارشنبه پنجشنبه جمعه صبح عصر شب ساعت سال ماه " +
		// Urdu
		"میں کے کی کا سے نے کو پر اور یہ وہ ہے ہیں تھا تھی تھے گیا گئی گئے کہ بھی ایک اس ان جو لیے کر کیا " +
		"ہو ہوا ہوئے ہوئی گا گی دیا دی روز آج کل مطابق بتایا کہنا کہا")

// arabicKindWords are words of the kinds of news in Arabic, Persian and
// Urdu (killed, wounded, blast, quake, fire, shooting, police, army,
// minister, government, resignation, election, court, arrest, accident,
// car, city, province ...), as their stems: terms like any other, but
// never distinctive, however rare the stream has seen them so far. A
// young stream (a new bot, an outlet just added) has met "resignation"
// once, and would take two ministers' resignations on one day for one
// story; in English no capital would have marked the word.
var arabicKindWords = stemmedSet(
	// Arabic
	"قتل مقتل قتيل قتلى قتيلا أصيب إصابة إصابات مصاب جرح جرحى جريح جريحا انفجار تفجير انتحاري عبوة ناسفة مفخخة سيارة " +
		"هجوم هجمات قصف غارة غارات اشتباك اشتباكات مسلح مسلحين زلزال هزة أرضية درجة درجات ريختر حريق حرائق إطلاق نار " +
		"ضحايا حصيلة شرطة أمن أمنية جيش جنود جندي قوات وزير وزارة وزيرا حكومة رئيس رئيسا استقالة استقال انتخابات برلمان " +
		"محكمة حكم سجن اعتقال اعتقل مشتبه حادث حادثة سير طريق مدينة محافظة ولاية منطقة حي قرية العاصمة مصادر مصدر بيان " +
		"أشخاص شخصا شخص مواطنين مدنيين سكان عمال عامل مستشفى إسعاف الدفاع المدني فيضانات سيول عاصفة أمطار " +
		// Persian
		"کشته کشت زخمی مجروح مصدوم انفجار حمله تیراندازی زلزله زمین‌لرزه لرزه ریشتر آتش‌سوزی آتش حادثه تصادف پلیس ارتش " +
		"نیروهای وزیر وزارت دولت رئیس استعفا انتخابات مجلس دادگاه زندان بازداشت کارگر کارگران شهر استان منطقه روستا " +
		"نفر خبرگزاری گزارش بیمارستان جان سیل طوفان " +
		// Urdu
		"فائرنگ جاں بحق ہلاک زخمی دھماکہ دھماکے حملہ زلزلہ آگ حادثہ حادثے پولیس فوج وزیر حکومت استعفیٰ انتخابات عدالت " +
		"گرفتار ملزم ملزمان افراد شخص شہری شہر علاقے علاقہ صوبہ ہسپتال اسپتال سیلاب بارش")

// stemmedSet returns the terms of the words of s (as normalise makes them).
func stemmedSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '\u200c' }) {
			if t := query.ArabicStem(foldPersian(part)); t != "" {
				m[t] = true
			}
		}
	}
	return m
}

// foldedSet returns the words of s, folded as foldPersian folds them.
func foldedSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[foldPersian(w)] = true
	}
	return m
}
