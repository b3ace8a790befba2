/**
 * Where a service serves the JSON Schema of an event type at one version, under its public base
 * URL (PUBLIC_BASE_URL). The same URL is the schema's `$id` and the `ce_dataschema` of every
 * message of that type and version, so a subscriber fetches the schema a message names.
 */
export function schemaPathOf(type: string, version: number): string {
  return `/schemas/${encodeURIComponent(type)}/v${version}.json`;
}

export function schemaUrlOf(baseUrl: string, type: string, version: number): string {
  return `${baseUrl.replace(/\/+$/, '')}${schemaPathOf(type, version)}`;
}
