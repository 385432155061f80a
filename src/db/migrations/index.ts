import type { Migration } from 'kysely';
import * as foundation from './20261127T2150_foundation.ts';
import * as tillsAndSales from './20261127T2210_tills_and_sales.ts';
import * as library from './20261127T2230_library.ts';
import * as wineLists from './20261205T2350_wine_lists.ts';
import * as counts from './20261205T2356_counts.ts';
import * as drinkStock from './20261206T0004_drink_stock.ts';
import * as salesFiles from './20261206T0025_sales_files.ts';
import * as matchingKnowledge from './20261206T0040_matching_knowledge.ts';
import * as carteNotify from './20261206T0250_carte_notify.ts';
import * as linkEvents from './20261206T0320_link_events.ts';
import * as rateLimits from './20261206T0335_rate_limits.ts';
import * as accountTasks from './20261206T0355_account_tasks.ts';
import * as drinkBaseCounts from './20261206T0410_drink_base_counts.ts';
import * as hubriseTill from './20261206T0415_hubrise_till.ts';
import * as saleProductDay from './20261206T0610_sale_product_day.ts';
import * as catalogueStaging from './20261206T0700_catalogue_staging.ts';
import * as saleLineNoExclTax from './20261206T0720_sale_line_no_excl_tax.ts';
import * as saleLineProductDayIdx from './20261206T0725_sale_line_product_day_idx.ts';
import * as saleProductDayJoins from './20261206T0730_sale_product_day_joins.ts';
import * as drinkStockByDay from './20261206T0731_drink_stock_by_day.ts';
import * as saleProductTotal from './20261206T0732_sale_product_total.ts';
import * as severalTills from './20261206T0740_several_tills.ts';
import * as saleProductMonth from './20261206T0950_sale_product_month.ts';
import * as drinkNameOrderIdx from './20261206T0955_drink_name_order_idx.ts';

// Static list rather than a folder scan: works the same under tsx, a bundle or tests. Keys sort by time.
export const migrations: Record<string, Migration> = {
  '20261127T2150_foundation': foundation,
  '20261127T2210_tills_and_sales': tillsAndSales,
  '20261127T2230_library': library,
  '20261205T2350_wine_lists': wineLists,
  '20261205T2356_counts': counts,
  '20261206T0004_drink_stock': drinkStock,
  '20261206T0025_sales_files': salesFiles,
  '20261206T0040_matching_knowledge': matchingKnowledge,
  '20261206T0250_carte_notify': carteNotify,
  '20261206T0320_link_events': linkEvents,
  '20261206T0335_rate_limits': rateLimits,
  '20261206T0355_account_tasks': accountTasks,
  '20261206T0410_drink_base_counts': drinkBaseCounts,
  '20261206T0415_hubrise_till': hubriseTill,
  '20261206T0610_sale_product_day': saleProductDay,
  '20261206T0700_catalogue_staging': catalogueStaging,
  '20261206T0720_sale_line_no_excl_tax': saleLineNoExclTax,
  '20261206T0725_sale_line_product_day_idx': saleLineProductDayIdx,
  '20261206T0730_sale_product_day_joins': saleProductDayJoins,
  '20261206T0731_drink_stock_by_day': drinkStockByDay,
  '20261206T0732_sale_product_total': saleProductTotal,
  '20261206T0740_several_tills': severalTills,
  '20261206T0950_sale_product_month': saleProductMonth,
  '20261206T0955_drink_name_order_idx': drinkNameOrderIdx,
};
