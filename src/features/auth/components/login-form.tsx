import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { passwordLoginSchema, type SessionSummary } from '../../../domain/api';
import { SelectField } from '../../../components/form/select-field';
import { TextField } from '../../../components/form/text-field';
import { Button } from '../../../components/ui/button';
import { identityUnavailableMessage, messageFor } from '../../../lib/messages';
import { cloudsQuery } from '../api/auth-queries';
import { useLogin } from '../api/use-login';

type Field = 'username' | 'password' | 'domain' | 'project';
type FieldErrors = Partial<Record<Field, string>>;

const fieldWords: Record<Field, string> = {
  username: 'Enter your username.',
  password: 'Enter your password.',
  domain: 'Enter your domain; most clouds use “Default”.',
  project: 'A project name is at most 255 characters.',
};

export interface LoginFormProps {
  onSigningIn?: (() => void) | undefined;
  onSignedIn: (session: SessionSummary) => void;
  labelledBy?: string;
}

export function LoginForm({ onSigningIn, onSignedIn, labelledBy }: LoginFormProps) {
  const login = useLogin();
  // The login route prefetches the clouds, so the picker does not pop in after the first paint.
  const clouds = useQuery(cloudsQuery()).data ?? [];
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (login.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const parsed = passwordLoginSchema.safeParse({
      cloud: text(data.get('cloud')) || undefined,
      username: text(data.get('username')),
      password: text(data.get('password')),
      domain: text(data.get('domain')),
      project: text(data.get('project')),
    });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        errors[field] ??= fieldWords[field];
      }
      setFieldErrors(errors);
      const first = (['username', 'password', 'domain', 'project'] as const).find((f) => errors[f]);
      const element = first ? form.elements.namedItem(first) : null;
      if (element instanceof HTMLElement) element.focus();
      return;
    }
    setFieldErrors({});
    onSigningIn?.();
    login.mutate(parsed.data, { onSuccess: onSignedIn });
  };

  const failure = login.error
    ? messageFor(login.error, { 'upstream.unavailable': identityUnavailableMessage })
    : undefined;

  return (
    <form noValidate onSubmit={submit} aria-labelledby={labelledBy} className="grid gap-5">
      <div role="alert" className="empty:hidden">
        {failure ? (
          <p className="rounded-lg border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {failure}
          </p>
        ) : null}
      </div>
      {clouds.length > 1 ? (
        <SelectField
          name="cloud"
          label="Cloud"
          defaultValue={clouds[0]?.id}
          options={clouds.map((cloud) => ({ value: cloud.id, label: cloud.name }))}
        />
      ) : null}
      <TextField
        name="username"
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        required
        error={fieldErrors.username}
      />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="domain"
          label="Domain"
          defaultValue="Default"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={fieldErrors.domain}
        />
        <TextField
          name="project"
          label="Project"
          labelSuffix="(optional)"
          hint="Leave empty for your default project"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldErrors.project}
        />
      </div>
      <Button type="submit" variant="primary" block pending={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}

function text(value: FormDataEntryValue | null): string {
  return typeof value === 'string' ? value : '';
}
