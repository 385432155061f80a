import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ServedProcess = { url: string; output: () => string; dataDir: string; stop: () => Promise<void> };

/**
 * The real `cellier serve` (what `npm start` runs after building the SPA), in a child process on a free port
 * with a temporary DATA_DIR; `env` adds the variables a user would set (DATABASE_URL, CELLIER_DEV_LOCAL_TILLS).
 */
export async function startServedProcess(env: Record<string, string>): Promise<ServedProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cellier-serve-'));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'serve'],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? os.tmpdir(),
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        COOKIE_SECURE: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /sur http:\/\/localhost:(\d+)/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`cellier serve exited (${String(code)}):\n${output}`)));
  });
  return {
    url,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
