// os-instance-actions over real HTTP: shapes against the fixtures by microversion and role,
// newest first, paging from 2.58, and deleted servers from 2.21.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../core/compute/model';
import { type ActionSession, startActionSession } from './testing/action-session';
import { computeFixture, shapeDifferences } from './testing/shape';

let s: ActionSession;
let server: Server;
/** Request ids of stop, start and lock, oldest first. */
const ids: string[] = [];

beforeAll(async () => {
  s = await startActionSession();
  server = s.addServer();
  for (const body of [{ 'os-stop': null }, { 'os-start': null }, { lock: null }]) {
    const reply = await s.action(server.id, body);
    ids.push(reply.headers.get('x-openstack-request-id') as string);
    await s.after(4_000, server.id);
  }
});
afterAll(() => s.sim.close());

type List = { instanceActions: Array<Record<string, unknown>>; links?: Array<{ rel: string; href: string }> };
type Show = { instanceAction: Record<string, unknown> & { events?: Array<Record<string, unknown>> } };
const list = (query = '', mv = '2.100', token?: string) => s.get<List>(`/servers/${server.id}/os-instance-actions${query}`, { mv, ...(token && { token }) });
const show = (id: string, mv: string, token?: string) => s.get<Show>(`/servers/${server.id}/os-instance-actions/${id}`, { mv, ...(token && { token }) });

describe('GET /servers/{id}/os-instance-actions', () => {
  it('lists newest first, shaped like the fixtures of 2.1 and 2.84', async () => {
    const old = await list('', '2.1');
    expect(old.body.instanceActions.map((a) => a.action)).toEqual(['lock', 'start', 'stop']);
    expect(old.body.instanceActions.map((a) => a.request_id)).toEqual([...ids].reverse());
    expect(shapeDifferences(old.body, computeFixture('instance-actions-list-resp.v2.1.json'))).toEqual([]);
    const current = await list('', '2.84');
    expect(shapeDifferences(current.body, computeFixture('instance-actions-list-resp.v2.84.json'))).toEqual([]);
    expect(current.body.instanceActions[2]).toMatchObject({ action: 'stop', instance_uuid: server.id, message: null, user_id: '21b0133220154b70b3efaa67058c8a33' });
    expect(current.body.instanceActions[2]?.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
  });

  it('pages from 2.58 with a next link under `links` while pages are full', async () => {
    const first = await list('?limit=1', '2.58');
    expect(shapeDifferences(first.body, computeFixture('instance-actions-list-with-limit-resp.v2.58.json'))).toEqual([]);
    expect(first.body.links).toEqual([{ rel: 'next', href: `${s.compute}/servers/${server.id}/os-instance-actions?limit=1&marker=${ids[2]}` }]);
    const second = await list(`?limit=1&marker=${ids[2]}`, '2.58');
    expect(second.body.instanceActions.map((a) => a.request_id)).toEqual([ids[1]]);
    const rest = await list(`?limit=5&marker=${ids[1]}`, '2.58');
    expect([rest.body.instanceActions.map((a) => a.request_id), rest.body.links]).toEqual([[ids[0]], undefined]);
    // Before 2.58 there is no paging: the query is ignored.
    expect((await list('?limit=1', '2.57')).body.instanceActions).toHaveLength(3);
  });

  it('answers Nova’s 400s for a bad marker, limit, time or parameter', async () => {
    const bad = async (query: string, mv = '2.66') => (await list(query, mv)).body;
    // Nova's db api looks the marker up into the variable it then reports, so the id reads None.
    expect(await bad('?marker=req-nope')).toEqual({ badRequest: { code: 400, message: 'Marker None could not be found.' } });
    expect(await bad('?limit=-1')).toEqual({ badRequest: { code: 400, message: "Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'" } });
    expect(await bad('?changes-since=yesterday')).toEqual({ badRequest: { code: 400, message: "Invalid input for query parameters changes-since. Value: yesterday. 'yesterday' is not a 'date-time'" } });
    expect(await bad('?changes-since=2030-01-02T00:00:00Z&changes-before=2030-01-01T00:00:00Z')).toEqual({ badRequest: { code: 400, message: 'The value of changes-since must be less than or equal to changes-before.' } });
    expect(await bad('?changes-before=2030-01-01T00:00:00Z', '2.65')).toEqual({ badRequest: { code: 400, message: "Additional properties are not allowed ('changes-before' was unexpected)" } });
  });

  it('filters on updated_at with changes-since and changes-before', async () => {
    const stop = s.sim.cloud.compute.actions.get(server.id)?.[0];
    const since = new Date((stop?.updatedAt ?? 0) + 1).toISOString();
    expect((await list(`?changes-since=${since}`)).body.instanceActions.map((a) => a.action)).toEqual(['lock', 'start']);
    expect((await list(`?changes-before=${since}`)).body.instanceActions.map((a) => a.action)).toEqual(['stop']);
  });

  it('lists a deleted server’s actions from 2.21 only', async () => {
    const gone = s.addServer();
    await s.remove(gone.id);
    await s.after(1_000, gone.id);
    const path = `/servers/${gone.id}/os-instance-actions`;
    expect((await s.get(path, { mv: '2.20' })).status).toBe(404);
    const reply = await s.get<List>(path, { mv: '2.21' });
    expect(reply.body.instanceActions.map((a) => a.action)).toEqual(['delete']);
  });
});

describe('GET /servers/{id}/os-instance-actions/{request_id}', () => {
  it('shows events to admins with traceback, host and details as the 2.84 fixture', async () => {
    const reply = await show(ids[0] as string, '2.84', s.admin);
    expect(shapeDifferences(reply.body, computeFixture('instance-action-get-resp.v2.84.json'))).toEqual([]);
    expect(reply.body.instanceAction.events?.[0]).toMatchObject({ event: 'compute_stop_instance', result: 'Success', host: server.host, traceback: null, details: null });
  });

  it('shows events to the owner from 2.51, without traceback or host, as the non-admin fixture', async () => {
    expect('events' in (await show(ids[0] as string, '2.50')).body.instanceAction).toBe(false);
    expect(Object.keys((await show(ids[0] as string, '2.51')).body.instanceAction.events?.[0] ?? {}).sort()).toEqual(['event', 'finish_time', 'result', 'start_time']);
    const reply = await show(ids[0] as string, '2.84');
    expect(shapeDifferences(reply.body, computeFixture('instance-action-get-non-admin-resp.v2.84.json'))).toEqual([]);
  });

  it('adds hostId for everyone and host for admins from 2.62, details from 2.84', async () => {
    const keys = async (mv: string, token?: string) => Object.keys((await show(ids[2] as string, mv, token)).body.instanceAction.events?.[0] ?? {}).sort();
    expect(await keys('2.61', s.admin)).toEqual(['event', 'finish_time', 'result', 'start_time', 'traceback']);
    expect(await keys('2.62', s.admin)).toEqual(['event', 'finish_time', 'host', 'hostId', 'result', 'start_time', 'traceback']);
    expect(await keys('2.62')).toEqual(['event', 'finish_time', 'hostId', 'result', 'start_time']);
    expect(await keys('2.84', s.admin)).toEqual(['details', 'event', 'finish_time', 'host', 'hostId', 'result', 'start_time', 'traceback']);
  });

  it('lists events newest first, and a running one without result', async () => {
    const resizing = s.addServer();
    const reply = await s.action(resizing.id, { resize: { flavorRef: '3' } });
    const requestId = reply.headers.get('x-openstack-request-id') as string;
    const events = async () => (await s.get<Show>(`/servers/${resizing.id}/os-instance-actions/${requestId}`, { mv: '2.84' })).body.instanceAction.events ?? [];
    expect((await events()).map((e) => [e.event, e.result])).toEqual([['compute_prep_resize', null], ['conductor_migrate_server', null]]);
    await s.after(6_000, resizing.id);
    expect((await events()).map((e) => [e.event, e.result])).toEqual([
      ['compute_finish_resize', 'Success'],
      ['compute_resize_instance', 'Success'],
      ['compute_prep_resize', 'Success'],
      ['conductor_migrate_server', 'Success'],
    ]);
  });

  it('answers 404 for an unknown request id', async () => {
    expect((await show('req-unknown', '2.84')).body).toEqual({ itemNotFound: { code: 404, message: 'Action req-unknown not found' } });
  });
});
