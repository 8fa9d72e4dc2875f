/**
 * A minimal static file server for dist/ under an optional base path, for tests and checks.
 * Serves dir/index.html for directories, 404.html with status 404 for anything missing. Behaves like a
 * typical static host: gzip for text, long immutable caching for hashed assets in _astro/, revalidation
 * for everything else (the same rules public/_headers gives hosts that read it).
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream',
};

/** Hashed build assets never change; pages and the search index must be revalidated. */
export function cacheControl(path) {
  return path.startsWith('_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate';
}

/**
 * @param {{ dir?: string, base?: string, port?: number, headers?: Record<string, string> }} [options]
 * @returns {Promise<{ url: string, close: () => Promise<void>, requests: string[] }>}
 */
export async function serve({ dir = 'dist', base = '/', port = 0, headers = {} } = {}) {
  const root = resolve(dir);
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    let path = decodeURIComponent(url.pathname);
    const send404 = async () => {
      const body = await readFile(join(root, '404.html')).catch(() => Buffer.from('404'));
      res.writeHead(404, { 'content-type': TYPES['.html'], ...headers });
      res.end(body);
    };
    if (!path.startsWith(base)) return send404();
    path = path.slice(base.length);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return send404();
    try {
      const s = await stat(file);
      if (s.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        file = join(file, 'index.html');
      }
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const out = { 'content-type': type, 'cache-control': cacheControl(path), vary: 'accept-encoding', ...headers };
      if (/text|javascript|json|svg|xml/.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        out['content-encoding'] = 'gzip';
      }
      res.writeHead(200, out);
      res.end(body);
    } catch {
      await send404();
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}${base}`,
    requests,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.env.BASE_PATH ? `/${process.env.BASE_PATH.replace(/^\/+|\/+$/g, '')}/` : '/';
  const s = await serve({ base, port: Number(process.env.PORT ?? 4321) });
  console.log(`serving dist/ at ${s.url}`);
}
