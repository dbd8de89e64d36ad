#!/usr/bin/env bash
# Side by side: the same bootstrap job with parboot, scipy.stats.bootstrap (vectorized), the
# tutorial's Python 8-thread queue design, and R boot (when Rscript and the boot package are
# installed). Runs are interleaved (tool after tool, RUNS rounds); each program times only its
# own bootstrap call (in-process compute time, not start-up); the table shows medians and each
# tool's median over parboot's.
#
#   bench/compare.sh                      # n = 100,000, B = 1,999, mean + std + skew, percentile
#   N=1461 B=9999 RUNS=5 bench/compare.sh
#
# Environment: N, B, RUNS (default 5), SEED, SCIPY_BATCH (default 500: resamples per vectorized
# batch; "none" is SciPy's default and needs about 6 GB at the default size), SKIP ("tutorial r"),
# PARBOOT_ARGS (extra `parboot run` options, e.g. "--executor serial --threads 1").
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
parboot_find_jdk || exit 1
export JAVA_HOME=$PARBOOT_JAVA_HOME

N=${N:-100000}
B=${B:-1999}
RUNS=${RUNS:-5}
SEED=${SEED:-12345}
SCIPY_BATCH=${SCIPY_BATCH:-500}
SKIP=${SKIP:-}
command -v python3 >/dev/null || { echo "compare.sh: python3 is required" >&2; exit 1; }
python3 -c 'import numpy, scipy' 2>/dev/null || { echo "compare.sh: python3 needs numpy and scipy" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data.csv"
python3 "$root/bench/anchors.py" make "$data" "$N" "$SEED"

tools=(parboot scipy)
[[ " $SKIP " == *" tutorial "* ]] || tools+=(tutorial)
if [[ " $SKIP " != *" r "* ]] && command -v Rscript >/dev/null 2>&1 \
    && Rscript -e 'quit(status = !requireNamespace("boot", quietly = TRUE))' >/dev/null 2>&1; then
  tools+=(r)
else
  echo "compare.sh: R or its boot package not found (apt-get install r-base-core r-cran-boot); skipping R" >&2
fi

"$root/parboot" run --help >/dev/null # build once, outside the timings

run_tool() { # $1 = tool; prints "<seconds> <check>"
  case "$1" in
    parboot)
      # shellcheck disable=SC2086
      "$root/parboot" run "$data" --column x --stat mean --stat 'std(ddof=0)' --stat 'skew(bias=true)' \
        --ci percentile -B "$B" --seed "$SEED" --quiet --format json ${PARBOOT_ARGS:-} \
        --replicates "$work/reps.csv" --output "$work/out.json"
      python3 - "$work/out.json" "$work/reps.csv" <<'PY'
import json, sys
import numpy as np
r = json.load(open(sys.argv[1]))
reps = np.loadtxt(sys.argv[2], delimiter=",", skiprows=2, usecols=None, ndmin=2)  # the fingerprint line, the labels
print(f"{r['elapsed_seconds']:.6f} {np.mean(reps[:, -2]):.6g}")
PY
      ;;
    scipy) python3 "$root/bench/anchors.py" scipy "$data" "$B" "$SEED" \
             $([ "$SCIPY_BATCH" = none ] || echo "$SCIPY_BATCH") ;;
    tutorial) python3 "$root/bench/anchors.py" tutorial "$data" "$B" "$SEED" ;;
    r) Rscript "$root/bench/anchors.R" "$data" "$B" "$SEED" ;;
  esac
}

echo "# $(date -u '+%Y-%m-%d %H:%M UTC') · $(nproc) cores · $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1) · $(python3 -c 'import numpy, scipy, sys; print("Python", sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)')"
echo "# job: n = $N, B = $B, mean + std(ddof=0) + skew(g1), percentile 95% · runs = $RUNS (interleaved) · scipy batch = $SCIPY_BATCH"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq 1 "$RUNS"); do
  for t in "${tools[@]}"; do
    line=$(run_tool "$t")
    echo "$t $line" >>"$work/times"
    echo "run $r $t: $line s (load $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$work/times" <<'PY'
import sys
from statistics import median
rows = {}
checks = {}
for line in open(sys.argv[1]):
    tool, secs, check = line.split()
    rows.setdefault(tool, []).append(float(secs))
    checks[tool] = check
base = median(rows["parboot"])
print(f"{'tool':<10} {'median s':>10} {'min s':>10} {'max s':>10} {'x parboot':>10}  {'mean(std reps)':>14}")
for tool, t in rows.items():
    print(f"{tool:<10} {median(t):>10.4f} {min(t):>10.4f} {max(t):>10.4f} {median(t) / base:>10.1f}  {checks[tool]:>14}")
PY
