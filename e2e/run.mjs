// One command for the browser tests: builds traject, serves the demo on a
// temporary database and a free port, runs every tests/*.test.mjs with node's
// test runner against it, then stops the server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const build = spawnSync('cargo', ['build', '--locked', '--bin', 'traject'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
// Cargo puts the binary under CARGO_TARGET_DIR when that is set (relative to the workspace).
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const bin = join(targetDir, 'debug', 'traject');

const port = await new Promise((ok) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); });
});
const data = mkdtempSync(join(tmpdir(), 'traject-e2e-'));
const baseUrl = `http://127.0.0.1:${port}`;
const server = spawn(bin, ['serve', '--demo'], {
  cwd: data,
  env: {
    ...process.env,
    TRAJECT_BIND: `127.0.0.1:${port}`,
    TRAJECT_DATABASE_URL: `sqlite://${join(data, 'traject.db')}`,
    TRAJECT_LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

const deadline = Date.now() + 60_000;
for (;;) {
  try {
    const r = await fetch(`${baseUrl}/readyz`);
    if (r.ok) break;
  } catch { /* not listening yet */ }
  if (Date.now() > deadline || server.exitCode !== null) {
    console.error('traject did not become ready');
    server.kill('SIGKILL');
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 100));
}

const screenshots = process.env.TRAJECT_SCREENSHOT_DIR ?? join(here, 'screenshots');
mkdirSync(screenshots, { recursive: true });
const files = readdirSync(join(here, 'tests')).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, 'tests', f));
// One file at a time where node supports choosing (20+); Debian's node 18 runs
// them side by side, which the tests tolerate (separate browser contexts).
const major = Number(process.versions.node.split('.')[0]);
const concurrency = major >= 20 ? ['--test-concurrency=1'] : [];
const tests = spawnSync(process.execPath, ['--test', ...concurrency, ...files], {
  cwd: here,
  stdio: 'inherit',
  env: { ...process.env, TRAJECT_BASE_URL: baseUrl, TRAJECT_SCREENSHOT_DIR: screenshots },
});

server.kill('SIGTERM');
await new Promise((r) => server.once('exit', r));
rmSync(data, { recursive: true, force: true });
console.log(`screenshots: ${screenshots}`);
process.exit(tests.status ?? 1);
