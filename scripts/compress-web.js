#!/usr/bin/env node
/**
 * After `vite build`: writes .br and .gz next to every text asset of dist/web/assets (the server sends
 * them to browsers that accept them, src/server/web-static.ts) and prints the first-load transfer size.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..', 'dist', 'web');
const assets = path.join(root, 'assets');
if (!fs.existsSync(assets)) {
  console.error('dist/web/assets no existe: ejecute vite build primero.');
  process.exit(1);
}
for (const name of fs.readdirSync(assets)) {
  if (!/\.(js|css|svg)$/.test(name)) continue;
  const file = path.join(assets, name);
  const data = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
}
// First load = index.html + the files it references directly (dynamic chunks load later).
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
let br = zlib.brotliCompressSync(Buffer.from(html)).length;
for (const ref of refs) br += fs.statSync(path.join(assets, `${ref}.br`)).size;
console.log(`web: first load ${(br / 1024).toFixed(1)} KB with brotli (index.html + ${refs.length} files)`);
