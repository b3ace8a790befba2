export * from './export-arguments';
export * from './export-stream';
export * from './exportable-streams';
export * from './progress-display';
export * from './season';
