-- 0069_articles_source: the articles of a source in id order, so that a
-- search, /latest or preview confined to some sources (source:reuters
-- tariffs) reads those sources' ids within the span it walks, and a
-- source-only preview counts its window, without stepping through every
-- article the source ever stored (the (source_id, guid) key holds the id,
-- but in GUID order: a source of 100,000 articles cost each walk all of
-- its entries).
CREATE INDEX articles_source ON articles (source_id, id);
