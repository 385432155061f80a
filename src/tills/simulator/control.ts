import type { IncomingMessage } from 'node:http';
import { parseFaults, type SimFaults } from './faults.ts';

/** What the control endpoint can ask of the simulator (tests drive it over HTTP, like a real till). */
type ControlPort = {
  setFaults: (kmlcode: string, faults: SimFaults) => void;
  clearFaults: () => void;
  changePassword: (kmlcode: string, password: string) => void;
  setNow: (at: Date | string) => void;
  setPrice: (kmlcode: string, productId: string, priceCents: number) => void;
  addSale: (kmlcode: string, sale: { day: string; productId: string; quantity: number; at: Date }) => void;
};

const whole = (value: unknown, name: string): number => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new Error(`${name} : entier attendu`);
  return value;
};

const MAX_BODY = 64 * 1024;

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = '';
  for await (const chunk of req) {
    text += String(chunk);
    if (text.length > MAX_BODY) throw new Error('corps trop grand');
  }
  const value: unknown = text === '' ? {} : JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('objet JSON attendu');
  return value as Record<string, unknown>;
}

const text = (value: unknown, name: string): string => {
  if (typeof value !== 'string' || value === '') throw new Error(`${name} : texte attendu`);
  return value;
};

/**
 * `POST /__control/faults {kmlcode?, faults}`, `/password {kmlcode, password}`, `/clock {now}`,
 * `/price {kmlcode, productId, priceCents}`, `/sale {kmlcode, day, productId, quantity, at}`, `/reset`. The only non-GET routes of the simulator; nothing like them exists on a real till.
 */
export async function handleControl(
  req: IncomingMessage,
  action: string,
  port: ControlPort,
): Promise<{ status: number; body: unknown }> {
  if (req.method !== 'POST') return { status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } };
  try {
    const body = await readJson(req);
    switch (action) {
      case 'faults':
        port.setFaults(typeof body.kmlcode === 'string' ? body.kmlcode : '*', parseFaults(body.faults));
        break;
      case 'password':
        port.changePassword(text(body.kmlcode, 'kmlcode'), text(body.password, 'password'));
        break;
      case 'clock':
        port.setNow(text(body.now, 'now'));
        break;
      case 'price':
        port.setPrice(
          text(body.kmlcode, 'kmlcode'),
          text(body.productId, 'productId'),
          whole(body.priceCents, 'priceCents'),
        );
        break;
      case 'sale': {
        const at = new Date(text(body.at, 'at'));
        if (Number.isNaN(at.getTime())) throw new Error('at : instant invalide');
        port.addSale(text(body.kmlcode, 'kmlcode'), {
          day: text(body.day, 'day'),
          productId: text(body.productId, 'productId'),
          quantity: whole(body.quantity, 'quantity'),
          at,
        });
        break;
      }
      case 'reset':
        port.clearFaults();
        break;
      default:
        return { status: 404, body: { error: { code: 'NOT_FOUND' } } };
    }
    return { status: 200, body: { ok: true } };
  } catch (error) {
    return { status: 400, body: { error: { code: 'BAD_REQUEST', message: String(error) } } };
  }
}
