// Drives the portal page in headless Chromium (Debian's /usr/bin/chromium through playwright-core; no browser is
// downloaded) against a running Gengdi, and prints one PASS/FAIL line per check; exits non-zero when any check fails
// or does not run. Every value it searches for is read from the server first.
//
//   node portal.test.mjs BASE_URL OUT_DIR [PERSONAL_VALUES_FILE]
//
// PERSONAL_VALUES_FILE: one value a line (ID numbers, phone numbers of the red-line parcels, read from the store by
// the caller); none of them may reach the page.
import { chromium } from 'playwright-core';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, outDir, secretsFile] = process.argv.slice(2);
const EXPECTED = ['redirect', 'loads', 'layerSwitcher', 'tiles', 'legend', 'toggleLayer', 'searchVillageName',
  'searchVillageCode', 'searchParcel', 'click', 'clickNothing', 'noPersonalData', 'onlyThisServer', 'noHttpErrors',
  'noScriptErrors', 'proxyTiles', 'proxySearch', 'proxyRelativeUrls'];
const PERSONAL_NAMES = ['ZRRMC', 'ZRRZJHM', 'LXDH', 'JZDZ', 'ZMC', '责任人', '证件号码', '联系电话', '居住地址', '组名称'];
const secrets = secretsFile ? readFileSync(secretsFile, 'utf8').split('\n').map((s) => s.trim()).filter((s) => s.length >= 6) : [];
const results = {};

function check(name, ok, detail) {
  results[name] = Boolean(ok);
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail === undefined ? '' : ' ' + JSON.stringify(detail)}`);
}

async function get(path) {
  const r = await fetch(base + path, { headers: { Accept: 'application/geo+json, application/json' } });
  if (!r.ok) {
    throw new Error(path + ' ' + r.status);
  }
  return r.json();
}

// ---------------------------------------------------------------------------------------------- geometry helpers
function rings(geometry) {
  if (geometry.type === 'Polygon') {
    return [geometry.coordinates];
  }
  if (geometry.type === 'MultiPolygon') {
    return geometry.coordinates;
  }
  throw new Error('not a polygon: ' + geometry.type);
}

function bboxOf(geometry) {
  const pts = rings(geometry).flat(2);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

function inPolygon(geometry, x, y) {
  return rings(geometry).some((poly) => inRing(poly[0], x, y) && !poly.slice(1).some((h) => inRing(h, x, y)));
}

function distToEdges(geometry, x, y) {
  let best = Infinity;
  for (const poly of rings(geometry)) {
    for (const ring of poly) {
      for (let i = 1; i < ring.length; i++) {
        const [ax, ay] = ring[i - 1];
        const [bx, by] = ring[i];
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy || 1)));
        best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
      }
    }
  }
  return best;
}

/** A point well inside a polygon: of a 30 × 30 grid over its bbox, the inside point farthest from its edges. */
function interiorPoint(geometry) {
  const [x0, y0, x1, y1] = bboxOf(geometry);
  let best = null;
  for (let i = 1; i < 30; i++) {
    for (let j = 1; j < 30; j++) {
      const x = x0 + ((x1 - x0) * i) / 30;
      const y = y0 + ((y1 - y0) * j) / 30;
      if (inPolygon(geometry, x, y)) {
        const d = distToEdges(geometry, x, y);
        if (!best || d > best.d) {
          best = { x, y, d };
        }
      }
    }
  }
  return [best.x, best.y];
}

/** The view contains the bbox (to 1 % of the view) and fits it closely in one direction (or is at maxZoom). */
function zoomedTo(view, bbox, maxZoomReached) {
  const vw = view[2] - view[0];
  const vh = view[3] - view[1];
  const tol = 0.01;
  const contains = bbox[0] >= view[0] - tol * vw && bbox[2] <= view[2] + tol * vw && bbox[1] >= view[1] - tol * vh
    && bbox[3] <= view[3] + tol * vh;
  const tight = Math.min(vw / (bbox[2] - bbox[0]), vh / (bbox[3] - bbox[1])) < 1.6;
  return { ok: contains && (tight || maxZoomReached), contains, tight, maxZoomReached };
}

// ------------------------------------------------------------------------------------------ facts from the server
const villages = (await get('/ogcapi/collections/CJDCQ/items?limit=1000')).features;
const uniqueName = (v) => villages.every((o) => o === v || !o.properties.ZLDWMC.includes(v.properties.ZLDWMC));
const named = villages.filter(uniqueName);
const village = named[Math.floor(named.length / 2)];
const coded = villages[Math.floor(villages.length / 3)] === village ? villages[1] : villages[Math.floor(villages.length / 3)];
const parcelCount = (await get('/ogcapi/collections/YJJBNTBHTB/items?limit=1')).numberMatched;
const parcel = (await get(`/ogcapi/collections/YJJBNTBHTB/items?limit=1&offset=${Math.floor(parcelCount * 0.6)}`))
  .features[0];
console.log('facts', JSON.stringify({ villages: villages.length, village: village.properties.ZLDWMC,
  code: coded.properties.ZLDWDM, parcels: parcelCount, parcel: parcel.properties.YJJBNTTBBH, secrets: secrets.length }));

// ------------------------------------------------------------------------------------------------------ browser
const userDataDir = mkdtempSync(join(tmpdir(), 'gengdi-chromium-')); // a fresh profile each run
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
} catch (e) {
  console.log('FAIL browser /usr/bin/chromium does not start: ' + String(e).split('\n')[0]);
  rmSync(userDataDir, { recursive: true, force: true });
  process.exit(1);
}

function instrument(page) {
  const log = { requests: [], responses: [], failed: [], errors: [], bodies: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failed.push(r.url() + ' ' + (r.failure() || {}).errorText));
  page.on('response', (r) => {
    const type = r.headers()['content-type'] || '';
    log.responses.push({ url: r.url(), status: r.status(), type });
    if (!/^image\//.test(type) && r.status() < 300) {
      log.bodies.push(r.text().then((t) => ({ url: r.url(), text: t }), () => ({ url: r.url(), text: '' })));
    }
  });
  page.on('pageerror', (e) => log.errors.push('pageerror: ' + String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') {
      log.errors.push('console: ' + m.text());
    }
  });
  return log;
}

async function status(page) {
  return page.locator('#status').innerText();
}

async function waitStatus(page, prefix, text) {
  await page.waitForFunction(([p, t]) => {
    const s = document.getElementById('status').textContent;
    return s.startsWith(p) && (!t || s.includes(t));
  }, [prefix, text], { timeout: 30000 });
}

/** Pixels of a screenshot of the map that differ from its empty background, and red ones (the red line). */
async function mapPixels(page) {
  const png = await page.locator('#map').screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) {
      // background #f4f4ef
      if (Math.abs(d[i] - 244) > 24 || Math.abs(d[i + 1] - 244) > 24 || Math.abs(d[i + 2] - 239) > 24) {
        painted++;
        if (d[i] > 170 && d[i + 1] < 110 && d[i + 2] < 110) {
          red++;
        }
      }
    }
    return { painted, red, total: d.length / 4 };
  }, png.toString('base64'));
}

// At the first view (the whole county) the sample's layers cover about half of the map and the red outlines about
// 6 %; a tile layer hidden by opaque tiles, or tiles missing, brings these well down.
const tilesDrawn = (px) => px.painted > px.total * 0.3 && px.red > px.total * 0.02;

async function waitForTiles(page) {
  await rendered(page);
  let px = { painted: 0, red: 0, total: 1 };
  for (let i = 0; i < 30 && !tilesDrawn(px); i++) {
    if (i > 0) {
      await page.waitForTimeout(1000);
    }
    px = await mapPixels(page);
  }
  return px;
}

/** Waits until OpenLayers has drawn every tile the current view needs. */
async function rendered(page) {
  await page.evaluate(() => new Promise((done) => {
    window.portal.map.once('rendercomplete', () => done());
    window.portal.map.render();
  }));
}

async function search(page, text) {
  await page.fill('#q', text);
  await page.press('#q', 'Enter');
}

const viewExtent = (page) => page.evaluate(() => window.portal.viewExtent());
const zoom = (page) => page.evaluate(() => window.portal.map.getView().getZoom());

let crashed = false;
let proxy;
try {
  const page = context.pages()[0] || await context.newPage();
  const log = instrument(page);
  const origin = new URL(base).origin;

  const response = await page.goto(base + '/portal');
  check('redirect', response.ok() && page.url() === base + '/portal/', page.url());
  await page.waitForFunction(() => window.portal && window.portal.ready, null, { timeout: 60000 });
  check('loads', (await page.title()).includes('永久基本农田') && (await status(page)).startsWith('就绪'),
    await page.title());

  const boxes = await page.$$eval('#layers input[type=checkbox]', (l) => l.map((b) => [b.dataset.layer, b.checked]));
  const offered = boxes.map(([n]) => n);
  check('layerSwitcher', ['YJJBNTBHTB', 'YJJBNTCBQ', 'STBHHX', 'CZKFBJ', 'CJDCQ', 'XZQ', 'DLTB']
    .every((n) => offered.includes(n)) && boxes.find(([n]) => n === 'YJJBNTBHTB')[1], boxes);

  // tiles: a screenshot of the map shows the red line (red outlines) and the other layers
  const px = await waitForTiles(page);
  // from the WMTS, RESTful, PNG only (a JPEG tile is opaque and hides the layers under it)
  const tiles = log.responses.filter((r) => r.url.includes('/wmts/1.0.0/'));
  const png = tiles.filter((r) => r.status === 200 && r.url.endsWith('.png') && r.type.startsWith('image/png'));
  check('tiles', tilesDrawn(px) && png.length >= 4 && png.length === tiles.length,
    { ...px, wmtsTiles: tiles.length, png: png.length });

  // legend: one loaded GetLegendGraphic image per shown layer
  const legendOf = () => page.$$eval('#legend img', (l) => l.map((i) => [i.dataset.layer, i.complete && i.naturalWidth > 0
    && i.naturalHeight > 0]));
  await page.waitForFunction(() => [...document.querySelectorAll('#legend img')].every((i) => i.complete), null,
    { timeout: 30000 });
  const shown = boxes.filter(([, on]) => on).map(([n]) => n).sort();
  const legend = await legendOf();
  check('legend', legend.every(([, ok]) => ok) && JSON.stringify(legend.map(([n]) => n).sort())
    === JSON.stringify(shown), legend);

  // switching the villages on: their tiles are fetched and drawn, their legend appears; off again: it goes
  const before = await mapPixels(page);
  await page.check('#layers input[data-layer=CJDCQ]');
  await page.waitForResponse((r) => r.url().includes('/wmts/1.0.0/CJDCQ/') && r.status() === 200, { timeout: 30000 });
  await rendered(page);
  const withVillages = await mapPixels(page);
  const legendOn = (await legendOf()).map(([n]) => n);
  await page.uncheck('#layers input[data-layer=CJDCQ]');
  const legendOff = (await legendOf()).map(([n]) => n);
  check('toggleLayer', legendOn.includes('CJDCQ') && !legendOff.includes('CJDCQ')
    && withVillages.painted !== before.painted, { before: before.painted, withVillages: withVillages.painted });

  // search by a village name: the view moves to the village and fits it
  const name = village.properties.ZLDWMC;
  const start = await viewExtent(page);
  await search(page, name);
  await waitStatus(page, '已定位', name);
  const afterName = await viewExtent(page);
  const v1 = zoomedTo(afterName, bboxOf(village.geometry), false);
  check('searchVillageName', v1.ok && JSON.stringify(afterName) !== JSON.stringify(start), { name, ...v1 });

  // search by a village code as people write it (the first 12 digits of the 19-digit ZLDWDM)
  const code = coded.properties.ZLDWDM.substring(0, 12);
  await search(page, code);
  await waitStatus(page, '已定位', coded.properties.ZLDWMC);
  const v2 = zoomedTo(await viewExtent(page), bboxOf(coded.geometry), false);
  check('searchVillageCode', v2.ok, { code, village: coded.properties.ZLDWMC, ...v2 });

  // search by a red-line parcel number: the view zooms to the parcel and its attributes are shown
  const number = parcel.properties.YJJBNTTBBH;
  await search(page, number);
  await waitStatus(page, '已定位', number);
  const v3 = zoomedTo(await viewExtent(page), bboxOf(parcel.geometry), (await zoom(page)) >= 17.99);
  const found = await page.locator('#info').innerText();
  check('searchParcel', v3.ok && found.includes(number), { number, zoom: await zoom(page), ...v3 });

  // a click inside the parcel (the panel emptied first): its attributes, with Chinese titles
  await page.evaluate(() => {
    document.getElementById('info').innerHTML = '';
  });
  const [cx, cy] = interiorPoint(parcel.geometry);
  const pixel = await page.evaluate(([x, y]) => window.portal.pixelOf(x, y), [cx, cy]);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
  await page.waitForFunction((n) => document.getElementById('info').textContent.includes(n), number,
    { timeout: 30000 });
  const infoHtml = await page.locator('#info').innerHTML();
  const info = await page.locator('#info').innerText();
  const rows = await page.locator('#info tr').count();
  check('click', info.includes(number) && info.includes('永久基本农田图斑编号') && info.includes('地类名称')
    && rows >= 10, { rows, first: info.split('\n').slice(0, 4) });

  // a click outside the county: nothing there
  await page.evaluate(() => window.portal.map.getView().setCenter([0, 0]));
  await page.waitForTimeout(300);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForFunction(() => document.getElementById('info').textContent.includes('此处无图斑'), null,
    { timeout: 30000 });
  check('clickNothing', true);

  // privacy: no personal field names, titles or values in any answer the page received, or in the page
  // (the page's own script is left out: it lists the personal field names in order never to show them)
  const bodies = (await Promise.all(log.bodies)).filter((b) => !b.url.startsWith(origin + '/portal/portal.js'));
  const dom = await page.content();
  const leaks = [];
  for (const { url, text } of bodies.concat([{ url: 'DOM', text: dom }, { url: 'info', text: infoHtml }])) {
    for (const w of PERSONAL_NAMES.concat(secrets)) {
      if (text.includes(w)) {
        leaks.push(url.replace(origin, '') + ': ' + w);
      }
    }
  }
  check('noPersonalData', leaks.length === 0 && bodies.length >= 5 && secrets.length > 0,
    { answers: bodies.length, personalValuesChecked: secrets.length, leaks: leaks.slice(0, 5) });

  // nothing but this server: no CDN, no fonts, no tiles from elsewhere
  const foreign = log.requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:'));
  check('onlyThisServer', foreign.length === 0 && log.requests.length > 10,
    { requests: log.requests.length, foreign: foreign.slice(0, 5) });
  const bad = log.responses.filter((r) => r.status >= 400).map((r) => r.status + ' ' + r.url.replace(origin, ''));
  check('noHttpErrors', bad.length === 0 && log.failed.length === 0, { bad: bad.slice(0, 5), failed: log.failed.slice(0, 5) });
  check('noScriptErrors', log.errors.length === 0, log.errors.slice(0, 5));
  await page.evaluate(() => window.portal.map.getView().setCenter([0, 0]));
  await search(page, number);
  await waitStatus(page, '已定位', number);
  await rendered(page);
  await page.screenshot({ path: join(outDir, 'portal.png') });

  // behind a reverse proxy under a prefix that the server does not know about (no X-Forwarded-* headers)
  const target = new URL(base);
  proxy = http.createServer((req, res) => {
    if (!req.url.startsWith('/gis/')) {
      res.writeHead(404).end();
      return;
    }
    const up = http.request({ host: target.hostname, port: target.port, method: req.method,
      path: req.url.substring(4), headers: { ...req.headers, host: target.host } }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  await new Promise((ok) => proxy.listen(0, '127.0.0.1', ok));
  const front = `http://127.0.0.1:${proxy.address().port}`;
  const page2 = await context.newPage();
  const log2 = instrument(page2);
  await page2.goto(front + '/gis/portal');
  await page2.waitForFunction(() => window.portal && window.portal.ready, null, { timeout: 60000 });
  const px2 = await waitForTiles(page2);
  check('proxyTiles', page2.url() === front + '/gis/portal/' && tilesDrawn(px2), { url: page2.url(), ...px2 });
  await search(page2, number);
  await waitStatus(page2, '已定位', number);
  check('proxySearch', (await page2.locator('#info').innerText()).includes(number));
  const outside = log2.requests.filter((u) => !u.startsWith(front + '/gis/') && !u.startsWith('data:'));
  const tiles2 = log2.responses.filter((r) => r.url.includes('/wmts/1.0.0/'));
  const bad2 = log2.responses.filter((r) => r.status >= 400).map((r) => r.status + ' ' + r.url);
  check('proxyRelativeUrls', outside.length === 0 && bad2.length === 0 && log2.errors.length === 0
    && tiles2.length >= 4, { requests: log2.requests.length, tiles: tiles2.length, outside: outside.slice(0, 5),
    bad: bad2.slice(0, 5), errors: log2.errors });
} catch (e) {
  console.log('FAIL exception ' + String(e.stack || e).split('\n').slice(0, 3).join(' | '));
  crashed = true;
} finally {
  await context.close();
  if (proxy) {
    proxy.close();
  }
  rmSync(userDataDir, { recursive: true, force: true });
}
const missing = EXPECTED.filter((n) => !(n in results));
if (missing.length) {
  console.log('FAIL notRun ' + missing.join(','));
}
writeFileSync(join(outDir, 'portal-results.json'), JSON.stringify(results, null, 1));
process.exit(crashed || missing.length || Object.values(results).some((ok) => !ok) ? 1 : 0);
