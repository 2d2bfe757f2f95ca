/**
 * Real web servers for the deployment tests: Debian's nginx (as a foreground process with its own temporary
 * prefix and config on 127.0.0.1) and `python3 -m http.server`, each serving a build in a sub-folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ROOT } from './harness';

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
/** The stock MIME table of Debian's nginx package. */
export const STOCK_MIME_TYPES = '/etc/nginx/mime.types';
/** The files the deployment guide tells the server's administrator to copy to /etc/nginx/snippets/. */
export const GUIDE_SNIPPETS = path.join(ROOT, 'deploy', 'nginx');

export interface RunningServer {
  /** The app's URL, with a trailing slash (e.g. `http://127.0.0.1:41234/gancang/`). */
  url: string;
  /** Serves another build at the same URL from now on (as when a new version is deployed). */
  deploy: (dist: string) => Promise<void>;
  /** Server log so far (nginx error log or python's stderr), for failure messages. */
  log: () => Promise<string>;
  close: () => Promise<void>;
}

export function assertNginx(): void {
  if (!existsSync(NGINX_PATH)) {
    throw new Error(
      `nginx not found at ${NGINX_PATH}: install it with \`apt-get install -y nginx\` (or set NGINX_PATH).`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitListening(port: number, child: ChildProcess, what: string, log: () => Promise<string>) {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}:\n${await log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} is not listening on ${port}:\n${await log()}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A temporary web root holding `dist` at `/<folder>/` (a symlink: the build is served as it is). */
async function webRoot(base: string, dist: string, folder: string) {
  const www = path.join(base, 'www');
  await mkdir(www, { recursive: true });
  await symlink(path.resolve(dist), path.join(www, folder));
  /** Re-points the folder at another build in one step (rename over the old link). */
  const deploy = async (next: string) => {
    const temp = path.join(www, `.${folder}-next`);
    await symlink(path.resolve(next), temp);
    await rename(temp, path.join(www, folder));
  };
  return { www, deploy };
}

export interface NginxOptions {
  /** The built app. */
  dist: string;
  /** Sub-folder the app is served from (no slashes), e.g. `gancang`. */
  folder: string;
  /**
   * `guide`: the location includes deploy/nginx/gancang.conf, exactly as docs/DEPLOY.md says;
   * `stock`: nothing but Debian's mime.types.
   */
  config: 'guide' | 'stock';
}

/** Starts Debian's nginx in the foreground on 127.0.0.1 at a free port. */
export async function startNginx(options: NginxOptions): Promise<RunningServer> {
  assertNginx();
  const prefix = await mkdtemp(path.join(tmpdir(), 'gancang-nginx-'));
  const { www, deploy } = await webRoot(prefix, options.dist, options.folder);
  if (options.config === 'guide') {
    // The guide copies the snippets to /etc/nginx/snippets/, included relative to nginx's config folder.
    await symlink(GUIDE_SNIPPETS, path.join(prefix, 'snippets'));
  }
  const port = await freePort();
  const errorLog = path.join(prefix, 'error.log');
  const location =
    options.config === 'guide'
      ? // As docs/DEPLOY.md shows it: the folder mapped with alias (here to the symlink of the active build).
        `location /${options.folder}/ {\n      alias ${www}/${options.folder}/;\n      include snippets/gancang.conf;\n    }`
      : '';
  const conf = `
# Started by tests/e2e/servers.ts.
${process.getuid?.() === 0 ? `user ${userInfo().username};` : ''}
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${errorLog} warn;
events { worker_connections 256; }
http {
  include ${STOCK_MIME_TYPES};
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  sendfile on;
  server {
    listen 127.0.0.1:${port};
    server_name localhost;
    root ${www};
    ${location}
  }
}
`;
  const confFile = path.join(prefix, 'nginx.conf');
  await writeFile(confFile, conf);
  const log = () => readFile(errorLog, 'utf8').catch(() => '');
  const child = spawn(NGINX_PATH, ['-p', prefix, '-e', errorLog, '-c', confFile, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const fullLog = async () => `${stderr}${await log()}`;
  try {
    await waitListening(port, child, 'nginx', fullLog);
  } catch (error) {
    await stop(child);
    await rm(prefix, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/${options.folder}/`,
    deploy,
    log: fullLog,
    close: async () => {
      await stop(child);
      await rm(prefix, { recursive: true, force: true });
    },
  };
}

/** Starts `python3 -m http.server` on 127.0.0.1 at a free port with the app in `/<folder>/`. */
export async function startPythonServer(options: Omit<NginxOptions, 'config'>): Promise<RunningServer> {
  const base = await mkdtemp(path.join(tmpdir(), 'gancang-python-'));
  const { www, deploy } = await webRoot(base, options.dist, options.folder);
  const port = await freePort();
  const child = spawn(
    'python3',
    ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', www],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const log = async () => stderr;
  try {
    await waitListening(port, child, 'python3 -m http.server', log);
  } catch (error) {
    await stop(child);
    await rm(base, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/${options.folder}/`,
    deploy,
    log,
    close: async () => {
      await stop(child);
      await rm(base, { recursive: true, force: true });
    },
  };
}
