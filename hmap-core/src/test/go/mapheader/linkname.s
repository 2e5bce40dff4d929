// Empty on purpose: an assembly file in the package lets main.go declare runtime.memhash64
// without a body (//go:linkname); the Go 1.19 compiler refuses bodyless functions otherwise.
