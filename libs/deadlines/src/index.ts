export * from './deadline.types';
export * from './deadline.repository';
export * from './deadline-scheduler';
export * from './deadlines.module';
export * from './deadlines.lifecycle';
export * from './job-id';
export * from './delay';
export * from './movable-clock';
