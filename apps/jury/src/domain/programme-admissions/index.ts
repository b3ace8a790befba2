export * from './programme-admissions.commands';
export * from './programme-admissions.events';
export * from './programme-admissions.state';
export * from './programme-admissions.decide';
