#!/usr/bin/env bash
# install-go.sh: installs the Go toolchains of the native-Go cells and the Swiss-map traces from
# Debian's packages, without touching the machine's apt configuration: apt reads a private
# sources list and keeps its lists and downloads in a private folder, `apt-get download` fetches
# golang-1.X-go and golang-1.X-src, and `dpkg -x` unpacks them. Nothing is installed system-wide.
#
#   build/install-go.sh                 every release the testbed uses: 1.19 1.24 1.26 1.27
#   build/install-go.sh 1.19 1.27       only these
#
# Target: $HMAP_GO_DIR (default ~/.cache/hmap-testbed/go); a release's GOROOT is
# $HMAP_GO_DIR/usr/lib/go-1.X, which the harness finds by itself. Releases already there are
# skipped. Debian's packages link GOROOT/src etc. to /usr/share/go-1.X with absolute links; they
# are rewritten to point inside the target folder.
set -euo pipefail

all=(1.19 1.24 1.26 1.27)
# Where each release is packaged: 1.19 in bookworm, 1.24 in trixie, 1.26 and 1.27 in trixie-backports.
suite_of() {
  case "$1" in
    1.19) echo "bookworm main" ;;
    1.24) echo "trixie main" ;;
    1.25|1.26|1.27) echo "trixie-backports main" ;;
    *) return 1 ;;
  esac
}

versions=("$@")
[ ${#versions[@]} -eq 0 ] && versions=("${all[@]}")
for v in "${versions[@]}"; do
  if ! suite_of "$v" >/dev/null; then
    echo "install-go.sh: unknown Go release '$v'; valid: 1.19, 1.24, 1.25, 1.26, 1.27" >&2
    exit 2
  fi
done
for tool in apt-get dpkg; do
  if ! command -v "$tool" >/dev/null; then
    echo "install-go.sh: needs $tool (a Debian-based machine)" >&2
    exit 2
  fi
done

dir=${HMAP_GO_DIR:-$HOME/.cache/hmap-testbed/go}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
state="$dir/.apt"
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/debs"
arch=$(dpkg --print-architecture)

todo=()
for v in "${versions[@]}"; do
  if [ -x "$dir/usr/lib/go-$v/bin/go" ] && [ -d "$dir/usr/lib/go-$v/src/runtime" ]; then
    echo "install-go.sh: Go $v already in $dir/usr/lib/go-$v"
  else
    todo+=("$v")
  fi
done
[ ${#todo[@]} -eq 0 ] && exit 0

: > "$state/sources.list"
for v in "${todo[@]}"; do
  line="deb http://deb.debian.org/debian $(suite_of "$v")"
  grep -qxF "$line" "$state/sources.list" || echo "$line" >> "$state/sources.list"
done
apt_opts=(-o "Dir::Etc::sourcelist=$state/sources.list" -o Dir::Etc::sourceparts=/dev/null
  -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache" -o Debug::NoLocking=1
  -o "APT::Architecture=$arch" -o Acquire::Languages=none -q)
echo "install-go.sh: reading Debian's package lists ($(tr '\n' ';' < "$state/sources.list"))"
if ! apt-get "${apt_opts[@]}" update >"$state/update.log" 2>&1; then
  echo "install-go.sh: apt-get update failed (log: $state/update.log):" >&2
  tail -5 "$state/update.log" >&2
  exit 1
fi

for v in "${todo[@]}"; do
  (cd "$state/debs" && rm -f golang-"$v"-go_*.deb golang-"$v"-src_*.deb &&
    apt-get "${apt_opts[@]}" download "golang-$v-go" "golang-$v-src" >"$state/download-$v.log" 2>&1) || {
    echo "install-go.sh: cannot download golang-$v-go/golang-$v-src (log: $state/download-$v.log):" >&2
    tail -5 "$state/download-$v.log" >&2
    exit 1
  }
  for deb in "$state"/debs/golang-"$v"-go_*.deb "$state"/debs/golang-"$v"-src_*.deb; do
    dpkg -x "$deb" "$dir"
  done
  # Debian's links are absolute (/usr/share/go-1.X/src, ...): make them relative so the unpacked
  # toolchain uses its own source tree, wherever the folder is.
  find "$dir/usr/lib/go-$v" -type l -lname '/*' | while read -r link; do
    target=$(readlink "$link")
    rel=$(realpath -m --relative-to="$(dirname "$link")" "$dir$target")
    ln -sfn "$rel" "$link"
  done
  goroot="$dir/usr/lib/go-$v"
  if ! version=$(GOROOT="$goroot" GOTOOLCHAIN=local "$goroot/bin/go" env GOVERSION 2>&1); then
    echo "install-go.sh: Go $v unpacked into $goroot but does not run: $version" >&2
    exit 1
  fi
  echo "install-go.sh: $version in $goroot"
done
