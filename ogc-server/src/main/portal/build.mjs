// Builds the portal's static files: `node build.mjs [OUT_DIR]` (default dist/). Maven runs it in generate-resources
// with OUT_DIR = the jar's static/portal folder.
//
// 1. `npm ci` from the committed package-lock.json, but only when the lock file changed since the last install
//    (a stamp in node_modules), so that every build uses exactly the locked versions without reinstalling each time.
// 2. esbuild bundles src/main.js with OpenLayers into one minified portal.js (no CDN, nothing fetched at run time).
// 3. The page, its style sheets, and the licences of every package that ended up in the bundle (portal.js.LICENSE.txt).
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, 'dist'));
process.chdir(here);

function installLocked() {
  const sum = createHash('sha256').update(readFileSync('package.json')).update(readFileSync('package-lock.json'))
    .digest('hex');
  const stamp = join('node_modules', '.gengdi-lock-sha256');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sum) {
    return;
  }
  // several builds may share this folder (parallel builds with other build directories): one installs at a time
  const lock = join(here, '.npm-install.lock');
  const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') {
        throw e;
      }
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch (gone) {
        continue;
      }
      if (age > 300_000) {
        rmSync(lock, { recursive: true, force: true }); // left behind by a killed build
      } else {
        sleep(500);
      }
    }
  }
  try {
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === sum) {
      return;
    }
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
    writeFileSync(stamp, sum);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function licences(metafile) {
  const packages = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
    if (m) {
      packages.add(m[1]);
    }
  }
  let text = 'Gengdi portal (portal.js) bundles these packages from npm:\n';
  for (const name of [...packages].sort()) {
    const dir = join('node_modules', name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    text += `\n==== ${name} ${pkg.version} (${pkg.license || 'see below'})\n`;
    text += file ? readFileSync(join(dir, file), 'utf8').trim() + '\n' : '(no licence file in the package)\n';
  }
  return text;
}

installLocked();
const esbuild = await import('esbuild');
mkdirSync(out, { recursive: true });
const result = await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: 'es2020',
  outfile: join(out, 'portal.js'),
  legalComments: 'none', // the packages' licences go, complete, into portal.js.LICENSE.txt
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(join(out, 'portal.js.LICENSE.txt'), licences(result.metafile));
copyFileSync('src/index.html', join(out, 'index.html'));
copyFileSync('src/portal.css', join(out, 'portal.css'));
copyFileSync('node_modules/ol/ol.css', join(out, 'ol.css'));
