// Types for tests that drive the build (apps/bff/test/compiled-build.test.ts).
export interface Metafile {
  inputs: Record<string, { bytes: number }>;
  outputs: Record<
    string,
    {
      bytes: number;
      inputs: Record<string, unknown>;
      imports: { path: string; kind: string; external?: boolean }[];
      entryPoint?: string;
    }
  >;
}
export declare const SERVER_BUNDLES: { name: string; outdir: string; entryPoints: Record<string, string> }[];
export declare function buildServer(options?: {
  log?: (line: string) => void;
  only?: string[];
  write?: boolean;
}): Promise<Record<string, Metafile>>;
