export * from './document-storage.port';
export * from './gridfs-document-storage';
export * from './pdf-reader';
export * from './pdf-upload.interceptor';
