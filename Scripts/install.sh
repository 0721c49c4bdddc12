#!/usr/bin/env bash
# Builds graphperm (release) and installs it under a prefix, recording every file it writes so that
# Scripts/uninstall.sh removes exactly those.
#
#     Scripts/install.sh                      # into ~/.local
#     Scripts/install.sh --prefix /usr/local
#
# Installs bin/graphperm and its helpers bin/graphperm-sync, bin/graphperm-mcp and bin/graphperm-serve (which
# `graphperm sync`, `mcp` and `serve` run), their man pages, bash, zsh and fish completions, and
# share/graphperm/install-manifest.txt.
# --bin-dir DIR installs binaries built already (DIR holds the four) instead of building;
# --scratch-path DIR is SwiftPM's build folder (default .build-install: its flags are not a plain build's, so that
# neither rebuilds the other).
set -euo pipefail
usage() { echo "usage: Scripts/install.sh [--prefix DIR] [--scratch-path DIR] [--bin-dir DIR]" >&2; exit 64; }

prefix="$HOME/.local"
scratch=".build-install"
bin_dir=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        --scratch-path) [ $# -ge 2 ] || usage; scratch="$2"; shift 2 ;;
        --bin-dir) [ $# -ge 2 ] || usage; bin_dir="$2"; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) usage ;;
    esac
done
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"

if [ -z "$bin_dir" ]; then
    echo "install.sh: building graphperm (release) in $scratch" >&2
    # A one-shot `graphperm least` spends most of its time starting up, so the installed binaries are built for it:
    # a generic type's metadata comes from its accessor, not from a mangled name that the runtime decodes and
    # checks against every conformance record of the binary; and graphperm links libstdc++, SQLite and zlib in,
    # leaving the dynamic loader nothing but the C library to map and bind at each start (where their static
    # archives are found: a linker script named like the shared library stands first in the search path).
    release=(-c release --scratch-path "$scratch" -Xswiftc -Xfrontend -Xswiftc
        -disable-concrete-type-metadata-mangled-name-accessors)
    static_dir="$scratch/static-libraries"
    rm -rf "$static_dir"
    mkdir -p "$static_dir"
    for library in stdc++ sqlite3 z; do
        archive="$(clang -print-file-name="lib$library.a" 2>/dev/null || true)"
        if [ -f "$archive" ]; then echo "INPUT($archive)" > "$static_dir/lib$library.so"; fi
    done
    static_libraries=(-Xlinker "-L$(cd "$static_dir" && pwd)")
    swift build "${release[@]}" "${static_libraries[@]}" --product graphperm >&2
    swift build "${release[@]}" --product graphperm-sync >&2
    swift build "${release[@]}" --product graphperm-mcp >&2
    swift build "${release[@]}" --product graphperm-serve >&2
    bin_dir="$(swift build "${release[@]}" --show-bin-path)"
fi
# The man page comes from swift-argument-parser's generate-manual tool (built once, in debug: it runs for a moment).
swift build --scratch-path "$scratch" --product generate-manual >&2
manual_tool="$(swift build --scratch-path "$scratch" --show-bin-path)/generate-manual"

manifest_dir="$prefix/share/graphperm"
manifest="$manifest_dir/install-manifest.txt"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
installed=()

# put SOURCE DEST MODE: installs one file (DEST relative to the prefix) and records it.
put() {
    install -D -m "$3" "$1" "$prefix/$2"
    installed+=("$2")
}

put "$bin_dir/graphperm" bin/graphperm 755
put "$bin_dir/graphperm-sync" bin/graphperm-sync 755
put "$bin_dir/graphperm-mcp" bin/graphperm-mcp 755
put "$bin_dir/graphperm-serve" bin/graphperm-serve 755
strip "$prefix/bin/graphperm" "$prefix/bin/graphperm-sync" "$prefix/bin/graphperm-mcp" "$prefix/bin/graphperm-serve" \
    2>/dev/null || true

for tool in graphperm graphperm-sync graphperm-mcp graphperm-serve; do
    # The page is named after the command's own name ("graphperm sync" for the helper): one page per folder.
    mkdir "$staging/$tool"
    "$manual_tool" "$prefix/bin/$tool" --output-directory "$staging/$tool" >/dev/null
    pages=("$staging/$tool"/*.1)
    put "${pages[0]}" "share/man/man1/$tool.1" 644
done

"$prefix/bin/graphperm" --generate-completion-script bash > "$staging/graphperm.bash"
"$prefix/bin/graphperm" --generate-completion-script zsh > "$staging/_graphperm"
"$prefix/bin/graphperm" --generate-completion-script fish > "$staging/graphperm.fish"
put "$staging/graphperm.bash" share/bash-completion/completions/graphperm 644
put "$staging/_graphperm" share/zsh/site-functions/_graphperm 644
put "$staging/graphperm.fish" share/fish/vendor_completions.d/graphperm.fish 644

mkdir -p "$manifest_dir"
printf '%s\n' "${installed[@]}" share/graphperm/install-manifest.txt > "$manifest"

echo "installed graphperm $("$prefix/bin/graphperm" --version | cut -d' ' -f1) into $prefix:"
for file in "${installed[@]}" share/graphperm/install-manifest.txt; do
    printf '  %-48s %9s bytes\n' "$file" "$(wc -c < "$prefix/$file")"
done
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on PATH; add it to use graphperm by name" ;;
esac
