// The ECharts peer: one geo component (land, focus, lakes as regions of a registered GeoJSON map, with the
// widget's projection via aspectScale = cos(31°)), lines series for rivers, borders, coast and the three routes,
// scatter series for the numbered markers and their names, and the card on click (with an animated fly-to:
// setOption on geo center/zoom, animationDurationUpdate like the widget's flight).
(async () => {
  const { geo, model: m } = await Peer.load();
  const el = document.getElementById('map');
  const polygons = geo.features.filter((f) => f.geometry.type === 'MultiPolygon');
  const lines = Object.fromEntries(geo.features.filter((f) => f.geometry.type === 'MultiLineString').map((f) => [f.properties.name, f.geometry.coordinates]));
  echarts.registerMap('delta', { type: 'FeatureCollection', features: polygons });
  const chart = echarts.init(el, null, { renderer: 'canvas' });

  // With layoutSize '100%' and this frame, zoom 1 shows the 9° of latitude over min(width, height) px.
  const frame = [[114.0, 35.5], [123.5, 26.5]];
  const ppd1 = () => Math.min(el.clientWidth, el.clientHeight) / (frame[0][1] - frame[1][1]);
  const b = m.bounds;
  const overviewView = () => {
    const ppd = Math.min((el.clientWidth - 2 * Peer.PAD) / ((b.east - b.west) * Peer.K), (el.clientHeight - 2 * Peer.PAD) / (b.north - b.south));
    return { center: [(b.west + b.east) / 2, (b.south + b.north) / 2], zoom: ppd / ppd1() };
  };
  const stopView = (s) => ({ center: [s.lon, s.lat], zoom: Peer.STOP_PX_PER_DEG / ppd1() });

  const baseLine = (name, style) => ({
    type: 'lines', name, coordinateSystem: 'geo', polyline: true, silent: true, z: 2,
    lineStyle: { opacity: 1, ...style }, data: lines[name].map((coords) => ({ coords })),
  });
  const shapes = { 1: 'circle', 2: 'rect', 3: 'diamond' };
  const t = m.tour.start;
  chart.setOption({
    animationDuration: 0, // no entry animation: the widget has none either
    animationDurationUpdate: Peer.FLY_MS,
    animationEasingUpdate: 'cubicInOut',
    geo: {
      map: 'delta', roam: true, aspectScale: Peer.K, boundingCoords: frame, layoutCenter: ['50%', '50%'], layoutSize: '100%',
      ...overviewView(), silent: true, label: { show: false },
      itemStyle: { borderWidth: 0 }, emphasis: { disabled: true }, select: { disabled: true },
      regions: [
        { name: 'land', itemStyle: { areaColor: '#ECEAE4' } },
        { name: 'focus', itemStyle: { areaColor: '#FBF3E0' } },
        { name: 'lakes', itemStyle: { areaColor: '#D6E6F2' } },
      ],
    },
    series: [
      baseLine('rivers', { color: '#8DB9D8', width: 1.2 }),
      baseLine('borders', { color: '#B9B3A6', width: 1, type: [4, 3] }),
      baseLine('coast', { color: '#A9A08F', width: 0.8 }),
      ...m.routes.map((r) => ({
        type: 'lines', name: `route${r.group.number}`, coordinateSystem: 'geo', polyline: true, silent: true, z: 3,
        lineStyle: { color: r.group.color, width: 3, opacity: 1, cap: 'round', join: 'round', type: r.group.dash ? r.group.dash.split(' ').map(Number) : 'solid' },
        data: [{ coords: r.coords }],
      })),
      {
        type: 'scatter', name: 'start', coordinateSystem: 'geo', silent: true, z: 4, symbol: 'diamond', symbolSize: 20,
        itemStyle: { color: '#1F2328', borderColor: '#fff', borderWidth: 2 },
        label: { show: true, position: 'right', distance: 8, formatter: t.name.zh.replace(/市$/, ''), color: '#1F2328', fontWeight: 600, fontSize: 14, textBorderColor: '#FBF3E0', textBorderWidth: 3 },
        data: [[t.lon, t.lat]],
      },
      {
        type: 'scatter', name: 'stops', coordinateSystem: 'geo', z: 5, cursor: 'pointer',
        emphasis: { scale: false },
        label: {
          show: true, position: 'inside', color: '#fff', fontWeight: 700, fontSize: 12,
          formatter: (p) => String(p.data.order),
        },
        labelLayout: { hideOverlap: false },
        data: m.stops.map((s) => ({
          id: s.id, name: s.name.zh, order: s.order, value: [s.lon, s.lat],
          symbol: shapes[s.group], symbolSize: s.group === 3 ? 24 : 21,
          itemStyle: { color: m.groups.get(s.group).color, borderColor: '#fff', borderWidth: 2, opacity: 1 },
        })),
      },
      {
        type: 'scatter', name: 'names', coordinateSystem: 'geo', silent: true, z: 5, symbolSize: 1, itemStyle: { color: 'rgba(0,0,0,0)' },
        label: { show: true, position: 'right', distance: 14, color: '#1F2328', fontWeight: 600, fontSize: 14, textBorderColor: '#FBF3E0', textBorderWidth: 3, formatter: (p) => p.data.short },
        data: m.stops.map((s) => ({ short: s.short.zh, value: [s.lon, s.lat] })),
      },
    ],
  });
  Peer.showCard(m, null);
  chart.on('click', { seriesName: 'stops' }, (p) => select(p.data.id));
  addEventListener('resize', () => chart.resize());

  function select(id) {
    Peer.showCard(m, id);
    chart.setOption({ geo: stopView(m.byId.get(id)) });
  }
  function overview() {
    Peer.showCard(m, null);
    chart.setOption({ geo: overviewView() });
  }
  function markerPoint(id) {
    const s = m.byId.get(id);
    const p = chart.convertToPixel({ geoIndex: 0 }, [s.lon, s.lat]);
    if (!p) return null;
    const r = el.getBoundingClientRect();
    return [r.left + p[0], r.top + p[1]];
  }
  window.peer = { name: 'echarts', chart, select, overview, markerPoint };
})();
