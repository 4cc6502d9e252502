import { isApiError, type ApiError, type ApiErrorCode, type ApiErrorParams } from './errors';

type Wording = string | ((params: ApiErrorParams, error: ApiError) => string | undefined);
export type MessageOverrides = Partial<Record<ApiErrorCode, Wording>>;

const seconds = (value: string | number | undefined): number | undefined => {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : value;
  return n !== undefined && Number.isFinite(n) && n > 0 ? Math.ceil(n) : undefined;
};

/** Services the BFF may name in `params.service`, in the words an operator knows them by. */
const serviceNames: Record<string, string> = {
  identity: 'The identity service (Keystone)',
  keystone: 'The identity service (Keystone)',
  compute: 'The compute service (Nova)',
  nova: 'The compute service (Nova)',
  network: 'The network service (Neutron)',
  neutron: 'The network service (Neutron)',
  image: 'The image service (Glance)',
  glance: 'The image service (Glance)',
};

function serviceWords(params: ApiErrorParams, predicate: string): string | undefined {
  const service = typeof params.service === 'string' ? serviceNames[params.service.toLowerCase()] : undefined;
  return service ? `${service} ${predicate}` : undefined;
}

export const identityUnavailableMessage =
  'The identity service (Keystone) cannot be reached. Try again in a moment.';

/**
 * The user-facing words for every error code. `undefined` from a wording (or no entry) falls back
 * to the server's English `message`; an HTTP status is never shown on its own.
 */
const catalogue: Record<ApiErrorCode, Wording> = {
  'auth.invalid_credentials': 'The username, password or domain is not correct.',
  'auth.unauthenticated': 'You are not signed in. Sign in to continue.',
  'auth.session_expired': 'Your session has expired. Sign in again to continue.',
  'auth.csrf': 'The request was refused as a safety measure. Reload the page and try again.',
  'auth.rate_limited': (p) => {
    const wait = seconds(p.retryAfter);
    return wait === undefined
      ? 'Too many sign-in attempts. Wait a minute and try again.'
      : `Too many sign-in attempts. Try again in ${wait} second${wait === 1 ? '' : 's'}.`;
  },
  'auth.no_projects':
    'Your account has no project to work in. Ask your cloud administrator to give you a role in one.',
  'auth.project_unavailable': (p) =>
    typeof p.project === 'string'
      ? `The project “${p.project}” does not exist, or you have no role in it.`
      : 'That project does not exist, or you have no role in it.',
  // The BFF's message names the regions the cloud has.
  'auth.region_unavailable': () => undefined,
  'request.invalid': (_p, error) => error.message || 'Some of the values sent are not valid.',
  'request.malformed': 'Stackdeck sent a request the server could not read. Reload the page and try again.',
  'request.too_large': 'The request is too large.',
  'request.unsupported_media_type':
    'Stackdeck sent a request the server could not read. Reload the page and try again.',
  'tasks.too_many_streams': 'Too many Stackdeck windows are following tasks at once. Close some, then reload this page.',
  not_found: 'This item could not be found. It may have been deleted.',
  // The BFF names the service in its own message ("The compute service (Nova) cannot be reached…").
  'upstream.unavailable': (p) => serviceWords(p, 'cannot be reached. Try again in a moment.'),
  'upstream.bad_response': (p) => serviceWords(p, 'sent an answer Stackdeck could not understand.'),
  'upstream.error': (p) => serviceWords(p, 'reported an error.'),
  'server.not_found': 'This server no longer exists. It may have been deleted.',
  // The BFF words these from Nova's answer; Nova's own text is in the error's detail.
  'server.conflict': () => undefined,
  'server.forbidden': () => undefined,
  'server.invalid': () => undefined,
  'network.not_found': 'This network no longer exists, or it belongs to another project.',
  'cursor.invalid': 'The list changed too much to go on from here. Reload it to start again.',
  'upstream.forbidden': () => undefined,
  'upstream.not_in_catalog': () => undefined,
  internal: 'Something went wrong inside Stackdeck. Try again in a moment.',
  network: 'Stackdeck cannot be reached. Check your connection and try again.',
  aborted: 'The request was cancelled.',
  'response.invalid': 'Stackdeck received an answer it could not read. Reload the page and try again.',
  unknown: () => undefined,
};

const fallback = 'Something went wrong. Try again in a moment.';

/** Words for any error a query, mutation or loader can raise; anything else gets a general line. */
export function messageFor(error: unknown, overrides: MessageOverrides = {}): string {
  if (isApiError(error)) {
    const wording = overrides[error.code] ?? catalogue[error.code];
    const text = typeof wording === 'function' ? wording(error.params, error) : wording;
    return text ?? (error.message || fallback);
  }
  return fallback;
}
