-- 0040_page_image: the article page's own image (issue 14), its og:image or
-- twitter:image as an absolute http(s) URL, found when the page was fetched
-- for its text; '' = none or not fetched. Alerts preview it before the feed's
-- image (image_url), which is kept from now on.
ALTER TABLE articles ADD COLUMN page_image_url TEXT NOT NULL DEFAULT '';
