//go:build !go1.27

package main

import _ "unsafe" // for go:linkname

// Go 1.23 to 1.26 keep the process hash keys and the AES switch in package runtime (alg.go).

//go:linkname hashkey runtime.hashkey
var hashkey [4]uintptr

//go:linkname useAeshash runtime.useAeshash
var useAeshash bool
