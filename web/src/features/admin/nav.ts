// The administration screens in kintone's two areas (ui-glossary §3.9): 共通管理 and システム管理.
import type { strings } from './strings';

export type NavKey = keyof typeof strings.en.nav;

export interface NavEntry {
  key: Exclude<NavKey, 'home'>;
  to: string;
}

export const COMMON: readonly NavEntry[] = [
  { key: 'users', to: '/admin/users' },
  { key: 'departments', to: '/admin/departments' },
  { key: 'groups', to: '/admin/groups' },
  { key: 'security', to: '/admin/security' },
  { key: 'certificates', to: '/admin/certificates' },
  { key: 'sessions', to: '/admin/sessions' },
  { key: 'audit', to: '/admin/audit' },
  { key: 'mail', to: '/admin/mail' },
];

export const SYSTEM: readonly NavEntry[] = [
  { key: 'guests', to: '/admin/guests' },
  { key: 'licences', to: '/admin/licences' },
];
