#!/usr/bin/env bash
# Side by side: the same permutation tests with `parboot test` and scipy.stats.permutation_test
# (vectorized, batched). Runs are interleaved (tool after tool, RUNS rounds); each tool times only
# its own test (parboot: the JSON's elapsed_seconds; SciPy: around permutation_test), not start-up.
#
#   bench/permutation.sh                  # n = 10,000 per sample, B = 9,999
#   N=1461 B=9999 RUNS=5 bench/permutation.sh
#
# Jobs: "independent" (the difference of means of two samples of N rows: the pooled rows split
# again) and "pairings" (Spearman's rho of N pairs, y permuted against x). Environment: N, B, RUNS
# (default 5), SEED, SCIPY_BATCH (default 200 permutations per vectorized batch).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
parboot_find_jdk || exit 1
export JAVA_HOME=$PARBOOT_JAVA_HOME

N=${N:-10000}
B=${B:-9999}
RUNS=${RUNS:-5}
SEED=${SEED:-12345}
SCIPY_BATCH=${SCIPY_BATCH:-200}
python3 -c 'import numpy, scipy' 2>/dev/null || { echo "permutation.sh: python3 needs numpy and scipy" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$N" "$SEED" <<'PY'
import sys, numpy as np
work, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(seed)
with open(f"{work}/groups.csv", "w") as f:
    f.write("g,v\n")
    for g, shift in (("a", 0.05), ("b", 0.0)):
        for v in rng.gamma(2.0, 1.0, n) + shift:
            f.write(f"{g},{float(v)!r}\n")
x = rng.normal(size=n)
y = 0.02 * x + rng.normal(size=n)
with open(f"{work}/pairs.csv", "w") as f:
    f.write("x,y\n")
    for a, b in zip(x, y):
        f.write(f"{float(a)!r},{float(b)!r}\n")
PY
"$root/parboot" test --help >/dev/null # build once, outside the timings

parboot_time() { # $1 = job
  case "$1" in
    independent) "$root/parboot" test "$work/groups.csv" --compare g=a,b --stat 'mean(v)' -B "$B" --seed "$SEED" \
      --quiet --format json --output "$work/out.json" ;;
    pairings) "$root/parboot" test "$work/pairs.csv" --permutation-type pairings --stat 'spearman(x,y)' -B "$B" \
      --seed "$SEED" --quiet --format json --output "$work/out.json" ;;
  esac
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%.6f %.4g" % (r["elapsed_seconds"], r["tests"][0]["p_value"]))' "$work/out.json"
}

scipy_time() { # $1 = job
  python3 - "$1" "$work" "$B" "$SEED" "$SCIPY_BATCH" <<'PY'
import sys, time, numpy as np
from scipy import stats
job, work, b, seed, batch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
if job == "independent":
    g = np.genfromtxt(f"{work}/groups.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
    a, c = g["v"][g["g"] == "a"], g["v"][g["g"] == "b"]
    t = time.perf_counter()
    r = stats.permutation_test((a, c), lambda x, y, axis=-1: x.mean(axis=axis) - y.mean(axis=axis),
                               n_resamples=b, vectorized=True, batch=batch, rng=seed)
else:
    d = np.loadtxt(f"{work}/pairs.csv", delimiter=",", skiprows=1)
    x, y = d[:, 0], d[:, 1]
    rx = stats.rankdata(x)
    def rho(y, axis=-1):  # Spearman's rho of the ranks, vectorized over permutations
        ry = stats.rankdata(y, axis=axis)
        return np.array([np.corrcoef(rx, r)[0, 1] for r in np.atleast_2d(ry)]) if ry.ndim > 1 else np.corrcoef(rx, ry)[0, 1]
    t = time.perf_counter()
    r = stats.permutation_test((y,), rho, permutation_type="pairings", n_resamples=b, vectorized=True,
                               batch=batch, rng=seed)
print(f"{time.perf_counter() - t:.6f} {r.pvalue:.4g}")
PY
}

echo "permutation tests: N = $N per sample, B = $B, $RUNS interleaved rounds, load $(cut -d' ' -f1-3 /proc/loadavg)"
for job in independent pairings; do
  p=(); s=()
  for ((i = 0; i < RUNS; i++)); do
    read -r tp pp < <(parboot_time "$job"); p+=("$tp")
    read -r ts ps < <(scipy_time "$job"); s+=("$ts")
  done
  python3 - "$job" "$pp" "$ps" "${p[*]}" "${s[*]}" <<'PY'
import sys, statistics
job, pp, ps, p, s = sys.argv[1], sys.argv[2], sys.argv[3], list(map(float, sys.argv[4].split())), list(map(float, sys.argv[5].split()))
mp, ms = statistics.median(p), statistics.median(s)
print(f"{job:12s} parboot {mp:8.3f} s (p {pp})   scipy {ms:8.3f} s (p {ps})   scipy/parboot {ms / mp:6.1f}x")
PY
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
