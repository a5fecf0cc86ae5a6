#!/usr/bin/env bash
# Figures for `newsdiff overlaps` on the two proxy sets in benches/eval/proxy (written for this
# project; README there): short-answer reuse levels (cut/light/heavy/non) and graded sentence
# similarity (STS-style, 0-5), each next to a naive word 3-gram Jaccard baseline.
# Uses make_inputs.py and score_overlaps.py from ../shared/eval (or $NEWSDIFF_SHARED/eval).
# Usage (from anywhere): benches/eval/proxy.sh [SCRATCH_DIR]   (default target/proxy)
set -euo pipefail
cd "$(dirname "$0")/../.."
SHARED="${NEWSDIFF_SHARED:-../shared}"
E="$SHARED/eval"
P=benches/eval/proxy
OUT="${1:-target/proxy}"
mkdir -p "$OUT"
cargo build --release -q -p newsdiff-cli
ND=target/release/newsdiff

# run SET ROWS: check the pair file, convert it, run newsdiff at --min-score 0 and at the
# default, and the baseline; afterwards $OUT/SET holds everything score_overlaps.py needs.
run() {
  local set=$1 rows=$2 d="$OUT/$1"
  python3 benches/eval/proxy_check.py check "$P/$set.tsv" "$rows" >/dev/null
  python3 "$E/make_inputs.py" pairs "$P/$set.tsv" "$d" >/dev/null
  $ND overlaps --format jsonl --min-score 0 "$d/articles.jsonl" > "$d/all.jsonl" || [ $? -eq 1 ]
  $ND overlaps --format jsonl "$d/articles.jsonl" > "$d/default.jsonl" || [ $? -eq 1 ]
  python3 benches/eval/proxy_check.py baseline "$d/articles.jsonl" "$d"
}

# score SET PREFIX ARGS...: newsdiff's figures, then the baseline's, lines matching PREFIX
score() {
  local set=$1 keep=$2 d="$OUT/$1"
  shift 2
  python3 "$E/score_overlaps.py" "$d/all.jsonl" "$d/labels.tsv" --default "$d/default.jsonl" \
    --articles "$d/articles.jsonl" "$@" | grep -E "$keep"
  echo "-- naive baseline (word 3-gram Jaccard, whole texts, default threshold 0.2)"
  python3 "$E/score_overlaps.py" "$d/baseline-all.jsonl" "$d/labels.tsv" \
    --default "$d/baseline-default.jsonl" "$@" | grep -E "$keep" | grep -v '^span_errors'
}

echo "== proxy short-answer (8 sources x 5 answers: cut, light, heavy, 2 non)"
run short-answer 40
score short-answer \
  '^(auc|best_f1|default_f1|default_accuracy|level_order_strict|span_errors|cross_pair_article_pairs_default):|^mean_score_|^auc_.*_vs_non:' \
  --order cut,light,heavy,non

echo "== proxy sts (240 sentence pairs, labels 0-5; binary at label >= 3)"
run sts 240
score sts \
  '^(pearson|spearman|binarized_auc|binarized_best_f1|binarized_default_f1|binarized_default_accuracy|span_errors|cross_pair_article_pairs_default):' \
  --binarize 3
