package sources

import (
	"context"
	"errors"
	"fmt"
	"net/url"

	"github.com/newshound/newshound/feeds"
	"github.com/newshound/newshound/news"
)

// opmlTitle is the title of an exported OPML document.
const opmlTitle = "Newshound sources"

// Exported is the sources as one OPML document.
type Exported struct {
	Doc     []byte
	Sources int // how many it holds
	// Secret names the sources whose address carries a password (a feed
	// behind HTTP basic auth, https://user:password@host/…), in the order
	// of the document: with the passwords kept, Doc holds them in clear;
	// else each is RedactedPassword there.
	Secret []string
}

// RedactedPassword stands for a feed's password that an export left out
// (as logs and chats show an address: feeds.Redacted). Import does not
// take it for a password: a feed with it is known by the rest of its
// address, or skipped (Imported.NoPassword).
const RedactedPassword = "xxxxx"

// Export returns every source as one OPML document; with no sources, no
// document and 0. With keepPasswords, the addresses go as they are stored, a
// feed's password too, so that Import takes the document back as it is (for
// the operators' eyes only); without, each password is RedactedPassword. It
// fails with the store's error or when the document cannot be written.
func (s *Service) Export(ctx context.Context, keepPasswords bool) (Exported, error) {
	srcs, err := s.opts.Store.ListSources(ctx)
	if err != nil {
		return Exported{}, fmt.Errorf("list sources: %w", err)
	}
	if len(srcs) == 0 {
		return Exported{}, nil
	}
	var out Exported
	outs := make([]feeds.Outline, len(srcs))
	for i, src := range srcs {
		outs[i] = feeds.Outline{Title: src.Name, URL: src.URL}
		if hasPassword(src.URL) {
			out.Secret = append(out.Secret, src.Name)
			if !keepPasswords {
				outs[i].URL = feeds.Redacted(src.URL)
			}
		}
	}
	doc, err := feeds.WriteOPML(opmlTitle, outs, s.opts.Now())
	if err != nil {
		return Exported{}, fmt.Errorf("export: %w", err)
	}
	out.Doc, out.Sources = doc, len(srcs)
	return out, nil
}

// Redacted is a feed's address as a chat may show it, its password (if
// any) replaced by RedactedPassword; one that does not parse is returned as
// it is.
func Redacted(raw string) string { return feeds.Redacted(raw) }

// hasPassword reports whether a web address carries a password.
func hasPassword(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return false
	}
	_, ok := u.User.Password()
	return ok
}

// redactedOut reports whether a web address carries RedactedPassword: an
// export made without the passwords.
func redactedOut(u *url.URL) bool {
	if u.User == nil {
		return false
	}
	p, ok := u.User.Password()
	return ok && p == RedactedPassword
}

// MaxImport is how many feeds that are not sources yet one import checks.
const MaxImport = feeds.MaxOutlines

// Imported is what an import did with the feeds of an OPML list.
type Imported struct {
	Added      []news.Source // new chat sources
	Known      int           // feeds that were sources already, left as they were
	Refused    int           // feeds on addresses the guard refuses
	Unresolved int           // feeds whose host names do not resolve (or fail the check otherwise)
	Invalid    int           // entries that are not http(s) URLs of at most MaxURL bytes
	// NoPassword is how many feeds were skipped because an export left
	// their password out (RedactedPassword) and no source has their address
	// with a password of its own.
	NoPassword int
	// Later is how many feeds of the list were not looked at: an import
	// checks at most MaxImport feeds that are not sources yet, and
	// the same list imported again goes on with them.
	Later int
	// Led are the entries that were web pages, added as the feed each
	// links to (as Add does with a site's address).
	Led []Led
	// NoFeed are the entries that were neither a feed nor a page linking
	// to one: not added.
	NoFeed []Outline
	// Repeated are the entries whose address an earlier entry of the list
	// has: taken once, as that one.
	Repeated []Outline
	// Unchecked is how many added feeds could not be fetched at the import
	// (their server down, or the import's time up, see ImportCheckTime):
	// added as the list gives them, /sources tells if they keep failing.
	Unchecked int
	// Feed is set when ImportURL's address was no OPML list but a feed, or
	// a page that links to one: it was added as Add does, and this is what
	// Add did.
	Feed *Added
}

// Led is an entry of a list that was a web page, and the feed it led to.
type Led struct {
	Name, Page, Feed string
}

// Outline is an entry of an OPML list: its title and address.
type Outline = feeds.Outline

// ImportURL fetches an OPML list through the guarded FeedFinder and imports
// it as Import does. An address that is no OPML list but a feed (RSS, Atom,
// JSON Feed) or a page linking to one is added as Add does, the result in
// Imported.Feed. It fails with ErrUnavailable without a FeedFinder, with
// an error wrapping ErrFetch
// (and ErrBlocked, ErrTooLarge or ErrTimeout when that is why; see
// HTTPStatus) when the list cannot be fetched, with ErrNotOPML when the
// document is neither a list nor a feed, and as Import does otherwise.
func (s *Service) ImportURL(ctx context.Context, rawURL string) (Imported, error) {
	if s.opts.Finder == nil {
		return Imported{}, ErrUnavailable
	}
	page, err := s.opts.Finder.Get(ctx, rawURL)
	if err != nil {
		return Imported{}, fmt.Errorf("fetch list: %w", fetchError(err))
	}
	res, err := s.Import(ctx, page.Body)
	if !errors.Is(err, ErrNotOPML) {
		return res, err
	}
	added, addErr := s.Add(ctx, rawURL)
	switch {
	case addErr == nil:
		return Imported{Feed: &added}, nil
	case errors.Is(addErr, ErrFetch) || errors.Is(addErr, ErrInvalidURL):
		return res, err // no feed either: the list's error says what it was not
	default:
		return res, addErr // the store's
	}
}

// Import makes every feed of an OPML document a chat source, unless it is a
// source already. Every feed URL passes the FeedFinder's address check, as
// Add does; those that fail it are counted, not added. Each new one is then
// fetched (Discover, importChecks at a time, for at most ImportCheckTime in
// all): an entry that is a site's page is added as the feed it links to
// (Led), one that is neither a feed nor links to one is not added (NoFeed),
// and one that cannot be fetched now, or was not reached in time, is added
// as it is (Unchecked). At most MaxImport feeds that are not sources yet are
// checked per import; the rest are counted (Later), and importing the same
// list again goes on with them, the sources it added being known then. It
// fails with ErrUnavailable without a FeedFinder, ErrNotOPML when doc is
// not OPML, and with the store's error (what was added before it stays).
func (s *Service) Import(ctx context.Context, doc []byte) (Imported, error) {
	if s.opts.Finder == nil {
		return Imported{}, ErrUnavailable
	}
	outs, repeats, err := feeds.ParseOPMLRepeats(doc)
	if err != nil {
		return Imported{}, fmt.Errorf("%w: %w", ErrNotOPML, err)
	}
	res := Imported{Repeated: repeats}
	var fresh []feeds.Outline
	for i, o := range outs {
		if len(fresh)+res.Refused+res.Unresolved >= MaxImport {
			res.Later = len(outs) - i
			break
		}
		ok, err := s.screen(ctx, o, &res)
		if err != nil {
			return res, err
		}
		if ok {
			fresh = append(fresh, o)
		}
	}
	found := s.discoverAll(ctx, fresh)
	for i, o := range fresh {
		if err := s.addOutline(ctx, o, found[i], &res); err != nil {
			return res, err
		}
	}
	return res, nil
}

// screen reports whether o is to be added: an http(s) URL, not a source
// yet, on an address the guard allows; it counts why not otherwise.
func (s *Service) screen(ctx context.Context, o feeds.Outline, res *Imported) (bool, error) {
	u, err := url.Parse(o.URL)
	if err != nil || len(o.URL) > MaxURL || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		res.Invalid++
		return false, nil
	}
	if redactedOut(u) {
		// An export sent where others read left the password out: the
		// source it names is known by the rest of its address; a new one
		// would only fail (401) with "xxxxx" for a password.
		known, err := s.knownRedacted(ctx, o.URL)
		if err != nil {
			return false, err
		}
		if known {
			res.Known++
		} else {
			res.NoPassword++
		}
		return false, nil
	}
	if _, err := s.opts.Store.FindSourceByURL(ctx, o.URL); err == nil {
		res.Known++
		return false, nil
	} else if !errors.Is(err, news.ErrNotFound) {
		return false, fmt.Errorf("find source: %w", err)
	}
	if err := s.opts.Finder.Allowed(ctx, o.URL); err != nil {
		if errors.Is(err, feeds.ErrRefusedAddress) {
			res.Refused++
		} else {
			res.Unresolved++
		}
		return false, nil
	}
	return true, nil
}

// knownRedacted reports whether a source has the address redacted, an
// address whose password an export replaced by RedactedPassword.
func (s *Service) knownRedacted(ctx context.Context, redacted string) (bool, error) {
	srcs, err := s.opts.Store.ListSources(ctx)
	if err != nil {
		return false, fmt.Errorf("list sources: %w", err)
	}
	for _, src := range srcs {
		if hasPassword(src.URL) && feeds.Redacted(src.URL) == feeds.Redacted(redacted) {
			return true, nil
		}
	}
	return false, nil
}

// addOutline adds o as what its discovery found, or counts why not.
func (s *Service) addOutline(ctx context.Context, o feeds.Outline, d discovery, res *Imported) error {
	feedURL := o.URL
	switch {
	case d.err == nil && d.found.URL != "" && d.found.URL != o.URL:
		feedURL = d.found.URL
	case errors.Is(d.err, feeds.ErrNoFeed):
		res.NoFeed = append(res.NoFeed, o)
		return nil
	case errors.Is(d.err, feeds.ErrRefusedAddress):
		res.Refused++ // a page leading to a refused address
		return nil
	case d.err != nil:
		res.Unchecked++
	}
	name := o.Title // at most 200 bytes: ParseOPML cuts longer ones
	if name == "" && feedURL != o.URL {
		name = d.found.Title
	}
	if name == "" {
		u, _ := url.Parse(feedURL)
		name = u.Host
	}
	if feedURL != o.URL {
		if _, err := s.opts.Store.FindSourceByURL(ctx, feedURL); err == nil {
			res.Known++
			return nil
		} else if !errors.Is(err, news.ErrNotFound) {
			return fmt.Errorf("find source: %w", err)
		}
	}
	src, err := s.opts.Store.UpsertSource(ctx, name, feedURL, news.OriginChat)
	if err != nil {
		return fmt.Errorf("add source: %w", err)
	}
	res.Added = append(res.Added, src)
	if feedURL != o.URL {
		res.Led = append(res.Led, Led{Name: src.Name, Page: o.URL, Feed: feedURL})
	}
	return nil
}
