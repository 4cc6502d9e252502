import { describe, expect, it } from 'vitest';
import { upstreamMessage } from './errors';

describe('upstreamMessage', () => {
  it.each([
    ['Keystone', { error: { code: 401, message: 'The request you have made requires authentication.', title: 'Unauthorized' } }, 'The request you have made requires authentication.'],
    ['Nova', { conflictingRequest: { code: 409, message: "Cannot 'start' instance x while it is in vm_state active" } }, "Cannot 'start' instance x while it is in vm_state active"],
    ['Neutron', { NeutronError: { type: 'NetworkNotFound', message: 'Network x could not be found.', detail: '' } }, 'Network x could not be found.'],
    ['Glance as JSON', { message: 'No image found with ID x', code: '404 Not Found', title: 'Not Found' }, 'No image found with ID x'],
    ['Glance as text', '404 Not Found\n\nNo image found with ID x\n\n   ', '404 Not Found\n\nNo image found with ID x'],
  ])('reads %s', (_service, body, message) => {
    expect(upstreamMessage(body)).toBe(message);
  });

  it('gives nothing for a body without a message', () => {
    expect(upstreamMessage({ servers: [] })).toBeUndefined();
    expect(upstreamMessage(null)).toBeUndefined();
    expect(upstreamMessage('')).toBeUndefined();
  });
});
