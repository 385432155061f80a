import PDFDocument from 'pdfkit';
import { LAST_BOTTLES, LEGAL_MENTIONS, SECTION_LABELS, type Lang } from '../../domain/wineList.ts';
import type { PublicCarte } from '../../services/wineLists/publicCarte.ts';
import { formatPrice, servingText } from './text.ts';

const MARGIN = 50;

/** The printable list as an A4 PDF (pdfkit, standard fonts), the same content as the page. */
export function renderCartePdf(carte: PublicCarte, lang: Lang, logo: Buffer | null): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${carte.name} · ${carte.headerName}`, Producer: 'Cellier' },
    lang,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const priceWidth = 170;

  if (logo) {
    doc.image(logo, (doc.page.width - 120) / 2, doc.y, { fit: [120, 60], align: 'center' });
    doc.moveDown(4);
  }
  doc.font('Times-Bold').fontSize(22).text(carte.headerName, { align: 'center' });
  if (carte.headerAddress)
    doc.font('Times-Roman').fontSize(11).text(carte.headerAddress, { align: 'center' });
  doc.font('Times-Italic').fontSize(12).text(carte.name, { align: 'center' });
  doc.moveDown();

  for (const section of carte.sections) {
    if (doc.y > doc.page.height - 150) doc.addPage();
    doc
      .moveDown(0.5)
      .font('Times-Bold')
      .fontSize(16)
      .fillColor('#7a1f2b')
      .text(SECTION_LABELS[lang][section.key]);
    doc.fillColor('black');
    let region: string | null | undefined;
    for (const e of section.entries) {
      if (doc.y > doc.page.height - 100) doc.addPage();
      if (e.region !== region) {
        region = e.region;
        if (region) doc.moveDown(0.3).font('Helvetica-Bold').fontSize(9).text(region.toUpperCase());
      }
      const top = doc.y;
      const name = [e.producer, e.cuvee].filter(Boolean).join(' ');
      doc
        .font('Times-Bold')
        .fontSize(11)
        .text(name, MARGIN, top, { width: width - priceWidth, continued: e.lastBottles });
      if (e.lastBottles) doc.font('Times-Italic').text(`  ${LAST_BOTTLES[lang]}`);
      const meta = [e.appellation, e.vintage].filter((v) => v !== null && v !== '').join(' · ');
      if (meta)
        doc
          .font('Times-Roman')
          .fontSize(10)
          .text(meta, { width: width - priceWidth });
      if (e.note)
        doc
          .font('Times-Italic')
          .fontSize(9)
          .text(e.note, { width: width - priceWidth });
      const bottom = doc.y;
      doc.font('Times-Roman').fontSize(10);
      const prices = e.prices.map(
        (p) => `${servingText(p.serving, p.volumeCl, lang)}   ${formatPrice(p.cents, lang)}`,
      );
      doc.text(prices.join('\n'), MARGIN + width - priceWidth, top, { width: priceWidth, align: 'right' });
      doc.x = MARGIN;
      doc.y = Math.max(bottom, doc.y) + 4;
    }
  }
  doc.moveDown(1.5).font('Times-Roman').fontSize(9).fillColor('#444');
  for (const m of LEGAL_MENTIONS[lang]) doc.text(m, MARGIN, doc.y, { width });
  doc.end();
  return done;
}
