-- 0007_scale: a year of news as fast as a week (issue 18).
--
-- The /subscribe preview and searches of the recent window find where the
-- window starts by fetched_at: ids grow with it, so the first article fetched
-- since a time bounds FTS5's rowids from below. Prune reads it too.
CREATE INDEX articles_fetched ON articles (fetched_at);

-- An article the poller stores waits at pending = 'text' for its full text
-- and summary; it enters the full-text index once, when UpdateArticleText
-- moves it on, instead of being indexed with the feed's text and indexed
-- again with the page's. The index holds exactly the articles not at 'text'.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles WHEN new.pending <> 'text' BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles WHEN old.pending <> 'text' BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

-- Changing the text of an indexed article re-indexes it.
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles
    WHEN old.pending <> 'text' AND new.pending <> 'text' BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Leaving 'text' indexes the article, with the text it has then.
CREATE TRIGGER articles_fts_enter AFTER UPDATE OF pending ON articles
    WHEN old.pending = 'text' AND new.pending <> 'text' BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

-- Articles stored at 'text' by 0006 were indexed with their feed text: the
-- index is rebuilt from the rows outside 'text'.
INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE pending <> 'text';

-- Deleting an article (retention) cascades to its alerts: without an index
-- on alerts.article_id every deleted article read the whole alerts table.
CREATE INDEX alerts_article ON alerts (article_id);
