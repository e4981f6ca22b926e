// The probes' shared set-up (bench/flyab.mjs, bench/flysim.mjs, bench/flytrace.mjs, bench/tapab.mjs): their
// browser, the builds served side by side, and the flight they time: the widget's page settled at the overview in a
// fresh 1280×800 context, then 4× CPU, then a hash change recorded frame by frame, as in bench/measure.mjs.
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

/** The probes' headless Chromium. Close it when done. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** The paired probes' set-up: each build in `dirs` (dist/ copies) served at /v0/, /v1/, …, and the browser.
 *  `url(i, hash)` is build i's page. Close `browser` and `srv` when done. */
export async function serveBuilds(dirs) {
  const srv = await serve(Object.fromEntries(dirs.map((d, i) => [`/v${i}/`, d])));
  return { srv, browser: await launchBrowser(), url: (i, hash) => `${srv.origin}/v${i}/${hash}` };
}

/** A fresh context showing `url` (the widget), settled, with the CPU throttled 4×. Close `ctx` when done. */
export async function settledPage(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await page.goto(url);
  await page.waitForSelector('#county-tour [data-stop]');
  await page.waitForTimeout(1500);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.waitForTimeout(300);
  return { ctx, page };
}

/** Set `location.hash` to `hash` and record animation frames for `ms`: their timestamps in ms after the change
 *  (the first frame's may be just before it). A `fly-go` performance mark is set at the change, for traces. */
export function recordFlight(page, hash, ms = 1200) {
  return page.evaluate(async ([hash, ms]) => {
    const ts = [];
    const done = new Promise((res) => {
      const f = (t) => { ts.push(t); if (t - ts[0] < ms) requestAnimationFrame(f); else res(); };
      requestAnimationFrame(f);
    });
    performance.mark('fly-go');
    const go = performance.now();
    location.hash = hash;
    await done;
    return ts.map((t) => t - go);
  }, [hash, ms]);
}
