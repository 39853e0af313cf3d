// The public portal of Gengdi: the announced permanent-basic-farmland red line over the county, from this server's
// own WMTS (cached tiles), with a layer switcher, legends, click-for-attributes and search. Every URL is relative
// to the page, so the portal works behind a reverse proxy under any prefix.
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import TileLayer from 'ol/layer/Tile.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import WMTS, { optionsFromCapabilities } from 'ol/source/WMTS.js';
import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import { Stroke, Style, Fill } from 'ol/style.js';
import { transformExtent, toLonLat, fromLonLat } from 'ol/proj.js';
import { containsCoordinate } from 'ol/extent.js';
import ScaleLine from 'ol/control/ScaleLine.js';

const base = window.location.pathname.replace(/\/portal\/?(index\.html)?$/, '');
const url = (path) => base + path;

// the layers offered, top last; the red line shown by default
const LAYERS = [
  { name: 'DLTB', title: '地类图斑 Land use', visible: false },
  { name: 'GBZNT', title: '高标准农田 High-standard farmland', visible: false },
  { name: 'YJJBNTCBQ', title: '储备区 Reserve', visible: false },
  { name: 'STBHHX', title: '生态保护红线 Ecological red line', visible: true },
  { name: 'CZKFBJ', title: '城镇开发边界 Urban boundary', visible: false },
  { name: 'YJJBNTBHTB', title: '永久基本农田 Red line', visible: true },
  { name: 'XZQ', title: '乡镇 Townships', visible: true },
  { name: 'CJDCQ', title: '村 Villages', visible: false },
];
// what a click asks about, in order; personal fields are never served by the server, and never shown here
const QUERYABLE = ['YJJBNTBHTB', 'YJJBNTCBQ', 'DLTB'];
const HIDDEN = new Set(['ZRRMC', 'ZRRZJHM', 'LXDH', 'JZDZ', 'ZMC']);

const highlight = new VectorLayer({
  source: new VectorSource(),
  style: new Style({ stroke: new Stroke({ color: '#0050ff', width: 3 }), fill: new Fill({ color: 'rgba(0,80,255,0.08)' }) }),
  zIndex: 100,
});
const view = new View({ center: fromLonLat([117, 32]), zoom: 11, maxZoom: 20 });
const map = new Map({ target: 'map', layers: [highlight], view, controls: [] });
map.addControl(new ScaleLine());
const tileLayers = {};
const titles = {};

function status(text) {
  document.getElementById('status').textContent = text;
}

async function json(path) {
  const r = await fetch(url(path), { headers: { Accept: 'application/json' } });
  if (!r.ok) {
    throw new Error(path + ': HTTP ' + r.status);
  }
  return r.json();
}

async function start() {
  const text = await (await fetch(url('/wmts?SERVICE=WMTS&REQUEST=GetCapabilities'))).text();
  const caps = new WMTSCapabilities().read(text);
  const panel = document.getElementById('layers');
  LAYERS.forEach((l, i) => {
    const options = optionsFromCapabilities(caps, { layer: l.name, matrixSet: 'WebMercatorQuad', format: 'image/png' });
    if (!options) {
      return; // not published here
    }
    // the capabilities give absolute URLs of the server as it saw the request; keep them relative
    options.urls = options.urls.map((u) => u.replace(/^https?:\/\/[^/]+/, ''));
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
    panel.append(row);
  });
  legend();
  const red = caps.Contents.Layer.find((l) => l.Identifier === 'YJJBNTBHTB');
  if (red && red.WGS84BoundingBox) {
    view.fit(transformExtent(red.WGS84BoundingBox, 'EPSG:4326', 'EPSG:3857'), { padding: [20, 20, 20, 20] });
  }
  for (const name of QUERYABLE) {
    try {
      const q = await json('/ogcapi/collections/' + name + '/queryables');
      titles[name] = Object.fromEntries(Object.entries(q.properties || {}).map(([k, v]) => [k, v.title || k]));
    } catch (e) {
      titles[name] = {};
    }
  }
  status('就绪 · ready');
  window.portal.ready = true;
}

function legend() {
  const div = document.getElementById('legend');
  div.innerHTML = '';
  for (const l of LAYERS) {
    const layer = tileLayers[l.name];
    if (layer && layer.getVisible()) {
      const img = document.createElement('img');
      img.alt = l.title;
      img.src = url('/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=' + l.name);
      div.append(img);
    }
  }
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

function showFeature(layerName, feature) {
  const props = feature.properties || {};
  const t = titles[layerName] || {};
  let html = '<h3>' + escapeHtml(LAYERS.find((l) => l.name === layerName).title) + '</h3><table>';
  for (const [k, v] of Object.entries(props)) {
    if (HIDDEN.has(k) || v === null || v === '') {
      continue;
    }
    html += '<tr><th>' + escapeHtml(t[k] || k) + '</th><td>' + escapeHtml(v) + '</td></tr>';
  }
  document.getElementById('info').innerHTML = html + '</table>';
  const source = highlight.getSource();
  source.clear();
  source.addFeatures(new GeoJSON().readFeatures(feature, { featureProjection: 'EPSG:3857' }));
}

// click: the features under the point, from OGC API Features with a small box (no personal fields are served)
map.on('singleclick', async (evt) => {
  const [lon, lat] = toLonLat(evt.coordinate);
  const d = map.getView().getResolution() * 3 / 111320 / Math.cos(lat * Math.PI / 180);
  const bbox = [lon - d, lat - d, lon + d, lat + d].map((x) => x.toFixed(7)).join(',');
  for (const name of QUERYABLE) {
    const layer = tileLayers[name];
    if (!layer || !layer.getVisible()) {
      continue;
    }
    const fc = await json('/ogcapi/collections/' + name + '/items?limit=1&bbox=' + bbox
      + '&filter=' + encodeURIComponent(`S_INTERSECTS(geom,POINT(${lon.toFixed(8)} ${lat.toFixed(8)}))`));
    if (fc.features && fc.features.length) {
      showFeature(name, fc.features[0]);
      status('已选中 · selected');
      return;
    }
  }
  document.getElementById('info').innerHTML = '<p>此处无图斑 · nothing here</p>';
});

// search: a red-line parcel number, a village code, or a village name
async function search(text) {
  const q = text.trim();
  if (!q) {
    return false;
  }
  const lit = q.replace(/'/g, "''");
  const tries = /^[0-9]{12,19}$/.test(q)
    ? [['CJDCQ', `ZLDWDM LIKE '${lit.substring(0, 12)}%'`], ['YJJBNTBHTB', `YJJBNTTBBH = '${lit}'`]]
    : [['YJJBNTBHTB', `YJJBNTTBBH = '${lit}'`], ['CJDCQ', `ZLDWMC LIKE '%${lit}%'`], ['XZQ', `XZQMC LIKE '%${lit}%'`]];
  for (const [name, filter] of tries) {
    const fc = await json('/ogcapi/collections/' + name + '/items?limit=1&filter=' + encodeURIComponent(filter));
    if (fc.features && fc.features.length) {
      const f = new GeoJSON().readFeature(fc.features[0], { featureProjection: 'EPSG:3857' });
      view.fit(f.getGeometry().getExtent(), { padding: [40, 40, 40, 40], maxZoom: 18 });
      highlight.getSource().clear();
      highlight.getSource().addFeature(f);
      if (name === 'YJJBNTBHTB') {
        showFeature(name, fc.features[0]);
      }
      const p = fc.features[0].properties;
      status('已定位 · found: ' + (name === 'YJJBNTBHTB' ? p.YJJBNTTBBH : p.ZLDWMC || p.XZQMC || q));
      return true;
    }
  }
  status('未找到 · not found: ' + q);
  return false;
}

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  search(document.getElementById('q').value);
});

// for tests and embedding pages
window.portal = {
  map,
  ready: false,
  search,
  viewContains: (lon, lat) => containsCoordinate(view.calculateExtent(map.getSize()), fromLonLat([lon, lat])),
  pixelOf: (lon, lat) => map.getPixelFromCoordinate(fromLonLat([lon, lat])),
};
start().catch((e) => {
  status('加载失败 · failed: ' + e.message);
  console.error(e);
});
