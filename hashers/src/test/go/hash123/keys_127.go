//go:build go1.27

package main

import _ "unsafe" // for go:linkname

// Go 1.27 moved the process hash keys and the AES switch to internal/runtime/maps (runtime_alg.go).

//go:linkname hashkey internal/runtime/maps.hashkey
var hashkey [4]uintptr

//go:linkname useAeshash internal/runtime/maps.UseAeshash
var useAeshash bool
