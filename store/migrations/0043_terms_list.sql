-- 0043_terms_list: the store's own list of the terms of articles_terms, so
-- that a prefix query ("presid"*) is expanded into its terms by a range of a
-- b-tree (store/prefix.go, store/vocab.go) instead of a walk of
-- articles_vocab, which reads every posting list of the terms it lists to
-- count them (a cost that grows with the store).
--
-- docs is how many articles held the term in their title or text (an
-- article with it in both counts twice) when the list was last refreshed
-- from the index (here, and after each prune: Store.RefreshTerms); a
-- term the store adds between refreshes has -1. It only chooses which terms of
-- a broad prefix are read (the most frequent). A term whose articles were all
-- pruned stays until the next refresh, matching nothing.
CREATE TABLE terms_list (
    term TEXT PRIMARY KEY,
    docs INTEGER NOT NULL
) WITHOUT ROWID;

-- The terms of the title and text columns only, per column: a prefix is
-- read in those (the stems of tstems and bstems would take the places of
-- terms that match).
CREATE VIRTUAL TABLE articles_vocab_cols USING fts5vocab(articles_terms, 'col');

INSERT INTO terms_list (term, docs)
    SELECT term, sum(doc) FROM articles_vocab_cols WHERE col IN ('title', 'body') GROUP BY term;
