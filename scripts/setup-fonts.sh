#!/bin/sh
# Installs the free stand-ins for the official Chinese fonts into .fonts/ (git-ignored), idempotently: TeX Live's
# Fandol faces (GPL with the font exception), taken from Debian's texlive-lang-chinese package without installing
# TeX, and converted from CID-keyed CFF to TrueType outlines (Chromium embeds CFF CJK fonts as Type 3, TrueType as
# CID TrueType subsets whose text extracts). FandolSong-Bold gets a family of its own ("FandolSong Bold", regular
# weight), so a title set in it is never given synthetic bold. Needs fontforge (Debian's fontforge-nox).
# FandolHei-Bold stays the bold face of FandolHei, so bold English headings never get a synthetic (Type 3) CJK bold.
set -e
cd "$(dirname "$0")/.."
dest=.fonts
fonts="FandolFang-Regular FandolSong-Regular FandolSong-Bold FandolHei-Regular FandolHei-Bold FandolKai-Regular"
missing=""
for n in $fonts; do [ -s "$dest/$n.ttf" ] || missing="$missing $n"; done
[ -z "$missing" ] || convert_fandol=1
if [ -n "${convert_fandol:-}" ]; then
echo "setup: installing the Fandol fonts (TrueType) into $dest/:$missing" >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null 2>&1); then
  if [ "$(id -u)" = "0" ]; then apt-get update -qq; else sudo apt-get update -qq; fi
  (cd "$tmp" && apt-get download texlive-lang-chinese >/dev/null 2>&1)
fi
src=usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb | tar -x -C "$tmp" --wildcards "./$src/*.otf"
mkdir -p "$dest"
convert='
import fontforge, sys
f = fontforge.open(sys.argv[1])
f.cidFlatten()
if sys.argv[3] == "FandolSong-Bold":
    f.familyname = "FandolSong Bold"; f.fullname = "FandolSong Bold"; f.fontname = "FandolSongBold-Regular"
    for key, value in (("Family", "FandolSong Bold"), ("SubFamily", "Regular"), ("Preferred Family", "FandolSong Bold"), ("Preferred Styles", "Regular")):
        f.appendSFNTName("English (US)", key, value)
f.generate(sys.argv[2])
'
pids=""
for n in $missing; do
  fontforge -lang=py -c "$convert" "$tmp/$src/$n.otf" "$tmp/$n.ttf" "$n" >/dev/null 2>&1 &
  pids="$pids $!"
done
for p in $pids; do wait "$p"; done
for n in $missing; do
  [ -s "$tmp/$n.ttf" ] || { echo "setup: converting $n failed" >&2; exit 1; }
  mv "$tmp/$n.ttf" "$dest/$n.ttf"
done
fi

# The slices the PDFs embed when they carry their own fonts (Workers always, Node with PDF_EMBED_FONTS): every stand-in
# face cut into unicode-range WOFF2 slices by character frequency (scripts/slice-fonts.py), with a manifest. Cut again
# when a font, the plan or the script is newer than the manifest.
slices=$dest/slices
latin=$(fc-list --format '%{file}\n' 'Liberation Serif' | sort)
[ -n "$latin" ] || { echo "setup: Liberation Serif (fonts-liberation2) is not installed" >&2; exit 1; }
stale=""
if [ ! -s "$slices/manifest.json" ]; then stale=1; else
  for f in $dest/*.ttf $latin scripts/font-slice-plan.json scripts/slice-fonts.py; do [ "$f" -nt "$slices/manifest.json" ] && stale=1; done
fi
[ -z "$stale" ] && exit 0
echo "setup: cutting the embedded font slices into $slices/" >&2
rm -rf "$slices.tmp"
mkdir -p "$slices.tmp"
/usr/bin/python3 scripts/slice-fonts.py scripts/font-slice-plan.json "$slices.tmp" $dest/*.ttf $latin
rm -rf "$slices"
mv "$slices.tmp" "$slices"
