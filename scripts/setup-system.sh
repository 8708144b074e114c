#!/usr/bin/env bash
# Install the system tools the report tests need, when missing (Debian/Ubuntu, run as root):
#   /usr/bin/chromium          headless browser for test/report/browser.test.ts (driven by playwright-core)
#   python3-nbformat           validates report.ipynb (test/report/notebook.test.ts)
#   fonts-droid-fallback       CJK glyphs in PNG charts (sim/io/renderCharts.ts; test/io/renderCharts.test.ts),
#                              with fonts-liberation and fonts-dejavu-core for the Latin text
# Usage: scripts/setup-system.sh [chromium] [nbformat] [fonts]   (no argument: all three)
# Exits non-zero with a message on stderr when a tool is still missing afterwards.
set -euo pipefail

want=("$@")
[ ${#want[@]} -eq 0 ] && want=(chromium nbformat fonts)

have_chromium() { [ -x /usr/bin/chromium ]; }
have_nbformat() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import nbformat' >/dev/null 2>&1; }
have_font() { [ -f "/usr/share/fonts/truetype/$1" ]; }

missing() {
  local out=()
  for tool in "${want[@]}"; do
    case "$tool" in
      chromium) have_chromium || out+=(chromium) ;;
      nbformat) have_nbformat || out+=(python3-nbformat) ;;
      fonts)
        have_font liberation/LiberationSans-Regular.ttf || out+=(fonts-liberation)
        have_font dejavu/DejaVuSans.ttf || out+=(fonts-dejavu-core)
        have_font droid/DroidSansFallbackFull.ttf || out+=(fonts-droid-fallback)
        ;;
      *) echo "setup-system: unknown tool '$tool' (expected chromium, nbformat or fonts)" >&2; exit 2 ;;
    esac
  done
  echo "${out[@]:-}"
}

need=$(missing)
if [ -z "$need" ]; then
  exit 0
fi

# Test files run in parallel workers: take a lock so only one apt-get runs, then look again.
exec 9>"${TMPDIR:-/tmp}/trustsim-setup-system.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
need=$(missing)
if [ -z "$need" ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "setup-system: need root to apt-get install: $need (run: sudo $0)" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-system: apt-get not found; install by hand: $need" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "setup-system: installing $need" >&2
# shellcheck disable=SC2086
if ! apt-get install -y -o DPkg::Lock::Timeout=600 $need >&2; then
  echo "setup-system: install failed; running apt-get update and retrying" >&2
  apt-get update -o DPkg::Lock::Timeout=600 >&2
  # shellcheck disable=SC2086
  apt-get install -y -o DPkg::Lock::Timeout=600 $need >&2
fi

still=$(missing)
if [ -n "$still" ]; then
  echo "setup-system: still missing after apt-get install: $still" >&2
  exit 1
fi
echo "setup-system: installed $need" >&2
