package main

// The workloads on map[int64]int64. Each loop is written out for the concrete key type (not as a
// generic function) so that the compiler picks the runtime's int64 fast paths, as Go code using a
// map[int64]int64 gets them; strings.go repeats them for map[string]int64.

func filledInt64(in *Input, hint int) map[int64]int64 {
	m := make(map[int64]int64, hint)
	for i := 0; i < in.Size; i++ {
		m[in.Ints[i]] = int64(i)
	}
	if len(m) != in.Size {
		fail("the filled map does not hold size entries")
	}
	return m
}

func int64Workload(op string, in *Input) (workload, bool) {
	probes := in.IntProbes
	mask := len(probes) - 1
	cursor := 0
	next := func() int {
		s := cursor
		cursor = (s + lookupBatch) & mask
		return s
	}
	switch op {
	case "get":
		m := filledInt64(in, 0)
		return func() int {
			s := next()
			var acc int64
			for _, k := range probes[s : s+lookupBatch] {
				acc += m[k]
			}
			sink += acc
			return lookupBatch
		}, true
	case "update":
		m := filledInt64(in, 0)
		return func() int {
			s := next()
			for i := s; i < s+lookupBatch; i++ {
				m[probes[i]] = int64(i)
			}
			sink += int64(s)
			return lookupBatch
		}, true
	case "mixed-90-10":
		m := filledInt64(in, 0)
		writes := in.Writes
		return func() int {
			s := next()
			var acc int64
			for i := s; i < s+lookupBatch; i++ {
				if writes[i] {
					m[probes[i]] = int64(i)
				} else {
					acc += m[probes[i]]
				}
			}
			sink += acc
			return lookupBatch
		}, true
	case "put-growth", "put-presized":
		hint := 0
		if op == "put-presized" {
			hint = in.Size
		}
		keys := in.Ints[:in.Size]
		return func() int {
			m := make(map[int64]int64, hint)
			for i, k := range keys {
				m[k] = int64(i)
			}
			sink += int64(len(m))
			return len(keys)
		}, true
	case "churn":
		m := filledInt64(in, 0)
		keys := in.Ints
		ring := len(keys)
		oldest := 0
		return func() int {
			o := oldest
			n := o + in.Size
			if n >= ring {
				n -= ring
			}
			for i := 0; i < churnBatch; i++ {
				delete(m, keys[o])
				m[keys[n]] = int64(n)
				if o++; o == ring {
					o = 0
				}
				if n++; n == ring {
					n = 0
				}
			}
			oldest = o
			sink += int64(o)
			return churnBatch
		}, true
	case "iterate":
		m := filledInt64(in, 0)
		return func() int {
			var acc int64
			for k, v := range m {
				acc += k + v
			}
			sink += acc
			return len(m)
		}, true
	}
	return nil, false
}
