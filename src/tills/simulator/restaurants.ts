import { rngFor, randomToken } from './prng.ts';

/** How a simulated restaurant trades: volumes drive the ticket generator. */
export type RestaurantProfile = {
  name: string;
  kmlcode: string;
  siteCode: string;
  /** Default: Astério's `<NAME>_GENERICDATA`. */
  identifier?: string;
  /** Default: derived from the seed. */
  password?: string;
  /** Average tickets of a Friday service; other days are scaled. */
  lunchTickets: number;
  dinnerTickets: number;
  /** Dinner runs past midnight: those sales still belong to the business day. */
  lateNight: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  closedWeekdays: number[];
  /** Day D closes at this hour (Paris) on D+1. */
  closeHour: number;
  wineCount: number;
  /** Share of bottle wines also sold by the glass. */
  glassShare: number;
  /** Share of quick bar tickets (a coffee, a beer) among tickets. */
  barShare: number;
  priceLevel: number;
  /** Hard caps of one business day, whatever the weekday factor. */
  maxTickets: number;
  maxLines: number;
};

export const DEFAULT_RESTAURANTS: readonly RestaurantProfile[] = [
  {
    name: 'Le Petit Zinc',
    kmlcode: 'lepetitzinc-70001',
    siteCode: 'SID',
    lunchTickets: 60,
    dinnerTickets: 80,
    lateNight: false,
    closedWeekdays: [0],
    closeHour: 4,
    wineCount: 28,
    glassShare: 0.3,
    barShare: 0.35,
    priceLevel: 1,
    maxTickets: 400,
    maxLines: 1600,
  },
  {
    name: 'Brasserie du Port',
    kmlcode: 'brasserieduport-70002',
    siteCode: 'SID',
    lunchTickets: 520,
    dinnerTickets: 1150,
    lateNight: true,
    closedWeekdays: [],
    closeHour: 5,
    wineCount: 34,
    glassShare: 0.35,
    barShare: 0.6,
    priceLevel: 1,
    maxTickets: 2000,
    maxLines: 8000,
  },
  {
    name: 'Les Halles Gourmandes',
    kmlcode: 'leshallesgourmandes-70003',
    siteCode: 'HALLES',
    lunchTickets: 35,
    dinnerTickets: 55,
    lateNight: false,
    closedWeekdays: [0, 1],
    closeHour: 4,
    wineCount: 48,
    glassShare: 0.2,
    barShare: 0.1,
    priceLevel: 1.8,
    maxTickets: 300,
    maxLines: 1500,
  },
  {
    name: 'Chez Marcel, cave à manger',
    kmlcode: 'chezmarcel-70004',
    siteCode: 'SID',
    lunchTickets: 20,
    dinnerTickets: 75,
    lateNight: false,
    closedWeekdays: [1],
    closeHour: 3,
    wineCount: 44,
    glassShare: 0.5,
    barShare: 0.3,
    priceLevel: 1.2,
    maxTickets: 400,
    maxLines: 1600,
  },
];

export type SimRestaurant = RestaurantProfile & { identifier: string; password: string };

export function withCredentials(profile: RestaurantProfile, seed: number): SimRestaurant {
  const name = profile.kmlcode.replace(/-\d+$/, '').replace(/-/g, '_').toUpperCase();
  return {
    ...profile,
    identifier: profile.identifier ?? `${name}_GENERICDATA`,
    password: profile.password ?? `sim-${randomToken(rngFor(seed, profile.kmlcode, 'password'), 14)}`,
  };
}
