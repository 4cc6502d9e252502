import { useId } from 'react';
import type { SessionSummary } from '../../../domain/api';
import { BrandMark, productName, productTagline } from '../../../components/layout/brand';
import { LoginForm } from './login-form';

export interface LoginPageProps {
  /** A valid form was sent: time to fetch what comes after it. */
  onSigningIn?: () => void;
  onSignedIn: (session: SessionSummary) => void;
  /** Why the user is here, e.g. their session expired; shown above the form. */
  notice?: string | undefined;
}

export function LoginPage({ onSigningIn, onSignedIn, notice }: LoginPageProps) {
  const headingId = useId();
  return (
    <div className="relative flex min-h-dvh flex-col bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-gradient-to-b from-indigo-100/70 to-transparent dark:from-indigo-950/50"
      />
      <title>{`Sign in · ${productName}`}</title>
      <main className="relative flex flex-1 justify-center px-4 pt-12 pb-16 sm:pt-20">
        <div className="w-full max-w-md">
          <div className="mb-8 text-center">
            <BrandMark className="mx-auto size-12" />
            <h1 className="mt-4 text-3xl font-semibold tracking-tight">{productName}</h1>
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{productTagline}</p>
          </div>
          <section className="rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8 dark:border-slate-800 dark:bg-slate-900">
            <h2 id={headingId} className="mb-5 text-lg font-semibold">
              Sign in to your cloud
            </h2>
            {notice ? (
              <p
                role="status"
                className="mb-5 rounded-lg border border-indigo-200 bg-indigo-50 px-3 py-2.5 text-sm text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100"
              >
                {notice}
              </p>
            ) : null}
            <LoginForm onSigningIn={onSigningIn} onSignedIn={onSignedIn} labelledBy={headingId} />
          </section>
        </div>
      </main>
    </div>
  );
}
