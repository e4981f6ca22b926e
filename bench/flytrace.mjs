// Where a fly-to's dropped frames go: a Chromium trace of the flight from the overview to 梁溪区 (the bench's),
// fresh page each time, 1280×800, 4× CPU. Per page it prints every frame interval over 20 ms with when it began
// after the hash change, then the main thread's tasks of the first 400 ms with what each spent on script, style,
// layout, paint and compositing. --from MS lists the tasks of the 400 ms from MS instead (900: the landing);
// --busy pins a busy loop to the second core for the flights, as the full bench does for its busy runs.
//   node bench/flytrace.mjs [N] [dir] [--busy] [--from MS]      (defaults: 2 pages, dist/, 0)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.mjs';
import { busyCore } from './lib/busy.mjs';
import { settledPage, recordFlight, launchBrowser } from './lib/fly.mjs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--from');
const FROM = at >= 0 ? Number(argv[at + 1]) : 0;
const args = argv.filter((a, i) => a !== '--busy' && !(at >= 0 && (i === at || i === at + 1)));
const BUSY = argv.includes('--busy');
const N = Number(args[0] || 2);
const DIR = args[1] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const PARTS = ['FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'MinorGC', 'MajorGC'];

const srv = await serve({ '/w/': DIR });
const browser = await launchBrowser();
const burner = BUSY ? busyCore() : null;
try {
  // A first page warms the browser up (a fresh browser's first flight drops many more frames) and is not reported.
  const warm = await browser.newContext();
  const wp = await warm.newPage();
  await wp.goto(`${srv.origin}/w/#/liangxi`);
  await wp.waitForSelector('#county-tour [data-stop]');
  await warm.close();
  for (let k = 0; k < N; k++) {
    const { ctx, page } = await settledPage(browser, `${srv.origin}/w/#/`);
    await browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'toplevel'] });
    const ts = await recordFlight(page, '#/liangxi');
    const ev = JSON.parse(await browser.stopTracing()).traceEvents;
    await ctx.close();
    const long = [];
    for (let i = 1; i < ts.length; i++) if (ts[i] - ts[i - 1] > 20) long.push(`${Math.round(ts[i - 1])} ms: ${Math.round(ts[i] - ts[i - 1])}`);
    console.log(`page ${k + 1}: ${ts.length - 1} frames, ${long.length} over 20 ms (when after the hash change: how long): ${long.join(', ') || 'none'}`);
    const go = ev.find((e) => e.name === 'fly-go');
    if (!go) continue;
    const own = (e) => e.tid === go.tid && e.ph === 'X';
    const tasks = ev.filter((e) => own(e) && /RunTask$/.test(e.name) && e.ts >= go.ts + FROM * 1e3 && e.ts < go.ts + (FROM + 400) * 1e3 && e.dur > 1500);
    let end = 0;
    for (const t of tasks.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      if (t.ts < end) continue; // a RunTask event nested in the task already listed
      end = t.ts + t.dur;
      const sum = {};
      for (const e of ev) if (own(e) && PARTS.includes(e.name) && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur) sum[e.name] = (sum[e.name] || 0) + e.dur / 1000;
      const what = Object.entries(sum).filter(([, v]) => v >= 0.5).map(([n, v]) => `${n === 'FunctionCall' ? 'script' : n} ${v.toFixed(1)}`).join(', ');
      console.log(`  ${String(Math.round((t.ts - go.ts) / 1000)).padStart(4)} ms  task ${(t.dur / 1000).toFixed(1).padStart(5)} ms  ${what}`);
    }
  }
} finally {
  if (burner) burner.kill();
  await browser.close();
  await srv.close();
}
