// Paired probe of what a tap's card costs: two or more builds (dist/ copies), fresh page each, interleaved, so a
// busy machine slows all of them alike. Per page: the overview settled at 1280×800, 4× CPU, then the hash changes
// to 梁溪区 (as the bench's fly-to does) under a Chromium trace; prints per build the median (and each page's)
// duration of the first layout after the change (the new card's) and of the script before it (the card's render).
//   node bench/tapab.mjs N dirA dirB [...]
import { settledPage, recordFlight, serveBuilds } from './lib/fly.mjs';

const N = Number(process.argv[2]); const dirs = process.argv.slice(3);
const { srv, browser, url } = await serveBuilds(dirs);
const res = dirs.map(() => ({ layout: [], script: [] }));
try {
  { const { ctx } = await settledPage(browser, url(0, '#/')); await ctx.close(); } // warm the browser up
  for (let k = 0; k < N; k++) {
    for (let d = 0; d < dirs.length; d++) {
      const { ctx, page } = await settledPage(browser, url(d, '#/'));
      await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing'] });
      await recordFlight(page, '#/liangxi', 300);
      const ev = JSON.parse(await browser.stopTracing()).traceEvents;
      await ctx.close();
      const go = ev.find((e) => e.name === 'fly-go');
      const own = (e) => e.ph === 'X' && e.tid === go.tid && e.ts > go.ts;
      const layout = ev.filter((e) => own(e) && e.name === 'Layout').sort((a, b) => a.ts - b.ts)[0];
      const script = ev.filter((e) => own(e) && e.name === 'FunctionCall' && layout && e.ts < layout.ts).reduce((a, e) => a + e.dur / 1000, 0);
      res[d].layout.push(layout ? layout.dur / 1000 : 0);
      res[d].script.push(script);
    }
  }
} finally {
  await browser.close();
  await srv.close();
}
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
dirs.forEach((d, i) => {
  const r = res[i];
  console.log(`${d.padEnd(16)} first layout median ${med(r.layout).toFixed(1)} ms (${r.layout.map((v) => v.toFixed(0)).join(' ')}) | script before it median ${med(r.script).toFixed(1)} ms`);
});
