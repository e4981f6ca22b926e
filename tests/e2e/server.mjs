// A static file server for the built dist/, on loopback only: optionally under a sub-path
// (to prove relative URLs) and with extra headers (a CSP). Also serves tests/e2e/pages/ at /host/.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/** Start a server; resolves to { url, close, requests, pages } where url ends with the mount path. A test may
 *  put generated host pages into `pages` (path → HTML), served like files (a page that Playwright fulfils
 *  itself counts as a public address, and Chromium then keeps its frames from loading this loopback server). */
export function serve({ mount = '/', headers = {}, dist = path.join(root, 'dist') } = {}) {
  const requests = [];
  const pages = {};
  const extra = { '/host/': path.join(here, 'pages'), '/node_modules/': path.join(root, 'node_modules') };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    if (pages[url.pathname]) {
      res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' });
      res.end(pages[url.pathname]);
      return;
    }
    let file = null;
    for (const [prefix, dir] of Object.entries(extra)) {
      if (url.pathname.startsWith(prefix)) file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
    }
    if (!file && url.pathname.startsWith(mount)) {
      const rel = decodeURIComponent(url.pathname.slice(mount.length)) || 'index.html';
      file = path.join(dist, rel.endsWith('/') ? rel + 'index.html' : rel);
    }
    if (!file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store', ...headers });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}${mount}`, requests, pages, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
