#!/usr/bin/env bash
# The issue-11 jobs with parboot at another commit and with this checkout, side by side in the same
# minute: `parboot bench` of each job, the other commit's jar first, then this checkout's launcher.
#
#   bench/before-after.sh 4cb5fa9
#
# The other commit is built in a temporary worktree (./mvnw -o: its dependencies must already be in
# the local repository). Data: the bundled weather data, and 100,000 normal values written by
# bench/anchors.py. Environment: RUNS (default 11).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rev=${1:?usage: bench/before-after.sh COMMIT}
RUNS=${RUNS:-11}
# shellcheck source=../bin/find-jdk.sh
. "$root/bin/find-jdk.sh"
parboot_find_jdk || exit 1
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add --detach "$work/before" "$rev" >/dev/null
echo "building $rev..." >&2
(cd "$work/before" && ./mvnw -o -q -DskipTests -pl parboot-cli -am package </dev/null >"$work/build.log" 2>&1) \
  || { cat "$work/build.log" >&2; exit 1; }
before_jar=$work/before/parboot-cli/target/lib/parboot.jar # where the jar is since release archives
[ -f "$before_jar" ] || before_jar=$work/before/parboot-cli/target/parboot.jar
python3 "$root/bench/anchors.py" make "$work/n1e5.csv" 100000 12345
"$root/parboot" --version >/dev/null # build once, outside the timings
s3=(--stat mean --stat 'std(ddof=0)' --stat 'skew(bias=true)')
echo "# $(date -u '+%Y-%m-%d %H:%M UTC') · $rev against $(git -C "$root" rev-parse --short HEAD) · load $(cut -d' ' -f1-3 /proc/loadavg)"
for who in before after; do
  if [ "$who" = before ]; then cmd=("$PARBOOT_JAVA_HOME/bin/java" -jar "$before_jar"); else cmd=("$root/parboot"); fi
  echo "## $who: n = 2,922, B = 99,999, mean + std + skew"
  "${cmd[@]}" bench "${s3[@]}" -B 99999 --seed 1 --executors serial,forkjoin --threads 2 --runs "$RUNS" --warmups 5 -q 2>&1 \
    | grep -E '^(serial|forkjoin)'
  echo "## $who: Seattle (n = 1,461), B = 10,000, mean"
  "${cmd[@]}" bench --where location=Seattle --stat mean -B 10000 --seed 1 --executors serial,forkjoin --threads 2 \
    --runs $((RUNS * 3)) --warmups 30 -q 2>&1 | grep -E '^(serial|forkjoin)'
  echo "## $who: n = 100,000, B = 2,999, mean + std + skew + median, percentile"
  "${cmd[@]}" bench "$work/n1e5.csv" --column x "${s3[@]}" --stat median --ci percentile -B 2999 --seed 1 \
    --executors serial,forkjoin --threads 2 --runs 5 --warmups 2 -q 2>&1 | grep -E '^(serial|forkjoin)'
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
