#!/usr/bin/env bash
# Installs the Debian packages the test suite uses (only those missing): PostGIS, GDAL/OGR, OWSLib, headless QGIS,
# Chromium (portal page test), CJK fonts.
set -euo pipefail
PKGS=(postgresql-15-postgis-3 gdal-bin python3-owslib python3-qgis chromium fonts-noto-cjk)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup-test-env: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
fi
# The real-client tests skip themselves only where a client is missing; here a missing client stops the run instead,
# so CI never passes with those checks skipped.
echo "setup-test-env: $(ogrinfo --version)"
echo "setup-test-env: OWSLib $(/usr/bin/python3 -c 'import owslib; print(owslib.__version__)')"
echo "setup-test-env: QGIS $(QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)')"
echo "setup-test-env: $(/usr/bin/chromium --version)"
