-- 0013_image: the feed's image for an article (issue 14): its enclosure,
-- media:content or media:thumbnail image, an absolute http(s) URL; '' = none,
-- or the article page was fetched for its text (its own preview wins then).
ALTER TABLE articles ADD COLUMN image_url TEXT NOT NULL DEFAULT '';
