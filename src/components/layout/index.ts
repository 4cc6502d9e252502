export { AppShell, mainContentId, type AppShellProps } from './app-shell';
export { BrandMark, productName, productTagline } from './brand';
export { HeaderMenu, type HeaderMenuProps } from './header-menu';
export { PrimaryNav, type NavItem } from './primary-nav';
export { SkipLink } from './skip-link';
