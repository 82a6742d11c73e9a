package config

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// byteSizeFix reads line n (counted from 1, as text) of data, a key = value
// line of a byte count written with a unit ("10MB", "10 MiB", "512k", quoted
// or not), and returns the line as it must be written, the count as a whole
// number ("max_bytes = 10485760 (10 MiB)"), with the line's key, or "", ""
// when the line is not that. K, M and G count in 1024s, as config.example.toml's 10485760 is
// "10 MiB": "10MB" and "10 MiB" are one size.
func byteSizeFix(data []byte, n string) (key, fix string) {
	key, value, ok := keyValueLine(data, n)
	value = strings.Trim(value, `"'`)
	if !ok || !strings.HasSuffix(key, "bytes") {
		return "", ""
	}
	size, read, ok := byteSize(value)
	if !ok {
		return "", ""
	}
	return key, fmt.Sprintf("%s = %d (%s)", key, size, read)
}

// byteSize reads a count of bytes with a unit: a number (a fraction too),
// then k, M or G, with or without B, iB and a space, in either case; it
// reports false for anything else, a bare number included. read is how it
// was read, "10 MiB".
func byteSize(s string) (n int64, read string, ok bool) {
	s = strings.TrimSpace(s)
	end := strings.IndexFunc(s, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end <= 0 {
		return 0, "", false
	}
	num, err := strconv.ParseFloat(s[:end], 64)
	if err != nil || num <= 0 {
		return 0, "", false
	}
	unit := strings.ToLower(strings.TrimSpace(s[end:]))
	unit = strings.TrimSuffix(strings.TrimSuffix(unit, "b"), "i")
	shift := map[string]uint{"k": 10, "m": 20, "g": 30}
	sh, ok := shift[unit]
	if !ok {
		return 0, "", false
	}
	v := num * float64(int64(1)<<sh)
	if v > math.MaxInt64/2 {
		return 0, "", false
	}
	return int64(math.Round(v)), strconv.FormatFloat(num, 'f', -1, 64) + " " + strings.ToUpper(unit) + "iB", true
}
