// Command nativebench runs the testbed's map workloads on Go's own runtime maps, measured the way
// the Java harness measures its cells with JMH: warm-up iterations, then timed iterations, each
// running whole invocations until its time is up and reporting nanoseconds per operation. One
// process is one fork; the harness starts several and treats them as JMH forks.
//
// The keys, the probe sequence and the write positions come from an input file the Java harness
// writes (see input.go), so both runtimes see exactly the same workload. Operations, as the Java
// benchmark methods define them (harness/src/main/java/org/hmaplab/harness/bench):
//
//	get           1024 lookups per invocation along the probe sequence, results summed (GetBench.get)
//	update        1024 puts of present keys per invocation (UpdateBench.update)
//	mixed-90-10   the same walk, a put where the write flag is set and a get elsewhere (UpdateBench.mixed)
//	put-growth    a new map without a hint, filled with size keys; size operations (PutBench.growth)
//	put-presized  the same with make(map, size) (PutBench.presized)
//	churn         256 steps of remove-oldest, insert-next over a ring of 2*size keys (ChurnBench.churn)
//	iterate       one range loop over the filled map; size operations (IterateBench.forEach)
//
// Output (format 1), one record per line, fields separated by single spaces:
//
//	nativebench 1
//	go_version <runtime.Version()>
//	gogc <GOGC or "default">
//	cell op=<op> family=<int64|string> size=<n> probes=<count>
//	check hits=<found> of=<probes>                 (lookups of one pass over the probes)
//	warmup <i> ns_per_op <x> ops <n> gcs <g>         (one line per warm-up iteration)
//	measure <i> ns_per_op <x> ops <n> gcs <g>        (one line per timed iteration)
//	sink <sum>                                       (every result consumed)
//
// With -dump N it prints the first N keys and probe indexes instead and exits (the key agreement
// test of the harness uses it).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"time"
)

const (
	lookupBatch = 1024 // ProbePlan.BATCH
	churnBatch  = 256  // ChurnBench.BATCH
	format      = 1
)

var sink int64

func main() {
	input := flag.String("input", "", "the input file written by the harness (required)")
	op := flag.String("op", "", "get, update, mixed-90-10, put-growth, put-presized, churn or iterate")
	warmups := flag.Int("warmup", 3, "warm-up iterations")
	warmupTime := flag.Duration("warmup-time", time.Second, "time of one warm-up iteration")
	iterations := flag.Int("iterations", 5, "timed iterations")
	iterTime := flag.Duration("time", time.Second, "time of one timed iteration")
	dump := flag.Int("dump", 0, "print the first N keys and probe indexes and exit")
	flag.Parse()
	if *input == "" {
		fail("-input is required")
	}
	in, err := readInput(*input)
	if err != nil {
		fail(err.Error())
	}
	if *dump > 0 {
		dumpInput(in, *dump)
		return
	}
	w, ok := workloadFor(*op, in)
	if !ok {
		fail(fmt.Sprintf("unknown -op %q; valid: get, update, mixed-90-10, put-growth, put-presized, churn, iterate", *op))
	}
	if *warmups < 0 || *iterations < 1 || *warmupTime <= 0 || *iterTime <= 0 {
		fail("-warmup must be >= 0, -iterations >= 1, and the times positive")
	}
	gogc := os.Getenv("GOGC")
	if gogc == "" {
		gogc = "default"
	}
	family := "int64"
	if in.Family == familyString {
		family = "string"
	}
	fmt.Printf("nativebench %d\n", format)
	fmt.Printf("go_version %s\n", runtime.Version())
	fmt.Printf("gogc %s\n", gogc)
	fmt.Printf("cell op=%s family=%s size=%d probes=%d\n", *op, family, in.Size, len(in.Probes))
	fmt.Printf("check hits=%d of=%d\n", hits(in), len(in.Probes))
	for i := 1; i <= *warmups; i++ {
		report("warmup", i, w, *warmupTime)
	}
	for i := 1; i <= *iterations; i++ {
		report("measure", i, w, *iterTime)
	}
	fmt.Printf("sink %d\n", sink)
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "nativebench: "+msg)
	os.Exit(2)
}

// A workload runs one invocation and says how many operations it did.
type workload func() int

// report runs whole invocations for at least d and prints the iteration's time per operation.
func report(kind string, i int, w workload, d time.Duration) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ops := 0
	start := time.Now()
	var elapsed time.Duration
	for elapsed < d {
		ops += w()
		elapsed = time.Since(start)
	}
	runtime.ReadMemStats(&after)
	fmt.Printf("%s %d ns_per_op %.6g ops %d gcs %d\n", kind, i, float64(elapsed.Nanoseconds())/float64(ops), ops,
		after.NumGC-before.NumGC)
}

func hits(in *Input) int {
	n := 0
	for _, p := range in.Probes {
		if int(p) < in.Size {
			n++
		}
	}
	// Check the map too: every probe below size must be found, none from size up.
	found := 0
	if in.Family == familyInt64 {
		m := filledInt64(in, 0)
		for _, k := range in.IntProbes {
			if _, ok := m[k]; ok {
				found++
			}
		}
	} else {
		m := filledString(in, 0)
		for _, k := range in.StrProbes {
			if _, ok := m[k]; ok {
				found++
			}
		}
	}
	if found != n {
		fail(fmt.Sprintf("the filled map finds %d probes, the plan has %d hits", found, n))
	}
	return found
}

func dumpInput(in *Input, n int) {
	for i := 0; i < n && i < 2*in.Size; i++ {
		if in.Family == familyInt64 {
			fmt.Printf("key %d %d\n", i, in.Ints[i])
		} else {
			fmt.Printf("key %d %s\n", i, in.Strings[i])
		}
	}
	for i := 0; i < n && i < len(in.Probes); i++ {
		w := 0
		if in.Writes[i] {
			w = 1
		}
		fmt.Printf("probe %d %d %d\n", i, in.Probes[i], w)
	}
}

func workloadFor(op string, in *Input) (workload, bool) {
	if in.Family == familyInt64 {
		return int64Workload(op, in)
	}
	return stringWorkload(op, in)
}
