# The Spark engine of ./parboot (parboot run --engine spark), sourced by ./parboot:
#   parboot_wants_spark ARGS          whether the arguments ask for it
#   parboot_spark_launch ROOT JAVA ARGS
# The engine is parboot-spark with Spark's jars, which local runs never load. Its first use builds
# the module and writes its class path (Maven resolves Spark: about 190 jars, 300 MB, a minute or
# more the first time); later runs start directly, unless a source or POM changed.

parboot_wants_spark() {
  local a prev=
  for a in "$@"; do
    case $a in
      --engine=spark) return 0 ;;
      spark) [ "$prev" = --engine ] && return 0 ;;
    esac
    prev=$a
  done
  return 1
}

parboot_spark_launch() {
  local root=$1 java=$2
  shift 2
  local target="$root/parboot-spark/target"
  local cp="$target/spark-classpath.txt"
  if [ ! -f "$cp" ] || [ ! -f "$target/parboot-spark.jar" ] || [ ! -f "$target/jvm-options.txt" ] \
      || [ -n "$(find "$root/pom.xml" "$root"/parboot-{core,io,report,cli,spark}/pom.xml \
                 "$root"/parboot-{core,io,report,cli,spark}/src/main -newer "$cp" -print -quit 2>/dev/null)" ]; then
    echo "parboot: building the Spark engine and resolving Spark's jars (first use: a minute or more; later runs start directly)..." >&2
    local log
    log=$(mktemp)
    if ! "$root/mvnw" -q -DskipTests -Dparboot.docs.skip=true -Dparboot.javadoc.skip=true -pl parboot-spark -am package \
          </dev/null >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      echo "parboot: building the Spark engine failed" >&2
      exit 1
    fi
    rm -f "$log"
    touch "$cp"
  fi
  local opens tty=false stdin=data vector=()
  read -r -d '' -a opens <"$target/jvm-options.txt" || true # every option, across lines
  # The Poisson counts run on SIMD lanes when the JVM has the Vector API (the same counts either
  # way); its start-up notice is dropped by launch.sh's relay.
  if [ "${PARBOOT_VECTOR:-auto}" != off ] && parboot_java_has_vector "$java"; then
    vector=(--add-modules jdk.incubator.vector -XX:CompileCommand=quiet
      -XX:CompileCommand=CompileThresholdScaling,org.parboot.rng.VectorPoissonFill::*,0.01 -Dparboot.stderr=relayed)
  fi
  [ -t 2 ] && tty=true
  if [ -t 0 ]; then
    stdin=terminal
  elif [ ! -e /dev/stdin ] || [ /dev/stdin -ef /dev/null ]; then
    stdin=null
  fi
  local command=("$java" "${opens[@]}" ${vector[@]+"${vector[@]}"} --enable-native-access=ALL-UNNAMED
    -Djava.awt.headless=true -Dlog4j2.configurationFile=parboot-spark-log4j2.properties
    -Dspark.ui.showConsoleProgress=false -Dparboot.tty=$tty -Dparboot.stdin=$stdin)
  if [ ${#vector[@]} -gt 0 ]; then
    local relay
    exec {relay}> >(parboot_relay_stderr >&2)
    # shellcheck disable=SC2086 # PARBOOT_JAVA_OPTS is a list of options
    exec "${command[@]}" ${PARBOOT_JAVA_OPTS:-} -cp "$target/parboot-spark.jar:$(cat "$cp")" org.parboot.cli.Main "$@" \
      2>&"$relay" {relay}>&-
  fi
  # shellcheck disable=SC2086 # PARBOOT_JAVA_OPTS is a list of options
  exec "${command[@]}" ${PARBOOT_JAVA_OPTS:-} -cp "$target/parboot-spark.jar:$(cat "$cp")" org.parboot.cli.Main "$@"
}
