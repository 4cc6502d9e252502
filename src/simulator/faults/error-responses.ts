import type { ServiceType } from '../core/identity/store';
import { keystoneErrorBody, keystoneMessages } from '../keystone/errors';
import { NovaFault } from '../nova/faults';

export interface ErrorResponse {
  contentType: string;
  body: string;
}

type InjectedStatus = 500 | 503;

// webob's explanations, which Nova, Neutron and Glance answer with when nothing more specific applies.
const webobText: Record<InjectedStatus, { title: string; explanation: string }> = {
  500: {
    title: 'Internal Server Error',
    explanation: 'The server has either erred or is incapable of performing the requested operation.',
  },
  503: { title: 'Service Unavailable', explanation: 'The server is currently unavailable. Please try again at a later time.' },
};

/** Nova's text for an exception it did not expect (nova/api/openstack/wsgi.py). */
const novaUnexpected =
  'Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova API log if possible.\n' +
  "<class 'Exception'>";

const json = (body: unknown): ErrorResponse => ({ contentType: 'application/json', body: JSON.stringify(body) });

/** An injected error as each service words its own: so clients meet the bodies they must parse. */
export const injectedErrors: Record<ServiceType, (status: InjectedStatus) => ErrorResponse> = {
  identity: (status) => json(keystoneErrorBody(status, status === 500 ? keystoneMessages.internal : keystoneMessages.unavailable)),
  compute: (status) => json(new NovaFault(status, status === 500 ? novaUnexpected : webobText[status].explanation).body),
  network: (status) =>
    json({
      NeutronError: {
        type: status === 500 ? 'HTTPInternalServerError' : 'HTTPServiceUnavailable',
        message: status === 500 ? 'Request Failed: internal server error while processing your request.' : webobText[status].explanation,
        detail: '',
      },
    }),
  // Glance's errors are webob's plain-text pages.
  image: (status) => ({
    contentType: 'text/plain; charset=UTF-8',
    body: `${status} ${webobText[status].title}\n\n${webobText[status].explanation}\n\n   `,
  }),
};
