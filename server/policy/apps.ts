// Object-level rules for apps: what the app permissions (app-rights.ts) mean for the two things
// one can do to an app itself. Records use the rights directly (view, add, edit, delete).
export type AppAction = 'app.read' | 'app.manage';
