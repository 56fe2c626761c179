#!/usr/bin/env bash
# Generates a corpus and times crosscheck against reference tools on it.
#
#     scripts/bench.sh [N] [DIR]      # defaults: 10000 articles in /tmp/crosscheck-bench-N
#
# Needs hyperfine, ripgrep and fzf (Debian: apt-get install -y hyperfine ripgrep fzf).
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-10000}
DIR=${2:-/tmp/crosscheck-bench-$N}
QUERY=${QUERY:-zelensky new page}
RUNS=${RUNS:-5}

cargo build --release --quiet --bin crosscheck --example gen_corpus
BIN=$PWD/target/release/crosscheck
if [ ! -d "$DIR" ]; then
  target/release/examples/gen_corpus "$N" "$DIR" --seed 42
fi

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo || true
grep MemTotal /proc/meminfo
echo "corpus: $(ls "$DIR" | wc -l) files, $(du -sh "$DIR" | cut -f1)"

echo "== figures vs ripgrep"
hyperfine --warmup 1 --runs "$RUNS" \
  "$BIN figures $DIR --json > /dev/null" \
  "rg -oN --no-filename '[0-9][0-9,.]*' $DIR | wc -l"

echo "== diff vs figures"
hyperfine --warmup 1 --runs "$RUNS" \
  "$BIN diff $DIR --json > /dev/null" \
  "$BIN figures $DIR --json > /dev/null"

echo "== search vs fzf"
hyperfine --warmup 1 --runs "$RUNS" \
  "$BIN search '$QUERY' $DIR --json > /dev/null" \
  "cat $DIR/* | fzf --filter '$QUERY' > /dev/null"

echo "== peak memory (max resident set size)"
peak() {
  /usr/bin/time -v bash -c "$1" 2>&1 >/dev/null | awk -v c="$1" '/Maximum resident/ {printf "%8.1f MB  %s\n", $NF/1024, c}'
}
peak "$BIN figures $DIR --json > /dev/null"
peak "$BIN claims $DIR --json > /dev/null"
peak "$BIN diff $DIR --json > /dev/null"
peak "$BIN search '$QUERY' $DIR --json > /dev/null"
peak "rg -oN --no-filename '[0-9][0-9,.]*' $DIR > /dev/null"
peak "cat $DIR/* | fzf --filter '$QUERY' > /dev/null"
