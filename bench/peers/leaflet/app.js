// The Leaflet peer: GeoJSON base layers (no tiles) in a CRS with the widget's projection, three polylines,
// 18 numbered markers with their short names, and the card on click (with a flyTo, as the widget does).
(async () => {
  const { geo, model: m } = await Peer.load();
  // Plate carrée with longitudes scaled by cos(31°): exactly the widget's projection (src/geo.rs).
  const crs = L.extend({}, L.CRS.Earth, {
    code: 'bench:eqc31',
    projection: L.Projection.LonLat,
    transformation: new L.Transformation(Peer.K / 180, 1, -1 / 180, 0.5),
  });
  const map = L.map('map', { crs, zoomSnap: 0, zoomDelta: 0.5, wheelPxPerZoomLevel: 120 });
  // Set the view first: Leaflet creates layer elements once the map has one.
  const b = m.bounds;
  const overviewBounds = L.latLngBounds([b.south, b.west], [b.north, b.east]);
  map.fitBounds(overviewBounds, { padding: [Peer.PAD, Peer.PAD], animate: false });
  map.attributionControl.setPrefix(false).addAttribution('Base map: Natural Earth');

  const styles = {
    land: { stroke: false, fillColor: '#ECEAE4', fillOpacity: 1 },
    focus: { stroke: false, fillColor: '#FBF3E0', fillOpacity: 1 },
    lakes: { stroke: false, fillColor: '#D6E6F2', fillOpacity: 1 },
    rivers: { color: '#8DB9D8', weight: 1.2, opacity: 1, fill: false },
    borders: { color: '#B9B3A6', weight: 1, opacity: 1, dashArray: '4 3', fill: false },
    coast: { color: '#A9A08F', weight: 0.8, opacity: 1, fill: false },
  };
  for (const f of geo.features) {
    L.geoJSON(f, { style: styles[f.properties.name], interactive: false }).addTo(map);
  }
  for (const r of m.routes) {
    L.polyline(r.coords.map(([lon, lat]) => [lat, lon]), {
      color: r.group.color, weight: 3, opacity: 1, dashArray: r.group.dash || null, lineCap: 'round', lineJoin: 'round', interactive: false,
    }).addTo(map);
  }
  const t = m.tour.start;
  L.marker([t.lat, t.lon], { interactive: false, keyboard: false, icon: L.divIcon({ className: 'pm start', iconSize: [20, 20], html: `<span class="shape"></span><span class="lbl">${Peer.esc(t.name.zh.replace(/市$/, ''))}</span>` }) }).addTo(map);
  const markers = new Map();
  for (const s of m.stops) {
    const g = m.groups.get(s.group);
    const icon = L.divIcon({
      className: `pm g${s.group}`,
      iconSize: [22, 22],
      html: `<span class="shape" style="--c:${g.color}"><b>${s.order}</b></span><span class="lbl">${Peer.esc(s.short.zh)}</span>`,
    });
    const mk = L.marker([s.lat, s.lon], { icon, title: s.name.zh, riseOnHover: true }).addTo(map);
    mk.on('click', () => select(s.id));
    mk.getElement().dataset.stop = s.id;
    markers.set(s.id, mk);
  }

  Peer.showCard(m, null);

  // px per degree of latitude at zoom z is 256·2^z / 180.
  const stopZoom = Math.log2((Peer.STOP_PX_PER_DEG * 180) / 256);
  const dur = Peer.FLY_MS / 1000;
  function select(id) {
    const s = m.byId.get(id);
    Peer.showCard(m, id);
    map.flyTo([s.lat, s.lon], stopZoom, { duration: dur });
  }
  function overview() {
    Peer.showCard(m, null);
    map.flyToBounds(overviewBounds, { padding: [Peer.PAD, Peer.PAD], duration: dur });
  }
  function markerPoint(id) {
    const el = markers.get(id)?.getElement()?.querySelector('.shape');
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  }
  window.peer = { name: 'leaflet', map, select, overview, markerPoint };
})();
