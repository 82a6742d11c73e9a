package stories

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// leadWords is how much of an article's summary or text, after its title,
// takes part in the comparison.
const leadWords = 50

// Text returns what two articles compare: the title and the first words of
// the summary, or of the text when there is no summary.
func Text(title, summary, text string) string {
	lead := summary
	if strings.TrimSpace(lead) == "" {
		lead = text
	}
	words := strings.Fields(lead)
	if len(words) > leadWords {
		words = words[:leadWords]
	}
	return title + "\n" + strings.Join(words, " ")
}

// Shingles is the set of hashed word pairs of a text (lower case, letters
// and digits only). A text of one word gives that word alone.
type Shingles map[uint64]struct{}

// NewShingles returns the shingles of text.
func NewShingles(text string) Shingles {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	out := make(Shingles, len(words))
	if len(words) == 1 {
		out[hash(words[0])] = struct{}{}
	}
	for i := 0; i+1 < len(words); i++ {
		out[hash(words[i]+" "+words[i+1])] = struct{}{}
	}
	return out
}

func hash(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// Jaccard returns |a∩b| / |a∪b|, 0 when both are empty.
func Jaccard(a, b Shingles) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	common := 0
	for k := range a {
		if _, ok := b[k]; ok {
			common++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}

// sigSize is the number of MinHash functions: the estimate's standard error
// is about 0.06 at a similarity of 0.7, enough to find candidates that the
// exact Jaccard then confirms.
const sigSize = 64

// Signature is a MinHash signature of shingles, as stored with an article.
type Signature []uint32

// Sign returns the signature of the shingles, nil for an empty set.
func Sign(sh Shingles) Signature {
	if len(sh) == 0 {
		return nil
	}
	sig := make(Signature, sigSize)
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	for k := range sh {
		for i := range sig {
			if v := uint32(mix(k^seed(i)) >> 32); v < sig[i] {
				sig[i] = v
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the sets two signatures
// came from; 0 when either is missing.
func (s Signature) Similarity(o Signature) float64 {
	if len(s) != sigSize || len(o) != sigSize {
		return 0
	}
	same := 0
	for i := range s {
		if s[i] == o[i] {
			same++
		}
	}
	return float64(same) / sigSize
}

// Bytes encodes the signature for storage; nil stays nil.
func (s Signature) Bytes() []byte {
	if s == nil {
		return nil
	}
	b := make([]byte, 4*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint32(b[4*i:], v)
	}
	return b
}

// ParseSignature decodes a stored signature; anything malformed gives nil.
func ParseSignature(b []byte) Signature {
	if len(b) != 4*sigSize {
		return nil
	}
	s := make(Signature, sigSize)
	for i := range s {
		s[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return s
}

// seed is the i-th hash function's seed.
func seed(i int) uint64 { return mix(uint64(i+1) * 0x9e3779b97f4a7c15) }

// mix is splitmix64's finalizer: a cheap, well-spread 64-bit permutation.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
