-- 0049_story_index: articles_story holds the articles that joined another's
-- story only. An article of its own story (story_id NULL: most of them)
-- wrote an entry that no query reads: the digest's sources of its stories
-- look up story_id IN (...), which implies NOT NULL, so the partial index
-- serves it (plan test).
DROP INDEX articles_story;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;
