export * from './actor.js';
export * from './can.js';
export * from './scope.js';
export * from './apps.js';
export * from './public-views.js';
