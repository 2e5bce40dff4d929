#!/usr/bin/env bash
# Finds a JDK >= 25 and exports JAVA_HOME to it. Sourced by ./hbench and ./run-tests.
#
# Order: a JAVA_HOME that already is a JDK >= 25; then the usual JVM folders
# (/usr/lib/jvm, /usr/local/lib/jvm, /opt/java, /opt/jdk*, ~/.sdkman, ~/.jdks, macOS's
# JavaVirtualMachines), newest first. HMAP_JDK_DIRS (colon-separated parent folders) replaces
# that list. Stops with one message saying what to install when none is found.

HMAP_MIN_JDK=25

# Prints the feature version (25, 26, ...) of the JDK in $1, or nothing when it is not a JDK.
hmap_jdk_feature() {
  local home=$1 v=""
  [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
  if [ -f "$home/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$home/release")
  fi
  if [ -z "$v" ]; then
    v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  echo "$v"
}

hmap_find_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(hmap_jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$HMAP_MIN_JDK" ]; then
      export JAVA_HOME
      return 0
    fi
  fi
  local best="" bestv=0 d searched candidates=()
  if [ -n "${HMAP_JDK_DIRS:-}" ]; then
    local parent
    IFS=: read -r -a parents <<< "$HMAP_JDK_DIRS"
    for parent in "${parents[@]}"; do
      candidates+=("$parent"/*)
    done
    searched="$HMAP_JDK_DIRS (HMAP_JDK_DIRS)"
  else
    candidates=(/usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /usr/java/*
                "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*
                /Library/Java/JavaVirtualMachines/*/Contents/Home)
    searched="/usr/lib/jvm, /usr/local/lib/jvm, /opt, /usr/java, ~/.sdkman, ~/.jdks"
  fi
  for d in "${candidates[@]}"; do
    [ -d "$d" ] || continue
    v=$(hmap_jdk_feature "$d")
    if [ -n "$v" ] && [ "$v" -ge "$HMAP_MIN_JDK" ] && [ "$v" -gt "$bestv" ]; then
      best=$d
      bestv=$v
    fi
  done
  if [ -z "$best" ]; then
    echo "hmap-testbed needs a JDK $HMAP_MIN_JDK or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}; searched $searched). Install one, e.g. 'apt-get install temurin-25-jdk' from the Adoptium repository or an Oracle/OpenJDK 25 build, then set JAVA_HOME to it." >&2
    return 1
  fi
  export JAVA_HOME=$best
}
