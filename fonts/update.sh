#!/usr/bin/env bash
# Refreshes fonts/ from the @fontsource packages on the npm registry: for each family, the weights the
# PDF edition prints with (print.css: 400 and 700), their CSS with only the woff2 sources (Chromium reads
# woff2; the woff fallbacks are never fetched), the woff2 files that CSS names, and the licence.
# Usage: bash fonts/update.sh [version]   (default: the version in fonts/package.json)
set -euo pipefail
cd "$(dirname "$0")"
version=${1:-$(sed -n 's/^  "version": "\([^"]*\)".*/\1/p' package.json)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for family in noto-sans-sc noto-serif-sc; do
  (cd "$work" && npm pack --silent "@fontsource/$family@$version" >/dev/null)
  mkdir -p "$work/$family"
  tar -xzf "$work/fontsource-$family-$version.tgz" -C "$work/$family"
  rm -rf "$family"
  mkdir -p "$family/files"
  cp "$work/$family/package/LICENSE" "$family/LICENSE"
  for weight in 400 700; do
    sed -E "s#, url\(\./files/[^)]*\.woff\) format\('woff'\)##" "$work/$family/package/$weight.css" >"$family/$weight.css"
    grep -oE "\./files/[^)]*\.woff2" "$family/$weight.css" | while read -r file; do
      cp "$work/$family/package/$file" "$family/$file"
    done
  done
done
du -sh noto-sans-sc noto-serif-sc
