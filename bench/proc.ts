/**
 * Resource use of a whole process tree on Linux, read from /proc: a build starts workers (static
 * generation, Turbopack's child processes), and what a 2 GB machine must hold is their sum.
 */
import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;
/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux we target). */
const TICKS = 100;

type Stat = { pid: number; ppid: number; cpuTicks: number; rssBytes: number };

function readStat(pid: number): Stat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: split after it.
    const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // rest[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24 (in pages).
    return {
      pid,
      ppid: Number(rest[1]),
      cpuTicks: Number(rest[11]) + Number(rest[12]),
      rssBytes: Number(rest[21]) * PAGE_BYTES,
    };
  } catch {
    return null; // the process ended between listing and reading
  }
}

/** A short command line: the program and what it runs, without long paths. */
function command(pid: number): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return argv
      .slice(0, 3)
      .map((a) => (a.includes('/') ? a.split('/').slice(-2).join('/') : a))
      .join(' ')
      .slice(0, 80);
  } catch {
    return '?';
  }
}

/** The root process and all its descendants alive now. */
export function processTree(root: number): Stat[] {
  const all: Stat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = readStat(Number(name));
    if (s) all.push(s);
  }
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.ppid, [...(children.get(s.ppid) ?? []), s]);
  const rootStat = all.find((s) => s.pid === root);
  if (!rootStat) return [];
  const tree: Stat[] = [];
  const queue = [rootStat];
  while (queue.length) {
    const s = queue.shift()!;
    tree.push(s);
    queue.push(...(children.get(s.pid) ?? []));
  }
  return tree;
}

export type TreeUsage = {
  /** Highest sum of the tree's RSS seen at one sample (shared pages count once per process). */
  peakRssBytes: number;
  /** Most processes alive at once. */
  peakProcesses: number;
  /**
   * CPU seconds (user + system) of every process seen, as last sampled (the last 200 ms of each
   * process are missed; the build runner measures the exact total with the shell's `times`).
   */
  cpuSeconds: number;
  samples: number;
  /** The largest processes: highest RSS each reached, with a short command line. */
  largest: { pid: number; command: string; peakRssBytes: number }[];
};

/** Samples the tree under `root` every `everyMs` until stopped. */
export function sampleTree(root: number, everyMs = 200) {
  const usage: TreeUsage = {
    peakRssBytes: 0,
    peakProcesses: 0,
    cpuSeconds: 0,
    samples: 0,
    largest: [],
  };
  const cpu = new Map<number, number>();
  const peaks = new Map<number, { pid: number; command: string; peakRssBytes: number }>();
  const sample = () => {
    const tree = processTree(root);
    if (!tree.length) return;
    const rss = tree.reduce((sum, s) => sum + s.rssBytes, 0);
    usage.peakRssBytes = Math.max(usage.peakRssBytes, rss);
    usage.peakProcesses = Math.max(usage.peakProcesses, tree.length);
    for (const s of tree) {
      cpu.set(s.pid, s.cpuTicks);
      const peak = peaks.get(s.pid);
      if (!peak)
        peaks.set(s.pid, { pid: s.pid, command: command(s.pid), peakRssBytes: s.rssBytes });
      else {
        peak.peakRssBytes = Math.max(peak.peakRssBytes, s.rssBytes);
        // A process seen between fork and exec has no command line yet.
        if (!peak.command) peak.command = command(s.pid);
      }
    }
    usage.samples++;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    usage,
    /** Takes a last sample (call before the root exits, where possible) and stops. */
    stop(): TreeUsage {
      sample();
      clearInterval(timer);
      usage.cpuSeconds = [...cpu.values()].reduce((a, b) => a + b, 0) / TICKS;
      usage.largest = [...peaks.values()]
        .sort((a, b) => b.peakRssBytes - a.peakRssBytes)
        .slice(0, 4);
      return usage;
    },
  };
}
