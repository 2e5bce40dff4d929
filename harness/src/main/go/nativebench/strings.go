package main

// The workloads on map[string]int64: int64.go's loops for string keys (see there why they are
// written out per key type).

func filledString(in *Input, hint int) map[string]int64 {
	m := make(map[string]int64, hint)
	for i := 0; i < in.Size; i++ {
		m[in.Strings[i]] = int64(i)
	}
	if len(m) != in.Size {
		fail("the filled map does not hold size entries")
	}
	return m
}

func stringWorkload(op string, in *Input) (workload, bool) {
	probes := in.StrProbes
	mask := len(probes) - 1
	cursor := 0
	next := func() int {
		s := cursor
		cursor = (s + lookupBatch) & mask
		return s
	}
	switch op {
	case "get":
		m := filledString(in, 0)
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
		m := filledString(in, 0)
		return func() int {
			s := next()
			for i := s; i < s+lookupBatch; i++ {
				m[probes[i]] = int64(i)
			}
			sink += int64(s)
			return lookupBatch
		}, true
	case "mixed-90-10":
		m := filledString(in, 0)
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
		keys := in.Strings[:in.Size]
		return func() int {
			m := make(map[string]int64, hint)
			for i, k := range keys {
				m[k] = int64(i)
			}
			sink += int64(len(m))
			return len(keys)
		}, true
	case "churn":
		m := filledString(in, 0)
		keys := in.Strings
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
		m := filledString(in, 0)
		return func() int {
			var acc int64
			for k, v := range m {
				acc += int64(len(k)) + v
			}
			sink += acc
			return len(m)
		}, true
	}
	return nil, false
}
