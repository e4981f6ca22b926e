// Builds the two peer pages of the benchmark into bench/.cache/peers/{leaflet,echarts}/ from the widget's own
// inputs:
//   basemap.geojson  the six layers of assets/basemap.json (SVG paths in map units) turned back into lon/lat with
//                    the inverse of the projection in src/geo.rs (equirectangular scaled by cos(ref_lat));
//                    land, focus, lakes as MultiPolygon, rivers, borders, coast as MultiLineString.
//   tour.json        assets/tour.json unchanged (routes, colours, dashes, stops, facts).
//   vendor files     Leaflet 1.9.4 (leaflet.js + leaflet.css) and the smallest official ECharts dist file that
//                    has the geo component and the lines series (probed at build time, see pickEcharts()).
//   page files       bench/peers/<peer>/* and bench/peers/shared/* (card and page style shared by both peers).
// Prints a JSON summary (sizes, round-trip error of the inverse projection, chosen ECharts file) on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const OUT = path.join(BENCH, '.cache', 'peers');
const require = createRequire(import.meta.url);

// ---- projection (mirror of src/geo.rs) ----

const MAP_WIDTH = 1000;
const rad = (d) => (d * Math.PI) / 180;

export function projection(p) {
  const k = Math.cos(rad(p.ref_lat));
  const s = MAP_WIDTH / ((p.lon1 - p.lon0) * k); // map units per degree of latitude
  return {
    project: (lon, lat) => [(lon - p.lon0) * k * s, (p.lat1 - lat) * s],
    invert: (x, y) => [p.lon0 + x / (k * s), p.lat1 - y / s],
  };
}

// ---- SVG path (as written by tools/basemap/generate.py: m, l, z, relative, implicit lineto) ----

/** Subpaths of an SVG path string as arrays of absolute [x, y] points, and whether each was closed. */
export function parsePath(d) {
  const tokens = d.match(/[MmLlZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) || [];
  const subpaths = [];
  let cur = null;
  let cmd = null;
  // Positions are sums of 0.1-unit steps: work in integer tenths so that long paths do not drift.
  let pen = [0, 0];
  let start = [0, 0];
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (/[A-Za-z]/.test(t)) {
      if (t === 'z' || t === 'Z') {
        if (cur) { cur.closed = true; subpaths.push(cur); cur = null; }
        pen = start.slice();
        i += 1;
        continue;
      }
      cmd = t;
      i += 1;
      if (t === 'm' || t === 'M') {
        if (cur) subpaths.push(cur);
        cur = null;
      }
      continue;
    }
    const x = Math.round(Number(tokens[i]) * 10);
    const y = Math.round(Number(tokens[i + 1]) * 10);
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`bad path number near token ${i}`);
    i += 2;
    const rel = cmd === cmd.toLowerCase();
    pen = rel ? [pen[0] + x, pen[1] + y] : [x, y];
    if (!cur) {
      cur = { points: [], closed: false };
      start = pen.slice();
      cmd = rel ? 'l' : 'L'; // after a moveto, further pairs are linetos
    }
    cur.points.push([pen[0] / 10, pen[1] / 10]);
  }
  if (cur) subpaths.push(cur);
  return subpaths;
}

const signedArea = (ring) => {
  let a = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
};

// Three decimals of a degree (≈ 0.12 map units, ~100 m) match the 0.1-unit rounding of the SVG paths.
const DECIMALS = 3;
const round = (v) => Number(v.toFixed(DECIMALS));

export function basemapToGeoJSON(basemap) {
  const proj = projection(basemap.projection);
  const features = [];
  let maxErr = 0;
  let points = 0;
  for (const layer of ['land', 'focus', 'lakes', 'rivers', 'borders', 'coast']) {
    const d = basemap.layers[layer];
    if (typeof d !== 'string' || !d) throw new Error(`basemap layer ${layer} is missing`);
    const polygon = ['land', 'focus', 'lakes'].includes(layer);
    const parts = [];
    for (const sp of parsePath(d)) {
      let coords = sp.points.map(([x, y]) => {
        const [lon, lat] = proj.invert(x, y);
        const c = [round(lon), round(lat)];
        const [bx, by] = proj.project(c[0], c[1]);
        maxErr = Math.max(maxErr, Math.hypot(bx - x, by - y));
        points += 1;
        return c;
      });
      // Drop consecutive duplicates that rounding may create.
      coords = coords.filter((c, i) => i === 0 || c[0] !== coords[i - 1][0] || c[1] !== coords[i - 1][1]);
      if (polygon) {
        if (coords.length < 3) continue;
        const first = coords[0];
        const last = coords[coords.length - 1];
        if (first[0] !== last[0] || first[1] !== last[1]) coords.push(first.slice());
        if (coords.length < 4) continue;
        // The generator writes no holes (every ring has the same orientation), so each ring is its own polygon;
        // RFC 7946 wants exterior rings counter-clockwise in lon/lat.
        if (signedArea(coords) < 0) coords.reverse();
        parts.push([coords]);
      } else if (coords.length >= 2) {
        parts.push(coords);
      }
    }
    features.push({
      type: 'Feature',
      properties: { name: layer },
      geometry: polygon ? { type: 'MultiPolygon', coordinates: parts } : { type: 'MultiLineString', coordinates: parts },
    });
  }
  return { geojson: { type: 'FeatureCollection', features }, maxErr, points };
}

// ---- ECharts: the smallest official prebuilt file with the geo component and the lines series ----

export function pickEcharts() {
  const dir = path.join(ROOT, 'node_modules', 'echarts', 'dist');
  const files = fs.readdirSync(dir).filter((f) => /^echarts(\.[a-z]+)?\.min\.js$/.test(f) && !f.includes('esm'))
    .map((f) => ({ file: f, bytes: fs.statSync(path.join(dir, f)).size }))
    .sort((a, b) => a.bytes - b.bytes);
  const probes = [];
  for (const f of files) {
    const p = path.join(dir, f.file);
    delete require.cache[p];
    let ok = false;
    let why = '';
    try {
      // Render a one-polygon geo with a lines series server-side (SVG SSR) and look at what the model holds.
      const ec = require(p);
      ec.registerMap('probe', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } }] });
      const chart = ec.init(null, null, { renderer: 'svg', ssr: true, width: 100, height: 100 });
      chart.setOption({ animation: false, geo: { map: 'probe' }, series: [{ type: 'lines', coordinateSystem: 'geo', polyline: true, data: [{ coords: [[0, 0], [1, 1]] }] }] });
      const model = chart.getModel();
      ok = !!model.getComponent('geo') && model.getSeries().some((s) => s.subType === 'lines');
      why = ok ? 'geo + lines render' : 'geo or lines missing';
      chart.dispose();
    } catch (e) {
      // e.g. a build without the SVG renderer: fall back to looking for the lines series' type name.
      const text = fs.readFileSync(p, 'utf8');
      why = `probe failed (${e.message.slice(0, 60)}); "series.lines" ${text.includes('series.lines') ? 'present' : 'absent'}`;
    }
    probes.push({ ...f, ok, why });
  }
  const chosen = probes.find((p) => p.ok);
  if (!chosen) throw new Error(`no echarts dist file has geo + lines: ${JSON.stringify(probes)}`);
  return { chosen, probes };
}

// ---- assemble ----

function copyDir(src, dst) {
  fs.mkdirSync(dst, { recursive: true });
  for (const f of fs.readdirSync(src)) {
    const s = path.join(src, f);
    if (fs.statSync(s).isDirectory()) copyDir(s, path.join(dst, f));
    else fs.copyFileSync(s, path.join(dst, f));
  }
}

function pkgVersion(name) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

export function build() {
  const basemap = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets', 'basemap.json'), 'utf8'));
  const { geojson, maxErr, points } = basemapToGeoJSON(basemap);
  if (maxErr > 0.2) throw new Error(`inverse projection round trip is off by ${maxErr} map units`);
  const geoText = JSON.stringify(geojson);
  const tourText = fs.readFileSync(path.join(ROOT, 'assets', 'tour.json'));
  const echarts = pickEcharts();
  const versions = { leaflet: pkgVersion('leaflet'), echarts: pkgVersion('echarts') };
  if (versions.leaflet !== '1.9.4') throw new Error(`Leaflet ${versions.leaflet} installed, the benchmark wants 1.9.4 (npm ci)`);

  fs.rmSync(OUT, { recursive: true, force: true });
  const vendor = {
    leaflet: [['leaflet/dist/leaflet.js', 'leaflet.js'], ['leaflet/dist/leaflet.css', 'leaflet.css']],
    echarts: [[`echarts/dist/${echarts.chosen.file}`, 'echarts.js']],
  };
  for (const peer of ['leaflet', 'echarts']) {
    const dst = path.join(OUT, peer);
    copyDir(path.join(BENCH, 'peers', peer), dst);
    copyDir(path.join(BENCH, 'peers', 'shared'), dst);
    for (const [from, to] of vendor[peer]) fs.copyFileSync(path.join(ROOT, 'node_modules', from), path.join(dst, to));
    fs.writeFileSync(path.join(dst, 'basemap.geojson'), geoText);
    fs.writeFileSync(path.join(dst, 'tour.json'), tourText);
  }
  const summary = {
    out: path.relative(ROOT, OUT),
    versions,
    echarts: { file: echarts.chosen.file, probes: echarts.probes.map(({ file, bytes, ok, why }) => ({ file, bytes, ok, why })) },
    basemap: { svgBytes: JSON.stringify(basemap.layers).length, geojsonBytes: geoText.length, points, maxRoundTripError: Number(maxErr.toFixed(3)) },
  };
  fs.writeFileSync(path.join(OUT, 'build.json'), JSON.stringify(summary, null, 2));
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const summary = build();
  console.log(JSON.stringify(summary, null, 2));
  process.exit(0); // ECharts' probe leaves a timer behind
}
