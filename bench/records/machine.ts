// How much of the machine other processes took while we measured. On a shared 2-core machine a
// test suite running elsewhere halves the figures; this makes that visible instead of silent.
// Linux only (/proc); elsewhere it reports nothing. "Ours" is this process and the PostgreSQL
// processes serving the bench database (plus PostgreSQL's own background processes).
import fs from 'node:fs';
import os from 'node:os';

interface Snapshot {
  busy: number;
  total: number;
  /** Clock ticks used so far by each of our processes. */
  ours: Map<string, number>;
}

function read(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Processes this one started, and theirs (the WORKERS cluster): their CPU is the server's. */
function descendants(root: string): string[] {
  const children = new Map<string, string[]>();
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = read(`/proc/${pid}/stat`);
    const parent = stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
    if (parent) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const out: string[] = [];
  const walk = (pid: string) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

/** utime + stime of a process, in clock ticks (fields 14 and 15 of /proc/<pid>/stat). */
function ticksOf(pid: string): number {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function ourPostgres(database: string | undefined): string[] {
  if (!database) return [];
  const pids: string[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const cmd = read(`/proc/${pid}/cmdline`);
    if (!cmd?.startsWith('postgres: ')) continue;
    const backend = cmd.includes(` ${database} `) || /parallel worker|checkpointer|background writer|walwriter|autovacuum/.test(cmd);
    if (backend) pids.push(pid);
  }
  return pids;
}

function snapshot(database: string | undefined): Snapshot | null {
  const line = read('/proc/stat')?.split('\n')[0];
  if (!line?.startsWith('cpu ')) return null;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  const ours = new Map([String(process.pid), ...ourPostgres(database), ...descendants(String(process.pid))].map((pid) => [pid, ticksOf(pid)]));
  return { busy: total - idle, total, ours };
}

/** Share of the whole machine (all cores = 100%) used by everything else since `start()`. */
export class OtherLoad {
  #start: Snapshot | null = null;
  constructor(private readonly database?: string) {}

  start(): void {
    this.#start = snapshot(this.database);
  }

  /** Null without /proc. A bench connection that closed in between counts as "other" (a little). */
  share(): number | null {
    const end = snapshot(this.database);
    if (!end || !this.#start) return null;
    const total = end.total - this.#start.total;
    if (total <= 0) return null;
    let ours = 0;
    for (const [pid, ticks] of end.ours) ours += ticks - (this.#start.ours.get(pid) ?? 0);
    const others = end.busy - this.#start.busy - ours;
    return Math.max(0, others / total);
  }
}

export function describeShare(share: number | null): string {
  if (share === null) return '';
  const note = share > 0.1 ? ' — BUSY MACHINE, figures are low' : '';
  return `other processes ${Math.round(share * 100)}% of ${os.cpus().length} cores${note}`;
}

/**
 * Waits (up to `seconds`) until other processes leave the CPU alone — below 10% of the
 * machine over 2 s — so that a test suite running elsewhere does not halve a measurement.
 */
export async function waitForQuiet(database: string | undefined, seconds: number, log: (line: string) => void): Promise<void> {
  if (seconds <= 0) return;
  const deadline = performance.now() + seconds * 1000;
  let said = false;
  for (;;) {
    const watch = new OtherLoad(database);
    watch.start();
    await new Promise((r) => setTimeout(r, 2000));
    const share = watch.share();
    if (share === null || share < 0.1) return;
    if (performance.now() > deadline) {
      log(`  (the machine stayed busy: ${describeShare(share)}; measuring anyway)`);
      return;
    }
    if (!said) log(`  (waiting for a quiet machine: ${describeShare(share)})`);
    said = true;
  }
}
