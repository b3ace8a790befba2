import { displayFileName } from '@admissions/domain-kernel';
import { type Db, MONGO_DB } from '@admissions/platform';
import type { Provider } from '@nestjs/common';
import { mongo } from 'mongoose';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DocumentStorage, type StoredDocument, type StoredDocumentMetadata } from './document-storage.port';

const PREFIX = 'gridfs:';

/**
 * GridFS in the service's own database, so a pod keeps no local file and any replica serves any
 * document. The reference is `gridfs:<ObjectId>`; the owner and display name are its metadata.
 */
export class GridFsDocumentStorage extends DocumentStorage {
  private readonly bucket: mongo.GridFSBucket;
  private readonly files: mongo.Collection<mongo.GridFSFile>;

  constructor(db: Db, bucketName: string) {
    super();
    this.bucket = new mongo.GridFSBucket(db, { bucketName });
    this.files = db.collection<mongo.GridFSFile>(`${bucketName}.files`);
  }

  async save(content: Buffer, metadata: StoredDocumentMetadata): Promise<string> {
    const fileName = displayFileName(metadata.fileName);
    const upload = this.bucket.openUploadStream(fileName, { metadata: { ...metadata, fileName } });
    await pipeline(Readable.from([content]), upload);
    return `${PREFIX}${upload.id.toHexString()}`;
  }

  async describe(storageRef: string): Promise<StoredDocument | undefined> {
    const file = await this.find(storageRef);
    const metadata = file?.metadata;
    if (!file || typeof metadata?.ownerId !== 'string') return undefined;
    return {
      storageRef,
      ownerId: metadata.ownerId,
      fileName: String(metadata.fileName ?? file.filename),
      contentType: String(metadata.contentType ?? 'application/pdf'),
      sha256: String(metadata.sha256 ?? ''),
      sizeBytes: file.length,
    };
  }

  async open(storageRef: string): Promise<Readable | undefined> {
    // Looked up by _id first: opening a missing file fails only once the stream is read.
    const file = await this.find(storageRef);
    return file ? this.bucket.openDownloadStream(file._id) : undefined;
  }

  async remove(storageRef: string): Promise<void> {
    const id = objectIdOf(storageRef);
    if (!id) return;
    await this.bucket.delete(id).catch((error: unknown) => {
      if (!(error instanceof mongo.MongoRuntimeError || String(error).includes('File not found'))) throw error;
    });
  }

  async removeOwnedBy(ownerId: string): Promise<number> {
    // Erasures are rare, but each must find the person's files by index, not by a scan.
    await this.files.createIndex({ 'metadata.ownerId': 1 }, { name: 'metadata.ownerId' });
    const files = await this.bucket.find({ 'metadata.ownerId': ownerId }, { projection: { _id: 1 } }).toArray();
    for (const file of files) await this.remove(`${PREFIX}${file._id.toHexString()}`);
    return files.length;
  }

  private async find(storageRef: string): Promise<mongo.GridFSFile | undefined> {
    const id = objectIdOf(storageRef);
    if (!id) return undefined;
    const [file] = await this.bucket.find({ _id: id }).limit(1).toArray();
    return file;
  }
}

function objectIdOf(storageRef: string): mongo.ObjectId | undefined {
  const hex = storageRef.startsWith(PREFIX) ? storageRef.slice(PREFIX.length) : '';
  return mongo.ObjectId.isValid(hex) && hex.length === 24 ? new mongo.ObjectId(hex) : undefined;
}

/** The service's document storage: GridFS in its own database, in a bucket of its own. */
export function documentStorageProvider(bucketName: string): Provider {
  return {
    provide: DocumentStorage,
    useFactory: (db: Db) => new GridFsDocumentStorage(db, bucketName),
    inject: [MONGO_DB],
  };
}
