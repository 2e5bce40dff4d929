// Command mapheader records how the Go 1.19 runtime's own map header evolves under fixed
// operation sequences, as reference data for hmap-core's differential test
// (org.hmaplab.core.GoHeaderDifferentialTest).
//
// Design. Each scenario runs a sequence of inserts, updates, deletes and clears on a live
// map[int64]int64 and, after every operation, reads the runtime's hmap header through unsafe
// (GO-MAP-SPEC 2.1): count, flags, B, noverflow, hash0, buckets, oldbuckets, nevacuate, extra.
// The operations come from splitmix64 (Steele, Lea, Flood 2014; the generator of
// java.util.SplittableRandom, so the Java test regenerates the same sequence from the same seed)
// and the scenario rules below, so the data holds only what Go observed, never the operations.
//
// The program must run with GODEBUG=cpu.aes=off: then the runtime uses its fallback hash
// (runtime/hash64.go), whose output depends only on the key bytes and the 64-bit effective seed
// uint64(hash0) ^ hashkey[0] (GO-MAP-SPEC 3.6). That value is what hmap-core's "go" hasher takes
// as its seed, so the Java map can be put into exactly the state of the Go map. The program
// checks runtime.useAeshash and stops if the AES hash is in use.
//
// Scenarios (N = 200000 operations each; every fresh key is a new splitmix64 output, and
// splitmix64 never repeats an output within its period, so fresh keys are always absent):
//
//	insert-only    make(map[int64]int64), then N inserts of fresh keys.
//	hinted-H       make(map[int64]int64, H) for H in 9, 1000, 100000, then N inserts.
//	churn-W        W in 100, 1000, 6000: W inserts, then until N ops are done draw u:
//	               c = (u>>32) % 100; c < 10: update window[(u & 0xffffffff) % W];
//	               c < 15: delete a fresh (absent) key; otherwise insert a fresh key k,
//	               delete window[head], window[head] = k, head = (head+1) % W (two ops).
//	empty-and-clear first a staircase: for j = 1..12 draw u, insert n_j fresh keys, where
//	               n_1 = 9 and n_j = 13*2^(j-2) + 1 + (j >= 4 ? (u>>32) % 2^(j-3) : 0), and run
//	               the clear idiom (one op, runtime.mapclear), so that each clear meets a
//	               doubling in progress; then until N ops are done: draw u; insert
//	               n = 1 + (u>>32) % 3000 fresh keys; then by u & 3: 0 the clear idiom;
//	               1 delete them in insertion order; 2 in reverse order; 3 in insertion order,
//	               then delete one fresh key and run the clear idiom, both on the empty map.
//
// Output, one gzip file per scenario, <name>.txt.gz:
//
//	# comment lines
//	scenario name=<s> prng=<seed> prngFirst=<hex> hint=<H|none> ops=<n> seed=<hex> B=<b>
//	hash key=<hex> hash=<hex>        (4 lines: runtime.memhash64(&key, hash0) for keys drawn from
//	                                 splitmix64(^prng), to check the Java hasher and the seed)
//	then exactly one line per operation, holding only the header fields that changed:
//	  +  or  -        count went up or down by one
//	  n<v>            count set to v otherwise (a clear)
//	  B<v>            B
//	  s<0|1>          flags&8 (sameSizeGrow)
//	  o<v>            noverflow
//	  e+<d>           nevacuate went up by d
//	  e<v>            nevacuate set to v otherwise (a reset by a new growth or a clear)
//	  g<0|1>          oldbuckets != nil (a growth is running)
//	  S<hex>          the effective seed after this op; written when it changed and after every
//	                  op that re-draws hash0 (a delete that empties the map, a clear of a
//	                  non-empty map), so that a re-draw of the same value is still recorded
//	an empty line means nothing changed; the file ends with
//	end ops=<n> doublings=<d> sameSize=<s> redraws=<r> redrawsWhileGrowing=<w> maxB=<b> count=<c>
//
// doublings and sameSize count growth starts, seen as a new bucket array (a growth of a 1- or
// 2-bucket array also ends within its op); redraws counts S tokens, redrawsWhileGrowing those
// whose op began with a growth running (a clear abandons it).
//
// Run (from this directory):
//
//	GODEBUG=cpu.aes=off go run . -out ../../resources/go-diff
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"unsafe"
)

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool

//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

//go:linkname memhash64 runtime.memhash64
func memhash64(p unsafe.Pointer, h uintptr) uintptr

// hmap mirrors the runtime's map header (runtime/map.go:116-130, GO-MAP-SPEC 2.1).
type hmap struct {
	count      int
	flags      uint8
	B          uint8
	noverflow  uint16
	hash0      uint32
	buckets    unsafe.Pointer
	oldbuckets unsafe.Pointer
	nevacuate  uintptr
	extra      unsafe.Pointer
}

const (
	opsPerScenario = 200000
	flagSameSize   = 8  // runtime sameSizeGrow (map.go:104)
	flagIterators  = 3  // runtime iterator|oldIterator (map.go:101-102)
	maxExactB      = 15 // noverflow is exact only for B < 16 (GO-MAP-SPEC 4.5)
	churnUpdatePct = 10
	churnAbsentPct = 5
	emptyMaxBatch  = 3000
	staircaseSteps = 12
	hashSamples    = 4
)

// splitmix64 is java.util.SplittableRandom's generator: nextLong() of new SplittableRandom(seed).
type splitmix64 struct{ state uint64 }

func (r *splitmix64) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func headerOf(m map[int64]int64) *hmap {
	return *(**hmap)(unsafe.Pointer(&m))
}

func effectiveSeed(h *hmap) uint64 {
	return uint64(h.hash0) ^ uint64(hashkey[0])
}

// clearMap is the clear idiom that the compiler turns into runtime.mapclear (GO-MAP-SPEC 12.1);
// it must not be inlined, or go1.19 compiles a plain range-and-delete loop instead.
//
//go:noinline
func clearMap(m map[int64]int64) {
	for k := range m {
		delete(m, k)
	}
}

// recorder writes one line per operation with the header fields that changed.
type recorder struct {
	name      string
	m         map[int64]int64
	h         *hmap
	w         *bufio.Writer
	ops       int
	count     int
	b         uint8
	sameSize  bool
	noverflow uint16
	nevacuate uintptr
	old       unsafe.Pointer
	buckets   unsafe.Pointer
	seed      uint64
	doublings int
	sameSizes int
	redraws   int
	maxB      uint8
	// redrawsWhileGrowing counts re-draws (a clear, or a delete that empties the map) that
	// happened while a growth was running.
	redrawsWhileGrowing int
}

func newRecorder(name string, prngSeed uint64, hint int, m map[int64]int64, w *bufio.Writer) *recorder {
	h := headerOf(m)
	r := &recorder{name: name, m: m, h: h, w: w, count: h.count, b: h.B,
		sameSize: h.flags&flagSameSize != 0, noverflow: h.noverflow, nevacuate: h.nevacuate,
		old: h.oldbuckets, buckets: h.buckets, seed: effectiveSeed(h), maxB: h.B}
	hintText := "none"
	if hint >= 0 {
		hintText = strconv.Itoa(hint)
	}
	first := splitmix64{prngSeed}
	fmt.Fprintf(w, "scenario name=%s prng=%d prngFirst=%016x hint=%s ops=%d seed=%016x B=%d\n",
		name, prngSeed, first.next(), hintText, opsPerScenario, r.seed, h.B)
	sample := splitmix64{^prngSeed}
	for i := 0; i < hashSamples; i++ {
		k := sample.next()
		fmt.Fprintf(w, "hash key=%016x hash=%016x\n", k, uint64(memhash64(unsafe.Pointer(&k), uintptr(h.hash0))))
	}
	return r
}

// after records the header after one operation; redraw says whether the op re-draws hash0.
func (r *recorder) after(redraw bool) {
	h := r.h
	r.ops++
	if h.count != len(r.m) {
		fail("%s op %d: header count %d but len(m) %d: the hmap layout is not the one expected", r.name, r.ops-1, h.count, len(r.m))
	}
	if h.B > maxExactB {
		fail("%s op %d: B = %d; noverflow is approximate from B = 16 on, keep B < 16", r.name, r.ops-1, h.B)
	}
	if h.flags&flagIterators != 0 {
		fail("%s op %d: iterator flags set (%d): the clear idiom was compiled as a range loop, not mapclear", r.name, r.ops-1, h.flags)
	}
	line := make([]byte, 0, 48)
	switch d := h.count - r.count; {
	case d == 1:
		line = append(line, '+')
	case d == -1:
		line = append(line, '-')
	case d != 0:
		line = append(line, 'n')
		line = strconv.AppendInt(line, int64(h.count), 10)
	}
	sameSize := h.flags&flagSameSize != 0
	if h.B != r.b {
		line = field(line, 'B', uint64(h.B))
	}
	if sameSize != r.sameSize {
		line = field(line, 's', b2u(sameSize))
	}
	if h.noverflow != r.noverflow {
		line = field(line, 'o', uint64(h.noverflow))
	}
	if h.nevacuate > r.nevacuate {
		line = fieldIncrease(line, 'e', uint64(h.nevacuate-r.nevacuate))
	} else if h.nevacuate < r.nevacuate {
		line = field(line, 'e', uint64(h.nevacuate))
	}
	if (h.oldbuckets != nil) != (r.old != nil) {
		line = field(line, 'g', b2u(h.oldbuckets != nil))
	}
	seed := effectiveSeed(h)
	if seed != r.seed || redraw {
		if len(line) > 0 {
			line = append(line, ' ')
		}
		line = append(line, 'S')
		line = append(line, fmt.Sprintf("%016x", seed)...)
		r.redraws++
		if r.old != nil {
			r.redrawsWhileGrowing++
		}
	}
	// Every growth allocates a new bucket array (hashGrow); a clear keeps the array and the
	// first insert into a map made by makemap_small allocates the first one. A growth of a
	// 1- or 2-bucket array finishes within its own op, so oldbuckets alone would miss it.
	if r.buckets != nil && h.buckets != r.buckets {
		if h.B > r.b {
			r.doublings += int(h.B - r.b)
		} else {
			r.sameSizes++
		}
	}
	line = append(line, '\n')
	r.w.Write(line)
	r.count, r.b, r.sameSize, r.noverflow, r.nevacuate, r.old, r.buckets, r.seed =
		h.count, h.B, sameSize, h.noverflow, h.nevacuate, h.oldbuckets, h.buckets, seed
	if h.B > r.maxB {
		r.maxB = h.B
	}
}

func (r *recorder) finish() {
	summary := fmt.Sprintf("ops=%d doublings=%d sameSize=%d redraws=%d redrawsWhileGrowing=%d maxB=%d count=%d",
		r.ops, r.doublings, r.sameSizes, r.redraws, r.redrawsWhileGrowing, r.maxB, r.h.count)
	fmt.Fprintf(r.w, "end %s\n", summary)
	fmt.Fprintf(os.Stderr, "%-16s %s\n", r.name, summary)
}

func field(line []byte, tag byte, v uint64) []byte {
	if len(line) > 0 {
		line = append(line, ' ')
	}
	line = append(line, tag)
	return strconv.AppendUint(line, v, 10)
}

// fieldIncrease writes tag+v: the field grew by v (nevacuate only grows, apart from resets).
func fieldIncrease(line []byte, tag byte, v uint64) []byte {
	if len(line) > 0 {
		line = append(line, ' ')
	}
	line = append(line, tag, '+')
	return strconv.AppendUint(line, v, 10)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "mapheader: "+format+"\n", args...)
	os.Exit(1)
}

// insertOnly: make(map) (hint < 0) or make(map, hint), then N inserts of fresh keys.
func insertOnly(name string, prngSeed uint64, hint int, w *bufio.Writer) {
	var m map[int64]int64
	if hint < 0 {
		m = make(map[int64]int64)
	} else {
		m = make(map[int64]int64, hint)
	}
	r := newRecorder(name, prngSeed, hint, m, w)
	rng := splitmix64{prngSeed}
	for i := 0; i < opsPerScenario; i++ {
		m[int64(rng.next())] = int64(i)
		r.after(false)
	}
	r.finish()
	runtime.KeepAlive(m)
}

// churn: a sliding window of W live keys, with updates and deletes of absent keys.
func churn(name string, prngSeed uint64, window int, w *bufio.Writer) {
	m := make(map[int64]int64)
	r := newRecorder(name, prngSeed, -1, m, w)
	rng := splitmix64{prngSeed}
	live := make([]int64, window)
	for i := range live {
		live[i] = int64(rng.next())
		m[live[i]] = int64(r.ops)
		r.after(false)
	}
	head := 0
	for r.ops < opsPerScenario {
		u := rng.next()
		switch c := (u >> 32) % 100; {
		case c < churnUpdatePct:
			m[live[(u&0xffffffff)%uint64(window)]] = int64(r.ops)
			r.after(false)
		case c < churnUpdatePct+churnAbsentPct:
			delete(m, int64(rng.next()))
			r.after(false)
		default:
			k := int64(rng.next())
			m[k] = int64(r.ops)
			r.after(false)
			delete(m, live[head])
			r.after(len(m) == 0)
			live[head] = k
			head = (head + 1) % window
		}
	}
	r.finish()
	runtime.KeepAlive(m)
}

// emptyAndClear: batches of fresh keys, each removed again by deletes or by the clear idiom.
// Phase 1, the staircase, makes batch j (j = 1..staircaseSteps) just big enough to start the
// doubling from B = j-1 to j and clears it while that growth is still running; phase 2 draws
// batches of 1..emptyMaxBatch keys and removes them in one of four ways.
func emptyAndClear(name string, prngSeed uint64, w *bufio.Writer) {
	m := make(map[int64]int64)
	r := newRecorder(name, prngSeed, -1, m, w)
	rng := splitmix64{prngSeed}
	insertFresh := func(n int) []int64 {
		keys := make([]int64, n)
		for j := range keys {
			keys[j] = int64(rng.next())
			m[keys[j]] = int64(r.ops)
			r.after(false)
		}
		return keys
	}
	for j := 1; j <= staircaseSteps; j++ {
		u := rng.next()
		insertFresh(staircaseBatch(j, u))
		clearMap(m)
		r.after(true)
	}
	for r.ops < opsPerScenario {
		u := rng.next()
		keys := insertFresh(1 + int((u>>32)%emptyMaxBatch))
		switch u & 3 {
		case 0:
			clearMap(m)
			r.after(true)
		case 1, 3:
			for _, k := range keys {
				delete(m, k)
				r.after(len(m) == 0)
			}
		case 2:
			for j := len(keys) - 1; j >= 0; j-- {
				delete(m, keys[j])
				r.after(len(m) == 0)
			}
		}
		if u&3 == 3 {
			delete(m, int64(rng.next()))
			r.after(false)
			clearMap(m)
			r.after(false)
		}
	}
	r.finish()
	runtime.KeepAlive(m)
}

// staircaseBatch is the size of staircase batch j: the count that starts the doubling from
// B = j-1 (9 for j = 1, 13*2^(j-2)+1 after that, GO-MAP-SPEC 4.7) plus fewer than 2^(j-3) more
// keys, so that the growth, which needs at least 2^(j-2) writes, is still running at the end.
func staircaseBatch(j int, u uint64) int {
	if j == 1 {
		return 9
	}
	extra := 0
	if j >= 4 {
		extra = int((u >> 32) % (1 << (j - 3)))
	}
	return 13<<(j-2) + 1 + extra
}

func main() {
	out := flag.String("out", ".", "directory for the <scenario>.txt.gz files")
	flag.Parse()
	if useAeshash {
		fail("runtime.useAeshash is true: the AES hash is in use and its output cannot be reproduced;" +
			" run with GODEBUG=cpu.aes=off to force the fallback hash of runtime/hash64.go")
	}
	if hashkey[0] == 0 {
		fail("runtime.hashkey[0] is 0: the fallback hash key was not initialised as expected")
	}
	if runtime.GOARCH != "amd64" && runtime.GOARCH != "arm64" {
		fail("GOARCH %s: the recorded layout and hash64.go are for 64-bit little-endian platforms", runtime.GOARCH)
	}
	fmt.Fprintf(os.Stderr, "%s %s/%s, fallback hash, hashkey[0]=%016x\n",
		runtime.Version(), runtime.GOOS, runtime.GOARCH, hashkey[0])
	type scenario struct {
		name string
		seed uint64
		run  func(name string, seed uint64, w *bufio.Writer)
	}
	scenarios := []scenario{
		{"insert-only", 1, func(n string, s uint64, w *bufio.Writer) { insertOnly(n, s, -1, w) }},
		{"hinted-9", 2, func(n string, s uint64, w *bufio.Writer) { insertOnly(n, s, 9, w) }},
		{"hinted-1000", 3, func(n string, s uint64, w *bufio.Writer) { insertOnly(n, s, 1000, w) }},
		{"hinted-100000", 4, func(n string, s uint64, w *bufio.Writer) { insertOnly(n, s, 100000, w) }},
		{"churn-100", 5, func(n string, s uint64, w *bufio.Writer) { churn(n, s, 100, w) }},
		{"churn-1000", 6, func(n string, s uint64, w *bufio.Writer) { churn(n, s, 1000, w) }},
		{"churn-6000", 7, func(n string, s uint64, w *bufio.Writer) { churn(n, s, 6000, w) }},
		{"empty-and-clear", 8, emptyAndClear},
	}
	for _, sc := range scenarios {
		path := filepath.Join(*out, sc.name+".txt.gz")
		f, err := os.Create(path)
		if err != nil {
			fail("%v", err)
		}
		gz, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
		w := bufio.NewWriterSize(gz, 1<<16)
		fmt.Fprintf(w, "# hmap header of a live map[int64]int64 after every operation, recorded by\n")
		fmt.Fprintf(w, "# hmap-core/src/test/go/mapheader (%s %s/%s, GODEBUG=cpu.aes=off, fallback hash);\n",
			runtime.Version(), runtime.GOOS, runtime.GOARCH)
		fmt.Fprintf(w, "# the format and the scenario rules are described in its main.go\n")
		sc.run(sc.name, sc.seed, w)
		if err := w.Flush(); err != nil {
			fail("%v", err)
		}
		if err := gz.Close(); err != nil {
			fail("%v", err)
		}
		if err := f.Close(); err != nil {
			fail("%v", err)
		}
	}
}
