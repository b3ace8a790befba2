export * from './admission-file.commands';
export * from './admission-file.events';
export * from './admission-file.state';
export * from './admission-file.decide';
