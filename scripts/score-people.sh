#!/usr/bin/env bash
# Scores Parley's people recognition with the shared scorer (strict and lenient P/R/F1) on the
# hand-labelled Reuters dev files and on the seeds, with an empty registry (detection from the
# text alone) and with the shipped registry.
#   scripts/score-people.sh [PARLEY_BINARY]   (default .build/release/parley)
set -euo pipefail
cd "$(dirname "$0")/.."
parley="${1:-.build/release/parley}"
shared="${PARLEY_SHARED:-../shared}"
scorer="$shared/tools/score_people.py"
[ -x "$parley" ] || { echo "no parley binary at $parley: run make build first" >&2; exit 2; }
[ -f "$scorer" ] || { echo "no scorer at $scorer: shared/ must sit beside the repository" >&2; exit 2; }
empty="$(mktemp -d)"
predictions="$(mktemp)"
trap 'rm -rf "$empty" "$predictions"' EXIT

# parley inspect --json → the scorer's {"file", "people"} lines.
to_predictions() {
  python3 -c '
import json, os, sys
for line in sys.stdin:
    article = json.loads(line)
    print(json.dumps({"file": os.path.basename(article["file"]), "people": [p["name"] for p in article["people"]]}))'
}

score() { # label gold articles-folder content-folder
  "$parley" inspect "$3"/*.txt --json --content "$4" 2>/dev/null | to_predictions > "$predictions"
  echo "== $1"
  python3 "$scorer" "$2" "$predictions"
}

score "Reuters dev, empty registry" "$shared/fixtures/reuters-dev-gold.jsonl" "$shared/corpora/reuters-dev" "$empty"
score "Reuters dev, shipped registry" "$shared/fixtures/reuters-dev-gold.jsonl" "$shared/corpora/reuters-dev" content
score "Seeds, shipped registry" "$shared/fixtures/seeds-gold.jsonl" "$shared/seeds" content
