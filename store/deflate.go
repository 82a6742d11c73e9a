package store

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"sync"
)

// A news article's text is deflated with one code, made once, not one made
// per article: the standard library's BestSpeed builds a dynamic Huffman
// code for each block, and on 3 KB of text counting the symbols, sorting
// them and bounding the code's lengths is half of its 0.44 M instructions,
// and writes the code into each article (60–70 bytes). textDeflater writes
// deflate (RFC 1951: one final block of dynamic codes) with the code of
// textLengths, made from the symbols of 258 news articles in English
// (realnews' CNN/DailyMail and XSum texts; textCodeFromCounts in the
// tests), and a greedy matcher like BestSpeed's. The block's header, the
// same for every article, is not stored: the packed text is the mark
// textCodeMark and the block after its header, which unpackArticle puts
// back before inflating. Text that is not mostly ASCII, or that the code
// fits badly, is deflated by the standard library's BestSpeed with a code
// of its own (packArticle).
//
// textLengths is part of the stored format: stored text is read with it,
// so it never changes (TestTextCodeNeverChanges); another code would take
// another mark.

// textCodeMark begins text packed with textCode. Deflate data never
// begins with it: its bits 1–2 say block type 3, which deflate reserves.
const textCodeMark = 0x06

// textLengths are the bit lengths of the code of the literal/length
// alphabet (0–255 bytes, 256 end of block, 257–285 match lengths) then of
// the distance alphabet (0–29). Every symbol has a code.
var textLengths = [286 + 30]uint8{
	15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 7, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
	4, 13, 8, 14, 13, 13, 14, 7, 10, 10, 14, 15, 7, 8, 7, 13, 9, 9, 9, 10, 10, 10, 10, 11, 11, 10, 10, 13, 15, 15, 15, 12,
	14, 8, 9, 9, 10, 10, 9, 10, 9, 8, 10, 10, 10, 9, 10, 10, 9, 13, 10, 8, 9, 10, 11, 9, 14, 11, 13, 13, 15, 13, 15, 14,
	15, 4, 6, 5, 5, 4, 6, 6, 5, 4, 10, 7, 5, 6, 5, 4, 6, 10, 5, 5, 4, 6, 7, 6, 9, 6, 10, 15, 15, 15, 15, 15,
	11, 15, 14, 15, 15, 14, 15, 14, 15, 15, 15, 15, 15, 15, 15, 14, 15, 15, 15, 13, 14, 15, 15, 15, 13, 12, 15, 15, 14, 14, 15, 15,
	11, 14, 14, 12, 14, 15, 14, 15, 15, 14, 15, 15, 14, 15, 15, 15, 15, 15, 15, 15, 15, 15, 14, 15, 15, 15, 14, 15, 14, 15, 15, 15,
	15, 15, 11, 14, 14, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15,
	15, 14, 11, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 15, 14, 14, 14, 14,
	14, 14, 4, 5, 6, 6, 7, 7, 8, 8, 8, 9, 10, 10, 11, 11, 12, 12, 13, 13, 13, 13, 13, 14, 14, 14, 14, 14, 14, 14, 15, 14,
	14, 12, 10, 10, 8, 7, 7, 6, 6, 5, 4, 4, 4, 4, 3, 4, 3, 4, 3, 4, 4, 5, 7, 10, 11, 15, 15, 15,
}

// textCode is textLengths made into codes, and the block's header.
type textCode struct {
	lit    [286]hcode
	dist   [30]hcode
	header []byte // the block's first bits: BFINAL, BTYPE, the code
	nbits  uint   // bits of header's last byte used (1–8)
}

// hcode is a code's bits, reversed for the LSB-first bit order of
// deflate, and its length.
type hcode struct {
	bits uint16
	len  uint8
}

var (
	theTextCode     *textCode
	theTextCodeOnce sync.Once
)

func textCodeOf() *textCode {
	theTextCodeOnce.Do(func() { theTextCode = newTextCode(textLengths[:]) })
	return theTextCode
}

// newTextCode makes the codes of lengths (286 literal/length lengths,
// then 30 distance lengths) and the header of a block using them.
func newTextCode(lengths []uint8) *textCode {
	c := &textCode{}
	codes(lengths[:286], c.lit[:])
	codes(lengths[286:], c.dist[:])
	var w bitWriter
	w.write(1, 1) // BFINAL
	w.write(2, 2) // BTYPE: dynamic codes
	w.write(286-257, 5)
	w.write(30-1, 5)
	// The lengths, run-length coded (16: the previous 3–6 times again),
	// in the code-length code.
	type rl struct{ sym, extra uint8 }
	var runs []rl
	for i := 0; i < len(lengths); {
		l := lengths[i]
		runs = append(runs, rl{sym: l})
		j := i + 1
		for j < len(lengths) && lengths[j] == l {
			j++
		}
		for rest := j - i - 1; rest > 0; {
			if rest < 3 {
				runs = append(runs, rl{sym: l})
				rest--
				continue
			}
			n := min(rest, 6)
			runs = append(runs, rl{sym: 16, extra: uint8(n - 3)})
			rest -= n
		}
		i = j
	}
	var freq [19]int
	for _, r := range runs {
		freq[r.sym]++
	}
	clLengths := huffmanLengths(freq[:], 7)
	var cl [19]hcode
	codes(clLengths, cl[:])
	order := [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}
	hclen := 19
	for hclen > 4 && clLengths[order[hclen-1]] == 0 {
		hclen--
	}
	w.write(uint64(hclen-4), 4)
	for _, s := range order[:hclen] {
		w.write(uint64(clLengths[s]), 3)
	}
	for _, r := range runs {
		w.code(cl[r.sym])
		if r.sym == 16 {
			w.write(uint64(r.extra), 2)
		}
	}
	c.header, c.nbits = w.bytes()
	return c
}

// codes gives each symbol of lengths its canonical code (RFC 1951 3.2.2),
// reversed.
func codes(lengths []uint8, out []hcode) {
	var count [16]uint16
	for _, l := range lengths {
		count[l]++
	}
	count[0] = 0
	var next [16]uint16
	code := uint16(0)
	for b := 1; b < 16; b++ {
		code = (code + count[b-1]) << 1
		next[b] = code
	}
	for s, l := range lengths {
		if l == 0 {
			continue
		}
		out[s] = hcode{bits: bits.Reverse16(next[l]) >> (16 - l), len: l}
		next[l]++
	}
}

// huffmanLengths returns the lengths of a Huffman code of the symbols
// of freq (0 for those of no count), none longer than limit: the
// counts are halved until the code fits.
func huffmanLengths(freq []int, limit int) []uint8 {
	f := slices.Clone(freq)
	for {
		lengths, longest := huffmanDepths(f)
		if longest <= limit {
			return lengths
		}
		for i := range f {
			if f[i] > 0 {
				f[i] = f[i]/2 + 1
			}
		}
	}
}

// huffmanDepths builds a Huffman tree over the symbols of nonzero freq
// and returns each one's depth, and the largest.
func huffmanDepths(freq []int) ([]uint8, int) {
	type node struct{ w, left, right, sym int }
	var nodes []node
	for s, w := range freq {
		if w > 0 {
			nodes = append(nodes, node{w: w, left: -1, right: -1, sym: s})
		}
	}
	lengths := make([]uint8, len(freq))
	if len(nodes) == 1 {
		lengths[nodes[0].sym] = 1
		return lengths, 1
	}
	live := make([]int, len(nodes))
	for i := range live {
		live[i] = i
	}
	for len(live) > 1 {
		slices.SortStableFunc(live, func(a, b int) int { return nodes[a].w - nodes[b].w })
		a, b := live[0], live[1]
		nodes = append(nodes, node{w: nodes[a].w + nodes[b].w, left: a, right: b, sym: -1})
		live = append(live[2:], len(nodes)-1)
	}
	longest := 0
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if nodes[n].sym >= 0 {
			lengths[nodes[n].sym] = uint8(depth)
			longest = max(longest, depth)
			return
		}
		walk(nodes[n].left, depth+1)
		walk(nodes[n].right, depth+1)
	}
	walk(live[0], 0)
	return lengths, longest
}

// bitWriter writes bits LSB first, as deflate reads them.
type bitWriter struct {
	out   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	if w.nbits >= 48 {
		w.out = binary.LittleEndian.AppendUint32(w.out, uint32(w.acc))
		w.out = binary.LittleEndian.AppendUint16(w.out, uint16(w.acc>>32))
		w.acc >>= 48
		w.nbits -= 48
	}
}

func (w *bitWriter) code(c hcode) { w.write(uint64(c.bits), uint(c.len)) }

// bytes returns what was written, the last byte's used bits (1–8).
func (w *bitWriter) bytes() ([]byte, uint) {
	out := w.out
	n := w.nbits
	for n > 8 {
		out = append(out, byte(w.acc))
		w.acc >>= 8
		n -= 8
	}
	out = append(out, byte(w.acc))
	return out, n
}

// The deflate alphabet's lengths and distances (RFC 1951 3.2.5).
var (
	lengthSym   [256]uint8 // by length-3: symbol less 257
	lengthBase  = [29]uint16{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint8{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]uint32{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
)

func init() {
	for s := range 29 {
		for l := int(lengthBase[s]); l < int(lengthBase[s])+1<<lengthExtra[s] && l <= 258; l++ {
			lengthSym[l-3] = uint8(s)
		}
	}
}

// distSym returns the distance symbol of d (1–32768).
func distSym(d uint32) uint32 {
	x := d - 1
	if x < 4 {
		return x
	}
	n := uint32(bits.Len32(x)) - 1
	return 2*n + (x>>(n-1))&1
}

const (
	matchMin    = 4
	matchMax    = 258
	windowMax   = 32768
	matchHashes = 1 << 14
)

// textDeflater deflates text with textCode; not for use by two goroutines
// at once.
type textDeflater struct {
	table [matchHashes]int32 // position+base of the last 4 bytes of each hash
	base  int32              // positions below it are an earlier text's
	src   []byte             // packArticle's scratch
	count *[286 + 30]int     // if set, the symbols written are counted (textCodeFromCounts)
}

var textDeflaters = sync.Pool{New: func() any { return new(textDeflater) }}

func matchHash(u uint32) uint32 { return (u * 0x1e35a7bd) >> (32 - 14) }

// deflate appends src, packed with c, to dst: textCodeMark, then the
// deflate data of src after the header of c, which ends at a byte's end.
func (e *textDeflater) deflate(dst []byte, src []byte, c *textCode) []byte {
	if e.base > 1<<30 {
		clear(e.table[:])
		e.base = 0
	}
	base := e.base + 1
	e.base += int32(len(src)) + windowMax + 1
	w := bitWriter{out: append(dst, textCodeMark)}
	i, from := 0, 0 // from: the first byte not written yet
	for i+matchMin <= len(src) {
		u := binary.LittleEndian.Uint32(src[i:])
		h := matchHash(u)
		cand := int(e.table[h] - base)
		e.table[h] = int32(i) + base
		if cand < 0 || i-cand > windowMax || binary.LittleEndian.Uint32(src[cand:]) != u {
			i++
			continue
		}
		n := matchMin
		for limit := min(len(src)-i, matchMax); n < limit && src[cand+n] == src[i+n]; n++ {
		}
		w.literals(src[from:i], &c.lit)
		ls := lengthSym[n-matchMin+1]
		w.code(c.lit[257+int(ls)])
		if x := lengthExtra[ls]; x > 0 {
			w.write(uint64(n-int(lengthBase[ls])), uint(x))
		}
		d := uint32(i - cand)
		ds := distSym(d)
		w.code(c.dist[ds])
		if x := ds/2 - 1; ds >= 4 {
			w.write(uint64(d-distBase[ds]), uint(x))
		}
		if e.count != nil {
			e.countLiterals(src[from:i])
			e.count[257+int(ls)]++
			e.count[286+ds]++
		}
		i += n
		from = i
		if i+matchMin <= len(src) {
			e.table[matchHash(binary.LittleEndian.Uint32(src[i-1:]))] = int32(i-1) + base
		}
	}
	w.literals(src[from:], &c.lit)
	if e.count != nil {
		e.countLiterals(src[from:])
	}
	w.code(c.lit[256])
	out, _ := w.bytes()
	return out
}

// literals writes the bytes of b in the code lit.
func (w *bitWriter) literals(b []byte, lit *[286]hcode) {
	acc, n, out := w.acc, w.nbits, w.out
	for _, x := range b {
		c := lit[x]
		acc |= uint64(c.bits) << n
		if n += uint(c.len); n >= 48 {
			out = binary.LittleEndian.AppendUint32(out, uint32(acc))
			out = binary.LittleEndian.AppendUint16(out, uint16(acc>>32))
			acc >>= 48
			n -= 48
		}
	}
	w.acc, w.nbits, w.out = acc, n, out
}

// countLiterals counts the bytes of b (textCodeFromCounts).
func (e *textDeflater) countLiterals(b []byte) {
	for _, x := range b {
		e.count[x]++
	}
}

// textDecoder decodes the block after textCode's header: compress/flate
// reads the code from the header again for each article and makes its
// tables anew (6–8 KB of link tables and a third of the inflating's time
// in the /subscribe preview, which unpacks 20 articles); the code never
// changes, so its tables are made once. Each table maps the next 15 bits
// (deflate's longest code) to a symbol<<4 | its code's length, 0 where no
// code begins so.
type textDecoder struct {
	lit, dist [1 << 15]uint16
}

var (
	theTextDecoder     *textDecoder
	theTextDecoderOnce sync.Once
)

func textDecoderOf() *textDecoder {
	theTextDecoderOnce.Do(func() {
		c, d := textCodeOf(), new(textDecoder)
		fill := func(table []uint16, codes []hcode) {
			for sym, h := range codes {
				if h.len == 0 {
					continue
				}
				for j := 0; j < 1<<(15-h.len); j++ {
					table[int(h.bits)|j<<h.len] = uint16(sym)<<4 | uint16(h.len)
				}
			}
		}
		fill(d.lit[:], c.lit[:])
		fill(d.dist[:], c.dist[:])
		theTextDecoder = d
	})
	return theTextDecoder
}

// inflate appends to out what the block after textCode's header, in (text
// packed with textCode, less its mark), holds. It fails with errPacked on
// a block that ends early or copies from before its start, and it reads
// nothing after the end of the block.
func (d *textDecoder) inflate(out, in []byte) ([]byte, error) {
	var acc uint64 // bits not yet read, the first in the lowest
	var n uint     // how many
	pos := 0
	need := func(k uint) bool {
		for n < k && pos < len(in) {
			acc |= uint64(in[pos]) << n
			n += 8
			pos++
		}
		return n >= k
	}
	take := func(k uint) uint64 {
		v := acc & (1<<k - 1)
		acc >>= k
		n -= k
		return v
	}
	symbol := func(table *[1 << 15]uint16) (int, bool) {
		need(15) // a short code may end the block in fewer bits
		e := table[acc&(1<<15-1)]
		l := uint(e & 15)
		if l == 0 || l > n {
			return 0, false
		}
		take(l)
		return int(e >> 4), true
	}
	for {
		sym, ok := symbol(&d.lit)
		switch {
		case !ok:
			return nil, errPacked
		case sym < 256:
			out = append(out, byte(sym))
			continue
		case sym == 256:
			return out, nil
		}
		ls := sym - 257
		length := int(lengthBase[ls])
		if x := uint(lengthExtra[ls]); x > 0 {
			if !need(x) {
				return nil, errPacked
			}
			length += int(take(x))
		}
		ds, ok := symbol(&d.dist)
		if !ok {
			return nil, errPacked
		}
		dist := int(distBase[ds])
		if ds >= 4 {
			x := uint(ds/2 - 1)
			if !need(x) {
				return nil, errPacked
			}
			dist += int(take(x))
		}
		if dist > len(out) {
			return nil, errPacked
		}
		from := len(out) - dist
		for i := range length { // the copy may overlap what it writes
			out = append(out, out[from+i])
		}
	}
}
