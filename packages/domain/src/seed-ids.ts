/**
 * The seed's fixed GUIDs as plain strings, importing nothing: `ids.ts` quotes one in its message
 * and `seed.ts` types them with `ids.ts`'s brand, so both import this file and neither imports the
 * other (the domain has no import cycle, types included: import-cycles.test.ts).
 */
export const SEED_GUIDS = {
  applicationId: '6b2f8a5e-3c1d-4e7a-9f10-2a4b6c8d0e12',
  defaultGroupId: 'c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  connectorId: 'e98f0710-0710-e98f-1007-8fe910078fe9',
} as const;
