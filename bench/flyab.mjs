// Paired fly-to probe: two or more builds (dist/ copies), fresh page each, interleaved, so a busy machine
// slows all of them alike. Per load, a flight from the overview to 梁溪区 and back at 4× CPU, 1280×800, as in
// bench/measure.mjs; prints each build's p95 frame interval per load and the frames over 20 ms.
//   node bench/flyab.mjs N dirA dirB [...]
import { settledPage, recordFlight, serveBuilds } from './lib/fly.mjs';
const N = Number(process.argv[2]); const dirs = process.argv.slice(3);
const { srv, browser, url } = await serveBuilds(dirs);
const res = dirs.map(() => ({ p95: [], long: [], frames: [] }));
for (let k = 0; k < N; k++) for (let i = 0; i < dirs.length; i++) {
  const { ctx, page } = await settledPage(browser, url(i, '#/'));
  const all = [];
  for (const h of ['#/liangxi', '#/']) {
    const ts = await recordFlight(page, h);
    for (let j = 1; j < ts.length; j++) all.push(ts[j] - ts[j - 1]);
    await page.waitForTimeout(400);
  }
  const s = [...all].sort((a, b) => a - b);
  res[i].p95.push(s[Math.floor(0.95 * (s.length - 1))]); res[i].long.push(all.filter((x) => x > 20).length); res[i].frames.push(all.length);
  await ctx.close();
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[(s.length - 1) >> 1]; };
dirs.forEach((d, i) => console.log(d.padEnd(16), 'p95 median', med(res[i].p95).toFixed(1), 'all', res[i].p95.map((x) => x.toFixed(1)).join(' '), '| long frames', res[i].long.join(' '), '| frames', med(res[i].frames)));
await browser.close(); await srv.close();
