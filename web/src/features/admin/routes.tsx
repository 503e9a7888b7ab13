// Administration: /admin…. Each screen loads when first opened (lazy); the frame (menu, licence
// warning, refusal for non-administrators) is the parent route.
import type { RouteObject } from 'react-router';

export const adminRoutes: RouteObject[] = [
  {
    path: '/admin',
    lazy: async () => ({ Component: (await import('./admin-layout')).AdminLayout }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import('./admin-home-page')).AdminHomePage }) },
      { path: '/admin/users', lazy: async () => ({ Component: (await import('./users-page')).UsersPage }) },
      { path: '/admin/users/new', lazy: async () => ({ Component: (await import('./user-new-page')).UserNewPage }) },
      { path: '/admin/users/:code', lazy: async () => ({ Component: (await import('./user-page')).UserPage }) },
      { path: '/admin/departments', lazy: async () => ({ Component: (await import('./departments-page')).DepartmentsPage }) },
      { path: '/admin/groups', lazy: async () => ({ Component: (await import('./groups-page')).GroupsPage }) },
      { path: '/admin/guests', lazy: async () => ({ Component: (await import('./guests-page')).GuestsPage }) },
      { path: '/admin/security', lazy: async () => ({ Component: (await import('./security-page')).SecurityPage }) },
      { path: '/admin/certificates', lazy: async () => ({ Component: (await import('./certificates-page')).CertificatesPage }) },
      { path: '/admin/sessions', lazy: async () => ({ Component: (await import('./sessions-page')).SessionsPage }) },
      { path: '/admin/audit', lazy: async () => ({ Component: (await import('./audit-page')).AuditPage }) },
      { path: '/admin/mail', lazy: async () => ({ Component: (await import('./mail-page')).MailPage }) },
      { path: '/admin/mail/:id', lazy: async () => ({ Component: (await import('./mail-message-page')).MailMessagePage }) },
      { path: '/admin/licences', lazy: async () => ({ Component: (await import('./licences-page')).LicencesPage }) },
    ],
  },
];
