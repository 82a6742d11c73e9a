-- 0042_terms_vocab: the terms of articles_terms in order, so that the store
-- can turn a prefix query ("presid"*) into the OR of the terms it stands for
-- (store/prefix.go): FTS5 merges a prefix's posting lists whole before it
-- can stop at a LIMIT, an OR of exact terms newest first. The table holds no
-- data of its own (fts5vocab reads articles_terms' index).
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_terms, 'row');
