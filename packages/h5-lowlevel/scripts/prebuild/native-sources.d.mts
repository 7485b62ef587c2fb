/** Package-relative paths of the files hashed into a prebuilt's identity, in a stable order. */
export function nativeSourceFiles(packageDir: string): string[];
/** sha256 (hex) over the native sources and the version of node-addon-api they compile with. */
export function nativeSourcesHash(packageDir: string): string;
