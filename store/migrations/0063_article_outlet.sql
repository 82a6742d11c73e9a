-- 0063_article_outlet: the outlet an aggregator's item (Google News) carries
-- (its RSS <source>, or the outlet's name after its headline), shown in the
-- alert and its "Also:" lines instead of the aggregator's name, and the name
-- by which an alert's sources are folded. NULL: the item's own source.
ALTER TABLE articles ADD COLUMN outlet TEXT;
