// Shared by both peers: loads the same inputs (basemap.geojson, tour.json), builds the routes (Hangzhou, then the
// group's stops in order), and renders the simple case card (name, place, reported facts A and background B).
window.Peer = (() => {
  const K = Math.cos((31 * Math.PI) / 180); // the widget's projection: equirectangular scaled by cos(31°)
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

  async function load() {
    const [geo, tour] = await Promise.all([
      fetch('basemap.geojson').then((r) => r.json()),
      fetch('tour.json').then((r) => r.json()),
    ]);
    return { geo, tour, model: model(tour) };
  }

  function model(tour) {
    const byId = new Map(tour.stops.map((s) => [s.id, s]));
    const groups = new Map(tour.groups.map((g) => [g.number, g]));
    const routes = tour.groups.map((g) => ({
      group: g,
      coords: [[tour.start.lon, tour.start.lat], ...g.stops.map((id) => [byId.get(id).lon, byId.get(id).lat])],
    }));
    const pts = [tour.start, ...tour.stops];
    const bounds = {
      west: Math.min(...pts.map((p) => p.lon)), east: Math.max(...pts.map((p) => p.lon)),
      south: Math.min(...pts.map((p) => p.lat)), north: Math.max(...pts.map((p) => p.lat)),
    };
    return { tour, byId, groups, routes, bounds, stops: tour.stops };
  }

  function showCard(m, id) {
    const s = m.byId.get(id);
    const card = document.getElementById('card');
    if (!s) { card.innerHTML = `<h2 id="card-h">${esc(m.tour.event.headline.zh)}</h2>`; return; }
    const g = m.groups.get(s.group);
    const a = s.facts.filter((f) => f.tag === 'A');
    const b = s.facts.filter((f) => f.tag === 'B');
    card.innerHTML = `<p class="kicker" style="color:${esc(g.color)}">${esc(g.name.zh)} · 第${s.order}站</p>
      <h2 id="card-h">${esc(s.name.zh)}</h2>
      <p class="place">${esc(s.city.zh)} · ${esc(s.province.zh)}</p>
      <h3>据报道</h3><ul>${a.map((f) => `<li>${esc(f.zh)}</li>`).join('') || '<li>（无）</li>'}</ul>
      ${b.length ? `<div class="bg"><h3>背景</h3><ul>${b.map((f) => `<li>${esc(f.zh)}</li>`).join('')}</ul></div>` : ''}
      <p class="src">来源：新浪财经 2025-03-03</p>`;
  }

  // Zoomed view of a stop: about 1240 px per degree of latitude, the scale the widget uses for 梁溪区 at 1280×800.
  const STOP_PX_PER_DEG = 1240;
  const PAD = 40;
  const FLY_MS = 900; // the widget's longest flight

  return { K, esc, load, showCard, STOP_PX_PER_DEG, PAD, FLY_MS };
})();
