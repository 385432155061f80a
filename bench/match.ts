// Benchmark: the engine against search-library baselines on the POS-label dev cases.
// npm run bench:match -- --library PATH --cases PATH [--pad N] [--json] [--no-baselines] [--failures FILE]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseLabel } from '../src/matching/index.ts';
import type { LibraryEntry } from '../src/matching/index.ts';
import { BASELINES } from './lib/baselines.ts';
import { loadCases, loadLibrary, type Case } from './lib/data.ts';
import { NOW, progress, runEngine, type Figures, type Mode } from './lib/engineRun.ts';
import { withTillHabits } from './lib/habits.ts';
import { pad } from './lib/pad.ts';
import { score, type Prediction } from './lib/score.ts';
import { printTable } from './lib/table.ts';
import { heapMb, percentile, timed } from './lib/timing.ts';

const { values: args } = parseArgs({
  options: {
    library: { type: 'string', default: '../shared/data/bench/library.jsonl' },
    cases: { type: 'string', default: '../shared/data/bench/cases-dev.tsv' },
    pad: { type: 'string' },
    // cold (as before), catalogue (the labels given first as the till's catalogue), online (answers fed back), all
    mode: { type: 'string', default: 'cold' },
    // comma-separated styles to keep (held-out check); '!' in front drops them instead
    styles: { type: 'string' },
    // rewrite the labels with another till's habits (seeded family codes, marks, dots): a held-out check
    habits: { type: 'string' },
    // with --habits: the seed also picks the code's place, the vintage mark, the joiner and glued sizes
    'habits-varied': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    'no-baselines': { type: 'boolean', default: false },
    failures: { type: 'string' },
    'baseline-sample': { type: 'string', default: '200' },
    // Fuse scans every document per query (~1 s at 20k entries on this loaded machine): score it on every 20th case
    'fuse-every': { type: 'string', default: '20' },
  },
});

function runBaseline(
  name: string,
  lib: readonly LibraryEntry[],
  cases: readonly Case[],
  sample: number,
  accuracy: boolean,
): Figures {
  progress(`baseline ${name} on ${lib.length} entries${accuracy ? '' : ` (latency sample ${sample})`}`);
  const make = BASELINES[name];
  if (!make) throw new Error(`unknown baseline ${name}`);
  const before = heapMb();
  const { value: b, ms: buildMs } = timed(() => make(lib));
  const heap = heapMb() - before;
  const times: number[] = [];
  const every = name === 'fuse' ? Math.max(1, Number(args['fuse-every'])) : 1;
  const run = accuracy
    ? cases.filter((_, i) => i % every === 0)
    : cases.slice(0, Math.ceil(sample / every / every));
  const preds: Prediction[] = run.map((c) => {
    const p = parseLabel(c.label, NOW);
    const text = p.tokens.map((t) => t.text).join(' ');
    const { value: ids, ms } = timed(() => (text ? b.search(text) : []));
    times.push(ms);
    return {
      id: ids[0] ?? '',
      accepted: true,
      top5: ids,
      vintage: p.vintage,
      formatCl: p.formatCl,
      serving: p.serving,
    };
  });
  const s = accuracy ? score(run, preds, false) : score(run, preds, false);
  return {
    ...s,
    p50ms: percentile(times, 50),
    p99ms: percentile(times, 99),
    buildMs,
    heapMb: heap,
    entries: lib.length,
  };
}

const KEYS: Record<Mode, string> = { cold: 'engine', catalogue: 'engineCatalogue', online: 'engineOnline' };

function selectStyles(cases: readonly Case[], spec: string | undefined): Case[] {
  if (!spec) return [...cases];
  const drop = spec.startsWith('!');
  const styles = new Set(spec.replace(/^!/, '').split(','));
  return cases.filter((c) => styles.has(c.style) !== drop);
}

function main(): void {
  const lib = loadLibrary(args.library);
  const selected = selectStyles(loadCases(args.cases), args.styles);
  const cases = args.habits
    ? withTillHabits(selected, lib, Number(args.habits), args['habits-varied'])
    : selected;
  const modeArg = args.mode ?? 'cold';
  const modes: Mode[] = modeArg === 'all' ? ['cold', 'catalogue', 'online'] : [modeArg as Mode];
  if (!modes.every((m) => m in KEYS))
    throw new Error(`--mode: cold, catalogue, online or all (got ${modeArg})`);
  const out: Record<string, unknown> = {};
  const padN = args.pad ? Number(args.pad) : 0;
  const padded = padN > lib.length ? pad(lib, padN) : null;
  for (const mode of modes) {
    const run = runEngine(lib, cases, mode);
    if (args.failures && mode === modes[0]) writeFailures(args.failures, cases, run.preds);
    out[KEYS[mode]] = run.fig;
    if (padded) out[`${KEYS[mode]}Padded`] = runEngine(padded, cases, mode).fig;
  }
  out.engine ??= out.engineCatalogue ?? out.engineOnline;
  const baselines: Record<string, Figures> = {};
  if (!args['no-baselines']) {
    for (const name of Object.keys(BASELINES)) {
      baselines[name] = runBaseline(name, lib, cases, Number(args['baseline-sample']), true);
      if (padded) {
        const p = runBaseline(name, padded, cases, Number(args['baseline-sample']), false);
        (baselines[name] as Figures & { padded?: unknown }).padded = {
          p50ms: p.p50ms,
          p99ms: p.p99ms,
          buildMs: p.buildMs,
          heapMb: p.heapMb,
          entries: p.entries,
          sampled: p.n,
        };
      }
    }
  }
  out.baselines = baselines;
  if (!args.json) printTable(out as Parameters<typeof printTable>[0]);
  console.log(JSON.stringify(out));
}

function writeFailures(path: string, cases: readonly Case[], preds: readonly Prediction[]): void {
  const rows = cases.flatMap((c, i) => {
    const p = preds[i];
    if (!p) return [];
    const bad =
      (c.kind === 'in-library' && !(p.accepted && p.id === c.wineId)) ||
      (c.kind !== 'in-library' && p.accepted) ||
      (c.kind !== 'not-a-drink' &&
        (c.vintage !== (p.vintage === null ? '' : String(p.vintage)) ||
          c.serving !== (p.serving ?? '') ||
          (c.formatCl !== '' && Number(c.formatCl) !== p.formatCl)));
    return bad
      ? [
          [
            c.label,
            c.kind,
            c.style,
            c.wineId,
            p.id,
            p.accepted,
            p.top5.includes(c.wineId),
            c.vintage,
            p.vintage,
            c.formatCl,
            p.formatCl,
            c.serving,
            p.serving,
          ].join('\t'),
        ]
      : [];
  });
  writeFileSync(path, rows.join('\n') + '\n');
}

main();
