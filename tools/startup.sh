#!/usr/bin/env bash
# How long the app takes from launch to its first frame on screen, and its
# peak memory, side by side with a bare eframe window built from the same
# eframe and egui (examples/bare_window.rs). Run by hand, not in CI:
#
#   tools/startup.sh [-n RUNS] [-s WxH] [-H HOME] [-- ARGS FOR THE APP]
#
#   -n RUNS   starts of each program, alternating (default 7); the median is kept
#   -s WxH    size of the virtual display (default 1366x768)
#   -H HOME   the home directory the app starts in (default: a new, empty one,
#             as on a first start); give one with a learner's history to
#             measure a returning learner's start
#
# Each start is cold where the machine lets us drop the page cache (root, and
# not refused by a container); the script says which. Times come from the
# programs' own trace (NGHIQUYET_STARTUP_TRACE, src/trace.rs), counted from
# just before the script starts them; memory is the peak resident size of the
# whole process (GNU time), which ends after its second frame.
# Needs: Xvfb and GNU time (installed with apt-get on first use if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=7 size=1366x768 home=
while [[ $# -gt 0 ]]; do
  case $1 in
    -n) runs=$2; shift 2 ;;
    -s) size=$2; shift 2 ;;
    -H) home=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "startup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
app_args=("$@")

if ! command -v Xvfb >/dev/null || [[ ! -x /usr/bin/time ]]; then
  (apt-get update -qq && apt-get install -y -qq xvfb time) >/dev/null 2>&1 \
    || { echo "startup.sh: could not install xvfb and time" >&2; exit 2; }
fi
cargo build --release --quiet --bin nghiquyet --example bare_window
app=target/release/nghiquyet
bare=target/release/examples/bare_window

work=$(mktemp -d)
d=90
while [[ -e /tmp/.X$d-lock || -e /tmp/.X11-unix/X$d ]]; do d=$((d + 1)); done
Xvfb :$d -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [[ -e /tmp/.X11-unix/X$d ]] && break; sleep 0.1; done
export DISPLAY=:$d

cold=no
if sync && echo 3 2>/dev/null >/proc/sys/vm/drop_caches; then cold=yes; fi

# one start: prints "<ms to first frame> <peak MB>"
start() {
  local name=$1; shift
  local h=${home:-$work/home-$name}
  mkdir -p "$h"
  [[ $cold == yes ]] && { sync; echo 3 >/proc/sys/vm/drop_caches; }
  local log=$work/$name.log
  env -u XDG_DATA_HOME -u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u XDG_STATE_HOME \
    HOME="$h" NGHIQUYET_STARTUP_TRACE=exit NGHIQUYET_LAUNCHED_AT="$(date +%s%N)" \
    /usr/bin/time -f 'maxrss %M' -o "$work/$name.time" timeout 30 "$@" >/dev/null 2>"$log" || true
  local ms kb
  ms=$(awk '/first frame on screen/ {print $2}' "$log")
  kb=$(awk '/^maxrss/ {print $2}' "$work/$name.time")
  if [[ -z $ms || -z $kb ]]; then
    echo "startup.sh: $name did not show a frame; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  echo "$ms $((kb / 1024))"
}

median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

: >"$work/bare.all"; : >"$work/app.all"
# One start of each first, not counted: the first start on a new home
# creates its files.
start bare "$bare" >/dev/null
start app "$app" "${app_args[@]}" >/dev/null
for i in $(seq "$runs"); do
  start bare "$bare" >>"$work/bare.all"
  start app "$app" "${app_args[@]}" >>"$work/app.all"
done

bare_ms=$(cut -d' ' -f1 "$work/bare.all" | median)
app_ms=$(cut -d' ' -f1 "$work/app.all" | median)
bare_mb=$(cut -d' ' -f2 "$work/bare.all" | median)
app_mb=$(cut -d' ' -f2 "$work/app.all" | median)
echo "display ${size}, ${runs} starts of each, cold page cache: ${cold}"
printf '%-22s %10s %10s\n' "" "first frame" "peak memory"
printf '%-22s %8s ms %7s MB\n' "bare eframe window" "$bare_ms" "$bare_mb"
printf '%-22s %8s ms %7s MB\n' "nghiquyet" "$app_ms" "$app_mb"
awk -v a="$app_ms" -v b="$bare_ms" 'BEGIN {printf "nghiquyet / bare: %.2f x\n", a / b}'
echo
echo "the last starts, step by step (bare, then nghiquyet):"
grep "^startup" "$work/bare.log"
echo
grep '^startup' "$work/app.log"
