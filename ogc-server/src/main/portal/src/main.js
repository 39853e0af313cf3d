// The public portal of Gengdi: the announced permanent-basic-farmland red line over the county, from this server's
// own WMTS (cached tiles), with a layer switcher, legends, click-for-attributes and search. The page lives at
// /portal/ and every URL it uses is relative to it (../wmts, ../ogcapi, …), so the portal works behind a reverse
// proxy under any prefix, whatever host and path the server believes it has. Nothing is loaded from elsewhere.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import WMTS, { optionsFromCapabilities } from 'ol/source/WMTS.js';
import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Stroke, Style, Fill } from 'ol/style.js';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import ScaleLine from 'ol/control/ScaleLine.js';

/** A URL of this server from its root path, e.g. url('/wmts?…'), relative to the page at …/portal/. */
const url = (path) => '..' + path;

// the layers offered, bottom first; the red line, the ecological red line and the townships shown at first
const LAYERS = [
  { name: 'DLTB', title: '地类图斑 Land use', visible: false },
  { name: 'GBZNT', title: '高标准农田 High-standard farmland', visible: false },
  { name: 'YJJBNTCBQ', title: '永久基本农田储备区 Reserve', visible: false },
  { name: 'STBHHX', title: '生态保护红线 Ecological red line', visible: true },
  { name: 'CZKFBJ', title: '城镇开发边界 Urban development boundary', visible: false },
  { name: 'YJJBNTBHTB', title: '永久基本农田保护红线 Permanent basic farmland', visible: true },
  { name: 'CJDCQ', title: '村级调查区 Villages', visible: false },
  { name: 'XZQ', title: '乡镇 Townships', visible: true },
];
// what a click asks about, in this order, when the layer is shown
const QUERYABLE = ['YJJBNTBHTB', 'YJJBNTCBQ', 'GBZNT', 'DLTB'];
// the server publishes no personal fields (责任人 name, ID number, phone, address, group); should one ever appear,
// the page still does not show it
const PERSONAL = new Set(['ZRRMC', 'ZRRZJHM', 'LXDH', 'JZDZ', 'ZMC']);

const highlight = new VectorLayer({
  source: new VectorSource(),
  style: new Style({
    stroke: new Stroke({ color: '#0050ff', width: 3 }),
    fill: new Fill({ color: 'rgba(0,80,255,0.08)' }),
  }),
  zIndex: 100,
});
const view = new View({ center: fromLonLat([117, 32]), zoom: 10, maxZoom: 20 }); // until the red line's extent is known
const map = new Map({
  target: 'map',
  layers: [highlight],
  view,
  controls: defaultControls({ attribution: false }).extend([new ScaleLine()]),
});
const tileLayers = {};
const titles = {}; // layer → field → Chinese title, from the layer's OGC API queryables

function status(text) {
  document.getElementById('status').textContent = text;
}

async function json(path) {
  const r = await fetch(url(path), { headers: { Accept: 'application/geo+json, application/json' } });
  if (!r.ok) {
    throw new Error(path.split('?')[0] + ': HTTP ' + r.status);
  }
  return r.json();
}

function titleOf(name) {
  return LAYERS.find((l) => l.name === name).title;
}

async function start() {
  const r = await fetch(url('/wmts?SERVICE=WMTS&REQUEST=GetCapabilities'));
  if (!r.ok) {
    throw new Error('WMTS GetCapabilities: HTTP ' + r.status);
  }
  const caps = new WMTSCapabilities().read(await r.text());
  const panel = document.getElementById('layers');
  LAYERS.forEach((l, i) => {
    const options = optionsFromCapabilities(caps,
      { layer: l.name, matrixSet: 'WebMercatorQuad', format: 'image/png', requestEncoding: 'REST' });
    if (!options) {
      return; // not published by this server
    }
    // RESTful tile URLs (plain GETs that browsers and proxies cache), the PNG template only: OpenLayers would take
    // every template of the layer (PNG and JPEG) and spread the tiles over them, and a JPEG tile is opaque. The
    // capabilities give absolute URLs as the server saw the request, which a proxy may not serve: keep the part from
    // /wmts/ on, relative to this page.
    const layerCaps = caps.Contents.Layer.find((c) => c.Identifier === l.name);
    options.urls = layerCaps.ResourceURL.filter((r) => r.resourceType === 'tile' && r.format === 'image/png')
      .map((r) => r.template.replace(/^.*?\/wmts\//, url('/wmts/')));
    options.format = 'image/png';
    const layer = new TileLayer({ source: new WMTS(options), visible: l.visible, zIndex: i });
    layer.set('name', l.name);
    tileLayers[l.name] = layer;
    map.addLayer(layer);
    const row = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = l.visible;
    box.dataset.layer = l.name;
    box.addEventListener('change', () => {
      layer.setVisible(box.checked);
      legend();
    });
    row.append(box, ' ' + l.title);
    panel.prepend(row); // top layer first, as it is drawn
  });
  legend();
  const red = caps.Contents.Layer.find((l) => l.Identifier === 'YJJBNTBHTB');
  if (red && red.WGS84BoundingBox) {
    view.fit(transformExtent(red.WGS84BoundingBox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  }
  await Promise.all(QUERYABLE.map(async (name) => {
    try {
      const q = await json('/ogcapi/collections/' + name + '/queryables');
      titles[name] = Object.fromEntries(Object.entries(q.properties || {}).map(([k, v]) => [k, v.title || k]));
    } catch (e) {
      titles[name] = {}; // not published: the field names are shown as they are
    }
  }));
  status('就绪 · ready');
  window.portal.ready = true;
}

function legend() {
  const div = document.getElementById('legend');
  div.innerHTML = '';
  for (const l of [...LAYERS].reverse()) {
    const layer = tileLayers[l.name];
    if (layer && layer.getVisible()) {
      const figure = document.createElement('figure');
      const caption = document.createElement('figcaption');
      caption.textContent = l.title;
      const img = document.createElement('img');
      img.alt = l.title;
      img.dataset.layer = l.name;
      img.src = url('/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=' + l.name);
      figure.append(caption, img);
      div.append(figure);
    }
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function showFeature(layerName, feature) {
  const t = titles[layerName] || {};
  let html = '<h3>' + escapeHtml(titleOf(layerName)) + '</h3><table>';
  for (const [k, v] of Object.entries(feature.properties || {})) {
    if (PERSONAL.has(k) || v === null || v === '') {
      continue;
    }
    html += '<tr><th title="' + escapeHtml(k) + '">' + escapeHtml(t[k] || k) + '</th><td>' + escapeHtml(v)
      + '</td></tr>';
  }
  document.getElementById('info').innerHTML = html + '</table>';
}

function highlightFeature(feature) {
  const f = new GeoJSON().readFeature(feature, { featureProjection: 'EPSG:3857' });
  highlight.getSource().clear();
  highlight.getSource().addFeature(f);
  return f;
}

// click: the features under the point, from OGC API Features (a small bbox to use the spatial index, then the
// point itself); the server's published view carries no personal fields
map.on('singleclick', async (evt) => {
  const [lon, lat] = toLonLat(evt.coordinate);
  const d = (map.getView().getResolution() * 3) / 111320 / Math.cos((lat * Math.PI) / 180);
  const bbox = [lon - d, lat - d, lon + d, lat + d].map((x) => x.toFixed(7)).join(',');
  const point = `S_INTERSECTS(geom,POINT(${lon.toFixed(8)} ${lat.toFixed(8)}))`;
  status('查询中 · querying…');
  try {
    for (const name of QUERYABLE) {
      const layer = tileLayers[name];
      if (!layer || !layer.getVisible()) {
        continue;
      }
      const fc = await json('/ogcapi/collections/' + name + '/items?limit=1&bbox=' + bbox
        + '&filter=' + encodeURIComponent(point));
      if (fc.features && fc.features.length) {
        showFeature(name, fc.features[0]);
        highlightFeature(fc.features[0]);
        status('已选中 · selected');
        return;
      }
    }
    highlight.getSource().clear();
    document.getElementById('info').innerHTML = '<p>此处无图斑 · nothing here</p>';
    status('就绪 · ready');
  } catch (e) {
    status('查询失败 · query failed: ' + e.message);
  }
});

// search: a red-line parcel number (YJJBNTTBBH), a village code (12 or 19 digits), a township code (9 digits), or a
// village or township name (exact first, then containing the text)
async function search(text) {
  const q = text.trim();
  if (!q) {
    return false;
  }
  const lit = q.replace(/'/g, "''");
  // exact parcel numbers first: a parcel number (township code + sequence) can begin with a village code
  const tries = [['YJJBNTBHTB', `YJJBNTTBBH = '${lit}'`]];
  if (/^[0-9]{12}$/.test(q)) {
    tries.push(['CJDCQ', `ZLDWDM LIKE '${lit}%'`]);
  } else if (/^[0-9]{19}$/.test(q)) {
    tries.push(['CJDCQ', `ZLDWDM = '${lit}'`]);
  } else if (/^[0-9]{9}$/.test(q)) {
    tries.push(['XZQ', `XZQDM = '${lit}'`]);
  } else if (!/^[0-9]+$/.test(q)) {
    const like = lit.replace(/[%_\\]/g, (c) => '\\' + c);
    tries.push(['CJDCQ', `ZLDWMC = '${lit}'`], ['XZQ', `XZQMC = '${lit}'`],
      ['CJDCQ', `ZLDWMC LIKE '%${like}%'`], ['XZQ', `XZQMC LIKE '%${like}%'`]);
  }
  status('搜索中 · searching…');
  try {
    for (const [name, filter] of tries) {
      const fc = await json('/ogcapi/collections/' + name + '/items?limit=1&filter=' + encodeURIComponent(filter));
      if (fc.features && fc.features.length) {
        const feature = fc.features[0];
        const f = highlightFeature(feature);
        view.fit(f.getGeometry().getExtent(), { padding: [40, 40, 40, 40], maxZoom: 18, duration: 0 });
        showFeature(name, feature);
        const p = feature.properties;
        const more = fc.numberMatched > 1 ? ` (1/${fc.numberMatched})` : '';
        status('已定位 · found: ' + (p.YJJBNTTBBH || p.ZLDWMC || p.XZQMC || q) + more);
        return true;
      }
    }
    status('未找到 · not found: ' + q);
  } catch (e) {
    status('搜索失败 · search failed: ' + e.message);
  }
  return false;
}

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  search(document.getElementById('q').value);
});

// for tests and for pages that embed the portal
window.portal = {
  map,
  ready: false,
  search,
  /** The visible extent in WGS 84 lon/lat: [minLon, minLat, maxLon, maxLat]. */
  viewExtent: () => transformExtent(view.calculateExtent(map.getSize()), 'EPSG:3857', 'EPSG:4326'),
  /** The map pixel of a lon/lat position. */
  pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
};
start().catch((e) => {
  status('加载失败 · failed: ' + e.message);
  console.error(e);
});
