-- 0046_restem: the query engine now reads a Portuguese plural in -ões as its
-- singular in -ão, so "eleições" and "eleição" have one stem. Stems stored
-- before in articles_terms (tstems, bstems) keep the old ones;
-- Store.refoldTerms (store/refold.go) re-indexes the articles that hold such
-- a word at the next Open, then drops this marker. A new database has nothing
-- to re-index.
CREATE TABLE terms_restem (started INTEGER NOT NULL);
