// What a composited flight could gain: a rough simulation, not the widget's code. On the settled overview
// (1280×800, 4× CPU, fresh page per sample, the ways interleaved), the page's own map is zoomed 3× about its
// centre for 1 s by script in one of these ways, and the animation frames' intervals are recorded:
//   now       the top layer's viewBox and each marker's counter-scale set at every frame, the base map moved as
//             a CSS transform (what src/components/map/flight.rs does)
//   scaled    both layers moved as CSS transforms, each marker still counter-scaled at every frame
//   layers    both layers moved as CSS transforms, markers left alone (they grow with the map)
//   overlay   markers hidden and copied into an HTML overlay, one box each, moved by a translate at every frame
//   animated  both layers moved by Web Animations set once (the compositor runs them), markers hidden
//   animated-overlay  the same, with the overlay's boxes also moved by Web Animations
//   nss       the top layer's viewBox set at every frame as now, but the markers hidden and drawn instead as the
//             round caps of zero-length strokes (`vector-effect: non-scaling-stroke`), one path per route: the
//             marks keep their size without a counter-scale each (what src/flight_marks.rs came of)
//   nssd      nss, with the paths' points rewritten at every frame (a marker moved off its place keeps its
//             offset in px, not in map units)
// Prints per way the p95 frame interval and the frames over 20 ms of each sample.
//   node bench/flysim.mjs [N] [way,way,...] [dir]      (defaults: 5, now,layers,animated, dist/)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveBuilds, settledPage } from './lib/fly.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] || 5);
const WAYS = ['now', 'scaled', 'layers', 'overlay', 'animated', 'animated-overlay', 'nss', 'nssd'];
const ways = (process.argv[3] || 'now,layers,animated').split(',');
for (const w of ways) if (!WAYS.includes(w)) throw new Error(`unknown way ${w}: one of ${WAYS.join(', ')}`);
const { srv, browser, url } = await serveBuilds([path.resolve(process.argv[4] || path.join(ROOT, 'dist'))]);
const res = Object.fromEntries(ways.map((w) => [w, []]));

/** Runs in the page: one simulated flight the given way; resolves to the frame intervals. */
async function fly(way) {
  const top = document.querySelector('#county-tour svg.ct-svg');
  const base = document.querySelector('#county-tour svg.ct-base');
  const marks = [...top.querySelectorAll('g.k')];
  const [x, y, w, h] = top.getAttribute('viewBox').split(' ').map(Number);
  const W = top.clientWidth; const H = top.clientHeight;
  const zoom = (e) => 1 + 2 * e;
  top.setAttribute('data-flying', '');
  base.setAttribute('data-flying', '');
  let boxes = [];
  if (way.includes('overlay')) {
    const box = top.parentElement;
    const host = document.createElement('div');
    host.style.cssText = 'position:absolute;inset:0;pointer-events:none;overflow:hidden';
    const at = box.getBoundingClientRect();
    boxes = marks.map((k) => {
      const d = document.createElement('div');
      d.style.cssText = `position:absolute;left:0;top:0;will-change:transform;--route:${(k.closest('a') || k).style.getPropertyValue('--route')}`;
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      svg.setAttribute('viewBox', '-60 -60 120 120');
      svg.style.cssText = 'position:absolute;left:-60px;top:-60px;width:120px;height:120px;overflow:visible';
      const g = k.cloneNode(true);
      g.style.transform = 'none';
      svg.appendChild(g);
      d.appendChild(svg);
      host.appendChild(d);
      const o = k.parentElement.getScreenCTM();
      return { d, x: o.e - at.left, y: o.f - at.top };
    });
    box.appendChild(host);
    for (const k of marks) k.style.visibility = 'hidden';
  }
  let proxies = [];
  if (way.startsWith('nss')) {
    const inv = top.getScreenCTM().inverse();
    const by = new Map();
    for (const k of marks) {
      const m = inv.multiply(k.getScreenCTM());
      const col = getComputedStyle(k).getPropertyValue('--route') || getComputedStyle(k.querySelector('*') || k).fill;
      if (!by.has(col)) by.set(col, []);
      by.get(col).push([m.e, m.f]);
      k.style.visibility = 'hidden';
    }
    const g = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    for (const [col, pts] of by) for (const [w, c] of [[26, '#fff'], [22, col]]) {
      const p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
      p.setAttribute('d', pts.map(([a, b]) => `M${a.toFixed(1)} ${b.toFixed(1)}h0`).join(''));
      proxies.push([p, pts]);
      p.setAttribute('style', `fill:none;stroke:${c};stroke-width:${w}px;stroke-linecap:round;vector-effect:non-scaling-stroke`);
      g.appendChild(p);
    }
    top.appendChild(g);
  }
  const moved = (b, s) => `translate(${((b.x - W / 2) * s + W / 2).toFixed(2)}px,${((b.y - H / 2) * s + H / 2).toFixed(2)}px)`;
  if (way.startsWith('animated')) {
    const K = 12;
    const opts = { duration: 1000, easing: 'linear', fill: 'forwards' };
    const steps = [...Array(K + 1).keys()].map((i) => zoom(i / K));
    const kf = steps.map((s) => ({ transform: `scale(${s})` }));
    top.animate(kf, opts);
    base.animate(kf, opts);
    for (const b of boxes) b.d.animate(steps.map((s) => ({ transform: moved(b, s) })), opts);
    if (!boxes.length) for (const k of marks) k.style.visibility = 'hidden';
  }
  const ts = [];
  await new Promise((done) => {
    let t0 = null;
    const frame = (now) => {
      ts.push(now);
      t0 ??= now;
      const e = Math.min(1, (now - t0) / 1000);
      const s = zoom(e);
      if (!way.startsWith('animated')) {
        if (way === 'now' || way.startsWith('nss')) {
          const cx = x + w / 2; const cy = y + h / 2;
          top.setAttribute('viewBox', `${(cx - w / s / 2).toFixed(2)} ${(cy - h / s / 2).toFixed(2)} ${(w / s).toFixed(2)} ${(h / s).toFixed(2)}`);
        } else {
          top.style.transform = `scale(${s.toFixed(5)})`;
        }
        base.style.transform = `scale(${s.toFixed(5)})`;
        if (way === 'now' || way === 'scaled') for (const k of marks) k.style.transform = `scale(${(1 / s).toFixed(5)})`;
        for (const b of boxes) b.d.style.transform = moved(b, s);
        if (way === 'nssd') for (const [p, pts] of proxies) p.setAttribute('d', pts.map(([a, b]) => `M${(a + 3 / s).toFixed(1)} ${(b + 2 / s).toFixed(1)}h0`).join(''));
      }
      if (e < 1) requestAnimationFrame(frame);
      else done();
    };
    requestAnimationFrame(frame);
  });
  return ts.slice(1).map((t, i) => t - ts[i]);
}

for (let k = 0; k < N; k++) {
  for (const way of ways) {
    const { ctx, page } = await settledPage(browser, url(0, '#/'));
    const d = await page.evaluate(fly, way);
    const s = [...d].sort((a, b) => a - b);
    res[way].push(`${s[Math.floor(0.95 * (s.length - 1))].toFixed(1)}/${d.filter((v) => v > 20).length}`);
    await ctx.close();
  }
}
for (const way of ways) console.log(`${way.padEnd(17)} p95 ms / frames over 20 ms, per sample: ${res[way].join('  ')}`);
await browser.close();
await srv.close();
