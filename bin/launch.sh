# Sourced by ./parboot (a source checkout) and by bin/parboot of a release archive: how the
# command line's JVM is started, in one place.
#
#   parboot_vector_options                 checks PARBOOT_VECTOR (auto|on|off); exit 2 otherwise
#   parboot_launch JAVA JAR CACHE_DIR ARGS  runs parboot.jar (its libraries beside it) with ARGS
#
# Environment: PARBOOT_JAVA_OPTS adds JVM options (for example -Xmx8g). PARBOOT_VECTOR: auto (the
# default) gives the JVM the incubating Vector API, when the Java has it, for the commands whose
# runs use parboot's SIMD kernels (parboot_wants_vector); on gives it always, off never. The
# results are the same either way.

parboot_vector_options() {
  case "${PARBOOT_VECTOR:-auto}" in
    auto|on|off) ;;
    *) echo "parboot: PARBOOT_VECTOR must be auto, on or off, got '${PARBOOT_VECTOR}'" >&2; exit 2 ;;
  esac
}

# Whether the command (the arguments) runs on SIMD lanes: demo and bench do (--simd always is their
# default), --version says what SIMD gives, run does when asked (--simd always). Not for every run:
# with the Vector API the JDK's start-up cache cannot link classes ahead of time, which costs a
# small run about 80 ms, and a run of parboot run's default --simd auto uses SIMD only when it is
# large (it then says in a note that --simd always would be faster).
parboot_wants_vector() {
  case "${1:-}" in
    demo|bench|--version|-V) return 0 ;;
  esac
  local a prev=
  for a in "$@"; do
    case $a in
      --simd=always) return 0 ;;
      always) [ "$prev" = --simd ] && return 0 ;;
    esac
    prev=$a
  done
  return 1
}

# Whether the Java whose launcher is $1 has the module jdk.incubator.vector: its release file lists
# its modules (a JDK's and a jlink image's alike). Read without starting a process (start-up time).
parboot_java_has_vector() {
  local release="${1%/bin/java}/release" line
  [ -f "$release" ] || return 1
  while IFS= read -r line; do
    case $line in
      MODULES=*jdk.incubator.vector*) return 0 ;;
    esac
  done <"$release"
  return 1
}

# The JVM announces an incubating module on standard error at every start ("WARNING: Using
# incubator modules: jdk.incubator.vector"), before parboot's own code runs. This relay drops that
# line and passes everything else on untouched: byte for byte and as it comes (cat), once the notice
# has gone by (it is the JVM's first line). It ignores INT, TERM and HUP, so a Ctrl-C cannot cut off
# parboot's last words; parboot closes its standard error and waits for the relay before it exits
# (org.parboot.cli.Main), so nothing is lost or printed after the command has returned.
parboot_relay_stderr() {
  trap '' INT TERM HUP
  local line
  while IFS= read -r line; do
    if [ "$line" = "WARNING: Using incubator modules: jdk.incubator.vector" ]; then
      exec cat
    fi
    printf '%s\n' "$line"
  done
  [ -z "$line" ] || printf '%s' "$line"
}

# Start-up: on JDK 25+, an AOT cache (JEP 483/515: classes loaded and linked, method profiles),
# made once per build (or per Java, for a release) by a short training run of the commonest job
# (one column's moments, every interval), so that its method profiles cover the fused loop. It
# starts a run about a quarter faster than class-data sharing. On older JDKs, or if making the
# cache fails, a dynamic AppCDS archive that the first run writes. The module graph is part of a
# cache, so a JVM with the Vector API has caches of its own. CACHE_DIR must be writable; if it is not,
# the run goes on without a cache. The caches are remade when the jar or the Java is newer.
parboot_launch() {
  local java=$1 jar=$2 cache=$3
  shift 3
  parboot_vector_options
  local parboot_vector=() parboot_vector_suffix=
  if [ "${PARBOOT_VECTOR:-auto}" = on ] || { [ "${PARBOOT_VECTOR:-auto}" = auto ] && parboot_wants_vector "$@" \
        && parboot_java_has_vector "$java"; }; then
    # The SIMD kernels are compiled early (a hundredth of the JIT's usual threshold): until then
    # they run many times slower than the scalar ones.
    parboot_vector=(--add-modules jdk.incubator.vector -XX:CompileCommand=quiet
      -XX:CompileCommand=CompileThresholdScaling,org.parboot.rng.VectorIndexFill::*,0.01
      -XX:CompileCommand=CompileThresholdScaling,org.parboot.eval.VectorPowerSums::*,0.01
      -Dparboot.stderr=relayed)
    parboot_vector_suffix=-vector
  fi
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
  if [ ${#parboot_vector[@]} -gt 0 ]; then
    # The relay's pipe is opened on a descriptor of its own and closed for java once it is its
    # standard error: with "2> >(...)", bash would leave java a second copy (fd 63), and the relay
    # would never see the end of its input.
    local relay
    exec {relay}> >(parboot_relay_stderr >&2)
    # shellcheck disable=SC2086 # PARBOOT_JAVA_OPTS and logs are lists of options
    exec "$java" "${parboot_vector[@]}" ${start[@]+"${start[@]}"} $logs "${common[@]}" \
      -Dparboot.tty=$tty -Dparboot.stdin=$stdin ${PARBOOT_JAVA_OPTS:-} -jar "$jar" "$@" 2>&"$relay" {relay}>&-
  fi
  # shellcheck disable=SC2086 # PARBOOT_JAVA_OPTS and logs are lists of options
  exec "$java" ${start[@]+"${start[@]}"} $logs "${common[@]}" \
    -Dparboot.tty=$tty -Dparboot.stdin=$stdin ${PARBOOT_JAVA_OPTS:-} -jar "$jar" "$@"
}
