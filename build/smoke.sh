#!/usr/bin/env bash
# smoke.sh: end-to-end check of the benchmark harness, run by ./run-tests after `mvn verify`.
# Runs the smoke profile (a handful of cells, 0.2 s iterations, well under a minute) into a
# temporary results folder, then validates the archive it produced with `hbench check-archive`.
# Then runs cells with the example hasher and map extensions on the class path (docs/extending.md).
# Fails loudly if any step fails; always removes its temporary folder.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mktemp -d "${TMPDIR:-/tmp}/hbench-smoke.XXXXXX")
trap 'rm -rf "$out"' EXIT

echo "smoke: hbench run --profile smoke --out $out"
if ! "$root/hbench" run --profile smoke --out "$out"; then
  echo "smoke: FAILED - 'hbench run --profile smoke' did not complete" >&2
  exit 1
fi

runs=()
for d in "$out"/*/; do
  case "$(basename "$d")" in .tmp-*) ;; *) runs+=("${d%/}") ;; esac
done
if [ "${#runs[@]}" -ne 1 ]; then
  echo "smoke: FAILED - expected exactly one archive folder in $out, found ${#runs[@]}" >&2
  ls -la "$out" >&2
  exit 1
fi

if ! "$root/hbench" check-archive "${runs[0]}"; then
  echo "smoke: FAILED - the archive ${runs[0]} did not pass check-archive" >&2
  exit 1
fi
# Extensions on the class path (examples/hasher-example and examples/map-example, built by mvn
# verify): the registries must list them, and one smoke cell each must run and be archived with
# their provenance.
example_hasher="$root/examples/hasher-example/target/hasher-example.jar"
example_map="$root/examples/map-example/target/map-example.jar"
for jar in "$example_hasher" "$example_map"; do
  if [ ! -f "$jar" ]; then
    echo "smoke: FAILED - $jar is missing (mvn verify builds it)" >&2
    exit 1
  fi
done
extensions="$example_hasher:$example_map"
if ! "$root/hbench" --classpath "$extensions" hashers | grep -q '^example-xsm .*extension org.hmaplab.example.ExampleHasher'; then
  echo "smoke: FAILED - 'hbench --classpath ... hashers' does not list the example hasher" >&2
  exit 1
fi
ext_out="$out/extension"
echo "smoke: hbench --classpath $extensions run --profile smoke --impl go-swar,example-linked --hasher example-xsm --include '^get-hit' --out $ext_out"
if ! "$root/hbench" --classpath "$extensions" run --profile smoke --impl go-swar,example-linked --hasher example-xsm \
    --include '^get-hit' --out "$ext_out" > "$out/extension.log"; then
  echo "smoke: FAILED - the smoke run with the example extensions did not complete" >&2
  cat "$out/extension.log" >&2
  exit 1
fi
ext_run=$(find "$ext_out" -mindepth 1 -maxdepth 1 -type d -name '*-bench-*' | head -1)
if ! "$root/hbench" check-archive "$ext_run" \
    || ! grep -q '"hasher_extensions" : "example-xsm=org.hmaplab.example.ExampleHasher@' "$ext_run/metadata.json" \
    || ! grep -q '"map_extensions" : "example-linked=org.hmaplab.example.map.LinkedMapExtension@' "$ext_run/metadata.json" \
    || ! grep -q ',go-swar,example-xsm,' "$ext_run/results.csv" \
    || ! grep -q ',example-linked,none,' "$ext_run/results.csv"; then
  echo "smoke: FAILED - the run with the example extensions lacks their rows or their *_extensions metadata" >&2
  exit 1
fi
echo "smoke: OK"
