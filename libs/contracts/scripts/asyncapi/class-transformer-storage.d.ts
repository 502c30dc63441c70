// class-transformer ships the runtime storage under cjs/ but its typings under types/; this
// maps one to the other so the generator can read the `@Type(() => ...)` metadata typed.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
