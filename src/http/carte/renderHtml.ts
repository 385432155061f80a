import crypto from 'node:crypto';
import { LAST_BOTTLES, LEGAL_MENTIONS, SECTION_LABELS, type Lang } from '../../domain/wineList.ts';
import type { PublicCarte, PublicEntry } from '../../services/wineLists/publicCarte.ts';
import { esc, formatPrice, servingText, UI } from './text.ts';

// One small inline stylesheet: phone first, a print layout, no web fonts, no script.
const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.45 Georgia,'Times New Roman',serif;color:#1f1a17;background:#fbf8f3}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 1rem}header{text-align:center;padding-top:1.5rem}
header img{max-width:12rem;max-height:6rem}h1{font-size:1.7rem;margin:.4rem 0}.addr{margin:0;color:#5a4f47}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1rem;justify-content:center;margin:1rem 0;font:15px/1.3 system-ui,sans-serif}
a{color:#7a1f2b}a:focus-visible{outline:3px solid #1f1a17;outline-offset:2px}
.toc{display:flex;flex-wrap:wrap;gap:.4rem;justify-content:center;padding:0;list-style:none;font:15px system-ui,sans-serif}
.toc a{display:inline-block;padding:.45rem .7rem;border:1px solid #d9cfc4;border-radius:1rem;text-decoration:none;min-height:44px;line-height:1.8}
h2{font-size:1.35rem;border-bottom:2px solid #7a1f2b;padding-bottom:.2rem;margin:2rem 0 .5rem}
h3{font:600 .95rem system-ui,sans-serif;text-transform:uppercase;letter-spacing:.04em;color:#5a4f47;margin:1.2rem 0 .3rem}
ul{list-style:none;margin:0;padding:0}li{display:flex;justify-content:space-between;gap:1rem;padding:.55rem 0;border-bottom:1px solid #e8e0d6;break-inside:avoid}
.w{flex:1}.w b{font-weight:600}.a{display:block;color:#5a4f47}.note{display:block;font-style:italic;color:#5a4f47}
.lb{display:inline-block;font:600 .75rem system-ui,sans-serif;color:#7a1f2b;border:1px solid #7a1f2b;border-radius:.3rem;padding:0 .3rem;margin-left:.3rem}
dl{margin:0;display:grid;grid-template-columns:auto auto;gap:0 .7rem;text-align:right;white-space:nowrap;align-content:start}
dt{color:#5a4f47;font-size:.9rem}dd{margin:0;font-weight:600}
footer{margin:2rem auto;padding-bottom:2rem;font-size:.85rem;color:#5a4f47}
@media print{body{background:#fff;font-size:11pt}.tools,.toc{display:none}h2{break-after:avoid}a{color:inherit;text-decoration:none}}`;

/** The stylesheet's hash, so the Content-Security-Policy allows exactly this inline style and nothing else. */
export const STYLE_HASH = `sha256-${crypto.createHash('sha256').update(STYLE).digest('base64')}`;

function entryHtml(e: PublicEntry, lang: Lang): string {
  const title = [e.producer, e.cuvee].filter(Boolean).map(esc);
  const name = title.length > 0 ? `<b>${title[0]}</b>${title[1] ? ` ${title[1]}` : ''}` : '';
  const meta = [e.appellation, e.vintage]
    .filter((v) => v !== null && v !== '')
    .map(esc)
    .join(' · ');
  const mark = e.lastBottles ? `<span class="lb">${LAST_BOTTLES[lang]}</span>` : '';
  const note = e.note ? `<span class="note">${esc(e.note)}</span>` : '';
  const prices = e.prices
    .map(
      (p) =>
        `<dt>${esc(servingText(p.serving, p.volumeCl, lang))}</dt><dd>${esc(formatPrice(p.cents, lang))}</dd>`,
    )
    .join('');
  return `<li><div class="w">${name}${mark}<span class="a">${meta}</span>${note}</div><dl>${prices}</dl></li>`;
}

/** The entries of a section, with a region heading each time the region changes. */
function sectionHtml(
  key: PublicCarte['sections'][number]['key'],
  entries: PublicEntry[],
  lang: Lang,
): string {
  const parts: string[] = [];
  let region: string | null | undefined;
  let open = false;
  for (const e of entries) {
    if (e.region !== region) {
      if (open) parts.push('</ul>');
      region = e.region;
      if (region) parts.push(`<h3>${esc(region)}</h3>`);
      parts.push('<ul>');
      open = true;
    }
    parts.push(entryHtml(e, lang));
  }
  if (open) parts.push('</ul>');
  return `<section aria-labelledby="s-${key}"><h2 id="s-${key}">${esc(SECTION_LABELS[lang][key])}</h2>${parts.join('')}</section>`;
}

/** The whole public page: server-rendered, no JavaScript, every user-written value escaped. */
export function renderCarteHtml(carte: PublicCarte, lang: Lang): string {
  const ui = UI[lang];
  const other: Lang = lang === 'fr' ? 'en' : 'fr';
  const base = `/carte/${encodeURIComponent(carte.slug)}`;
  const logo = carte.hasLogo ? `<img src="${base}/logo.png" alt="${esc(carte.headerName)}">` : '';
  const toc = carte.sections
    .map((s) => `<li><a href="#s-${s.key}">${esc(SECTION_LABELS[lang][s.key])}</a></li>`)
    .join('');
  const body =
    carte.sections.length > 0
      ? carte.sections.map((s) => sectionHtml(s.key, s.entries, lang)).join('')
      : `<p>${ui.empty}</p>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(carte.name)} · ${esc(carte.headerName)}</title><meta name="robots" content="noindex"><style>${STYLE}</style></head><body><header>${logo}<h1>${esc(carte.headerName)}</h1>${carte.headerAddress ? `<p class="addr">${esc(carte.headerAddress)}</p>` : ''}<p class="addr">${esc(carte.name)}</p><nav class="tools" aria-label="${ui.title}"><a href="${base}?lang=${other}" hreflang="${other}" lang="${other}">${ui.other}</a><a href="${base}/carte.pdf?lang=${lang}">${ui.pdf}</a><a href="${base}/qr.svg">${ui.qr}</a></nav></header><main>${carte.sections.length > 1 ? `<nav aria-label="${ui.sections}"><ul class="toc">${toc}</ul></nav>` : ''}${body}</main><footer>${LEGAL_MENTIONS[lang].map((m) => `<p>${esc(m)}</p>`).join('')}</footer></body></html>`;
}
