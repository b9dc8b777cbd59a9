#!/usr/bin/env bash
# Parley against Hugo on the synthetic wire corpus of ../shared/bench, side by side in one run.
#
#   bench/run.sh [N]            (make bench N=10000 builds Parley first and runs this)
#
# Environment: RUNS (timed runs of each generator, default 3), SEED (corpus seed, default 1),
# WORK (scratch folder, default /dev/shm/parley-bench: on tmpfs, as the comparison needs),
# PARLEY (the parley binary, default .build/release/parley), BENCH_DIR (the folder holding
# gen_corpus.py, default ../shared/bench), TEMPLATES (default templates).
#
# 1. Generates N articles with gen_corpus.py: raw .txt for Parley (with entities.json turned into
#    registries by registry_from_entities.py) and the same articles as a Hugo site.
# 2. Builds each once to warm up, then RUNS times each, alternating Hugo and Parley, every build
#    from nothing (no output folder, no Parley cache), and prints median wall-clock seconds, peak
#    RSS and the ratio Parley/Hugo.
# 3. Incremental: after a full build, edits one article and builds again (RUNS times, a different
#    article each time), and builds once more with nothing changed; then changes the words of a
#    quotation in another article (which person and event pages show too) and builds again: its
#    first quotation (in its summary, which every list shows), then a later one in a third
#    article; then checks that the incremental output is byte for byte a full build of the edited content.
# 4. Scores the people and events Parley found against the corpus's truth.jsonl (score.py).
# 5. With Pagefind installed: a full build with the search index, and one after a quote edit.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
N=${1:-${N:-1000}}
RUNS=${RUNS:-3}
SEED=${SEED:-1}
WORK=${WORK:-/dev/shm/parley-bench}
PARLEY=$(realpath "${PARLEY:-$ROOT/.build/release/parley}")
BENCH_DIR=${BENCH_DIR:-$ROOT/../shared/bench}
TEMPLATES=$(realpath "${TEMPLATES:-$ROOT/templates}")

# Tools: hugo and GNU time from Debian's packages when absent.
install_missing() {
  local missing=()
  command -v hugo >/dev/null || missing+=(hugo)
  [ -x /usr/bin/time ] || missing+=(time)
  [ ${#missing[@]} -eq 0 ] && return
  echo "Installing ${missing[*]}…" >&2
  local sudo=""
  [ "$(id -u)" != 0 ] && sudo=sudo
  $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_missing
[ -x "$PARLEY" ] || { echo "no parley binary at $PARLEY: run make build (or set PARLEY)" >&2; exit 1; }
[ -f "$BENCH_DIR/gen_corpus.py" ] || { echo "no gen_corpus.py in $BENCH_DIR (set BENCH_DIR)" >&2; exit 1; }

# The binary is copied, so that rebuilding Parley while the benchmark runs changes nothing.
mkdir -p "$WORK"
cp "$PARLEY" "$WORK/parley"
PARLEY=$WORK/parley

# 1. The corpus, generated once per (N, SEED) and kept in WORK.
CORPUS=$WORK/corpus-$N-$SEED
if [ ! -f "$CORPUS/.done" ]; then
  rm -rf "$CORPUS"
  mkdir -p "$CORPUS"
  echo "Generating $N articles (seed $SEED) in $CORPUS…" >&2
  python3 "$BENCH_DIR/gen_corpus.py" --n "$N" --seed "$SEED" --out "$CORPUS/wire" --hugo "$CORPUS/hugo"
  touch "$CORPUS/.done"
fi
CONTENT=$WORK/content
rm -rf "$CONTENT"
mkdir -p "$CONTENT"
cp -r "$CORPUS/wire/articles" "$CONTENT/articles"
python3 "$HERE/registry_from_entities.py" "$CORPUS/wire/entities.json" "$CONTENT"

OUT=$WORK/out
rm -rf "$OUT"
mkdir -p "$OUT"
PARLEY_OUT=$OUT/parley
PARLEY_CACHE=$OUT/parley-cache
HUGO_OUT=$OUT/hugo
export HUGO_CACHEDIR=$OUT/hugo-cache

# One timed run: wall-clock seconds and peak RSS (KiB) appended to the arrays named $1 and $2.
timed() {
  local -n wall=$1 rss=$2
  shift 2
  local t0 t1 stats
  stats=$(mktemp)
  t0=$(date +%s%N)
  /usr/bin/time -f %M -o "$stats" "$@" >/dev/null 2>"$OUT/last-stderr" || {
    echo "failed: $*" >&2
    cat "$OUT/last-stderr" >&2
    exit 1
  }
  t1=$(date +%s%N)
  wall+=("$(awk -v ns=$((t1 - t0)) 'BEGIN {printf "%.3f", ns / 1e9}')")
  rss+=("$(tail -n1 "$stats")")
  rm -f "$stats"
}
HUGO_BUILD=(hugo --quiet -s "$CORPUS/hugo" -d "$HUGO_OUT")
# The build cache (--cache) is kept beside the output; binaries from before it existed have none.
CACHE_OPTION=()
"$PARLEY" build --help 2>&1 | grep -q -- '--cache' && CACHE_OPTION=(--cache "$PARLEY_CACHE")
# Hugo makes no search index, so neither does Parley here (Pagefind runs when it is installed).
"$PARLEY" build --help 2>&1 | grep -q -- '--no-search' && CACHE_OPTION+=(--no-search)
PARLEY_BUILD=("$PARLEY" build --content "$CONTENT" --templates "$TEMPLATES" --output "$PARLEY_OUT" "${CACHE_OPTION[@]}")
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.3f", m}'; }
maximum() { printf '%s\n' "$@" | sort -g | tail -n1; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MiB", k / 1024}'; }
joined() { local IFS=,; echo "$*"; }

echo "Warming up…" >&2
"${HUGO_BUILD[@]}" >/dev/null
"${PARLEY_BUILD[@]}" >/dev/null 2>&1 || true

# 2. Full builds, alternating.
hugo_wall=() hugo_rss=() parley_wall=() parley_rss=()
for run in $(seq "$RUNS"); do
  echo "Full builds, run $run of $RUNS…" >&2
  rm -rf "$HUGO_OUT"
  timed hugo_wall hugo_rss "${HUGO_BUILD[@]}"
  rm -rf "$PARLEY_OUT" "$PARLEY_CACHE"
  timed parley_wall parley_rss "${PARLEY_BUILD[@]}"
done
hugo_pages=$(find "$HUGO_OUT" -name '*.html' | wc -l)
parley_pages=$(find "$PARLEY_OUT" -name '*.html' | wc -l)
parley_files=$(find "$PARLEY_OUT" -type f | wc -l)
rm -rf "$PARLEY_OUT" "$PARLEY_CACHE"
stages=$("${PARLEY_BUILD[@]}" --timings 2>&1 >/dev/null | grep -E '^ *[a-z][a-z ]* +[0-9.]+ ms$' || true)

# 4. Entity scores of the full build (before any edit).
scores=$(python3 "$HERE/score.py" "$PARLEY_OUT" "$CORPUS/wire/truth.jsonl")

# 3. Incremental: edit one article (a different one each run) and build again.
edit_wall=() edit_rss=() same_wall=() same_rss=() quote_wall=() quote_rss=() later_wall=() later_rss=()
articles=("$CONTENT"/articles/*.txt)
# Changes a quotation (“…”) of the article $1 (or of the next one that has one): a word is added
# after its opening mark, so the quote shown on its speaker's and its events' pages changes too.
# $3 says which: "first" (in a wire story, nearly always in its first sentences: its summary,
# shown on every page listing the article, changes too) or "later" (the last of two or more,
# past the summary: only the pages showing its quotes change). Prints the file changed.
edit_quote() {
  python3 - "$1" "$2" "${3:-first}" <<'PY'
import pathlib, sys
path = pathlib.Path(sys.argv[1])
which = sys.argv[3]
files = sorted(path.parent.glob("*.txt"))
start = files.index(path)
for candidate in files[start:] + files[:start]:
    text = candidate.read_text(encoding="utf-8")
    first, last = text.find("\u201c"), text.rfind("\u201c")
    at = first if which == "first" else (last if last > first else -1)
    if at >= 0:
        candidate.write_text(text[:at + 1] + f"Indeed (benchmark edit {sys.argv[2]}), " + text[at + 1:], encoding="utf-8")
        print(candidate)
        sys.exit(0)
sys.exit("no article has a quotation to edit")
PY
}
for run in $(seq "$RUNS"); do
  echo "Incremental builds, run $run of $RUNS…" >&2
  victim=${articles[$(( (run * 7919) % ${#articles[@]} ))]}
  printf '\nOfficials said the talks would continue, according to an edit made for the benchmark (run %s).\n' "$run" >>"$victim"
  timed edit_wall edit_rss "${PARLEY_BUILD[@]}"
  timed same_wall same_rss "${PARLEY_BUILD[@]}"
  edit_quote "${articles[$(( (run * 104729 + 13) % ${#articles[@]} ))]}" "$run" first >/dev/null
  timed quote_wall quote_rss "${PARLEY_BUILD[@]}"
  edit_quote "${articles[$(( (run * 130363 + 29) % ${#articles[@]} ))]}" "$run" later >/dev/null
  timed later_wall later_rss "${PARLEY_BUILD[@]}"
done
incremental_check="identical to a full build"
rm -rf "$OUT/parley-fresh" "$OUT/parley-fresh-cache"
"$PARLEY" build --content "$CONTENT" --templates "$TEMPLATES" --output "$OUT/parley-fresh" --no-search --no-cache >/dev/null 2>&1 || true
if ! diff -r -q "$PARLEY_OUT" "$OUT/parley-fresh" >"$OUT/incremental-diff" 2>&1; then
  incremental_check="DIFFERS from a full build: see $OUT/incremental-diff"
fi

# 5. With the search index (when Pagefind is installed; Hugo makes none, so it is not in the ratio):
# a full build, then a build after a quotation is edited.
search_report="(Pagefind not installed: pip install pagefind-bin)"
if "$PARLEY" build --help 2>&1 | grep -q -- '--pagefind' && { command -v pagefind >/dev/null || python3 -c "import pagefind_bin" 2>/dev/null; }; then
  echo "Builds with the search index…" >&2
  SEARCH_OUT=$OUT/parley-search
  SEARCH_BUILD=("$PARLEY" build --content "$CONTENT" --templates "$TEMPLATES" --output "$SEARCH_OUT" --cache "$OUT/parley-search-cache")
  search_wall=() search_rss=() search_edit_wall=() search_edit_rss=()
  rm -rf "$SEARCH_OUT" "$OUT/parley-search-cache"
  timed search_wall search_rss "${SEARCH_BUILD[@]}"
  edit_quote "${articles[$(( 4241 % ${#articles[@]} ))]}" search >/dev/null
  timed search_edit_wall search_edit_rss "${SEARCH_BUILD[@]}"
  parts=$(python3 -c "import json, sys; print(1 + len(json.load(open(sys.argv[1]))['parts']))" "$SEARCH_OUT/pagefind/parts.json" 2>/dev/null || echo 1)
  # The site after the edit, search index included, against a full build of the edited content.
  rm -rf "$OUT/parley-search-fresh"
  "$PARLEY" build --content "$CONTENT" --templates "$TEMPLATES" --output "$OUT/parley-search-fresh" --no-cache >/dev/null 2>&1 || true
  search_check="identical to a full build"
  diff -r -q "$SEARCH_OUT" "$OUT/parley-search-fresh" >"$OUT/search-diff" 2>&1 || search_check="DIFFERS from a full build: see $OUT/search-diff"
  search_report="full build ${search_wall[0]} s, then 1 quote ${search_edit_wall[0]} s (index in $parts parts; $search_check); largest process $(mib "$(maximum "${search_rss[@]}" "${search_edit_rss[@]}")")"
fi

hugo_median=$(median "${hugo_wall[@]}")
parley_median=$(median "${parley_wall[@]}")
edit_median=$(median "${edit_wall[@]}")
same_median=$(median "${same_wall[@]}")
quote_median=$(median "${quote_wall[@]}")
later_median=$(median "${later_wall[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }

cat <<EOF

Parley vs Hugo: N=$N articles (seed $SEED), $RUNS runs each, alternating, output on $(df --output=fstype "$OUT" | tail -n1) ($OUT)
machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%d)
$(hugo version | cut -d' ' -f1-2); parley $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')

                    median s   runs (s)                 peak RSS (max)   pages
hugo full build     $(printf '%-10s' "$hugo_median") $(printf '%-24s' "$(joined "${hugo_wall[@]}")") $(printf '%-16s' "$(mib "$(maximum "${hugo_rss[@]}")")") $hugo_pages
parley full build   $(printf '%-10s' "$parley_median") $(printf '%-24s' "$(joined "${parley_wall[@]}")") $(printf '%-16s' "$(mib "$(maximum "${parley_rss[@]}")")") $parley_pages ($parley_files files)
parley, 1 edit      $(printf '%-10s' "$edit_median") $(printf '%-24s' "$(joined "${edit_wall[@]}")") $(mib "$(maximum "${edit_rss[@]}")")
parley, no change   $(printf '%-10s' "$same_median") $(printf '%-24s' "$(joined "${same_wall[@]}")") $(mib "$(maximum "${same_rss[@]}")")
parley, 1st quote   $(printf '%-10s' "$quote_median") $(printf '%-24s' "$(joined "${quote_wall[@]}")") $(mib "$(maximum "${quote_rss[@]}")")
parley, later quote $(printf '%-10s' "$later_median") $(printf '%-24s' "$(joined "${later_wall[@]}")") $(mib "$(maximum "${later_rss[@]}")")

ratio parley/hugo (full):          $(ratio "$parley_median" "$hugo_median")   (target ≤ 0.2)
ratio incremental/full (1 edit):   $(ratio "$edit_median" "$parley_median")   (target ≤ 0.05)
ratio incremental/full (1st quote): $(ratio "$quote_median" "$parley_median")  (target ≤ 0.05; in the summary: every list shows it)
ratio incremental/full (later quote): $(ratio "$later_median" "$parley_median") (target ≤ 0.05; its people's and events' pages show it)
incremental output:                $incremental_check

parley build --timings (one full build):
$(echo "$stages" | sed 's/^/  /')

with the search index (Pagefind):  $search_report

entities against truth.jsonl:
$(echo "$scores" | sed 's/^/  /')
EOF
