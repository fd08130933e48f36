#!/bin/sh
# Set-up on a fresh Debian machine, idempotent and quiet when everything is in place:
#   node_modules (with Node 24 from the npm "node" package), Debian's chromium and the TrueType CJK fonts
#   the PDF embeds, the Fandol stand-ins for the official fonts and their
#   WOFF2 slices for PDFs that embed their fonts (scripts/setup-fonts.sh); with "test", also poppler-utils and LibreOffice Writer, which the tests read documents with.
# Never downloads a browser build: Chromium comes from Debian.
set -e
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/node ] || [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm dependencies" >&2
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi

need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_font() { have_cmd fc-list && fc-list : family | grep -q "$1"; }
have_cmd chromium || need="$need chromium"
have_cmd fc-list || need="$need fontconfig"
have_font "AR PL UMing CN" || need="$need fonts-arphic-uming"
have_font "AR PL UKai CN" || need="$need fonts-arphic-ukai"
have_font "WenQuanYi Zen Hei" || need="$need fonts-wqy-zenhei"
have_font "LXGW WenKai" || need="$need fonts-lxgw-wenkai"
have_font "Liberation Serif" || need="$need fonts-liberation2"
have_cmd fontforge || [ -s .fonts/FandolHei-Bold.ttf ] || need="$need fontforge-nox"
# fontTools and Brotli cut the stand-ins into the WOFF2 slices embedded PDFs carry (scripts/slice-fonts.py).
/usr/bin/python3 -c 'import fontTools.subset' 2>/dev/null || need="$need python3-fonttools"
/usr/bin/python3 -c 'import brotli' 2>/dev/null || need="$need python3-brotli"
if [ "$1" = "test" ]; then
  have_cmd pdftotext || need="$need poppler-utils"
  have_cmd soffice || need="$need libreoffice-writer-nogui"
  # The Workers printer's test prints on a Chromium that has DejaVu only (Latin, no CJK), as a remote browser may.
  [ -d /usr/share/fonts/truetype/dejavu ] || need="$need fonts-dejavu-core"
fi

if [ -n "$need" ]; then
  echo "setup: installing Debian packages:$need" >&2
  if [ "$(id -u)" != "0" ]; then
    if have_cmd sudo; then SUDO=sudo; else echo "setup: run as root, or install:$need" >&2; exit 1; fi
  fi
  ${SUDO:-} apt-get update -qq
  DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

sh scripts/setup-fonts.sh
