package news

import "testing"

func TestFetchFailureEncodes(t *testing.T) {
	for _, f := range []FetchFailure{
		{Kind: FailStatus, Status: 404, Detail: "http status 404 Not Found"},
		{Kind: FailOther, Detail: "request https://a.example/x/y: it/has/slashes"},
		{Kind: FailTimeout},
	} {
		got, ok := ParseFetchFailure(f.Encode())
		if !ok || got != f {
			t.Errorf("ParseFetchFailure(%q) = %+v, %v; want %+v", f.Encode(), got, ok, f)
		}
	}
	// What older versions stored, and what is not an encoding.
	for _, s := range []string{"", "http status 404 Not Found", "@", "@status", "@status/x/y", "@/0/y", "@status/-1/y", "@status/1000/y"} {
		if f, ok := ParseFetchFailure(s); ok {
			t.Errorf("ParseFetchFailure(%q) = %+v, want not read", s, f)
		}
	}
}
