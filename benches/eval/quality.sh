#!/usr/bin/env bash
# Quality figures for `newsdiff overlaps` and `newsdiff names`, from the scorers and data in
# ../shared/eval and the corpora in ../shared/corpora (read at run time, never committed).
# Usage (from the workspace root): benches/eval/quality.sh [SCRATCH_DIR]
# Prints: MRPC dev (AUC, accuracy, F1 at the default), the samples against a blind line
# annotation (benches/eval/seeds) and on a second story annotated before any run
# (benches/eval/story2), a wire story's copies with planted divergences (benches/eval/story3),
# BBC cross-category reports per 1,000
# pairs, passim BBC pair recall, exact-duplicate recall, names B³ on five dev seeds, and the two
# proxy sets of benches/eval/proxy (proxy.sh, into SCRATCH_DIR/proxy).
set -euo pipefail
cd "$(dirname "$0")/../.."
# newsdiff exits 1 when it finds nothing, a valid result here; `|| [ $? -eq 1 ]` lets that
# through and stops on 2 (an error).
SHARED="${NEWSDIFF_SHARED:-../shared}"
E="$SHARED/eval"
OUT="${1:-target/quality}"
mkdir -p "$OUT"
cargo build --release -q -p newsdiff-cli
ND=target/release/newsdiff

echo "== MRPC dev (news sentence pairs)"
$ND overlaps --format jsonl --min-score 0 "$E/dev/articles.jsonl" > "$OUT/mrpc-all.jsonl" || [ $? -eq 1 ]
$ND overlaps --format jsonl "$E/dev/articles.jsonl" > "$OUT/mrpc-default.jsonl" || [ $? -eq 1 ]
python3 "$E/score_overlaps.py" "$OUT/mrpc-all.jsonl" "$E/dev/labels.tsv" \
  --default "$OUT/mrpc-default.jsonl" --articles "$E/dev/articles.jsonl" |
  grep -E "^(auc|best_accuracy|majority_accuracy|default_f1|default_accuracy|span_errors)"

echo "== the samples against a blind line annotation (benches/eval/seeds)"
$ND overlaps --format jsonl corpus/seeds > "$OUT/seeds.jsonl" || [ $? -eq 1 ]
python3 "$E/score_seeds.py" "$OUT/seeds.jsonl" benches/eval/seeds/annotation.json corpus/seeds |
  grep -E "^(recall_(strong|medium|weak)_tight|reported_overlaps|extras|span_errors):"

echo "== a second story, annotated before any run (benches/eval/story2)"
$ND overlaps --format jsonl benches/eval/story2/articles > "$OUT/story2.jsonl" || [ $? -eq 1 ]
python3 "$E/score_seeds.py" "$OUT/story2.jsonl" benches/eval/story2/annotation.json benches/eval/story2/articles |
  grep -E "^(recall_(strong|medium|weak)_tight|reported_overlaps|extras|span_errors):"

# story NAME: a story with planted divergences: overlaps against its line annotation, and
# its divergences against the planted ones
story() {
  local d=benches/eval/$1
  $ND overlaps --format jsonl "$d/articles" > "$OUT/$1.jsonl" || [ $? -eq 1 ]
  python3 "$E/score_seeds.py" "$OUT/$1.jsonl" "$d/annotation.json" "$d/articles" |
    grep -E "^(recall_(strong|medium|weak)(_tight)?|reported_overlaps|extras|span_errors):"
  python3 benches/eval/divcheck.py "$OUT/$1.jsonl" "$d/divergences.json" "$d/articles" |
    grep -E "^(planted_|unplanted_)"
}

echo "== a wire story and its copies, with planted divergences (benches/eval/story3)"
story story3

echo "== a court-ruling story: wire, two outlets, a translation, a column (benches/eval/story4)"
story story4

C="$SHARED/corpora"
decompress() { # the corpus's JSON Lines, decompressed once into the scratch folder
  local name=$1 f
  f=$(find "$C/$name" -name '*.jsonl*' | head -1)
  case "$f" in *.gz) zcat "$f" ;; *) cat "$f" ;; esac > "$OUT/$name.jsonl"
}
if [ -d "$C/bbc_news" ] && [ -d "$C/reuters21578" ]; then
  decompress bbc_news
  decompress reuters21578
  echo "== BBC (2,225 articles) at --min-score 0.15"
  $ND overlaps --format jsonl --min-score 0.15 "$OUT/bbc_news.jsonl" > "$OUT/bbc.jsonl" || [ $? -eq 1 ]
  echo "== Reuters + BBC (23.8 k articles) at the default"
  cat "$OUT/reuters21578.jsonl" "$OUT/bbc_news.jsonl" > "$OUT/real.jsonl"
  $ND overlaps --format jsonl "$OUT/real.jsonl" > "$OUT/real-overlaps.jsonl" || [ $? -eq 1 ]
  python3 benches/eval/real.py "$OUT" "$C" "$E"
else
  echo "(corpora absent: skipping the real-corpus figures)"
fi

echo "== names, dev seeds 1-5 (300 articles each)"
for s in 1 2 3 4 5; do
  python3 "$E/make_name_corpus.py" --variants "$E/names-dev/variants.tsv" --seed $s --articles 300 --out "$OUT/names$s" >/dev/null
  $ND names --format json "$OUT/names$s/corpus.jsonl" > "$OUT/names$s/names.json" || [ $? -eq 1 ]
  printf 'seed %s: ' $s
  python3 "$E/score_names.py" "$OUT/names$s/names.json" "$OUT/names$s/truth.jsonl" |
    grep -E "^(bcubed_f1|merged_person_pairs|role_conflicts_found|role_conflicts_spurious):" | tr '\n' ' '
  echo
done

benches/eval/proxy.sh "$OUT/proxy"
