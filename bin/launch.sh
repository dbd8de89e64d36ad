# Sourced by ./parboot (a source checkout) and by bin/parboot of a release archive: how the
# command line's JVM is started, in one place.
#
#   parboot_vector_options                 checks PARBOOT_VECTOR (on|off); exit 2 otherwise
#   parboot_launch JAVA JAR CACHE_DIR ARGS  runs parboot.jar (its libraries beside it) with ARGS
#
# Environment: PARBOOT_JAVA_OPTS adds JVM options (for example -Xmx8g); PARBOOT_VECTOR=on draws
# the random indices on SIMD lanes (the incubating Vector API; same results, faster once warm, but
# the JVM then prints a one-line incubator warning on stderr at start).

parboot_vector_options() {
  parboot_vector=()
  parboot_vector_suffix=
  case "${PARBOOT_VECTOR:-off}" in
    on) parboot_vector=(--add-modules jdk.incubator.vector); parboot_vector_suffix=-vector ;;
    off) ;;
    *) echo "parboot: PARBOOT_VECTOR must be on or off, got '${PARBOOT_VECTOR}'" >&2; exit 2 ;;
  esac
}

# Start-up: on JDK 25+, an AOT cache (JEP 483/515: classes loaded and linked, method profiles),
# made once per build (or per Java, for a release) by a short training run of the commonest job
# (one column's moments, every interval), so that its method profiles cover the fused loop. It
# starts a run about a quarter faster than class-data sharing. On older JDKs, or if making the
# cache fails, a dynamic AppCDS archive that the first run writes. The module graph is part of a
# cache, so PARBOOT_VECTOR=on has caches of its own. CACHE_DIR must be writable; if it is not,
# the run goes on without a cache. The caches are remade when the jar or the Java is newer.
parboot_launch() {
  local java=$1 jar=$2 cache=$3
  shift 3
  [ -n "${parboot_vector+set}" ] || parboot_vector_options
  local major tty=false stdin=data
  major=$(parboot_java_major "$java")
  [ -t 2 ] && tty=true
  # What standard input is decides what `parboot run` with no FILE reads (org.parboot.cli.Stdin):
  # piped or redirected data is read; a terminal or /dev/null means the bundled data.
  if [ -t 0 ]; then
    stdin=terminal
  elif [ ! -e /dev/stdin ] || [ /dev/stdin -ef /dev/null ]; then
    stdin=null
  fi
  # Parquet's codecs (libdeflate through the FFM API, Snappy and Zstandard through JNI) are
  # native code, which JDK 22+ warns about on stderr unless it is enabled.
  local common=(--enable-native-access=ALL-UNNAMED -Djava.awt.headless=true)
  local logs=-Xlog:disable\ -Xlog:all=warning,cds=off,cds+dynamic=off:stderr
  local start=() release="${java%/bin/java}/release"
  # A cache is current when it is newer than the jar and than the Java (its release file).
  current() { [ "$1" -nt "$jar" ] && { [ ! -f "$release" ] || [ "$1" -nt "$release" ]; }; }
  if { [ -d "$cache" ] || mkdir -p "$cache" 2>/dev/null; } && [ -w "$cache" ]; then
    local jsa="$cache/parboot$parboot_vector_suffix.jsa"
    start=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$jsa" -Xshare:auto)
    if [ -f "$jsa" ] && ! current "$jsa"; then
      rm -f "$jsa"
    fi
  fi
  if [ "$major" -ge 25 ] 2>/dev/null && [ ${#start[@]} -gt 0 ]; then
    logs=-Xlog:disable\ -Xlog:all=warning,cds=off,cds+dynamic=off,aot=off:stderr
    local aot="$cache/parboot$parboot_vector_suffix.aot"
    if ! current "$aot" && ! current "$aot.failed"; then
      echo "parboot: preparing the start-up cache (once per build and Java)..." >&2
      # Written under this process's own names and renamed into place: a run started meanwhile
      # sees either no cache or a whole one.
      # shellcheck disable=SC2086 # logs is a list of options
      if "$java" ${parboot_vector[@]+"${parboot_vector[@]}"} "${common[@]}" -XX:AOTMode=record \
            -XX:AOTConfiguration="$aot.$$.conf" $logs -jar "$jar" run --seed 1 -B 2000 --stat mean \
            --stat 'std(ddof=0)' --stat 'skew(bias=true)' --ci all --quiet </dev/null >/dev/null 2>&1 \
          && "$java" ${parboot_vector[@]+"${parboot_vector[@]}"} "${common[@]}" -XX:AOTMode=create \
            -XX:AOTConfiguration="$aot.$$.conf" -XX:AOTCache="$aot.$$" $logs -jar "$jar" </dev/null >/dev/null 2>&1; then
        mv -f "$aot.$$" "$aot"
        rm -f "$aot.failed"
      else
        rm -f "$aot.$$"
        touch "$aot.failed"
      fi
      rm -f "$aot.$$.conf"
    fi
    if current "$aot"; then
      start=(-XX:AOTCache="$aot")
    fi
  fi
  # shellcheck disable=SC2086 # PARBOOT_JAVA_OPTS and logs are lists of options
  exec "$java" ${parboot_vector[@]+"${parboot_vector[@]}"} ${start[@]+"${start[@]}"} $logs "${common[@]}" \
    -Dparboot.tty=$tty -Dparboot.stdin=$stdin ${PARBOOT_JAVA_OPTS:-} -jar "$jar" "$@"
}
