/**
 * The API contract for the web client: every type here is inferred from the zod schemas that the routes declare
 * (`routes/*.schema.ts`), so the client cannot drift from the server. Import it with `import type` only.
 */
import type { z } from 'zod';
import type { historyResponse, importResponse, previewResponse } from './routes/salesFiles.schema.ts';
import type { salesFileSettingsSchema } from '../services/salesFiles/settings.ts';
import type { importOverviewResponse, importRunResponse } from './routes/imports.schema.ts';
import type {
  tillConnectionBody,
  tillConnectionResponse,
  tillStateResponse,
  tillTestResponse,
} from './routes/till.schema.ts';
import type { movementList, movementResponse } from './routes/stock.schema.ts';
import type { taskAccepted, taskResponse } from './routes/tasks.schema.ts';
import type { accountResponse, changePasswordBody, sessionsEndedResponse } from './routes/auth.schema.ts';
import type {
  establishmentResponse,
  invitationResponse,
  memberResponse,
} from './routes/establishments.schema.ts';
import type {
  addDrinkBody,
  countLineBody,
  countSheetDto,
  createSessionBody,
  lineResultDto,
  sessionDto,
} from './routes/counts.schema.ts';
import type { bevDto, overviewDto } from './routes/reports.schema.ts';
import type { reasonDto, varianceDto, varianceHistoryDto } from './routes/variance.schema.ts';
import type {
  createDrinkBody,
  drinkBody,
  drinkListQuery,
  drinkPage,
  drinkResponse,
} from './routes/drinks.schema.ts';
import type { appellationDto } from './routes/reference.schema.ts';
import type { libraryEntryDto } from './routes/library.schema.ts';
import type {
  drinkSalesResponse,
  drinkThatFitsDto,
  linkBody,
  linkResponse,
  notDrinksResponse,
  proposalDto,
  tillLinkDto,
  tillProductDto,
  workListQuery,
  workListResponse,
} from './routes/sync.schema.ts';
import type {
  entryDto,
  updateWineListBody,
  wineListDetailResponse,
  wineListDto,
} from './routes/wineLists.schema.ts';

/** What JSON makes of a response value: dates travel as ISO strings. */
type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
/** A response body as the client receives it. */
type Response<S extends z.ZodType> = Wire<z.output<S>>;
/** A request body or query as the client may send it (defaults optional). */
type Request<S extends z.ZodType> = z.input<S>;
/** A query string as the client builds it: parsed values (booleans, numbers), every one optional. */
type Query<S extends z.ZodType> = Partial<z.output<S>>;

/* Drinks */
export type Drink = Response<typeof drinkResponse>;
export type DrinkPage = Response<typeof drinkPage>;
export type DrinkInput = Request<typeof drinkBody>;
export type DrinkQuery = Query<typeof drinkListQuery>;
export type NewDrinkInput = Request<typeof createDrinkBody>;
export type LinkInput = Request<typeof linkBody>;
export type LinkResult = Response<typeof linkResponse>;

/* Wine lists (la carte) */
export type WineList = Response<typeof wineListDto>;
export type WineListView = Response<typeof wineListDetailResponse>;
export type WineListEntry = Response<typeof entryDto>;
export type WineListPatch = Request<typeof updateWineListBody>;
/* Sales files */
export type SalesFilePreview = Response<typeof previewResponse>;
export type SalesFileImport = Response<typeof importResponse>;
export type SalesFileHistory = Response<typeof historyResponse>;
export type SalesFileSettingsInput = Request<typeof salesFileSettingsSchema>;

/* Accounts and establishments */
export type Account = Response<typeof accountResponse>;
export type ChangePasswordInput = Request<typeof changePasswordBody>;
export type SessionsEnded = Response<typeof sessionsEndedResponse>;
export type Locale = Account['locale'];
export type Establishment = Response<typeof establishmentResponse>;
export type Role = Establishment['role'];
export type Member = Response<typeof memberResponse>;
export type Invitation = Response<typeof invitationResponse>;

/* Stock */
export type Movement = Response<typeof movementResponse>;
export type MovementHistory = Response<typeof movementList>;
export type TillSalesDay = MovementHistory['tillSales'][number];

/* The till: connection and imports */
export type TillConnection = Response<typeof tillConnectionResponse>;
export type TillState = Response<typeof tillStateResponse>;
export type TillConnectionInput = Request<typeof tillConnectionBody>;
export type TillTest = Response<typeof tillTestResponse>;
export type ImportRun = Response<typeof importRunResponse>;
export type ImportOverview = Response<typeof importOverviewResponse>;
/* Inventaires, écarts, coût matière (issue 14) */
export type CountSession = Response<typeof sessionDto>;
export type CountSheet = Response<typeof countSheetDto>;
export type CountSheetDrink = CountSheet['drinks'][number];
export type CountSessionInput = Request<typeof createSessionBody>;
export type CountLineInput = Request<typeof countLineBody>;
export type CountLineResult = Response<typeof lineResultDto>;
export type AddDrinkDuringCount = Request<typeof addDrinkBody>;
export type Variance = Response<typeof varianceDto>;
export type VarianceRow = Variance['rows'][number];
export type VarianceReason = Response<typeof reasonDto>;
export type VarianceHistory = Response<typeof varianceHistoryDto>;
export type BevCost = Response<typeof bevDto>;
export type ReportsOverview = Response<typeof overviewDto>;

/* Reference data and the wine library */
export type Appellation = Response<typeof appellationDto>;
export type LibraryEntry = Response<typeof libraryEntryDto>;

/* Synchronisation with the till: the work list, proposals, links, a drink's sales */
export type TillProduct = Response<typeof tillProductDto>;
export type WorkList = Response<typeof workListResponse>;
export type NotDrinkProposal = Response<typeof notDrinksResponse>['items'][number];
export type WorkListQuery = Query<typeof workListQuery>;
export type WorkListStatus = NonNullable<WorkListQuery['status']>;
export type Proposal = Response<typeof proposalDto>;
export type DrinkThatFits = Response<typeof drinkThatFitsDto>;
export type LinkTarget = Request<typeof linkBody>['target'];
export type TillLink = Response<typeof tillLinkDto>;
export type DrinkSales = Response<typeof drinkSalesResponse>;

/* Long work run as a job (supplier catalogue, demo): accepted with its id, then followed. */
export type TaskAccepted = Response<typeof taskAccepted>;
export type Task = Response<typeof taskResponse>;
