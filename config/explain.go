package config

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
)

// A person who mistypes a key or gives a value of the wrong type gets an
// error that names the key and says what to write instead.

// TypeError is a value of the wrong type in the configuration file: Key
// (dotted) at Line needed Want and got Got. It unwraps to the TOML
// library's error.
type TypeError struct {
	Path, Key, Want, Got string
	Line                 int
	Err                  error
}

func (e *TypeError) Error() string {
	where := e.Path
	if e.Line > 0 {
		where += fmt.Sprintf(", line %d", e.Line)
	}
	return fmt.Sprintf("config %s: %s must be %s, not %s (config.example.toml shows each key with its default)",
		where, e.Key, e.Want, e.Got)
}

func (e *TypeError) Unwrap() error { return e.Err }

// incompatible reads the TOML library's error for a value of the wrong
// type (a plain string): line, key, the value's type and the destination's.
var incompatible = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]+)"\): incompatible types: TOML value has type (\S+); destination has type (.+)$`)

// wants says what each destination type of the TOML library takes.
var wants = map[string]string{
	"integer": "a whole number, e.g. 4",
	"float":   "a number, e.g. 1.5",
	"string":  `a quoted string, e.g. "text"`,
	"boolean": "true or false",
	"slice":   "a list in brackets, e.g. [1, 2]",
	"map":     "a table",
	// Durations and other text values.
	"primitive (string-like)": `a quoted value, e.g. "90s" for a duration`,
}

// gots names the TOML library's Go types of values for a person.
var gots = map[string]string{
	"string": "a string", "int64": "a whole number", "float64": "a number", "bool": "true or false",
	"[]any": "a list", "map[string]any": "a table", "time.Time": "a date",
}

// valueErr reads the TOML library's error for a value the key's type
// refused (a duration's UnmarshalText): line, key, the refusal.
var valueErr = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]+)"\): (.+)$`)

// notTable reads the TOML library's refusal of a value where a table goes.
var notTable = regexp.MustCompile(`^type mismatch for \S+: expected table but found (\S+)$`)

// twice reads the TOML library's refusal of a table or key written a
// second time: its line and dotted name.
var twice = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]+"\))?: Key '([^']+)' has already been defined\.$`)

// explainTwice says how to mend a table or key written twice (a second
// [telegram] added at the end of the file for the webhook's keys, a second
// name in one [[sources]] block), or returns nil when err is not that.
func explainTwice(path string, err error) error {
	m := twice.FindStringSubmatch(err.Error())
	if m == nil {
		return nil
	}
	name := m[2]
	table, key, isKey := strings.Cut(name, ".")
	arrays := tableArrays(reflect.TypeOf(Config{}), "")
	switch {
	case !isKey:
		return fmt.Errorf("config %s, line %s: [%s] is written a second time; a table is written once: move the keys below this second [%[3]s] into the first one, and delete this line (%w)", path, m[1], name, err)
	case slices.Contains(arrays, table):
		return fmt.Errorf("config %s, line %s: %s is set twice in one [[%s]] block; each block is one entry: start the next one with its own [[%[4]s]] line (%w)", path, m[1], key, table, err)
	}
	return fmt.Errorf("config %s, line %s: %s is set twice; keep one of the two lines (%w)", path, m[1], name, err)
}

// lineErr reads the line of the TOML library's error.
var lineErr = regexp.MustCompile(`^toml: line (\d+)`)

// decodeAll decodes data, the file at path, over the defaults, past its
// values of the wrong type: the TOML library stops at the first, so a file
// with three took three starts to hear of them. Each such value's line is
// read as a comment and the file decoded again, its mistake (explainDecode)
// kept, up to 32 of them. It fails at once on a file TOML cannot read (a
// syntax error: explainDecode). When the file reads as TOML only with the
// lines of its values taken out, md is nil: its other keys are not known.
func decodeAll(path string, data []byte) (cfg Config, md *toml.MetaData, mistakes []error, err error) {
	text := slices.Clone(data)
	done := map[int]bool{}
	for range 32 {
		// A file TOML cannot read fails in the parse alone, which a table
		// of any values never refuses; what Config refuses is a value.
		if _, err := toml.Decode(string(text), &map[string]any{}); err != nil {
			if len(mistakes) == 0 {
				return Config{}, nil, nil, explainDecode(path, data, err)
			}
			return Config{}, nil, mistakes, nil // a value over several lines: what a line taken out broke is no mistake of the file
		}
		cfg = Defaults()
		meta, err := toml.Decode(string(text), &cfg)
		if err == nil {
			return cfg, &meta, mistakes, nil
		}
		e := explainDecode(path, data, err)
		m := lineErr.FindStringSubmatch(err.Error())
		line := 0
		if m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		if line == 0 || done[line] {
			return Config{}, nil, append(mistakes, e), nil
		}
		mistakes = append(mistakes, e)
		done[line] = true
		text = commentLine(text, line)
	}
	return Config{}, nil, mistakes, nil
}

// commentLine is text with its line n (from 1) made a comment. When that
// line is a table's header ([sources] where [[sources]] goes), the keys
// below it, up to the next header, are made comments too: left, they fell
// into the table above, and were named unknown keys ("unknown key name
// (did you mean sources.name?)"), the header's mistake said twice.
func commentLine(text []byte, n int) []byte {
	lines := bytes.SplitAfter(text, []byte("\n"))
	if n < 1 || n > len(lines) {
		return text
	}
	header := bytes.HasPrefix(bytes.TrimSpace(lines[n-1]), []byte("["))
	lines[n-1] = []byte("#\n")
	for i := n; header && i < len(lines) && !bytes.HasPrefix(bytes.TrimSpace(lines[i]), []byte("[")); i++ {
		lines[i] = []byte("#\n")
	}
	return bytes.Join(lines, nil)
}

// explainDecode turns the TOML library's error for the file at path, whose
// text is data, into a *TypeError when a value has the wrong type, says to
// quote a text value written bare, else wraps the error as it is.
func explainDecode(path string, data []byte, err error) error {
	if e := explainTwice(path, err); e != nil {
		return e
	}
	if m := incompatible.FindStringSubmatch(err.Error()); m != nil {
		want, ok := wants[m[4]]
		if !ok {
			want = m[4]
		}
		got, ok := gots[m[3]]
		if !ok {
			got = m[3]
		}
		if m[4] == "slice" && slices.Contains(tableArrays(reflect.TypeOf(Config{}), ""), m[2]) {
			want = fmt.Sprintf("a list of tables, each written [[%s]] with two brackets", m[2])
		}
		if m[2] == "telegram.admins" && m[4] == "integer" { // ["@alice"], ["123"]
			want = "Telegram user ids, numbers without quotes, e.g. [123456789] (send /id to the bot to learn yours; a @username is not one)"
		}
		if _, fix := byteSizeFix(data, m[1]); fix != "" && m[4] == "integer" { // max_bytes = "10MB"
			want = "a whole number of bytes, without quotes or a unit: " + fix
		}
		line, _ := strconv.Atoi(m[1])
		return &TypeError{Path: path, Key: m[2], Want: want, Got: got, Line: line, Err: err}
	}
	if m := valueErr.FindStringSubmatch(err.Error()); m != nil {
		if t := notTable.FindStringSubmatch(m[3]); t != nil { // telegram = 5
			got, ok := gots[t[1]]
			if !ok {
				got = t[1]
			}
			line, _ := strconv.Atoi(m[1])
			want := fmt.Sprintf("a table, written [%s] on a line of its own with its keys below", m[2])
			if slices.Contains(tableArrays(reflect.TypeOf(Config{}), ""), m[2]) {
				// sources = ["https://…", …]: each entry is a block.
				want = fmt.Sprintf("a list of tables, each entry a block of its own that starts with [[%s]] (two brackets) on a line of its own", m[2])
				if m[2] == "sources" {
					want += `, its name and url below it: [[sources]] then name = "BBC World" then url = "https://feeds.bbci.co.uk/news/world/rss.xml", each on a line of its own`
				}
			}
			return &TypeError{Path: path, Key: m[2], Want: want, Got: got, Line: line, Err: err}
		}
		where := path
		if m[1] != "" {
			where += ", line " + m[1]
		}
		key, msg := m[2], m[3]
		if name, fix := byteSizeFix(data, m[1]); fix != "" { // max_bytes = 10MB
			if key != name && !strings.HasSuffix(key, "."+name) { // the last key read was the table
				key += "." + name
			}
			msg = "a byte count is a whole number, without a unit: " + fix
		} else if bareValue(msg) {
			if name, fix := quoted(data, m[1]); fix != "" { // path = x.db
				if key != name && !strings.HasSuffix(key, "."+name) { // max_age = 48h: the last key read was the table
					key += "." + name
				}
				if secretKeys[key] {
					fix = name + ` = "…"`
				}
				msg = "a text value is written in quotes: " + fix
				if _, value, _ := keyValueLine(data, m[1]); strings.ContainsAny(value, typographic) {
					msg = "a text value is written in straight quotes (\"), not typographic ones (“ ”, from a word processor or a web page): " + fix
				}
			}
		}
		if sp := oddSpace(data, m[1]); sp != "" {
			msg += fmt.Sprintf(": the line holds a %s space (pasted from a web page or a word processor), which TOML does not take for one: retype it as a plain space", sp)
		}
		return fmt.Errorf("config %s: %w", where, &FieldError{Key: key, Msg: msg})
	}
	if lang := otherFormat(path, data); lang != "" {
		return fmt.Errorf("parse config %s: %w: this file reads as %s, and Newshound's configuration is TOML: a [table] line, then key = value lines under it "+
			"([storage] then path = \"newshound.db\"); copy config.example.toml and change its values", path, err, lang)
	}
	return fmt.Errorf("parse config %s: %w", path, err)
}

// yamlKey is a YAML mapping's line: a key, a colon, a value or nothing.
var yamlKey = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_]*:(\s|$)`)

// otherFormat names the format the file at path, whose text is data and
// which TOML refused, is written in when it is JSON or YAML, as a file
// written for another program or from habit is: the TOML library's "expected
// '.' or '=', but got ':'" did not say that the whole file was the mistake.
func otherFormat(path string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(path))
	text := strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff"))
	switch {
	case ext == ".json" || strings.HasPrefix(text, "{"):
		return "JSON"
	case ext == ".yaml" || ext == ".yml" || strings.HasPrefix(text, "---"):
		return "YAML"
	}
	for _, line := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if yamlKey.MatchString(line) {
			return "YAML"
		}
		break // the first line of substance decides
	}
	return ""
}

// secretKeys are the keys whose values an error never shows.
var secretKeys = map[string]bool{"telegram.token": true, "telegram.webhook_secret": true, TokenEnv: true, WebhookSecretEnv: true}

// envLine is a line of an environment file (systemd's EnvironmentFile,
// docker's --env-file, compose's .env): NAME=value, no space before "=".
var envLine = regexp.MustCompile(`^(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*=`)

// envFile reports whether data, a configuration file, is an environment
// file instead: each line not blank nor a comment is NAME=value, one of
// them Newshound's.
func envFile(data []byte) bool {
	ours := false
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !envLine.MatchString(l) {
			return false
		}
		ours = ours || strings.Contains(l, "NEWSHOUND_") || strings.Contains(l, "HTTPS_PROXY")
	}
	return ours
}

// envFileError is the error of -config given an environment file, which
// reads as TOML (NAME="value") or nearly: it was named an unknown key, or a
// value to quote, shown with the token in it.
func envFileError(path string) error {
	return fmt.Errorf("config %s is an environment file (NAME=value lines), not Newshound's configuration, which is TOML: the environment file goes to systemd's EnvironmentFile= "+
		"(/etc/newshound/env), docker run --env-file or compose's .env; give -config the TOML file (copy config.example.toml to start one), or run without -config for the built-in defaults", path)
}

// bareValue reports whether msg, the TOML library's refusal of a value, is
// what it says of text written without quotes: a word (x.db), a number
// with a unit (48h), or a token (123:abc, read as a time of day).
func bareValue(msg string) bool {
	for _, p := range []string{"expected value but found ", "invalid datetime", "expected a top-level item to end with a newline"} {
		if strings.HasPrefix(msg, p) {
			return true
		}
	}
	return false
}

// keyValueLine reads line n (counted from 1, as text) of data as key =
// value, a " #" comment cut off, both sides trimmed of spaces; ok is false
// when n is no line of data or the line has no "=".
func keyValueLine(data []byte, n string) (key, value string, ok bool) {
	i, err := strconv.Atoi(n)
	lines := strings.Split(string(data), "\n")
	if err != nil || i < 1 || i > len(lines) {
		return "", "", false
	}
	key, value, ok = strings.Cut(lines[i-1], "=")
	if j := strings.Index(value, " #"); j >= 0 {
		value = value[:j]
	}
	return strings.TrimSpace(key), strings.TrimSpace(value), ok
}

// quoted reads line n (counted from 1, as text) of data, a key = value line
// whose value was written without quotes: its key and the line with the
// value quoted (path = "x.db"), or "", "" when the line is not such a line.
func quoted(data []byte, n string) (key, fix string) {
	key, value, ok := keyValueLine(data, n)
	if !ok || key == "" || value == "" || strings.ContainsAny(value, "\"'[{") {
		return "", ""
	}
	return key, fmt.Sprintf("%s = %q", key, strings.Trim(value, typographic))
}

// typographic are the quotation marks a word processor or a web page puts
// for straight ones: TOML reads them as part of a bare value.
const typographic = "“”„‟‘’‚‛«»"

// oddSpace names the white space other than a plain space or tab on line
// n of data (a non-breaking space pasted from a web page, which TOML reads
// as a character where a key or a value goes), or "".
func oddSpace(data []byte, n string) string {
	i, err := strconv.Atoi(n)
	lines := strings.Split(string(data), "\n")
	if err != nil || i < 1 || i > len(lines) {
		return ""
	}
	for _, r := range lines[i-1] {
		if r != ' ' && r != '\t' && r != '\r' && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff') {
			return fmt.Sprintf("U+%04X", r)
		}
	}
	return ""
}

// unknownKeys says which keys of the file at path are unknown, each with
// the known key it most likely meant.
func unknownKeys(path string, keys []string) error {
	known := knownKeys(reflect.TypeOf(Config{}), "")
	var parts []string
	for _, k := range keys {
		if slices.ContainsFunc(keys, func(o string) bool { return strings.HasPrefix(o, k+".") }) {
			continue // an unknown table: its keys say it
		}
		part := k
		if s := meant[k]; s != "" {
			part += " (" + s + ")"
		} else if s := closest(k, sameDepth(k, known)); s != "" {
			part += fmt.Sprintf(" (did you mean %s?)", s)
		} else if s := elsewhere(k, known); s != "" {
			table, _, _ := strings.Cut(s, ".")
			header := "[" + table + "]"
			if slices.Contains(tableArrays(reflect.TypeOf(Config{}), ""), table) {
				header = "[" + header + "]"
			}
			part += fmt.Sprintf(" (did you mean %s? In TOML a key belongs to the [table] above it: put it under %s)", s, header)
		}
		parts = append(parts, part)
	}
	return &UnknownKeysError{Keys: keys, msg: fmt.Sprintf("config %s: unknown key %s; config.example.toml lists every key", path, strings.Join(parts, ", "))}
}

// UnknownKeysError is the keys (dotted) of a configuration file that name
// no setting, with the known key each most likely meant.
type UnknownKeysError struct {
	Keys []string
	msg  string
}

func (e *UnknownKeysError) Error() string { return e.msg }

// MistakeKeys returns the keys (dotted, as the file writes them, or the
// environment variable's name) that the mistakes in err, an error of Load,
// name; a mistake naming no key (a file TOML cannot read) adds none.
func MistakeKeys(err error) []string {
	errs := []error{err}
	var m *Mistakes
	if errors.As(err, &m) {
		errs = m.Errs
	}
	var keys []string
	for _, e := range errs {
		var fe *FieldError
		var te *TypeError
		var uk *UnknownKeysError
		switch {
		case errors.As(e, &fe):
			keys = append(keys, fe.Key)
		case errors.As(e, &te):
			keys = append(keys, te.Key)
		case errors.As(e, &uk):
			keys = append(keys, uk.Keys...)
		}
	}
	return keys
}

// meant says, for a key other programs' configurations use (or a word a
// person reaches for), Newshound's key for it and how to write it: no
// edit-distance neighbour found these ("poller.interval" got no hint,
// "log.path" storage.path, "storage.db" the table [storage]).
var meant = map[string]string{
	"poller.interval":    `Newshound's key is poller.schedule, a cron spec: schedule = "@every 5m"`,
	"poller.every":       `Newshound's key is poller.schedule, a cron spec: schedule = "@every 5m"`,
	"poller.frequency":   `Newshound's key is poller.schedule, a cron spec: schedule = "@every 5m"`,
	"telegram.bot_token": `Newshound's key is telegram.token, or better the environment variable ` + TokenEnv,
	"telegram.api_key":   `Newshound's key is telegram.token, or better the environment variable ` + TokenEnv,
	"telegram.chat_id":   "no chat is set in the file: a chat subscribes by sending /subscribe to the bot; telegram.admins takes the operators' user ids",
	"telegram.chat_ids":  "no chat is set in the file: a chat subscribes by sending /subscribe to the bot; telegram.admins takes the operators' user ids",
	"storage.database":   `Newshound's key is storage.path, the database file: path = "/var/lib/newshound/newshound.db"`,
	"storage.db":         `Newshound's key is storage.path, the database file: path = "/var/lib/newshound/newshound.db"`,
	"storage.file":       `Newshound's key is storage.path, the database file: path = "/var/lib/newshound/newshound.db"`,
	"storage.dir":        `Newshound's key is storage.path, the database file itself: path = "/var/lib/newshound/newshound.db"`,
	"storage.data_dir":   `Newshound's key is storage.path, the database file itself: path = "/var/lib/newshound/newshound.db"`,
	"log.path":           `Newshound's key is log.file: file = "/var/log/newshound/newshound.log"`,
	"metrics.addr":       `Newshound's key is metrics.listen, host and port: listen = "127.0.0.1:6397"`,
	"metrics.address":    `Newshound's key is metrics.listen, host and port: listen = "127.0.0.1:6397"`,
	"metrics.port":       `Newshound's key is metrics.listen, host and port: listen = "127.0.0.1:6397"`,
	"metrics.enabled":    `metrics are on when metrics.listen is set: listen = "127.0.0.1:6397"`,
	"digest.hour":        `Newshound's key is digest.time: time = "08:00"`,
	"digest.tz":          `Newshound's key is digest.timezone: timezone = "Europe/Berlin"`,
	"digest.zone":        `Newshound's key is digest.timezone: timezone = "Europe/Berlin"`,
	"digest.time_zone":   `Newshound's key is digest.timezone: timezone = "Europe/Berlin"`,
}

// sameDepth is those of known whose dots are as many as key's: a key
// within a table is answered with a key, not a table ("storage.db" was
// answered "did you mean storage?").
func sameDepth(key string, known []string) []string {
	var out []string
	for _, k := range known {
		if strings.Count(k, ".") == strings.Count(key, ".") {
			out = append(out, k)
		}
	}
	return out
}

// elsewhere returns the one known key of another table that has key's
// last name (a key written below the wrong table), or "" when there is no
// such key or more than one.
func elsewhere(key string, known []string) string {
	name := key[strings.LastIndex(key, ".")+1:]
	found := ""
	for _, k := range known {
		if k != key && strings.HasSuffix(k, "."+name) && strings.Count(k, ".") == 1 {
			if found != "" {
				return ""
			}
			found = k
		}
	}
	return found
}

// tableArrays lists the dotted keys of the struct type t that are arrays
// of tables ([[sources]], [[summary.rules]]).
func tableArrays(t reflect.Type, prefix string) []string {
	var out []string
	eachKey(t, prefix, func(key string, array bool) {
		if array {
			out = append(out, key)
		}
	})
	return out
}

// knownKeys lists the dotted keys of the struct type t, the fields of
// tables and of arrays of tables included.
func knownKeys(t reflect.Type, prefix string) []string {
	var out []string
	eachKey(t, prefix, func(key string, _ bool) { out = append(out, key) })
	return out
}

var textUnmarshaler = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()

// eachKey calls visit with the dotted key of each field of the struct type
// t that has a toml name, and of the fields of its tables and arrays of
// tables, saying whether the field is an array of tables. A type read from
// text (a duration) is a value, not a table.
func eachKey(t reflect.Type, prefix string, visit func(key string, array bool)) {
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" {
			continue
		}
		key, ft := prefix+name, f.Type
		visit(key, ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct)
		if ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && !reflect.PointerTo(ft).Implements(textUnmarshaler) {
			eachKey(ft, key+".", visit)
		}
	}
}

// closest returns the known key nearest to key by edit distance, if it is
// near enough to be a typo (at most a third of its length, at most 3), else "".
func closest(key string, known []string) string {
	best, bestD := "", min(3, max(1, len(key)/3))+1
	for _, k := range known {
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b, by runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// meantTable says, for a table name other programs' configurations use (or
// a word a person reaches for), Newshound's table: no edit-distance
// neighbour found these ([[feeds]] was answered key by key, "feeds.url (did
// you mean sources.url? …)").
var meantTable = map[string]string{
	"feed": "sources", "feeds": "sources", "rss": "sources", "source_list": "sources",
	"bot": "telegram", "tg": "telegram",
	"database": "storage", "db": "storage",
	"logging": "log", "logs": "log",
}

// misnamedTables names each table of the file at path, whose text is data,
// that is a near miss of one of Newshound's ([[source]] for [[sources]],
// [telegam], [[feeds]]) in a mistake of its own, with the line of its
// header and the right spelling: its keys were named unknown one by one
// ("source.name (did you mean sources.name?), source.url (…)"), the one
// mistake, the table's name, said once a key and never plainly. keys are
// the file's unknown keys (dotted); rest are those no such mistake names:
// a table with no near miss, and a key that the right table does not know
// either (source.nme), which unknownKeys still answers.
func misnamedTables(path string, data []byte, md *toml.MetaData, keys []string) (errs []error, rest []string) {
	known := knownKeys(reflect.TypeOf(Config{}), "")
	arrays := tableArrays(reflect.TypeOf(Config{}), "")
	var tables []string
	for _, k := range known {
		if slices.ContainsFunc(known, func(o string) bool { return strings.HasPrefix(o, k+".") }) {
			tables = append(tables, k)
		}
	}
	named := map[string]bool{}
	for _, k := range keys {
		if named[k] { // the second [[source]] block: its mistake is said
			continue
		}
		kind := md.Type(strings.Split(k, ".")...)
		parent, _, _ := cutLast(k)
		if (kind != "Hash" && kind != "ArrayHash") || (parent != "" && !slices.Contains(tables, parent)) {
			continue
		}
		meant := meantTable[k]
		if meant == "" {
			meant = closest(k, sameDepth(k, tables))
		}
		if meant == "" {
			continue
		}
		header, want := "["+k+"]", "["+meant+"]"
		if kind == "ArrayHash" {
			header = "[" + header + "]"
		}
		if slices.Contains(arrays, meant) {
			want = "[" + want + "]"
		}
		where := path
		if n := headerLine(data, k); n > 0 {
			where += fmt.Sprintf(", line %d", n)
		}
		// The keys of the table as written, and the table meant, which its
		// fix changes: the bare name ("source") read as a key above every
		// table, which may be any table's (keysIn), and left out every
		// start check.
		mine, also := []string{meant}, ""
		for _, o := range keys {
			name, ok := strings.CutPrefix(o, k+".")
			if !ok || strings.Contains(name, ".") || named[o] {
				continue
			}
			mine = append(mine, o)
			named[o] = true
			if !slices.Contains(known, meant+"."+name) { // [[feed]] nme = "x"
				also += fmt.Sprintf("; %s is no key of %s either", name, want)
				if s := closest(meant+"."+name, sameDepth(meant+"."+name, known)); s != "" {
					also += fmt.Sprintf(" (did you mean %s?)", s[len(meant)+1:])
				}
			}
		}
		named[k] = true
		brackets := ""
		if strings.Count(header, "[") != strings.Count(want, "[") {
			brackets = ", with " + map[bool]string{true: "two brackets: each entry a block of its own", false: "one bracket: it is written once"}[strings.HasPrefix(want, "[[")]
		}
		errs = append(errs, &UnknownKeysError{Keys: mine, msg: fmt.Sprintf("config %s: unknown table %s: Newshound's is %s%s%s; config.example.toml lists every table", where, header, want, brackets, also)})
	}
	for _, k := range keys {
		if !named[k] {
			rest = append(rest, k)
		}
	}
	return errs, rest
}

// cutLast splits the dotted key at its last dot: its table and its name;
// ok is false for a key of the top level.
func cutLast(key string) (table, name string, ok bool) {
	i := strings.LastIndex(key, ".")
	if i < 0 {
		return "", key, false
	}
	return key[:i], key[i+1:], true
}

// headerLine is the line (from 1) of data where the table or array of
// tables named by the dotted key is first written ([name] or [[name]],
// spaces inside the brackets allowed), or 0.
func headerLine(data []byte, key string) int {
	for i, line := range strings.Split(string(data), "\n") {
		l := strings.TrimSpace(line)
		if j := strings.Index(l, "#"); j >= 0 {
			l = strings.TrimSpace(l[:j])
		}
		if !strings.HasPrefix(l, "[") {
			continue
		}
		name := strings.Trim(l, "[] \t")
		if strings.ReplaceAll(strings.ReplaceAll(name, " ", ""), "\t", "") == key {
			return i + 1
		}
	}
	return 0
}
