-- 0045_write_indexes: articles_canonical goes. No query looks an article up
-- by its canonical URL (the story linker keeps the window's canonical URLs
-- in memory, read through articles_published), and every new article wrote
-- an entry at a random place of it: a page more for each article's write.
DROP INDEX IF EXISTS articles_canonical;
