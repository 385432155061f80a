import { useState, type FormEvent, type ReactElement } from 'react';
import { ApiError } from '../api/client.ts';
import { useSaveTill } from '../api/queries.ts';
import type { TillConnection, TillConnectionInput, TillTest } from '../../../src/http/contract.ts';
import { ErrorBanner, SubmitButton } from './Feedback.tsx';
import { Field } from './Field.tsx';
import { credentialsFromDomain, identifierFromKmlcode } from './tillFormat.ts';
import { useI18n, type MessageKey } from '../i18n/i18n.tsx';
import { Link, navigate, paths } from '../router.tsx';
import { HistoryOffer } from './HistoryOffer.tsx';
import { saveProgress, startProgress } from '../pages/importProgress.ts';

type TillType = TillConnection['tillType'];

type Values = {
  domain: string;
  kmlcode: string;
  siteCode: string;
  identifier: string;
  password: string;
  locationId: string;
  catalogId: string;
  accessToken: string;
  apiOrigin: string;
};
const HUBRISE_API = 'https://api.hubrise.com';
const EMPTY: Values = {
  domain: '',
  kmlcode: '',
  siteCode: 'SID',
  identifier: '',
  password: '',
  locationId: '',
  catalogId: '',
  accessToken: '',
  apiOrigin: HUBRISE_API,
};

// HubRise's location, catalog and API origin are stored in the generic kmlcode, siteCode and domain.
const valuesOf = (c: TillConnection): Values =>
  c.tillType === 'hubrise'
    ? { ...EMPTY, locationId: c.kmlcode, catalogId: c.siteCode, apiOrigin: c.domain }
    : {
        ...EMPTY,
        domain: c.domain,
        kmlcode: c.kmlcode,
        siteCode: c.siteCode,
        identifier: c.identifier,
      };

export const TEST_TITLES: Record<string, MessageKey> = {
  auth_refused: 'till.test.auth_refused',
  unknown_site: 'till.test.unknown_site',
  unreachable: 'till.test.unreachable',
  timeout: 'till.test.timeout',
  unexpected_response: 'till.test.unexpected_response',
  rate_limited: 'till.test.rate_limited',
  server_error: 'till.test.server_error',
  too_large: 'till.test.too_large',
};

/**
 * One till's form in Paramètres › Caisse (a new one when `till` is null): its name and the credentials its till
 * issues, saved then tested; the password or token is never shown.
 */
export function TillForm(props: {
  eid: string;
  till: TillConnection | null;
  onSaved: (connection: TillConnection) => void;
}) {
  const { t, date } = useI18n();
  const { eid } = props;
  const [connection, setSaved] = useState<TillConnection | null>(props.till);
  const setConnection = (c: TillConnection) => {
    setSaved(c);
    props.onSaved(c);
  };
  const [values, setValues] = useState<Values>(() => (props.till ? valuesOf(props.till) : EMPTY));
  const [name, setName] = useState(props.till?.name ?? '');
  const [tillType, setTillType] = useState<TillType>(props.till?.tillType ?? 'asterio');
  const [dirty, setDirty] = useState(false);
  // Fields the user typed in keep their value; the others follow the domain.
  const [typed, setTyped] = useState<{ kmlcode: boolean; identifier: boolean }>({
    kmlcode: props.till !== null,
    identifier: props.till !== null,
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [test, setTest] = useState<TillTest | null>(null);
  const save = useSaveTill(eid);

  const set = (key: keyof Values, value: string) => {
    setDirty(true);
    setTest(null);
    setErrors(({ [key]: _gone, ...rest }) => rest);
    setValues((v) => {
      const next = { ...v, [key]: value };
      if (key === 'domain') {
        const guess = credentialsFromDomain(value);
        if (guess && !typed.kmlcode) next.kmlcode = guess.kmlcode;
        if (guess && !typed.identifier) next.identifier = guess.identifier;
      }
      if (key === 'kmlcode' && !typed.identifier && value.trim())
        next.identifier = identifierFromKmlcode(value);
      return next;
    });
    if (key === 'kmlcode' || key === 'identifier') setTyped((s) => ({ ...s, [key]: true }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setTest(null);
    const found: Record<string, string> = {};
    const hubrise = tillType === 'hubrise';
    const sameTill = connection?.tillType === tillType;
    for (const key of hubrise ? (['locationId'] as const) : (['domain', 'kmlcode', 'identifier'] as const))
      if (!values[key].trim()) found[key] = t('auth.required');
    if (hubrise && !sameTill && !values.accessToken) found.accessToken = t('till.hubrise.tokenRequired');
    if (!hubrise && !sameTill && !values.password) found.password = t('till.passwordRequired');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      let answer: { connection: TillConnection; test: TillTest };
      if (dirty || !connection) {
        const body: TillConnectionInput = hubrise
          ? {
              tillType: 'hubrise',
              locationId: values.locationId.trim(),
              ...(values.catalogId.trim() ? { catalogId: values.catalogId.trim() } : {}),
              ...(values.apiOrigin.trim() && values.apiOrigin.trim() !== HUBRISE_API
                ? { apiOrigin: values.apiOrigin.trim() }
                : {}),
              ...(values.accessToken ? { accessToken: values.accessToken } : {}),
            }
          : {
              tillType: 'asterio',
              domain: values.domain.trim(),
              kmlcode: values.kmlcode.trim(),
              identifier: values.identifier.trim(),
              ...(values.siteCode.trim() ? { siteCode: values.siteCode.trim() } : {}),
              ...(values.password ? { password: values.password } : {}),
            };
        const named = name.trim() ? { ...body, name: name.trim() } : body;
        answer = await save.mutateAsync({ ...(connection ? { tillId: connection.id } : {}), body: named });
      } else answer = await save.mutateAsync({ test: true, tillId: connection.id });
      setConnection(answer.connection);
      setTest(answer.test);
      setDirty(false);
      setValues((v) => ({ ...v, password: '', accessToken: '' }));
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) setErrors(err.fieldMap());
      else setError(err);
    }
  };

  const text = (key: keyof Values, label: string, hint?: string, placeholder?: string) => (
    <Field label={label} error={errors[key]} hint={hint}>
      {(p) => (
        <input
          {...p}
          name={key}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={values[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <div className="till-form">
      {connection && (
        <p className={`till-state till-state--${connection.status}`}>
          <strong>{t(`till.status.${connection.status}`)}</strong>
          {connection.siteName && ` · ${connection.siteName}`}
          {connection.lastTestedAt && (
            <span className="muted">
              {' '}
              · {t('till.testedOn', { date: date(connection.lastTestedAt, true) })}
            </span>
          )}
          {' · '}
          <Link to={paths.imports(eid)}>{t('till.toImports')}</Link>
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate autoComplete="off">
        <p className="muted">{t('till.lead')}</p>
        <ErrorBanner error={error} />
        <Field label={t('till.name')} error={errors.name} hint={t('till.nameHint')}>
          {(p) => (
            <input
              {...p}
              name="tillName"
              autoComplete="off"
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setDirty(true);
                setErrors(({ name: _gone, ...rest }) => rest);
              }}
            />
          )}
        </Field>
        <Field label={t('till.type')}>
          {(p) => (
            <select
              {...p}
              name="tillType"
              value={tillType}
              onChange={(e) => {
                setTillType(e.target.value === 'hubrise' ? 'hubrise' : 'asterio');
                setDirty(true);
                setTest(null);
                setErrors({});
              }}
            >
              <option value="asterio">Astério</option>
              <option value="hubrise">{t('till.hubrise.option')}</option>
            </select>
          )}
        </Field>
        {tillType === 'hubrise' ? (
          <HubriseFields
            text={text}
            saved={connection?.tillType === 'hubrise' ? connection.status : null}
            token={values.accessToken}
            error={errors.accessToken}
            onToken={(v) => set('accessToken', v)}
          />
        ) : (
          <>
            {text('domain', t('till.domain'), t('till.domainHint'), 'https://monresto-70001.myasterio.com')}
            <div className="form-row">
              {text('kmlcode', t('till.kmlcode'), undefined, 'monresto-70001')}
              {text('siteCode', t('till.siteCode'), t('till.siteCodeHint'))}
            </div>
            {text('identifier', t('till.identifier'), undefined, 'MONRESTO_GENERICDATA')}
            {connection?.tillType === 'asterio' && <SavedPassword status={connection.status} />}
            <Field
              label={connection?.tillType === 'asterio' ? t('till.passwordReplace') : t('till.password')}
              error={errors.password}
              hint={connection?.tillType === 'asterio' ? t('till.passwordReplaceHint') : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  name="till-password"
                  type="password"
                  autoComplete="new-password"
                  value={values.password}
                  onChange={(e) => set('password', e.target.value)}
                />
              )}
            </Field>
          </>
        )}
        <SubmitButton
          pending={save.isPending}
          label={t('till.testSubmit')}
          pendingLabel={t('till.testing')}
        />
      </form>
      {test && <TestResult test={test} />}
      {test?.ok && connection?.lastImportAt === null && (
        <HistoryOffer
          eid={eid}
          tillId={connection?.id}
          onRequested={({ days, before }) => {
            saveProgress(eid, startProgress(days, before));
            navigate(paths.imports(eid));
          }}
        />
      )}
    </div>
  );
}

type TextField = (key: keyof Values, label: string, hint?: string, placeholder?: string) => ReactElement;

/** What HubRise issues when Cellier is connected to a location: its id, a token, and optionally a catalog. */
function HubriseFields(props: {
  text: TextField;
  /** The stored token's state, or null when none is stored. */
  saved: TillConnection['status'] | null;
  token: string;
  error: string | undefined;
  onToken: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <p className="muted">{t('till.hubrise.lead')}</p>
      <div className="form-row">
        {props.text('locationId', t('till.hubrise.location'), t('till.hubrise.locationHint'), '3r4s3-1')}
        {props.text('catalogId', t('till.hubrise.catalog'), t('till.hubrise.catalogHint'), '87yu4')}
      </div>
      {props.text('apiOrigin', t('till.hubrise.api'), t('till.hubrise.apiHint'))}
      {props.saved && <SavedPassword status={props.saved} secret="token" />}
      <Field
        label={props.saved ? t('till.hubrise.tokenReplace') : t('till.hubrise.token')}
        error={props.error}
        hint={props.saved ? t('till.hubrise.tokenReplaceHint') : undefined}
      >
        {(p) => (
          <input
            {...p}
            name="till-token"
            type="password"
            autoComplete="new-password"
            value={props.token}
            onChange={(e) => props.onToken(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

function TestResult({ test }: { test: TillTest }) {
  const { t, tn, locale } = useI18n();
  if (test.ok)
    return (
      <div className="banner banner--success till-result" role="status">
        <span>
          <strong>{t('till.test.ok')}</strong>{' '}
          {test.siteName ? t('till.test.okSite', { site: test.siteName }) : ''}{' '}
          {tn('till.test.products', test.productCount)}
        </span>
      </div>
    );
  const titleKey = TEST_TITLES[test.code];
  // One message: a short title, then the server's French sentence (it never carries an HTTP detail).
  return (
    <div className="banner banner--error till-result" role="alert">
      <span>
        <strong>{titleKey ? t(titleKey) : t('till.test.failed')}</strong>
        {locale === 'fr' && test.message && <span className="till-result__detail">{test.message}</span>}
      </span>
    </div>
  );
}

const SECRET_STATES = {
  password: {
    ok: 'till.passwordSaved',
    refused: 'till.passwordRefused',
    unchecked: 'till.passwordUnchecked',
  },
  token: {
    ok: 'till.hubrise.tokenSaved',
    refused: 'till.hubrise.tokenRefused',
    unchecked: 'till.hubrise.tokenUnchecked',
  },
} as const satisfies Record<string, Record<'ok' | 'refused' | 'unchecked', MessageKey>>;

/** The tick says the stored password (or HubRise token) works: only after a test that passed. */
function SavedPassword({
  status,
  secret = 'password',
}: {
  status: TillConnection['status'];
  secret?: keyof typeof SECRET_STATES;
}) {
  const { t } = useI18n();
  const keys = SECRET_STATES[secret];
  if (status === 'ok')
    return (
      <p className="till-saved-password">
        <span aria-hidden="true">✓ </span>
        <span>{t(keys.ok)}</span>
      </p>
    );
  return (
    <p className={`till-saved-password till-saved-password--${status}`}>
      {t(status === 'refused' ? keys.refused : keys.unchecked)}
    </p>
  );
}
