// Human-readable table of the benchmark figures.
import type { Scores } from './score.ts';

type Row = Scores & { p50ms: number; p99ms: number; buildMs: number; heapMb: number };
type Out = { engine: Row; enginePadded?: Row; baselines: Record<string, Row> } & Partial<
  Record<'engineCatalogue' | 'engineCataloguePadded' | 'engineOnline' | 'engineOnlinePadded', Row>
>;

const pct = (x: number | null): string => (x === null ? '   -  ' : `${(100 * x).toFixed(1).padStart(5)}%`);

export function printTable(out: Out): void {
  const rows: [string, Row][] = [['engine', out.engine]];
  if (out.enginePadded) rows.push(['engine (padded)', out.enginePadded]);
  if (out.engineCatalogue) rows.push(['catalogue', out.engineCatalogue]);
  if (out.engineCataloguePadded) rows.push(['catalogue (pad)', out.engineCataloguePadded]);
  if (out.engineOnline) rows.push(['online', out.engineOnline]);
  if (out.engineOnlinePadded) rows.push(['online (padded)', out.engineOnlinePadded]);
  for (const [k, v] of Object.entries(out.baselines)) rows.push([k, v]);
  console.log(
    'name              top1    top5    vint    fmt     serv    FA      p50ms   p99ms   buildMs  heapMb',
  );
  for (const [name, r] of rows) {
    const cells = [r.top1, r.top5, r.vintage, r.format, r.serving, r.falseAccept].map(pct).join('  ');
    console.log(
      `${name.padEnd(16)}  ${cells}  ${r.p50ms.toFixed(2).padStart(6)}  ${r.p99ms.toFixed(2).padStart(6)}  ${r.buildMs.toFixed(0).padStart(7)}  ${r.heapMb.toFixed(1).padStart(6)}`,
    );
  }
  console.log('\nengine top-1 by style:');
  for (const [style, v] of Object.entries(out.engine.byStyle).sort()) {
    const padded = out.enginePadded?.byStyle[style];
    const cat = out.engineCatalogue?.byStyle[style];
    const onl = out.engineOnline?.byStyle[style];
    console.log(
      `  ${style.padEnd(16)} ${pct(v)}${padded === undefined ? '' : `   padded ${pct(padded)}`}` +
        `${cat === undefined ? '' : `   catalogue ${pct(cat)}`}${onl === undefined ? '' : `   online ${pct(onl)}`}`,
    );
  }
}
