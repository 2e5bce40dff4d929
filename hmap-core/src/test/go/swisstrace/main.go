// Command swisstrace records what Go's Swiss-table map (internal/runtime/maps, Go 1.24 and later)
// holds after every operation of a set of scenarios on map[int64]int64, for the Java replay
// org.hmaplab.core.swiss.SwissHeaderDifferentialTest. The format and the scenarios are described
// in README.md next to this file. Run it with the AES hash off, so that the map hashes with the
// fallback hash that org.hmaplab.hash.GoKeyedFallbackHasher reproduces:
//
//	GODEBUG=cpu.aes=off GOTOOLCHAIN=local $GOROOT/bin/go run -ldflags=-checklinkname=0 . <outdir>
//
// It writes <outdir>/<scenario>.txt.gz, one file per scenario.
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"unsafe"
)

//go:linkname memhash64 runtime.memhash64
//go:noescape
func memhash64(p unsafe.Pointer, h uintptr) uintptr

// mapHeader mirrors the head of internal/runtime/maps.Map. The fields read here (used, seed,
// dirPtr, dirLen, globalDepth) have the same types and order in Go 1.24 (map.go: used, seed,
// dirPtr, dirLen, globalDepth, globalShift, writing, clearSeq), Go 1.26 and Go 1.27 (the same
// with tombstonePossible after writing); nothing after globalDepth is read.
type mapHeader struct {
	used        uint64
	seed        uintptr
	dirPtr      unsafe.Pointer // *[dirLen]*table, or the small group when dirLen == 0
	dirLen      int
	globalDepth uint8
}

// tableHeader mirrors internal/runtime/maps.table (table.go), identical in Go 1.24, 1.26, 1.27:
// used, capacity, growthLeft uint16; localDepth uint8; index int; groups.
type tableHeader struct {
	used       uint16
	capacity   uint16
	growthLeft uint16
	localDepth uint8
	index      int
}

type tableState struct {
	ptr                                  unsafe.Pointer
	capacity, localDepth, used, growLeft int
	index                                int
}

func (t tableState) String() string {
	return fmt.Sprintf("%d/%d/%d/%d/%d", t.capacity, t.localDepth, t.used, t.growLeft, t.index)
}

// recorder writes one scenario.
type recorder struct {
	w      *bufio.Writer
	m      map[int64]int64
	seed   uintptr
	tables []tableState
	ops    int

	used        uint64
	dirLen      int
	globalDepth uint8
}

func header(m map[int64]int64) *mapHeader {
	return *(**mapHeader)(unsafe.Pointer(&m))
}

func (r *recorder) readTables() []tableState {
	h := header(r.m)
	if h.dirLen == 0 {
		return nil
	}
	dir := unsafe.Slice((*unsafe.Pointer)(h.dirPtr), h.dirLen)
	var out []tableState
	var last unsafe.Pointer
	for _, p := range dir {
		if p == last {
			continue
		}
		last = p
		t := (*tableHeader)(p)
		out = append(out, tableState{p, int(t.capacity), int(t.localDepth), int(t.used), int(t.growthLeft), t.index})
	}
	return out
}

// record prints the state after op (op is "p <key>", "d <key>" or "c"); see README.md. The letter
// of p and d is upper case when m.used changed; used itself is written (u) only when it moved by
// anything but +1 on a put or -1 on a delete, and always after a clear. dirLen (D), globalDepth
// (G), the number of distinct tables (T) and the seed (s) are written when they changed; the
// tables all ("*") when the set of tables changed, else those whose fields changed.
func (r *recorder) record(op string) {
	r.ops++
	h := header(r.m)
	tables := r.readTables()
	var b strings.Builder
	delta := int64(h.used) - int64(r.used)
	implied := int64(0)
	switch {
	case op[0] == 'p' && delta != 0:
		implied = 1
		op = "P" + op[1:]
	case op[0] == 'd' && delta != 0:
		implied = -1
		op = "D" + op[1:]
	}
	b.WriteString(op)
	if delta != implied || op == "c" {
		fmt.Fprintf(&b, " u%d", h.used)
	}
	r.used = h.used
	if h.dirLen != r.dirLen {
		fmt.Fprintf(&b, " D%d", h.dirLen)
		r.dirLen = h.dirLen
	}
	if h.globalDepth != r.globalDepth {
		fmt.Fprintf(&b, " G%d", h.globalDepth)
		r.globalDepth = h.globalDepth
	}
	if len(tables) != len(r.tables) {
		fmt.Fprintf(&b, " T%d", len(tables))
	}
	if h.seed != r.seed {
		fmt.Fprintf(&b, " s%x", uint64(h.seed))
		r.seed = h.seed
	}
	same := len(tables) == len(r.tables)
	for i := 0; same && i < len(tables); i++ {
		same = tables[i].ptr == r.tables[i].ptr
	}
	if !same {
		b.WriteString(" *")
		for _, t := range tables {
			b.WriteString(" " + t.String())
		}
	} else {
		for i, t := range tables {
			o := r.tables[i]
			switch {
			case t == o:
			case t.capacity == o.capacity && t.localDepth == o.localDepth && t.index == o.index:
				b.WriteString(tableChange(op[0], i, o, t))
			default:
				fmt.Fprintf(&b, " %d:%s", i, t)
			}
		}
	}
	r.tables = tables
	b.WriteByte('\n')
	r.w.WriteString(b.String())
}

// tableChange writes a change of used and growthLeft only: " i" for the usual step of the op (an
// insert into an empty slot: used+1, growthLeft-1; a delete leaving a tombstone: used-1), " i+"
// for a delete that leaves an empty slot (used-1, growthLeft+1), else " i:used/growthLeft".
func tableChange(op byte, i int, o, t tableState) string {
	du, dg := t.used-o.used, t.growLeft-o.growLeft
	switch {
	case op == 'P' && du == 1 && dg == -1, op == 'D' && du == -1 && dg == 0:
		return fmt.Sprintf(" %d", i)
	case op == 'D' && du == -1 && dg == 1:
		return fmt.Sprintf(" %d+", i)
	}
	return fmt.Sprintf(" %d:%d/%d", i, t.used, t.growLeft)
}

func (r *recorder) put(k int64) {
	r.m[k] = k
	r.record(fmt.Sprintf("p %d", k))
}

func (r *recorder) del(k int64) {
	delete(r.m, k)
	r.record(fmt.Sprintf("d %d", k))
}

func (r *recorder) clear() {
	clear(r.m)
	r.record("c")
}

// splitmix64 is a fixed-seed generator for keys and choices.
type splitmix64 struct{ state uint64 }

func (g *splitmix64) next() uint64 {
	g.state += 0x9e3779b97f4a7c15
	z := g.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (g *splitmix64) below(n int) int {
	return int(g.next() % uint64(n))
}

type scenario struct {
	name string
	hint int // -1: make(map[int64]int64) without a hint
	run  func(r *recorder, g *splitmix64)
}

func fill(n int, updateEvery int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		for i := 0; i < n; i++ {
			r.put(int64(i))
			if updateEvery > 0 && i%updateEvery == updateEvery-1 {
				r.put(int64(g.below(i + 1)))
			}
		}
	}
}

// window inserts key i and deletes key i-w, for ops operations in all.
func window(w, ops int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		for i := 0; r.ops < ops; i++ {
			r.put(int64(i))
			if i >= w {
				r.del(int64(i - w))
			}
		}
	}
}

// randomChurn keeps w keys: each step deletes a random live key and inserts the next new key.
func randomChurn(w, ops int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		live := make([]int64, 0, w)
		next := int64(0)
		for len(live) < w {
			live = append(live, next)
			r.put(next)
			next++
		}
		for r.ops < ops {
			i := g.below(w)
			r.del(live[i])
			live[i] = next
			next++
			r.put(live[i])
		}
	}
}

func shuffled(g *splitmix64, n int, base int64) []int64 {
	keys := make([]int64, n)
	for i := range keys {
		keys[i] = base + int64(i)
	}
	for i := n - 1; i > 0; i-- {
		j := g.below(i + 1)
		keys[i], keys[j] = keys[j], keys[i]
	}
	return keys
}

// deleteToEmpty fills to each size and deletes every key (random order): the last delete re-seeds.
func deleteToEmpty(sizes []int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		base := int64(0)
		for _, n := range sizes {
			for i := 0; i < n; i++ {
				r.put(base + int64(i))
			}
			r.del(-1) // absent
			for _, k := range shuffled(g, n, base) {
				r.del(k)
			}
			r.del(base) // absent, map empty
			base += int64(n)
		}
	}
}

// clearLive fills to each size and clears (then clears the empty map once more).
func clearLive(sizes []int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		base := int64(0)
		for _, n := range sizes {
			for i := 0; i < n; i++ {
				r.put(base + int64(i))
			}
			r.clear()
			r.clear()
			base += int64(n)
		}
	}
}

// clearTombstones fills to each size, deletes every key but leaves the tombstones, then clears.
func clearTombstones(sizes []int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		base := int64(0)
		for _, n := range sizes {
			for i := 0; i < n; i++ {
				r.put(base + int64(i))
			}
			for _, k := range shuffled(g, n, base) {
				r.del(k)
			}
			r.clear()
			base += int64(n)
		}
	}
}

// small works a map of at most 8 entries: fills to 8, updates at 8 (a table from Go 1.24 only),
// deletes and re-inserts, then grows with a 9th key.
func small(r *recorder, g *splitmix64) {
	for i := 0; i < 8; i++ {
		r.put(int64(i))
	}
	r.put(3)
	r.put(7)
	r.del(5)
	r.put(5)
	r.put(5)
	r.del(0)
	r.del(1)
	r.put(100)
	r.put(101)
	r.put(101)
	r.put(102)
	for i := 0; i < 8; i++ {
		r.del(int64(i))
	}
	r.del(100)
	r.del(101)
	r.del(102)
	r.put(9)
}

// smallChurn keeps between 0 and 8 keys from a pool of 12, with random puts and deletes.
func smallChurn(ops int) func(r *recorder, g *splitmix64) {
	return func(r *recorder, g *splitmix64) {
		live := map[int64]bool{}
		for r.ops < ops {
			k := int64(g.below(12))
			if live[k] || len(live) == 8 {
				if g.below(3) == 0 && live[k] {
					r.put(k) // update
					continue
				}
				for d := range live {
					delete(live, d)
					r.del(d)
					break
				}
				continue
			}
			live[k] = true
			r.put(k)
		}
	}
}

func scenarios() []scenario {
	return []scenario{
		{"fill-empty", -1, fill(220000, 10)},
		{"fill-hint-0", 0, fill(3000, 0)},
		{"fill-hint-8", 8, fill(3000, 0)},
		{"fill-hint-9", 9, fill(3000, 0)},
		{"fill-hint-1000", 1000, fill(20000, 0)},
		{"fill-hint-7000", 7000, fill(20000, 0)},
		{"fill-hint-100000", 100000, fill(150000, 0)},
		{"churn-window-8", -1, window(8, 20000)},
		{"churn-window-100", -1, window(100, 200000)},
		{"churn-window-1000", -1, window(1000, 200000)},
		{"churn-window-6000", -1, window(6000, 30000)},
		{"churn-window-50000", -1, window(50000, 200000)},
		{"churn-random-3000", -1, randomChurn(3000, 200000)},
		{"delete-to-empty", -1, deleteToEmpty([]int{1, 5, 8, 9, 15, 100, 1000, 3000, 20000, 1, 9})},
		{"clear-live", -1, clearLive([]int{3, 8, 9, 500, 5000, 20000, 7, 2000})},
		{"clear-tombstones", -1, clearTombstones([]int{3, 8, 9, 500, 5000, 20000, 7, 2000})},
		{"small", -1, small},
		{"small-churn", -1, smallChurn(20000)},
	}
}

func run(dir string, s scenario, seq int) error {
	f, err := os.Create(filepath.Join(dir, s.name+".txt.gz"))
	if err != nil {
		return err
	}
	defer f.Close()
	z, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := bufio.NewWriter(z)
	fmt.Fprintf(w, "# Go Swiss map (internal/runtime/maps) state after every op of one scenario on map[int64]int64,\n")
	fmt.Fprintf(w, "# recorded by hmap-core/src/test/go/swisstrace (%s %s/%s, GODEBUG=cpu.aes=off); "+
		"format: README.md there\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintf(w, "go %s\n", runtime.Version())
	fmt.Fprintf(w, "hashkey %016x %016x %016x %016x\n", hashkey[0], hashkey[1], hashkey[2], hashkey[3])
	r := &recorder{w: w}
	if s.hint < 0 {
		r.m = make(map[int64]int64)
	} else {
		r.m = make(map[int64]int64, s.hint)
	}
	h := header(r.m)
	r.seed = h.seed
	r.tables = r.readTables()
	r.used, r.dirLen, r.globalDepth = h.used, h.dirLen, h.globalDepth
	hint := "none"
	if s.hint >= 0 {
		hint = fmt.Sprint(s.hint)
	}
	fmt.Fprintf(w, "scenario %s hint=%s seed=%x\n", s.name, hint, uint64(h.seed))
	for _, k := range []int64{0, 1, -1, 1 << 40, -9223372036854775808} {
		fmt.Fprintf(w, "hash %d %x %x\n", k, uint64(h.seed), uint64(memhash64(unsafe.Pointer(&k), h.seed)))
	}
	start := fmt.Sprintf("new u%d D%d G%d T%d *", h.used, h.dirLen, h.globalDepth, len(r.tables))
	for _, t := range r.tables {
		start += " " + t.String()
	}
	fmt.Fprintln(w, start)
	g := &splitmix64{state: 0x1234567 + uint64(seq)}
	s.run(r, g)
	fmt.Fprintf(w, "end ops=%d\n", r.ops)
	if err := w.Flush(); err != nil {
		return err
	}
	return z.Close()
}

func main() {
	if useAeshash {
		fmt.Fprintln(os.Stderr, "runtime uses the AES hash; run with GODEBUG=cpu.aes=off")
		os.Exit(1)
	}
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: swisstrace <output directory>")
		os.Exit(2)
	}
	for i, s := range scenarios() {
		if err := run(os.Args[1], s, i); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
