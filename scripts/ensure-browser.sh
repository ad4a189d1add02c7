#!/usr/bin/env bash
# Make sure the browser tests can run: Debian's chromium and the Noto CJK fonts (so Chinese renders).
# As root, installs what is missing with apt-get; otherwise says what to install (the tests then skip).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
compgen -G "/usr/share/fonts/opentype/noto/NotoSansCJK*" > /dev/null || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "Installing ${need[*]} with apt-get (for the browser tests) …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" > /dev/null
else
  echo "NOTE: the browser tests will be skipped: ${need[*]} missing." >&2
  echo "      Install them with: sudo apt-get install ${need[*]}" >&2
fi
