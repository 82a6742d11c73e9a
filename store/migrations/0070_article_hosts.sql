-- 0070_article_hosts: the host of each article's URL, so that a search,
-- /latest or preview confined to a web address (site:bbc.co.uk police,
-- source:reuters.com, site:.uk) reads the articles at that address within
-- the span it walks, as 0069 lets one confined to a source's name: the
-- newest matches of every site, confirmed afterwards, held about one of
-- that site's in 200 on a store of 1,000 sources.
--
-- hosts.name is the host as the matcher reads it (query.URLHost) with its
-- labels reversed and a dot after each ("www.bbc.co.uk" is
-- "uk.co.bbc.www."), so that a domain and every host under it are one
-- range of names ("uk.co.bbc." up to "uk.co.bbc/"). An article names its
-- host by id: a few bytes a row and an index entry, where the name would
-- have cost about twenty, and a walk reads each host's ids between its
-- bounds ((host_id, id), one seek a host) instead of every article a
-- range of names ever had.
--
-- articles.host_id: 0 when the URL has no host; NULL until Open fills it
-- (fillHosts, for the articles stored before this migration), and a walk
-- reads a NULL as any host, so that a search before then misses nothing.
CREATE TABLE hosts (
	id   INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE
);
ALTER TABLE articles ADD COLUMN host_id INTEGER;
CREATE INDEX articles_host ON articles (host_id, id);
