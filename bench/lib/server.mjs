// A loopback static server for the benchmark: several folders under their own mount paths, each file served
// compressed like a production host would (brotli when the browser accepts it, else gzip; compressed once, at
// maximum quality, and kept in memory), with no-store caching so every load is cold. It logs every request, so
// the benchmark knows which files a page really fetched.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml', '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.geojson', '.svg']);

/** gzip (level 9) and brotli (quality 11, size hint) of a buffer: what a static host would precompress. */
export function compress(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_GENERIC,
      },
    }).length,
  };
}

const encodedCache = new Map(); // `${file}:${mtime}:${enc}` -> Buffer

function encoded(file, enc) {
  const st = fs.statSync(file);
  const key = `${file}:${st.mtimeMs}:${st.size}:${enc}`;
  if (!encodedCache.has(key)) {
    const buf = fs.readFileSync(file);
    let out = buf;
    if (enc === 'br') out = zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } });
    else if (enc === 'gzip') out = zlib.gzipSync(buf, { level: 9 });
    encodedCache.set(key, out);
  }
  return encodedCache.get(key);
}

/**
 * mounts: { '/widget/': '/abs/dir', ... }. Resolves to { origin, close, log } where log is an array of
 * { path, file, encoding, bytes } for every 200 response.
 */
export function serve(mounts, { compression = true } = {}) {
  const log = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = null;
    for (const [prefix, dir] of Object.entries(mounts)) {
      if (url.pathname.startsWith(prefix)) {
        const rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
        const f = path.resolve(dir, rel.endsWith('/') ? rel + 'index.html' : rel);
        if (f.startsWith(path.resolve(dir) + path.sep)) file = f;
        break;
      }
    }
    if (url.pathname === '/favicon.ico' || !file || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('not found');
      return;
    }
    const ext = path.extname(file);
    const accept = String(req.headers['accept-encoding'] || '');
    let enc = 'identity';
    if (compression && COMPRESSIBLE.has(ext)) enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
    const body = encoded(file, enc);
    const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-store', 'content-length': body.length, vary: 'accept-encoding' };
    if (enc !== 'identity') headers['content-encoding'] = enc;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: url.pathname, file, encoding: enc, bytes: body.length });
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        log,
        close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
      });
    });
  });
}
