package stories

import (
	"testing"
	"time"
)

// TestChineseAndJapaneseStories: Chinese and Japanese are written without
// spaces. Read as one word a sentence, two reports of one earthquake shared
// no term and came as two alerts; read as pairs of characters, with the
// places named before 市, 县, 県 as names, they are one story, while two knife
// attacks of one day in two cities stay two.
func TestChineseAndJapaneseStories(t *testing.T) {
	tests := []storyPair{
		{"one earthquake in Chinese", art{"四川雅安发生6.1级地震 已造成3人死亡", "据中国地震台网测定，11月29日8时14分在四川省雅安市芦山县发生6.1级地震，震源深度10千米。目前已造成3人死亡，20余人受伤。"},
			art{"芦山县6.1级地震致3死20余伤", "中国地震台网正式测定：29日8时14分，四川雅安市芦山县发生6.1级地震。当地应急管理局称，地震已造成3人遇难、20多人受伤，救援工作正在进行。"}, true},
		{"one earthquake in Japanese", art{"石川県能登地方で震度6強の地震", "29日午前8時14分ごろ、石川県能登地方を震源とする地震があり、輪島市で震度6強を観測した。気象庁によると、震源の深さは約10キロ。"},
			art{"能登で震度6強　輪島市で住宅倒壊", "気象庁によると、29日午前8時14分ごろ、能登地方で地震があり、石川県輪島市で震度6強の揺れを観測した。輪島市では住宅の倒壊が相次いでいる。"}, true},
		{"two earthquakes in Chinese", art{"四川雅安发生6.1级地震 已造成3人死亡", "据中国地震台网测定，11月29日8时14分在四川省雅安市芦山县发生6.1级地震，震源深度10千米。目前已造成3人死亡，20余人受伤。"},
			art{"日本北海道发生5.8级地震", "据中国地震台网测定，11月29日10时02分在日本北海道地区发生5.8级地震，震源深度30千米。暂无人员伤亡报告。"}, false},
		{"two knife attacks in Chinese", art{"广州天河区一商场发生持刀伤人事件", "11月29日下午，广州市天河区一商场内发生持刀伤人事件，造成2人受伤。警方已将嫌疑人控制，伤者被送往医院救治。"},
			art{"深圳南山区一小学门口发生持刀伤人事件", "11月29日上午，深圳市南山区一小学门口发生持刀伤人事件，一名男子持刀砍伤3名路人。警方接报后迅速到场，将该男子抓获。"}, false},
		{"two knife attacks in Japanese", art{"大阪市の商業施設で男が刃物で切りつけ　2人けが", "29日午後、大阪市北区の商業施設で男が刃物で客を切りつけ、2人がけがをした。警察は男をその場で逮捕した。"},
			art{"名古屋市の小学校前で刃物男　3人けが", "29日午前、名古屋市中区の小学校前で男が刃物を振り回し、通行人3人がけがをした。警察は男を殺人未遂の疑いで逮捕した。"}, false},
		{"two earthquakes in Japanese", art{"石川県能登地方で震度6強の地震", "29日午前8時14分ごろ、石川県能登地方を震源とする地震があり、輪島市で震度6強を観測した。気象庁によると、震源の深さは約10キロ。"},
			art{"宮城県沖で震度4の地震　津波の心配なし", "29日午後3時22分ごろ、宮城県沖を震源とする地震があり、仙台市で震度4を観測した。気象庁によると、この地震による津波の心配はない。"}, false},
	}
	// the frequencies: every article of the table, as a bot reading these
	// outlets would have counted them
	var corpus []art
	for _, tt := range tests {
		corpus = append(corpus, tt.a, tt.b)
	}
	checkStoryPairs(t, corpus, tests, time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC), 10*time.Minute)
}

// TestThaiStories: Thai is written without spaces between words, so a
// headline was one word and two reports of one earthquake shared no term;
// read as pairs of characters (each with its vowel and tone marks) they are
// one story, while an earthquake and a flood, or two earthquakes of one day
// in two provinces, stay apart.
func TestThaiStories(t *testing.T) {
	quake := art{"แผ่นดินไหวขนาด 5.2 ที่เชียงใหม่ อาคารเสียหายหลายแห่ง",
		"เกิดแผ่นดินไหวขนาด 5.2 ในจังหวัดเชียงใหม่ เมื่อเช้าวันนี้ อาคารหลายแห่งในอำเภอแม่ริมได้รับความเสียหาย ยังไม่มีรายงานผู้เสียชีวิต"}
	quake2 := art{"เชียงใหม่สะเทือน แผ่นดินไหว 5.2 อำเภอแม่ริมเสียหาย",
		"กรมอุตุนิยมวิทยารายงานว่าเช้านี้เกิดแผ่นดินไหวขนาด 5.2 ที่จังหวัดเชียงใหม่ บ้านเรือนในอำเภอแม่ริมได้รับความเสียหาย"}
	other := art{"แผ่นดินไหวขนาด 4.1 ที่กาญจนบุรี ไม่มีความเสียหาย",
		"เกิดแผ่นดินไหวขนาด 4.1 ในจังหวัดกาญจนบุรี เมื่อบ่ายวันนี้ ประชาชนรู้สึกได้ถึงแรงสั่นสะเทือน ไม่มีรายงานความเสียหาย"}
	flood := art{"น้ำท่วมหนักในกรุงเทพฯ หลายเขตจมน้ำ",
		"ฝนตกหนักต่อเนื่องทำให้เกิดน้ำท่วมในหลายพื้นที่ของกรุงเทพมหานคร การจราจรติดขัดอย่างหนัก"}
	tests := []storyPair{
		{"one earthquake in two outlets", quake, quake2, true},
		{"two earthquakes of one day", quake, other, false},
		{"an earthquake and a flood", quake, flood, false},
	}
	checkStoryPairs(t, []art{quake, quake2, other, flood}, tests, time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC), 10*time.Minute)
}
