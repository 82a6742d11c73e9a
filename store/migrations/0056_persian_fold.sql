-- 0056_persian_fold: the query engine now writes Persian keheh and yeh as
-- Arabic kaf and yeh, alef maksura as yeh (ک = ك, ی = ى = ي) and
-- Arabic-Indic digits as ASCII ones (query/normalize.go, foldArabicLetter),
-- so that a query typed on a Persian keyboard finds an article typed on an
-- Arabic one and the other way round. Terms stored before in articles_terms
-- keep the old letters; Store.refoldTerms (store/refold.go) re-indexes the
-- articles that hold such a term at the next Open, then drops this marker. A
-- new database has nothing to re-index.
CREATE TABLE terms_persian (started INTEGER NOT NULL);
