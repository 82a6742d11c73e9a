package feeds
