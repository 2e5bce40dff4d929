// Command hash123 prints test vectors for the fallback (non-AES) memory hash of Go 1.23 and
// later, which keys every mix with the four random per-process words runtime.hashkey[0..3]
// (runtime/hash64.go; internal/runtime/maps/runtime_hash64.go from Go 1.27), for the Java port
// org.hmaplab.hash.GoKeyedFallbackHasher.
//
// It reaches the runtime's own memhash, memhash64 and hashkey through //go:linkname, so the
// vectors come from the Go runtime itself, not from a re-implementation. Go 1.23 and later refuse
// to link a pull-only linkname to runtime internals unless the check is switched off, and the AES
// hash must be off (the program refuses to print otherwise):
//
//	GODEBUG=cpu.aes=off GOTOOLCHAIN=local $GOROOT/bin/go run -ldflags=-checklinkname=0 .
//
// Output lines (numbers lower-case hex, data as bytes in memory order, "-" for no bytes):
//
//	hashkey <k0> <k1> <k2> <k3>            once, first: the process keys
//	bytes <len> <seed> <data> <hash>       from runtime.memhash(&data, seed, len)
//	long  8 <seed> <data> <hash>           from runtime.memhash64(&data, seed)
package main

import (
	"fmt"
	"os"
	"runtime"
	"unsafe"
)

//go:linkname memhash runtime.memhash
//go:noescape
func memhash(p unsafe.Pointer, h, s uintptr) uintptr

//go:linkname memhash64 runtime.memhash64
//go:noescape
func memhash64(p unsafe.Pointer, h uintptr) uintptr

// splitmix64 is a fixed-seed generator for the data bytes and seeds.
type splitmix64 struct{ state uint64 }

func (r *splitmix64) next() uint64 {
	r.state += 0x9e3779b97f4a7c15
	z := r.state
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

func (r *splitmix64) bytes(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.next())
	}
	return b
}

func hexOrDash(data []byte) string {
	if len(data) == 0 {
		return "-"
	}
	return fmt.Sprintf("%x", data)
}

func main() {
	if useAeshash {
		fmt.Fprintln(os.Stderr, "runtime uses the AES hash; run with GODEBUG=cpu.aes=off")
		os.Exit(1)
	}
	fmt.Printf("# Go %s fallback hash vectors (keyed by the process hashkey), printed by\n", runtime.Version())
	fmt.Println("# hashers/src/test/go/hash123 with GODEBUG=cpu.aes=off go run -ldflags=-checklinkname=0 .")
	fmt.Println("# fields: hashkey k0 k1 k2 k3 | bytes len seed data hash (runtime.memhash) | " +
		"long 8 seed data hash (runtime.memhash64)")
	fmt.Printf("hashkey %016x %016x %016x %016x\n", hashkey[0], hashkey[1], hashkey[2], hashkey[3])
	rng := &splitmix64{state: 0x3c6ef372fe94f82b}
	seeds := []uintptr{0, 1, 0xffffffffffffffff, uintptr(rng.next()), uintptr(rng.next())}
	lengths := []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 47, 48, 49, 63, 64, 65,
		95, 96, 97, 143, 144, 145, 256, 300, 1000}
	for _, seed := range seeds {
		for _, n := range lengths {
			data := rng.bytes(n)
			var p unsafe.Pointer
			if n > 0 {
				p = unsafe.Pointer(&data[0])
			} else {
				p = unsafe.Pointer(&data)
			}
			fmt.Printf("bytes %d %016x %s %016x\n", n, seed, hexOrDash(data), memhash(p, seed, uintptr(n)))
		}
		for i := 0; i < 24; i++ {
			data := rng.bytes(8)
			switch i {
			case 0:
				data = make([]byte, 8)
			case 1:
				data = []byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
			case 2:
				data = []byte{1, 0, 0, 0, 0, 0, 0, 0}
			}
			fmt.Printf("long 8 %016x %x %016x\n", seed, data, memhash64(unsafe.Pointer(&data[0]), seed))
		}
	}
}
