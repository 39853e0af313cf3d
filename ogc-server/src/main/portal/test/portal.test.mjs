// Drives the portal page in headless Chromium (Debian's, through playwright-core; no browser download) against a
// running Gengdi: the page loads, tiles paint, search by village name and by red-line parcel number zooms there,
// and a click on a parcel shows its attributes without personal fields. Prints one line per check; exits non-zero
// when a check fails. Usage: node portal.test.mjs http://127.0.0.1:PORT
import { chromium } from 'playwright-core';

const base = process.argv[2];
const results = {};
function check(name, ok, detail) {
  results[name] = ok;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail === undefined ? '' : ' ' + JSON.stringify(detail)}`);
}

async function get(path) {
  const r = await fetch(base + path);
  if (!r.ok) {
    throw new Error(path + ' ' + r.status);
  }
  return r.json();
}

function bboxOf(geometry) {
  const xs = [];
  const ys = [];
  const walk = (c) => (typeof c[0] === 'number' ? (xs.push(c[0]), ys.push(c[1])) : c.forEach(walk));
  walk(geometry.coordinates);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function vertexMean(geometry) {
  let ring = geometry.coordinates;
  while (typeof ring[0][0] !== 'number') {
    ring = ring[0];
  }
  const pts = ring.slice(0, -1);
  return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

// facts taken from the server, never hard-coded
const village = (await get('/ogcapi/collections/CJDCQ/items?limit=1&offset=3')).features[0];
const parcel = (await get('/ogcapi/collections/YJJBNTBHTB/items?limit=1&offset=7')).features[0];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const jsErrors = [];
  const consoleErrors = [];
  page.on('pageerror', (e) => jsErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) {
      consoleErrors.push(m.text());
    }
  });
  await page.goto(base + '/portal');
  await page.waitForFunction(() => window.portal && window.portal.ready, null, { timeout: 60000 });
  check('loads', true, await page.title());

  // tiles: the map's canvases get painted pixels (red-line outlines and the rest)
  const painted = await page.waitForFunction(() => {
    let n = 0;
    for (const c of document.querySelectorAll('#map canvas')) {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      for (let i = 3; i < d.length; i += 16) {
        if (d[i] > 0) {
          n++;
        }
      }
    }
    return n > 5000 ? n : false;
  }, null, { timeout: 60000, polling: 500 }).then((h) => h.jsonValue()).catch(() => 0);
  check('tiles', painted > 5000, painted);

  // search by village name
  const name = village.properties.ZLDWMC;
  const vb = bboxOf(village.geometry);
  await page.fill('#q', name);
  await page.press('#q', 'Enter');
  await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('已定位'), null,
    { timeout: 30000 });
  const inView = await page.evaluate(([x, y]) => window.portal.viewContains(x, y), [(vb[0] + vb[2]) / 2,
    (vb[1] + vb[3]) / 2]);
  const zoomVillage = await page.evaluate(() => window.portal.map.getView().getZoom());
  check('searchVillage', inView, { name, zoom: zoomVillage });

  // search by red-line parcel number: zooms closer, shows the parcel
  const number = parcel.properties.YJJBNTTBBH;
  const [px, py] = vertexMean(parcel.geometry);
  await page.fill('#q', number);
  await page.press('#q', 'Enter');
  await page.waitForFunction((n) => document.getElementById('status').textContent.includes(n), number,
    { timeout: 30000 });
  const parcelInView = await page.evaluate(([x, y]) => window.portal.viewContains(x, y), [px, py]);
  const zoomParcel = await page.evaluate(() => window.portal.map.getView().getZoom());
  check('searchParcel', parcelInView && zoomParcel > zoomVillage - 0.01, { number, zoom: zoomParcel });

  // click on the parcel: its attributes, with Chinese titles, without personal fields
  await page.evaluate(() => { document.getElementById('info').innerHTML = ''; });
  await page.waitForTimeout(300);
  const pixel = await page.evaluate(([x, y]) => window.portal.pixelOf(x, y), [px, py]);
  const box = await page.locator('#map').boundingBox();
  await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
  await page.waitForFunction((n) => document.getElementById('info').textContent.includes(n), number,
    { timeout: 30000 });
  const info = await page.locator('#info').innerText();
  const personal = ['ZRRMC', 'ZRRZJHM', 'LXDH', 'JZDZ', '责任人', '证件号码', '联系电话'].filter((w) => info.includes(w));
  check('click', info.includes(number) && info.includes('永久基本农田图斑编号'), info.split('\n').slice(0, 4));
  check('noPersonalFields', personal.length === 0, personal);
  check('noScriptErrors', jsErrors.length === 0 && consoleErrors.length === 0, jsErrors.concat(consoleErrors));
  await page.screenshot({ path: process.argv[3] || 'portal.png' });
} catch (e) {
  console.log('FAIL exception ' + String(e).split('\n')[0]);
  failed = true;
} finally {
  await browser.close();
}
failed = failed || Object.values(results).some((ok) => !ok) || Object.keys(results).length < 7;
process.exit(failed ? 1 : 0);
