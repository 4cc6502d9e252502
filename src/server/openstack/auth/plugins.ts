/**
 * Auth plugins (seed 004, layer "auth"): each knows how to express one Keystone identity method.
 * Password is the only one a user logs in with today; token is how the BFF rescopes. Application
 * credentials and TOTP are added here as more plugins, with no change to the Keystone client.
 */
export interface AuthPlugin {
  readonly method: string;
  identity(): Record<string, unknown>;
}

export interface PasswordCredentials {
  username: string;
  password: string;
  domain: string;
}

export function passwordAuth(c: PasswordCredentials): AuthPlugin {
  return {
    method: 'password',
    identity: () => ({
      methods: ['password'],
      password: { user: { name: c.username, domain: { name: c.domain }, password: c.password } },
    }),
  };
}

export function tokenAuth(token: string): AuthPlugin {
  return {
    method: 'token',
    identity: () => ({ methods: ['token'], token: { id: token } }),
  };
}
