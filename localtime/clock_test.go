package localtime

import (
	"errors"
	"testing"
)

func TestParseClock(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // "" = rejected
	}{
		{"hh:mm", "08:00", "08:00"},
		{"h:mm", "7:30", "07:30"},
		{"compact", "2130", "21:30"},
		{"hour only", "9", "09:00"},
		{"dot", "18.45", "18:45"},
		{"h between", "8h30", "08:30"},
		// "/digest 8h" and "/quiet 22h-7h", as Spanish, French and Russian
		// ("7ч") writers put an hour, were no times of day.
		{"h after", "22h", "22:00"},
		{"Russian ч after", "7ч", "07:00"},
		{"h alone", "h", ""},
		{"pm", "7pm", "19:00"},
		{"am", "8am", "08:00"},
		{"late pm", "11pm", "23:00"},
		{"pm with minutes", "11:30pm", "23:30"},
		{"am with a space", "7 am", "07:00"},
		{"am with minutes", "7:15 am", "07:15"},
		{"upper case", "7PM", "19:00"},
		{"dotted", "7 p.m.", "19:00"},
		{"midnight am", "12am", "00:00"},
		{"noon pm", "12:30pm", "12:30"},
		{"midnight", "0:00", "00:00"},
		{"last minute", "23:59", "23:59"},
		{"surrounding space", "  06:15 ", "06:15"},
		// "/digest noon" was no time of day: the named times, in the
		// bot's languages.
		{"noon", "noon", "12:00"},
		{"Noon capitalised", "Noon", "12:00"},
		{"12 noon", "12 noon", "12:00"},
		{"midday", "midday", "12:00"},
		{"midnight word", "midnight", "00:00"},
		{"12pm", "12pm", "12:00"},
		{"German mittags", "mittags", "12:00"},
		{"German Mitternacht", "Mitternacht", "00:00"},
		{"Russian полдень", "полдень", "12:00"},
		{"Russian полночь", "Полночь", "00:00"},
		{"Spanish mediodía", "mediodía", "12:00"},
		{"Spanish medianoche", "medianoche", "00:00"},
		// A phone's "８：００" (Japanese and Chinese keyboards), "٨:٠٠",
		// "8,30", "8:00 a. m." (as Spanish writes it) and the bot's
		// languages' words for the half of the day were no times of day.
		{"full-width digits and colon", "０８：３０", "08:30"},
		{"Arabic-Indic digits", "٨:٣٠", "08:30"},
		{"Persian digits", "۲۱:۰۰", "21:00"},
		{"comma", "8,30", "08:30"},
		{"Spanish a. m.", "8:00 a. m.", "08:00"},
		{"Spanish p. m.", "9 p. m.", "21:00"},
		{"Russian morning", "8 утра", "08:00"},
		{"Russian evening", "8:30 вечера", "20:30"},
		{"Russian afternoon", "3 дня", "15:00"},
		{"Russian noon", "12 дня", "12:00"},
		{"Russian night, evening hour", "11 ночи", "23:00"},
		{"Russian night, small hour", "2 ночи", "02:00"},
		{"Russian midnight", "12 ночи", "00:00"},
		{"Russian o'clock and evening", "8 часов вечера", "20:00"},
		{"German o'clock", "20.30 Uhr", "20:30"},
		{"German evening", "8 Uhr abends", "20:00"},
		{"German evening, a 24-hour hour", "20 Uhr abends", "20:00"},
		{"German morning", "7 morgens", "07:00"},
		{"Spanish afternoon", "5 de la tarde", "17:00"},
		{"Spanish night", "10 de la noche", "22:00"},
		{"Spanish midnight", "12 de la noche", "00:00"},
		{"English evening", "8 in the evening", "20:00"},
		{"English o'clock", "7 o'clock", "07:00"},
		{"morning with an afternoon hour", "15 утра", ""},
		{"a half of the day and pm", "8pm вечера", ""},
		{"an hour 0 and a half of the day", "0 вечера", ""},
		{"o'clock alone", "uhr", ""},
		{"a word that is no time", "teatime", ""},
		{"24:00", "24:00", ""},
		{"minutes out of range", "08:60", ""},
		{"13pm", "13pm", ""},
		{"0am", "0am", ""},
		{"words", "tomorrow", ""},
		{"seconds", "08:00:00", ""},
		{"empty", "", ""},
		{"negative", "-7", ""},
		{"one minute digit", "8:5", ""},
		{"three hour digits", "123:00", ""},
		{"am twice", "7amam", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseClock(tt.in)
			if tt.want == "" {
				if !errors.Is(err, ErrBadClock) {
					t.Fatalf("ParseClock(%q) = %s, %v; want ErrBadClock", tt.in, got, err)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("ParseClock(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestLoadClock(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Clock
		ok   bool
	}{
		{"stored", "07:30", 7*60 + 30, true},
		{"midnight", "00:00", 0, true},
		{"last minute", "23:59", 23*60 + 59, true},
		{"one hour digit", "7:30", 0, false},
		{"am is a user's form", "7am", 0, false},
		{"bad hour", "24:00", 0, false},
		{"empty", "", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadClock(tt.in)
			if !tt.ok {
				if !errors.Is(err, ErrBadClock) {
					t.Fatalf("LoadClock(%q) = %s, %v; want ErrBadClock", tt.in, got, err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("LoadClock(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
			if got.String() != tt.in {
				t.Errorf("String() = %s, want %s", got, tt.in)
			}
		})
	}
}
