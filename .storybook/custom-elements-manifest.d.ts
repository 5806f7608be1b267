declare module 'virtual:custom-elements-manifest' {
  const manifest: Record<string, unknown>;
  export default manifest;
}
