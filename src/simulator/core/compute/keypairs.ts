/**
 * The seeded servers boot with `ops-key`, so every user has that one keypair; the simulator does
 * not create others. Its key is a fixed, syntactically valid public key.
 */
export const opsKey = {
  name: 'ops-key',
  fingerprint: '3c:8a:5e:27:91:0d:b4:f6:1e:c2:77:a9:40:5b:d3:18',
  public_key: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0y2Fh6v3pK8Qe1Xj4mZr7sLw9NcT5uYb2HdA6oPq1R ops@stackdeck\n',
};
