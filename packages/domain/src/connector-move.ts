import { z } from 'zod';
import { DirectoryObjectId } from './ids.ts';

/**
 * Most connectors one bulk move takes: 5 JSON batches of 20 when nothing is throttled, an
 * administrator's reorganisation (a region's connectors, a group being decommissioned) in one
 * call, while one call's re-sends still fit one retry budget (docs/graphql-api.md).
 */
export const MAX_CONNECTORS_PER_MOVE = 100;

/**
 * A bulk move: 1 to {@link MAX_CONNECTORS_PER_MOVE} distinct connector GUIDs and the group they
 * go to. A repeated id (in any letter case) is refused at its index, naming the first, so nothing is
 * sent twice.
 */
export const MoveConnectorsRequest = z.object({
  connectorIds: z
    .array(DirectoryObjectId)
    .min(1, { error: 'must name at least one connector' })
    .max(MAX_CONNECTORS_PER_MOVE, {
      error: `must name at most ${MAX_CONNECTORS_PER_MOVE} connectors; move more in several calls`,
    })
    .superRefine((ids, ctx) => {
      const first = new Map<string, number>();
      ids.forEach((id, index) => {
        // GUIDs name one object in any letter case.
        const key = id.toLowerCase();
        const seen = first.get(key);
        if (seen === undefined) {
          first.set(key, index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [index],
          message: `repeats ${id}, already at index ${seen}: name each connector once`,
        });
      });
    }),
  connectorGroupId: DirectoryObjectId,
});
export type MoveConnectorsRequest = z.output<typeof MoveConnectorsRequest>;
