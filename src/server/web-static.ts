import express, { Express, NextFunction, Request, Response } from 'express';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Serves the web app built by `npm run build` (dist/web, docs/web.md): hashed files under /assets are
 * immutable for a year and sent pre-compressed (.br / .gz written at build time) when the browser accepts
 * it; every other GET that asks for HTML and is not an API path gets index.html (the app routes itself).
 */

/** Paths that belong to the server, never to the app's fallback. */
export const SERVER_PATHS = [
  '/graphql',
  '/uploads',
  '/templates',
  '/batches',
  '/livez',
  '/readyz',
  '/metrics',
  '/ruru-static',
  '/informes',
];

/** The built app: `<repo>/dist/web`, found from this file in src/server (tests) or dist/src/server (build). */
export function defaultWebDir(from: string = __dirname): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'web');
    dir = path.dirname(dir);
  }
  return path.resolve(from, '../../web');
}

function isServerPath(p: string): boolean {
  return SERVER_PATHS.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.html': 'text/html; charset=utf-8',
};

/** Sends `/assets/x.js` as x.js.br or x.js.gz when the client accepts it and the build wrote it. */
function precompressed(root: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = path.join(root, path.normalize(req.path).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root + path.sep)) return next();
    const type = TYPES[path.extname(file)];
    if (!type) return next();
    const accepts = String(req.headers['accept-encoding'] ?? '');
    for (const [encoding, ext] of [
      ['br', '.br'],
      ['gzip', '.gz'],
    ] as const) {
      if (!new RegExp(`\\b${encoding}\\b`).test(accepts) || !existsSync(file + ext)) continue;
      res.setHeader('Content-Type', type);
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Vary', 'Accept-Encoding');
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.setHeader('Content-Length', String(statSync(file + ext).size));
      if (req.method === 'HEAD') return res.end();
      return res.sendFile(file + ext);
    }
    next();
  };
}

/** Mounts the app; without a build (dist/web/index.html missing) `/` explains how to build it. */
export function mountWebApp(app: Express, webDir: string = defaultWebDir()): void {
  const root = path.resolve(webDir);
  const indexFile = path.join(root, 'index.html');
  app.use('/assets', precompressed(path.join(root, 'assets')));
  app.use('/assets', express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    if (!req.accepts('html')) return next();
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain; charset=utf-8').send('La aplicación web no está construida: ejecute `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(readFileSync(indexFile));
  });
}
