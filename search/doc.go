// Package search holds the use cases that read the stored news for a chat:
// /search with its pages, /latest and /trending. It knows nothing of
// Telegram or HTML: its results carry articles, snippets and page numbers,
// and the bot formats them.
//
// # Rules
//
//   - A query is parsed and matched by the subscriptions query engine, so a
//     search finds what a subscription with the same text would alert.
//   - FTS5 only narrows: the store's index holds the query engine's own
//     tokens and stems (query.Query.TermsMatch), its candidates come best
//     first (relevance, title weighted, scaled down with age; see
//     store.SearchNewest, which reads only the newest articles up to a
//     bound on cost and says when it stopped there: Page.Searched, which
//     the bot tells the chat) and each one is confirmed by the query's own
//     matcher. A query that FTS5 cannot narrow (source: only), or whose
//     expression FTS5 rejects, reads the recent articles instead, newest
//     first: only those of the sources it names when it names them
//     (query.Query.SourceFilter).
//   - A search keeps at most MaxResults article ids, stored for the chat so
//     that later pages show the same ranking; a page has PageSize results.
//     A search of another chat, or past the store's time to live, is not
//     found.
//   - Snippets (query.Query.Snippet) keep the news.SnippetStart and
//     news.SnippetEnd marks around matching words.
//   - Latest shows each article once, newest first, at most LatestCount,
//     from the last LatestWindow; Trending shows the stories of the last
//     TrendingWindow that the most sources carried.
package search
