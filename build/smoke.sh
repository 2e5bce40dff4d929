#!/usr/bin/env bash
# smoke.sh: end-to-end check of the benchmark harness, run by ./run-tests after `mvn verify`.
# Runs the smoke profile (a handful of cells, 0.2 s iterations, well under a minute) into a
# temporary results folder, then validates the archive it produced with `hbench check-archive`.
# Fails loudly if either step fails; always removes its temporary folder.
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
echo "smoke: OK"
