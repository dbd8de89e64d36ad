#!/usr/bin/env bash
# The Spark engine at scale (issue 13; results in docs/benchmarks.md):
#   bench/spark-scale.sh [ROWS] [CORE_ROWS]
# 1. writes ROWS (default 1e8) rows of x = 50 + 10 z as Parquet with Spark (once; kept in
#    $PARBOOT_SCALE_DIR, default /tmp/parboot-scale),
# 2. runs ./parboot run --engine spark --master 'local[2]' --column x --stat mean --stat std -B 1000
#    on it under /usr/bin/time (wall time, peak RSS of the one JVM: driver and local executors),
# 3. runs the same job on the core engine (--scheme poisson, SIMD and scalar) on CORE_ROWS rows
#    (default 5e7; the core's Poisson scheme takes at most 2^31/32 rows), one Parquet file that
#    the Spark engine also reads (its table must be the core's, to the printed digits).
# Prints rows per second per core for both. Needs about 2 GB of disk.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-100000000}
core_rows=${2:-50000000}
dir=${PARBOOT_SCALE_DIR:-/tmp/parboot-scale}
mkdir -p "$dir"
cd "$root"
./mvnw -q -DskipTests -Dparboot.docs.skip=true -Dparboot.javadoc.skip=true -pl parboot-spark -am test-compile package \
  >/dev/null
. "$root/bin/find-jdk.sh"
parboot_find_jdk
java="$PARBOOT_JAVA_HOME/bin/java"
read -r -d '' -a opens <"$root/parboot-spark/target/jvm-options.txt" || true
cp="$root/parboot-spark/target/test-classes:$root/parboot-spark/target/classes:$(cat "$root/parboot-spark/target/spark-classpath.txt")"
make_data() { # OUT ROWS PARTS
  if [ ! -d "$1" ]; then
    echo "writing $2 rows to $1..." >&2
    "$java" "${opens[@]}" -Xmx2g -Dlog4j2.configurationFile=parboot-spark-log4j2.properties -cp "$cp" \
      org.parboot.spark.ScaleData "$1" "$2" "$3"
  fi
}
make_data "$dir/x-$rows.parquet" "$rows" 8
make_data "$dir/x-$core_rows.parquet" "$core_rows" 1 # one file: the core reads each FILE on its own
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
timed() { # LABEL ROWS COMMAND...
  local label=$1 n=$2
  shift 2
  local log
  log=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$log" "$@" >"$log.out" 2>"$log.err" || { cat "$log.err" >&2; exit 1; }
  read -r secs kb <"$log"
  sed -n '1p;3,5p' "$log.out"
  awk -v l="$label" -v n="$n" -v s="$secs" -v kb="$kb" 'BEGIN {
    printf "%s: %d rows, %.1f s wall, peak RSS %.0f MiB, %.0f rows/s/core (2 cores)\n", l, n, s, kb / 1024, n / s / 2 }'
  rm -f "$log" "$log.out" "$log.err"
}
timed "spark local[2]" "$rows" ./parboot run "$dir/x-$rows.parquet" --engine spark --master 'local[2]' \
  --column x --stat mean --stat std --seed 7 -B 1000 --quiet
timed "spark local[2], core's size" "$core_rows" ./parboot run "$dir/x-$core_rows.parquet" --engine spark \
  --master 'local[2]' --column x --stat mean --stat std --seed 7 -B 1000 --quiet
# The core on SIMD lanes too (--simd always: the launcher then gives it the Vector API, as it gives
# the Spark engine's JVM), then scalar.
PARBOOT_JAVA_OPTS=-Xmx16g timed "core, --scheme poisson --simd always" "$core_rows" ./parboot run \
  "$(ls "$dir/x-$core_rows.parquet"/part-*.parquet | head -1)" --scheme poisson --simd always --column x --stat mean \
  --stat std --seed 7 -B 1000 --quiet
PARBOOT_JAVA_OPTS=-Xmx16g timed "core, --scheme poisson --simd never" "$core_rows" ./parboot run \
  "$(ls "$dir/x-$core_rows.parquet"/part-*.parquet | head -1)" --scheme poisson --simd never --column x --stat mean \
  --stat std --seed 7 -B 1000 --quiet
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
