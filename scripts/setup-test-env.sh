#!/usr/bin/env bash
# Installs the Debian packages the test suite uses (only those missing): PostGIS, GDAL/OGR, OWSLib, headless QGIS,
# Chromium (portal page test), CJK fonts. Node.js (>= 20, with npm) is not installed here: the build needs it for the
# portal's script, and Debian 12's own nodejs (18) is too old for playwright-core, so it is only checked.
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
# The real-client tests fail when their client is missing; checking each one here (by running it) stops the run
# early with a clear message instead.
fail() { echo "setup-test-env: $*" >&2; exit 1; }
echo "setup-test-env: $(ogrinfo --version)"
echo "setup-test-env: OWSLib $(/usr/bin/python3 -c 'import owslib; print(owslib.__version__)')"
qgis=$(QT_QPA_PLATFORM=offscreen /usr/bin/python3 -c '
from qgis.core import Qgis, QgsApplication, QgsProviderRegistry
app = QgsApplication([], False)
app.initQgis()
print(Qgis.QGIS_VERSION, "wms" in QgsProviderRegistry.instance().providerList())
app.exitQgis()' 2>/dev/null | tail -1) || fail "QGIS (python3-qgis) does not start offscreen"
[[ "$qgis" == *" True" ]] || fail "QGIS has no WMS provider: $qgis"
echo "setup-test-env: QGIS ${qgis% True} (offscreen, WMS provider)"
profile=$(mktemp -d)
dom=$(timeout 60 /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-quic --disable-sync --user-data-dir="$profile" \
  --dump-dom 'data:text/html,<p>gengdi-ok</p>' 2>/dev/null) || true
rm -rf "$profile"
[[ "$dom" == *gengdi-ok* ]] || fail "headless Chromium (/usr/bin/chromium) does not render a page"
echo "setup-test-env: $(/usr/bin/chromium --version 2>/dev/null) (headless)"
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm (Node.js >= 20) are needed to build the portal"
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' \
  || fail "Node.js >= 20 is needed (playwright-core), found $(node --version)"
echo "setup-test-env: node $(node --version), npm $(npm --version)"
