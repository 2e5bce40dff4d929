// Run with: cd hashers/src/test/go/aes-vectors && /usr/lib/go-1.19/bin/go run .  (needs an AES CPU)
// Prints Go 1.19's own runtime.memhash (aeshashbody on an AES CPU) with runtime.aeskeysched
// overwritten by the first 128 bytes of pi's hexadecimal fraction, for hmap-testbed's AesHasher tests.
package main

import (
	"encoding/hex"
	"fmt"
	"unsafe"
)

//go:linkname aeskeysched runtime.aeskeysched
var aeskeysched [128]byte

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool

//go:linkname memhash runtime.memhash
func memhash(p unsafe.Pointer, h, s uintptr) uintptr

const piHex = "243f6a8885a308d313198a2e03707344a4093822299f31d0082efa98ec4e6c89" +
	"452821e638d01377be5466cf34e90c6cc0ac29b7c97c50dd3f84d5b5b5470917" +
	"9216d5d98979fb1bd1310ba698dfb5ac2ffd72dbd01adfb7b8e1afed6a267e96" +
	"ba7c9045f12c7f9924a19947b3916cf70801f2e2858efc16636920d871574e69"

func main() {
	ks, _ := hex.DecodeString(piHex)
	copy(aeskeysched[:], ks)
	if !useAeshash {
		panic("this CPU does not run Go's AES hash")
	}
	data := make([]byte, 4096+16)
	for i := range data {
		data[i] = byte(i*131 + 7)
	}
	for _, seed := range []uint64{0, 0x0123456789abcdef} {
		for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100, 127, 128, 129, 200, 255, 256, 257, 300, 1000, 4096} {
			h := memhash(unsafe.Pointer(&data[0]), uintptr(seed), uintptr(n))
			fmt.Printf("%d 0x%016x %d 0x%016xL\n", n, seed, n, uint64(h))
		}
	}
}
