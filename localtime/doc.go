// Package localtime is chat-local time: reading a time of day, reading and
// loading a time zone, when a daily time next falls due, and quiet hours.
// It is pure: no I/O beyond the zone database of the time package, no store,
// no clock of its own (callers pass now).
//
// Rules:
//  1. One grammar for a time of day, used by every command: "23:00", "7:30",
//     "0730", "7.30", "7h30", "7", "7h", "7ч", each with an optional "am"/"pm" ("a.m.",
//     "p.m.", "a. m."), with or without a space: "8am", "11:30pm", "7 am";
//     or with a word for the half of the day in the bot's languages ("8
//     вечера", "2 ночи", "8 Uhr abends", "5 de la tarde", "8 in the
//     evening"); an "o'clock" word may follow the hour ("20.30 Uhr", "8
//     часов вечера"). With am/pm the hour runs from 1 to 12 (with such a word
//     too, but an evening's "20 Uhr abends" stands); without, from 0 to 23. Full-width, Arabic-Indic and Persian digits
//     read as ASCII ones, and a comma may part hours and minutes. A few
//     words name a time: "noon", "midday", "midnight" and their German,
//     Russian and Spanish words ("mittags", "полночь", "mediodía").
//  2. A time of day is stored as "HH:MM" (Clock.String) and read back with
//     LoadClock, which accepts that form only.
//  3. A zone is an IANA name or a fixed UTC offset, stored as ParseTimezone
//     returns it; "" is UTC. The server's own zone ("Local") is never one.
//  4. A daily time on a day that a DST change skips falls just after the gap
//     (02:30 becomes 03:30); on a day that repeats it, it is one instant.
//  5. Quiet hours run from Start (included) to End (excluded), across midnight
//     when End is earlier, in the chat's zone.
package localtime
