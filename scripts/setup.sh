#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks for building, running and testing ICAT Lens:
# Debian's Chromium (no browser is ever downloaded by npm) and the npm packages from package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/lib/chromium/chromium ]; then
  echo "setup: installing Debian's chromium"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Reinstall npm packages only when the lock file changed since the last install.
stamp=node_modules/.icat-lens-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
