// "The machine busy" for the fly-to runs (bench/measure.mjs, bench/flytrace.mjs): a busy loop in a child
// process, pinned to the second core when there is one and `taskset` is installed. Stop it with `.kill()`.
import fs from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';

export function busyCore() {
  const loop = [process.execPath, '-e', 'for (;;) {}'];
  const pinned = os.cpus().length > 1 && fs.existsSync('/usr/bin/taskset');
  const [cmd, ...args] = pinned ? ['/usr/bin/taskset', '-c', '1', ...loop] : loop;
  return spawn(cmd, args, { stdio: 'ignore' });
}
