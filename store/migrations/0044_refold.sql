-- 0044_refold: the query engine's normalisation now folds Greek accents
-- (ΕΚΛΟΓΕΣ = Εκλογές) and the Polish ł (Łódź = Lodz). Terms stored before in
-- articles_terms keep the old forms; Store.refoldTerms (store/refold.go)
-- re-indexes the articles that hold such a term at the next Open, then
-- drops this marker. A new database has nothing to re-index.
CREATE TABLE terms_refold (started INTEGER NOT NULL);
