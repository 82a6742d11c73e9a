package locale

import "context"

// languageKey keys the language of the chat being answered in a context.
type languageKey struct{}

// WithLanguage returns ctx carrying the language code that texts made on
// its behalf are written in.
func WithLanguage(ctx context.Context, code string) context.Context {
	return context.WithValue(ctx, languageKey{}, code)
}

// FromContext returns the printer of the language ctx carries (English
// when it carries none): a reply composed outside bot/ (the operators'
// /status) speaks the chat's language through it.
func FromContext(ctx context.Context) Printer {
	code, _ := ctx.Value(languageKey{}).(string)
	return For(code)
}
