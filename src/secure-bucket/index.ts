export * from './secure-bucket';
export * from './presigned-url-issuer';
