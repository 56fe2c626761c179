#!/bin/sh
# Frame timing of the app on a corpus (docs/PERFORMANCE.md): runs the
# release binary in a detached tmux of 160x45 with CROSSCHECK_FRAME_LOG set,
# waits for the comparison, presses every filter of the claims, diff and
# stories panes (alone and combined), and prints the slowest frames and a
# summary. The workspace goes to a temporary folder.
#
#   scripts/frame-timing/run.sh /tmp/c10k [LOG]
set -eu
corpus=${1:?usage: run.sh CORPUS [LOG]}
log=${2:-/tmp/crosscheck-frames.tsv}
bin=${CROSSCHECK_BIN:-target/release/crosscheck}
data=$(mktemp -d)
sock=crosscheck-timing-$$
trap 'tmux -L $sock kill-server 2>/dev/null; rm -rf "$data"' EXIT
tmux -L $sock new-session -d -x 160 -y 45 \
    "CROSSCHECK_FRAME_LOG=$log XDG_DATA_HOME=$data $bin $corpus"
# The comparison is in when the diff's first line names the stories.
until tmux -L $sock capture-pane -p | grep -q 'Figures [0-9]'; do sleep 1; done
k() { for key in "$@"; do tmux -L $sock send-keys "$key"; sleep 0.3; done; }
# Diff: every filter alone, then together, in each section.
k Tab j j c c O O m m j Enter j j Escape s j s j s
k c O m j s j s j s c O O m
# Stories: filter to the first story, then the diff and the claims in it.
k 4 j Enter 3 c m O s j 2 a c m t O j j PageDown
# Back to all stories; claims with every filter, all sources.
k 4 g Enter 2 c m m O t j G g
# Searches of the rows, the reader, the finder.
k 3 / K i m Enter n n 2 / K i m Enter n 1 j j
k q
sleep 0.5
echo "frames: $(grep -vc '^key_ms' "$log")"
# Columns: key and draw on the clock (1, 2), the same in the UI thread's
# CPU time (3, 4); a frame is the key handled before it plus the drawing.
summary() {
    awk -F'\t' -v a=$1 -v b=$2 -v what="$3" 'NR>1 && $2!="-" {k=($a=="-")?0:$a; t=k+$b; n++; s+=t; if (t>16) o++; if (t>m) m=t}
        END {printf "%s: mean %.2f ms, max %.2f ms, %d of %d frames over 16 ms\n", what, s/n, m, o, n}' "$log"
}
summary 1 2 "clock"
summary 3 4 "UI thread CPU"
echo "slowest frames on the clock (frame, key, draw ms; CPU frame ms):"
awk -F'\t' 'NR>1 && $2!="-" {k=($1=="-")?0:$1; c=($3=="-")?0:$3; printf "%8.2f %7.2f %7.2f  cpu %7.2f  %s\n", k+$2, k, $2, c+$4, $6}' "$log" \
    | sort -rn | head -8
grep set_comparison "$log" | awk -F'\t' '{printf "taking the comparison in: %s ms (CPU %s ms)\n", $1, $3}'
