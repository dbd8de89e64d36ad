# Sourced by ./parboot, ./mvnw and a release's bin/parboot: parboot_find_jdk sets PARBOOT_JAVA_HOME
# to a JDK >= 21 (to build), parboot_find_java to a Java >= 21, JDK or runtime (to run).
# Looks at $JAVA_HOME, then the java on PATH, then macOS's /usr/libexec/java_home -v 21+, then
# SDKMAN's JDKs ($SDKMAN_DIR/candidates/java/*, SDKMAN_DIR defaulting to ~/.sdkman), then every
# JDK under /usr/lib/jvm (newest first in each folder). For tests, PARBOOT_JVM_DIR names another
# folder than /usr/lib/jvm and PARBOOT_MACOS_JAVA_HOME another tool than /usr/libexec/java_home.
# Returns 1, with a message on stderr, when there is none.

parboot_java_major() { # $1 = path to a java binary; prints its feature version (17, 21, 25, ...)
  # The JDK's release file says it without starting a JVM (tens of milliseconds per candidate).
  local release="${1%/bin/java}/release" line
  if [ -f "$release" ]; then
    while IFS= read -r line; do
      if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        echo "${BASH_REMATCH[1]}"
        return 0
      fi
    done <"$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

parboot_is_jdk21() { # $1 = a JDK home; true when it has java and javac of version >= 21
  [ -x "$1/bin/javac" ] && parboot_is_java21 "$1"
}

parboot_is_java21() { # $1 = a Java home (JDK or runtime); true when its java is of version >= 21
  [ -x "$1/bin/java" ] || return 1
  local v
  v=$(parboot_java_major "$1/bin/java")
  [ -n "$v" ] && [ "$v" -ge 21 ]
}

# A JDK (java and javac), to build: ./mvnw, ./parboot, .ci/run.
parboot_find_jdk() {
  parboot_find jdk
}

# A Java runtime (java is enough), to run a release: its bin/parboot.
parboot_find_java() {
  parboot_find java
}

parboot_find() { # $1 = jdk or java
  local candidates=() c
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)")
    candidates+=("${c%/bin/java}")
  fi
  local macos="${PARBOOT_MACOS_JAVA_HOME:-/usr/libexec/java_home}"
  if [ -x "$macos" ] && c=$("$macos" -v 21+ 2>/dev/null) && [ -n "$c" ]; then
    candidates+=("$c")
  fi
  local sdkman="${SDKMAN_DIR:-${HOME:-/nonexistent}/.sdkman}/candidates/java"
  local jvms="${PARBOOT_JVM_DIR:-/usr/lib/jvm}" folder
  for folder in "$sdkman" "$jvms"; do
    if [ -d "$folder" ]; then
      while IFS= read -r c; do candidates+=("$c"); done < <(ls -d "$folder"/*/ 2>/dev/null | sed 's:/$::' | sort -V -r)
    fi
  done
  for c in "${candidates[@]}"; do
    if { [ "$1" = jdk ] && parboot_is_jdk21 "$c"; } || { [ "$1" = java ] && parboot_is_java21 "$c"; }; then
      PARBOOT_JAVA_HOME=$c
      return 0
    fi
  done
  local what="JDK"
  [ "$1" = java ] && what="Java"
  {
    echo "parboot: no $what 21 or newer found."
    echo "  looked at: JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH, $macos -v 21+, $sdkman/* and $jvms/*"
    echo "  install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it."
  } >&2
  return 1
}
