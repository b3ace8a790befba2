import { type Db, MONGO_DB } from '@admissions/platform';
import { Inject, Injectable } from '@nestjs/common';
import { mongo } from 'mongoose';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Readable as ReadableStream } from 'node:stream';
import { DocumentStorage, type StoredDocumentMetadata } from './document-storage.port';

const PREFIX = 'gridfs:';
const BUCKET = 'candidacy_documents';

/**
 * The default storage: GridFS in the service's own database, so a pod keeps no local file and
 * any replica serves any document. The reference is `gridfs:<ObjectId>`.
 */
@Injectable()
export class GridFsDocumentStorage extends DocumentStorage {
  private readonly bucket: mongo.GridFSBucket;

  constructor(@Inject(MONGO_DB) db: Db) {
    super();
    this.bucket = new mongo.GridFSBucket(db, { bucketName: BUCKET });
  }

  async save(content: Buffer, metadata: StoredDocumentMetadata): Promise<string> {
    const upload = this.bucket.openUploadStream(`${metadata.candidacyId}/${metadata.documentId}`, {
      metadata: { ...metadata },
    });
    await pipeline(ReadableStream.from([content]), upload);
    return `${PREFIX}${upload.id.toHexString()}`;
  }

  async open(storageRef: string): Promise<Readable | undefined> {
    const id = objectIdOf(storageRef);
    if (!id) return undefined;
    // Looked up by _id first: opening a missing file fails only once the stream is read.
    const found = await this.bucket.find({ _id: id }).limit(1).toArray();
    return found.length === 0 ? undefined : this.bucket.openDownloadStream(id);
  }

  async remove(storageRef: string): Promise<void> {
    const id = objectIdOf(storageRef);
    if (!id) return;
    await this.bucket.delete(id).catch((error: unknown) => {
      if (!(error instanceof mongo.MongoRuntimeError || String(error).includes('File not found'))) throw error;
    });
  }
}

function objectIdOf(storageRef: string): mongo.ObjectId | undefined {
  const hex = storageRef.startsWith(PREFIX) ? storageRef.slice(PREFIX.length) : '';
  return mongo.ObjectId.isValid(hex) && hex.length === 24 ? new mongo.ObjectId(hex) : undefined;
}
