/**
 * os-getConsoleOutput: the guest's serial console log, made up from what the cloud knows of the
 * server (flavor, image, addresses, name, launch time), so it reads like a real boot and is the
 * same on every call. `length` tails it the way the compute manager's _tail_log does.
 */
import { portsOfDevice } from '../../network/model';
import type { Server } from '../model';
import type { ActionContext, ActionResult } from './context';
import { admit } from './guard-table';
import { actionSchema } from './parameter-types';
import type { Schema } from './schema';

export const consoleOutputSchema: Schema = actionSchema('os-getConsoleOutput', {
  type: 'object',
  // -1 and null are meant as "everything"; the pattern and minimum guard each type separately.
  properties: { length: { type: ['integer', 'string', 'null'], pattern: '^-?[0-9]+$', minimum: -1 } },
  additionalProperties: false,
});

export function consoleOutput(ctx: ActionContext, server: Server, value: { length?: number | string | null }): ActionResult {
  admit('getConsoleOutput', server, ctx.caller);
  const log = bootLog(ctx, server);
  return { kind: 'console', output: value.length === undefined || value.length === null ? log : tail(log, Number(value.length)) };
}

/** Python's `lines[-n:]`: the last n lines, none for 0, and for a negative n all but the first |n|. */
function tail(log: string, n: number): string {
  if (n === 0) return '';
  return log.split('\n').slice(-n).join('\n');
}

function bootLog(ctx: ActionContext, server: Server): string {
  const flavor = ctx.cloud.compute.flavors.get(server.flavorId);
  const distro = ctx.cloud.images.images.get(server.imageId)?.properties.os_distro ?? 'ubuntu';
  const ips = portsOfDevice(ctx.cloud.network, server.id).flatMap((port) => port.fixedIps.map((ip) => ({ ip: ip.ipAddress, mac: port.macAddress })));
  const launched = new Date(server.launchedAt ?? server.createdAt).toISOString().replace('T', ' ').slice(0, 19);
  let clock = 0;
  const kernel = (text: string) => {
    clock += 0.013 + (text.length % 7) * 0.071;
    return `[${clock.toFixed(6).padStart(12)}] ${text}`;
  };
  const lines = [
    kernel('Linux version 6.8.0-45-generic (buildd@lcy02-amd64-075) (x86_64-linux-gnu-gcc-13 (Ubuntu 13.2.0-23ubuntu4) 13.2.0) #45-Ubuntu SMP PREEMPT_DYNAMIC'),
    kernel('Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cloudimg-rootfs ro console=tty1 console=ttyS0'),
    kernel('DMI: OpenStack Foundation OpenStack Nova, BIOS 1.16.3-debian-1.16.3-2 04/01/2014'),
    kernel('Hypervisor detected: KVM'),
    kernel(`smpboot: Allowing ${flavor?.vcpus ?? 1} CPUs, 0 hotplug CPUs`),
    kernel(`Memory: ${(flavor?.ramMb ?? 1024) * 1024 - 180_224}K/${(flavor?.ramMb ?? 1024) * 1024}K available`),
    kernel(`virtio_blk virtio2: [vda] ${(flavor?.diskGb ?? 1) * 2_097_152} 512-byte logical blocks (${flavor?.diskGb ?? 1} GB)`),
    kernel('EXT4-fs (vda1): mounted filesystem with ordered data mode. Quota mode: none.'),
    kernel('systemd[1]: Detected virtualization kvm.'),
    kernel(`systemd[1]: Set hostname to <${server.name}>.`),
    `cloud-init[512]: Cloud-init v. 24.1.3 running 'init-local' at ${launched}. Up 4.21 seconds.`,
    `cloud-init[598]: Cloud-init v. 24.1.3 running 'init' at ${launched}. Up 6.02 seconds.`,
    'ci-info: ++++++++++++++++++++++++++++++++++++++Net device info++++++++++++++++++++++++++++++++++++++',
    ...ips.map(({ ip, mac }) => `ci-info: | ens3 | True | ${ip} | ${mac} |`),
    'ci-info: +--------+------+---------------------------+-------------------+',
    ...(server.keyName ? [`ci-info: ++++++++Authorized keys from /home/${distro}/.ssh/authorized_keys for user ${distro}+++++++++`] : []),
    '-----BEGIN SSH HOST KEY FINGERPRINTS-----',
    `256 SHA256:${server.id.replaceAll('-', '').slice(0, 43)} root@${server.name} (ED25519)`,
    '-----END SSH HOST KEY FINGERPRINTS-----',
    `cloud-init[701]: Cloud-init v. 24.1.3 finished at ${launched}. Datasource DataSourceOpenStackLocal [net,ver=2].  Up 14.87 seconds`,
    '',
    `${server.name} login: `,
  ];
  return lines.join('\n');
}
