package summarize
