#!/usr/bin/env bash
# Removes what Scripts/install.sh installed under a prefix: exactly the files its manifest lists, then the folders
# that this leaves empty (never the prefix itself).
#
#     Scripts/uninstall.sh                    # from ~/.local
#     Scripts/uninstall.sh --prefix /usr/local
set -euo pipefail
usage() { echo "usage: Scripts/uninstall.sh [--prefix DIR]" >&2; exit 64; }

prefix="$HOME/.local"
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) usage ;;
    esac
done
manifest="$prefix/share/graphperm/install-manifest.txt"
if [ ! -f "$manifest" ]; then
    echo "uninstall.sh: $manifest not found: nothing installed by Scripts/install.sh under $prefix" >&2
    exit 1
fi

mapfile -t files < "$manifest"
for file in "${files[@]}"; do
    case "$file" in
        ""|/*|*..*) echo "uninstall.sh: skipping '$file' in the manifest (not a path inside the prefix)" >&2; continue ;;
    esac
    rm -f "$prefix/$file"
    echo "removed $prefix/$file"
done
# The folders the files were in, deepest first, while they are empty and inside the prefix.
for file in "${files[@]}"; do
    dir="$(dirname "$file")"
    while [ "$dir" != "." ] && [ "$dir" != "/" ]; do
        rmdir "$prefix/$dir" 2>/dev/null || break
        dir="$(dirname "$dir")"
    done
done
