-- 0065_marks_fold: the query engine now drops Hebrew points (niqqud,
-- dagesh, shin and sin dots, cantillation, U+0591-U+05C7) and Arabic
-- short-vowel marks (fatha, damma, kasra, tanween, shadda, sukun,
-- U+064B-U+0652) as it drops Latin accents (query/normalize.go), and reads
-- a keycap (7⃣) as its digit, so that שלום finds שָׁלוֹם, أيضا finds أيضاً and
-- 7 finds 7⃣. Terms stored before in
-- articles_terms keep the marks; Store.refoldTerms (store/refold.go)
-- re-indexes the articles that hold such a term at the next Open, then
-- drops this marker. A new database has nothing to re-index.
CREATE TABLE terms_marks (started INTEGER NOT NULL);
