-- 0054_arabic_stem: the query engine now stems Arabic words by Light10
-- (query/arabic.go: the article ال and the و, ب, ك, ف, ل written onto it
-- stripped, and common suffixes), so that "زلزال" matches "الزلزال". Arabic
-- words stored before in articles_terms were their own stems;
-- Store.refoldTerms (store/refold.go) re-indexes the articles that hold such
-- a word at the next Open, then drops this marker. A new database has nothing
-- to re-index.
CREATE TABLE terms_arabic (started INTEGER NOT NULL);
