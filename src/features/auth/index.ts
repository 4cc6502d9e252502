export { authKeys, cloudsQuery, sessionQuery } from './api/auth-queries';
export { useLogin } from './api/use-login';
export { useLogout } from './api/use-logout';
export { useSwitchScope } from './api/use-switch-scope';
export { LoginPage, type LoginPageProps } from './components/login-page';
