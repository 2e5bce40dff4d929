// Command fallbackvectors prints test vectors for Go 1.19's fallback (non-AES) memory hash,
// for the Java port org.hmaplab.hash.GoFallbackHasher.
//
// It reaches the runtime's own memhash, memhash64 and hashkey through //go:linkname, so the
// vectors come from the Go runtime itself, not from a re-implementation. Run it with the AES
// hash switched off (the program refuses to print otherwise):
//
//	GODEBUG=cpu.aes=off /usr/lib/go-1.19/bin/go run .
//
// Output lines (all numbers lower-case hex, data as bytes in memory order, "-" for no bytes):
//
//	bytes <len> <seed> <effectiveSeed> <data> <hash>   from runtime.memhash(&data, seed, len)
//	long  8 <seed> <effectiveSeed> <data> <hash>       from runtime.memhash64(&data, seed)
//
// where effectiveSeed = seed ^ hashkey[0] is the value the Java hasher takes as its seed
// (hashkey[0] is drawn at random per process, so it is printed into every line).
package main

import (
	"fmt"
	"os"
	"unsafe"
)

//go:linkname memhash runtime.memhash
//go:noescape
func memhash(p unsafe.Pointer, h, s uintptr) uintptr

//go:linkname memhash64 runtime.memhash64
//go:noescape
func memhash64(p unsafe.Pointer, h uintptr) uintptr

//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool

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

// hexOrDash writes data as hex, or "-" when it is empty, so that every line has five fields.
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
	fmt.Println("# Go 1.19 fallback hash vectors, printed by hashers/src/test/go/fallbackvectors/main.go with")
	fmt.Println("# cd hashers/src/test/go/fallbackvectors && " +
		"GODEBUG=cpu.aes=off /usr/lib/go-1.19/bin/go run . > ../../resources/go-fallback-vectors.txt")
	fmt.Println("# fields: kind len seed effectiveSeed(=seed^hashkey[0]) data hash; " +
		"kind bytes = runtime.memhash, long = runtime.memhash64")
	rng := &splitmix64{state: 0x6f2c0a1e5b3d4987}
	seeds := []uintptr{0, 1, 0xffffffffffffffff, uintptr(rng.next()), uintptr(rng.next())}
	var lengths []int
	for n := 0; n <= 64; n++ {
		lengths = append(lengths, n)
	}
	for n := 65; n <= 300; n += 7 {
		lengths = append(lengths, n)
	}
	lengths = append(lengths, 95, 96, 97, 143, 144, 145, 256, 300, 1000)
	for _, seed := range seeds {
		for _, n := range lengths {
			data := rng.bytes(n)
			var p unsafe.Pointer
			if n > 0 {
				p = unsafe.Pointer(&data[0])
			} else {
				p = unsafe.Pointer(&data)
			}
			h := memhash(p, seed, uintptr(n))
			fmt.Printf("bytes %d %016x %016x %s %016x\n", n, seed, seed^hashkey[0], hexOrDash(data), h)
		}
		// patterned inputs: all zeros and all 0xff
		for _, n := range []int{1, 3, 4, 7, 8, 16, 17, 48, 49} {
			for _, fill := range []byte{0x00, 0xff} {
				data := make([]byte, n)
				for i := range data {
					data[i] = fill
				}
				h := memhash(unsafe.Pointer(&data[0]), seed, uintptr(n))
				fmt.Printf("bytes %d %016x %016x %x %016x\n", n, seed, seed^hashkey[0], data, h)
			}
		}
		for i := 0; i < 20; i++ {
			data := rng.bytes(8)
			if i == 0 {
				data = make([]byte, 8)
			}
			h := memhash64(unsafe.Pointer(&data[0]), seed)
			fmt.Printf("long 8 %016x %016x %x %016x\n", seed, seed^hashkey[0], data, h)
		}
	}
}
