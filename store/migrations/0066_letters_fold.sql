-- 0066_letters_fold: the query engine now reads Turkish dotless ı as i
-- (İ, capital dotted, folded to i before) and Russian ё as е
-- (query/normalize.go), so that diyarbakir finds Diyarbakır and петр finds
-- Пётр, and the other way round. Terms stored before in articles_terms keep
-- ı and ё; Store.refoldTerms (store/refold.go) re-indexes the articles that
-- hold such a term at the next Open, then drops this marker. A new database
-- has nothing to re-index.
CREATE TABLE terms_letters (started INTEGER NOT NULL);
