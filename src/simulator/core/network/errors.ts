/**
 * Neutron's exceptions as its API renders them: `type` is the exception class name, the status
 * comes from neutron-lib's fault map (NotFound 404, InUse/Conflict 409, BadRequest 400).
 * Messages are neutron-lib's templates (neutron_lib/exceptions), word for word.
 */
export class NeutronFault extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'NeutronFault';
  }
}

/** What a collection calls its missing item: `NetworkNotFound` / `Network <id> could not be found.` */
export interface NotFoundWording {
  type: string;
  message: (id: string) => string;
}

export const notFoundWordings = {
  networks: { type: 'NetworkNotFound', message: (id) => `Network ${id} could not be found.` },
  subnets: { type: 'SubnetNotFound', message: (id) => `Subnet ${id} could not be found.` },
  ports: { type: 'PortNotFound', message: (id) => `Port ${id} could not be found.` },
  // neutron-lib's template has no full stop here.
  floatingips: { type: 'FloatingIPNotFound', message: (id) => `Floating IP ${id} could not be found` },
  security_groups: { type: 'SecurityGroupNotFound', message: (id) => `Security group ${id} does not exist` },
} satisfies Record<string, NotFoundWording>;

export function notFound(wording: NotFoundWording, id: string): NeutronFault {
  return new NeutronFault(404, wording.type, wording.message(id));
}

/** webob's HTTPBadRequest raised with an explanation (attribute and query checks). */
export const httpBadRequest = (message: string) => new NeutronFault(400, 'HTTPBadRequest', message);

/** `BadRequest(resource=…, msg=…)`: note the template's own full stop after `msg`. */
export const badRequest = (resource: string, message: string) =>
  new NeutronFault(400, 'BadRequest', `Bad ${resource} request: ${message}.`);

/** `InvalidInput(error_message=…)`, e.g. a value that does not convert to a boolean. */
export const invalidInput = (message: string) =>
  new NeutronFault(400, 'InvalidInput', `Invalid input for operation: ${message}.`);

/** oslo.policy's refusal for a resource the caller can see but may not change, e.g. `rule:update_network`. */
export const policyNotAuthorized = (rule: string) => new NeutronFault(403, 'PolicyNotAuthorized', `${rule} is disallowed by policy`);

export const networkInUse = (networkId: string) =>
  new NeutronFault(409, 'NetworkInUse', `Unable to complete operation on network ${networkId}. There are one or more ports still in use on the network.`);

export const subnetInUse = (subnetId: string) =>
  new NeutronFault(409, 'SubnetInUse', `Unable to complete operation on subnet ${subnetId}: One or more ports have an IP allocation from this subnet.`);

// The pluggable IPAM's own exceptions (neutron/ipam/exceptions.py).
export const subnetExhausted = (subnetId: string) =>
  new NeutronFault(409, 'IpAddressGenerationFailure', `No more IP addresses available for subnet ${subnetId}.`);

export const networkExhausted = () => new NeutronFault(409, 'IpAddressGenerationFailureAllSubnets', 'No more IP addresses available.');

export const ipAddressAlreadyAllocated = (ip: string, subnetId: string) =>
  new NeutronFault(409, 'IpAddressAlreadyAllocated', `IP address ${ip} already allocated in subnet ${subnetId}`);

export const invalidIpForSubnet = (ip: string, subnetId: string) =>
  new NeutronFault(400, 'InvalidIpForSubnet', `IP address ${ip} does not belong to subnet ${subnetId}`);

/** revision_plugin.RevisionNumberConstraintFailed, a webob 412 whose message is its detail. */
export const revisionConstraintFailed = (expected: number, current: number) =>
  new NeutronFault(412, 'RevisionNumberConstraintFailed', `Constrained to ${expected}, but current revision is ${current}`);
