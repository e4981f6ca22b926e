// The flight the fly-to probes (bench/flyab.mjs, bench/flytrace.mjs) time: the widget's page settled at the
// overview in a fresh 1280×800 context, then 4× CPU, then a hash change recorded frame by frame, as in
// bench/measure.mjs.

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
