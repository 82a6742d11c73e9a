// Package query holds the subscription query language of Newshound (docs/QUERY.md), its normalisation of text,
// and the percolator-style Index that matches an article against every stored query at once.
//
// The package is pure: it does no I/O, keeps no state outside the values it returns, and imports no other package
// of Newshound. Services (subscriptions, search) load and store queries and articles and hand them to it.
//
// # Rules
//
// Text normalisation is the same for queries and articles, in this order:
//
//  1. Unicode NFKC, then full case folding, then diacritics removed from Latin and Greek letters (Zélenskiy =
//     ZELENSKIY = zelenskiy, Εκλογές = ΕΚΛΟΓΕΣ), the Polish ł and the Turkish dotless ı read as l and i (Łódź =
//     Lodz, Diyarbakır = diyarbakir); marks on other scripts stay, so Russian й is not и, but Russian ё is е
//     (Пётр = Петр).
//  2. Words are runs of letters, digits and marks. An apostrophe (' or ’) ends a word, and a possessive 's right
//     after a word is dropped (Korea's → korea, don't → don, t). Every other character separates words, so
//     long-term → long, term.
//  3. Han, Hiragana, Katakana and Thai characters are one token each (北朝鮮 → 北, 朝, 鮮).
//  4. Bare query words match by their stem in the article's language. English uses the inflectional steps of the
//     Snowball English stemmer (tariffs → tariff, deminers → deminer, but tariffication stays; see Stem); German,
//     French, Spanish, Italian, Portuguese and Russian the Snowball stemmers of github.com/blevesearch/snowballstem.
//     An article's Cyrillic words are Russian, its Latin-script words are read in the languages whose stop words it
//     uses most (all six when none: see DetectLanguages). A query's Latin-script word is stemmed under each of the
//     six; in an article read in English only it matches by its English stem alone, elsewhere by any (see
//     wordStems). Words of other scripts or languages are matched as written. Quoted words, prefixes, and bare
//     words that normalise to several tokens (long-term, 北朝鮮) are matched unstemmed, as phrases.
//  5. A bare query word is also its other spellings in news (spelledWord): e-mail is "e mail" OR email, covid19
//     covid19 OR "covid 19", 1000 1000 OR "1 000" (years 1900–2099 and numbers with a leading zero as written).
//
// A query is read with "-" binding tightest, then AND (juxtaposition), then OR ("OR" in capitals, "|" or "||"). AND
// and NOT in capitals are accepted as spelled-out forms of juxtaposition and "-", so the form that Query.String
// shows can be typed back. As phones and input methods type them: quotes may be ASCII or typographic (“…”, „…“,
// «…», 「…」), or single ('…', ‘…’) when the closing one ends a word; a dash glued to a term (—sport) is "-"; the
// full-width forms of the operators are the ASCII ones; invisible characters are ignored. A word with nothing to
// match in it, such as "&", is ignored like punctuation. A quoted word ending in "*" is a prefix; the names of
// fields that a query has not (author:, from:) are refused, and intitle: and domain: are title: and site:. title:x restricts a word, prefix or phrase to the
// title; source:x and site:x are the same test: the source's configured name contains x's words in order, or, when x
// has a dot, x is the article URL's host or a parent domain of it.
//
// A query is refused, with a *ParseError that says what and where, when it is longer than MaxQueryLength
// characters, has more than MaxTerms terms or more than MaxDepth levels of parentheses, or could match an article by
// what it lacks alone ("-sport", "a OR -b").
//
// # Matching at scale
//
// An Index files each compiled query under terms that every article it matches must contain, and evaluates only
// the queries filed under an article's terms; see Index. It learns from the articles it matches which terms are
// rare: call Index.Refile now and then so that queries added before benefit. Query.TermsMatch translates a query into
// a superset filter for the store's full-text index of Columns, for /search; Query.Match checks the candidates it
// returns.
package query
