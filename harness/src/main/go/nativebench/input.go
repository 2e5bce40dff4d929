package main

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// The input file is written by the Java harness (org.hmaplab.harness.nativego.NativeInput) from
// the same seeds and generators as the JMH cells, so both runtimes see the very same keys, probe
// sequences and write positions. Little-endian throughout:
//
//	magic     8 bytes  "HMAPNB01"
//	family    u32      1 = int64 keys, 2 = string keys
//	size      u32      entries in a filled map
//	keyCount  u32      2 * size: keys [0, size) go into the map, [size, 2*size) never do
//	keys      int64 keys: keyCount x i64; string keys: keyCount x (u32 length, UTF-8 bytes)
//	probes    u32 count, then count x u32 key indexes (present below size, absent from size up)
//	writes    count x u8: 1 where the mixed workload writes, 0 where it reads
const inputMagic = "HMAPNB01"

const (
	familyInt64  = 1
	familyString = 2
)

// Input holds one cell's keys and probe plan.
type Input struct {
	Family    uint32
	Size      int
	Ints      []int64
	Strings   []string
	Probes    []uint32
	Writes    []bool
	IntProbes []int64
	StrProbes []string
}

func readInput(path string) (*Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	magic := make([]byte, len(inputMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != inputMagic {
		return nil, fmt.Errorf("%s: not a nativebench input (magic %q, want %q)", path, magic, inputMagic)
	}
	in := &Input{}
	var size, keyCount uint32
	for _, p := range []*uint32{&in.Family, &size, &keyCount} {
		if err := binary.Read(r, binary.LittleEndian, p); err != nil {
			return nil, fmt.Errorf("%s: truncated header: %v", path, err)
		}
	}
	in.Size = int(size)
	if keyCount != 2*size {
		return nil, fmt.Errorf("%s: key count %d is not twice the size %d", path, keyCount, size)
	}
	switch in.Family {
	case familyInt64:
		in.Ints = make([]int64, keyCount)
		if err := binary.Read(r, binary.LittleEndian, in.Ints); err != nil {
			return nil, fmt.Errorf("%s: truncated keys: %v", path, err)
		}
	case familyString:
		in.Strings = make([]string, keyCount)
		for i := range in.Strings {
			var n uint32
			if err := binary.Read(r, binary.LittleEndian, &n); err != nil {
				return nil, fmt.Errorf("%s: truncated key %d: %v", path, i, err)
			}
			b := make([]byte, n)
			if _, err := io.ReadFull(r, b); err != nil {
				return nil, fmt.Errorf("%s: truncated key %d: %v", path, i, err)
			}
			in.Strings[i] = string(b)
		}
	default:
		return nil, fmt.Errorf("%s: unknown key family %d (1 int64, 2 string)", path, in.Family)
	}
	var count uint32
	if err := binary.Read(r, binary.LittleEndian, &count); err != nil {
		return nil, fmt.Errorf("%s: truncated probe count: %v", path, err)
	}
	if count == 0 || count&(count-1) != 0 {
		return nil, fmt.Errorf("%s: probe count %d is not a power of two", path, count)
	}
	in.Probes = make([]uint32, count)
	if err := binary.Read(r, binary.LittleEndian, in.Probes); err != nil {
		return nil, fmt.Errorf("%s: truncated probes: %v", path, err)
	}
	flags := make([]byte, count)
	if _, err := io.ReadFull(r, flags); err != nil {
		return nil, fmt.Errorf("%s: truncated write flags: %v", path, err)
	}
	in.Writes = make([]bool, count)
	for i, b := range flags {
		in.Writes[i] = b != 0
	}
	if _, err := r.ReadByte(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: trailing bytes after the write flags", path)
	}
	for i, p := range in.Probes {
		if p >= keyCount {
			return nil, fmt.Errorf("%s: probe %d indexes key %d of %d", path, i, p, keyCount)
		}
	}
	// Probe keys are copies: a string probe must not share memory with the key in the map, as the
	// Java side's probes are equal but distinct String objects.
	if in.Family == familyInt64 {
		in.IntProbes = make([]int64, count)
		for i, p := range in.Probes {
			in.IntProbes[i] = in.Ints[p]
		}
	} else {
		in.StrProbes = make([]string, count)
		for i, p := range in.Probes {
			in.StrProbes[i] = string([]byte(in.Strings[p]))
		}
	}
	return in, nil
}
