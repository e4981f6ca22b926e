// The main thread's work per frame of a flight, for builds compared (dist/ copies): a fresh settled page each
// (1280×800, 4× CPU), the builds interleaved, a Chromium trace of the flight from the overview to 梁溪区. Per
// build, the median over all frames 250–950 ms after the hash change (past the card's render and the flight's
// start) of script, style, layout, pre-paint, paint and layerize summed, and of each part. Less noisy than frame
// intervals on a busy 2-core machine: it counts work, not when the compositor got to show it.
//   node bench/framecost.mjs N dirA dirB [...]
import { serveBuilds, settledPage, recordFlight } from './lib/fly.mjs';
const [N, ...dirs] = process.argv.slice(2);
const { srv, browser, url } = await serveBuilds(dirs);
const PARTS = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize'];
const res = dirs.map(() => ({ tot: [], parts: Object.fromEntries(PARTS.map((p) => [p, []])) }));
for (let k = 0; k < +N; k++) for (let i = 0; i < dirs.length; i++) {
  const { ctx, page } = await settledPage(browser, url(i, '#/'));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
  await recordFlight(page, '#/liangxi');
  const ev = JSON.parse(await browser.stopTracing()).traceEvents;
  await ctx.close();
  const go = ev.find((e) => e.name === 'fly-go'); if (!go) continue;
  const own = (e) => e.tid === go.tid && e.ph === 'X';
  const tasks = ev.filter((e) => own(e) && /RunTask$/.test(e.name) && e.ts >= go.ts + 250e3 && e.ts < go.ts + 950e3 && e.dur > 1500);
  let end = 0;
  for (const t of tasks.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    if (t.ts < end) continue; end = t.ts + t.dur;
    const sum = Object.fromEntries(PARTS.map((p) => [p, 0]));
    for (const e of ev) if (own(e) && PARTS.includes(e.name) && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) sum[e.name] += e.dur / 1000;
    if (sum.PrePaint === 0) continue;
    res[i].tot.push(PARTS.reduce((a, p) => a + sum[p], 0)); for (const p of PARTS) res[i].parts[p].push(sum[p]);
  }
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1] || 0; };
dirs.forEach((d, i) => console.log(d.padEnd(16), 'frame median', med(res[i].tot).toFixed(1), 'ms  ', PARTS.map((p) => `${p} ${med(res[i].parts[p]).toFixed(1)}`).join(', '), ' n', res[i].tot.length));
await browser.close(); await srv.close();
