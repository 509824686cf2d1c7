/**
 * Action lists and key layout shared by SecureBucket's grants and the presigned-URL issuer
 * (never exported from the package).
 */

export { USER_PREFIX_ROOT } from '../contracts/presign';

/**
 * What a user may do under their own prefix: read and write objects, and abort their own multipart
 * uploads (CreateMultipartUpload, UploadPart and CompleteMultipartUpload are authorized as s3:PutObject).
 */
export const USER_PREFIX_OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'];

/** KMS actions needed to read (Decrypt) and write (GenerateDataKey) SSE-KMS objects, multipart included. */
export const USER_PREFIX_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'];
