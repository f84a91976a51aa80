/**
 * Deviations in what the request says: the JSON body, the GraphQL parameters, the arguments
 * (wrong types, deep nesting, `__proto__` keys, control characters, lone surrogates, near-GUIDs,
 * invalid names), the token, and GET's query string. Each carries its verdict from docs/.
 */
import { MUTATION } from './documents.ts';
import {
  CONSTRUCTOR,
  type DeviationSpec,
  type Draft,
  get,
  groupOf,
  mutation,
  nested,
  pick,
  post,
  setHeader,
  withOwnProto,
} from './model.ts';
import { ROCKET } from './valid-requests.ts';

function loneSurrogateInserted(value: string, n: number): string {
  const surrogate = String.fromCharCode(0xd800 + (n % 0x800));
  const at = n % (value.length + 1);
  const spliced = `${value.slice(0, at)}${surrogate}${value.slice(at)}`;
  // Spliced next to the matching half it would form a pair: then a high half at the end.
  return /\p{Cs}/u.test(spliced) ? spliced : `${value}\uD800`;
}

const CONTROL_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\t',
  '\n',
  '\r',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
];

function controlInserted(value: string, n: number): string {
  const at = n % (value.length + 1);
  return `${value.slice(0, at)}${pick(CONTROL_CHARACTERS, n)}${value.slice(at)}`;
}

/** Near-GUIDs: one edit away from a GUID, and not one (docs/rest-upstream.md: 8-4-4-4-12 hex). */
const NEAR_GUIDS: ((id: string, n: number) => unknown)[] = [
  (id) => id.slice(0, -1),
  (id) => `${id}0`,
  (id) => `g${id.slice(1)}`,
  (id) => `{${id}}`,
  (id) => id.replaceAll('-', ''),
  (id) => `${id.slice(0, 7)}-${id.slice(7, 8)}${id.slice(9)}`,
  (id) => ` ${id}`,
  (id) => `${id}\n`,
  (id) => `${id.slice(0, 4)}\u200B${id.slice(4)}`,
  (id) => id.replace(/[0-9]/, (digit) => String.fromCharCode(0xff10 + Number(digit))),
  (id) => id.replaceAll('-', '%2D'),
  (id) => `../${id}`,
  (id) => `${id}/..`,
  (id) => `${id}?x=1`,
  (id) => `${id}#x`,
  (id) => `${id.slice(0, 9)}%2F..%2F${id.slice(9)}`,
  (id) => id.replace(/[a-f]/, '\u0430'), // Cyrillic a
  (id) => `urn:uuid:${id}`,
  (id, n) => loneSurrogateInserted(id, n),
  (id, n) => controlInserted(id, n),
  () => '',
  () => 12345,
  () => null,
];

function nearGuid(draft: Draft, n: number): unknown {
  const id = draft.fresh();
  const near = pick(NEAR_GUIDS, n)(id, n);
  if (typeof near === 'string') draft.ids.push(near, id);
  return near;
}

const INVALID_NAMES: ((n: number) => unknown)[] = [
  () => '',
  () => '    ',
  () => '\u3000\u00A0', // whitespace only, in the eyes of trim()
  () => `${ROCKET.repeat(128)}a`, // 257 code units, 129 code points
  () => `a${ROCKET.repeat(128)}`,
  () => `${'a'.repeat(255)}${ROCKET}`, // the astral character straddles the edge
  () => ROCKET.repeat(256), // 512 code units, 256 code points
  () => 'x'.repeat(257),
  () => 'x'.repeat(5000),
  () => 42,
  () => null,
  () => true,
  () => ({ name: 'West Europe' }),
  () => ['West Europe'],
];

function decoyArgs(draft: Draft, args: Record<string, unknown>): Record<string, unknown> {
  const decoy = JSON.parse(JSON.stringify(args)) as Record<string, unknown>;
  const replace = (target: Record<string, unknown>) => {
    for (const key of ['applicationId', 'connectorId']) {
      const id = draft.fresh();
      target[key] = id;
      draft.ids.push(id);
    }
  };
  if (!mutation(draft.base)) {
    replace(decoy);
    return decoy;
  }
  // Another deviation may have moved the input away (under an own `__proto__`): the decoy
  // then carries an input of its own, so its ids still have somewhere to go nowhere from.
  const input = decoy.input;
  const target =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>)
      : {};
  decoy.input = target;
  replace(target);
  return decoy;
}

// The mutation's input object; a detached one when another deviation replaced it already.
function inputOf(draft: Draft): Record<string, unknown> {
  const input = draft.args.input;
  return typeof input === 'object' && input !== null && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};
}

/** Body, parameter, argument and token deviations, by kind. */
export const INPUT_DEVIATIONS: Record<string, DeviationSpec> = {
  // The JSON body.
  'json-malformed': {
    stage: 'body',
    verdict: 'invalid',
    when: post,
    apply: (d, n) => {
      const text = d.body.toString('utf8');
      const kind = pick(
        [
          'cut',
          'trailing',
          'empty',
          'null',
          'array',
          'batch',
          'string',
          'number',
          'single-quotes',
          'comment',
          'nan',
          'raw-control',
          'bad-utf8-query',
        ],
        n,
      );
      const replace = (value: string) => {
        d.body = Buffer.from(value);
      };
      if (kind === 'cut') replace(text.slice(0, 1 + (n % (text.length - 1))));
      if (kind === 'trailing') replace(`${text}}x`);
      if (kind === 'empty') replace('');
      if (kind === 'null') replace('null');
      if (kind === 'array') replace('[]');
      if (kind === 'batch') replace(`[${text}]`);
      if (kind === 'string') replace(JSON.stringify(text));
      if (kind === 'number') replace('1e999');
      if (kind === 'single-quotes') replace(text.replaceAll('"', "'"));
      if (kind === 'comment') replace(`/* c */${text}`);
      if (kind === 'nan') replace(text.replace('{', '{"x":NaN,'));
      if (kind === 'raw-control') replace(text.replace('{', '{"\u0001":1,'));
      if (kind === 'bad-utf8-query') {
        // Two bytes that are not UTF-8 at the start of the document.
        d.body = Buffer.concat([
          Buffer.from('{"query":"\xff\xfe', 'latin1'),
          Buffer.from(text.slice(10)),
        ]);
      }
    },
  },
  'params-wrong': {
    stage: 'params',
    verdict: 'invalid',
    when: post,
    apply: (d, n) => {
      const kind = pick(
        [
          'no-query',
          'query-number',
          'query-object',
          'variables-array',
          'variables-number',
          'operation-unknown',
          'operation-number',
          'operation-lone-surrogate',
          'proto-only',
          'query-lone-surrogate',
          'query-control',
          'subscription',
        ],
        n,
      );
      const p = d.params;
      if (kind === 'no-query') delete p.query;
      if (kind === 'query-number') p.query = 42;
      if (kind === 'query-object') p.query = { query: p.query };
      if (kind === 'variables-array') p.variables = [p.variables];
      if (kind === 'variables-number') p.variables = 1;
      if (kind === 'operation-unknown') p.operationName = 'Nope';
      if (kind === 'operation-number') p.operationName = 7;
      if (kind === 'operation-lone-surrogate')
        p.operationName = `${d.base.operation === 'mutation' ? 'Add' : 'Groups'}\uD800`;
      if (kind === 'proto-only') {
        // The whole request under `__proto__`: a copy by assignment would make it the prototype.
        const inner = { ...p };
        for (const key of Object.keys(p)) delete p[key];
        withOwnProto(p, inner);
      }
      if (kind === 'query-lone-surrogate') p.query = `${String(p.query)} # \uDC00`;
      if (kind === 'query-control') p.query = `${String(p.query)}\u0001`;
      if (kind === 'subscription')
        p.query = String(p.query).replace(/^(mutation|query)/, 'subscription');
    },
  },
  'params-odd': {
    stage: 'params',
    verdict: 'either',
    when: post,
    apply: (d, n) => {
      const kind = pick(['variables-string', 'extensions-garbage', 'extra-keys', 'proto-decoy'], n);
      const p = d.params;
      if (kind === 'variables-string') p.variables = JSON.stringify(p.variables ?? {});
      if (kind === 'extensions-garbage')
        p.extensions = pick(['x', 1, [], { persistedQuery: 1 }], n);
      if (kind === 'extra-keys') p.unknown = { nested: true };
      if (kind === 'proto-decoy') withOwnProto(p, { query: '{ __typename }', operationName: 'X' });
    },
  },
  'body-valid-variation': {
    stage: 'body',
    verdict: 'valid',
    when: (b) => post(b) && b.style === 'variables',
    apply: (d, n) => {
      const kind = pick(['whitespace', 'escaped', 'duplicate-variables'], n);
      const text = d.body.toString('utf8');
      if (kind === 'whitespace') d.body = Buffer.from(` \n\t${text}\r\n `);
      if (kind === 'escaped') {
        // Every non-ASCII character as a \u escape: the same JSON value, other bytes.
        d.body = Buffer.from(
          text.replace(
            /[\u007f-\uffff]/g,
            (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
          ),
        );
      }
      if (kind === 'duplicate-variables') {
        // JSON.parse keeps the last of duplicate keys: the first set of ids must go nowhere.
        const decoy = { ...d.args };
        const decoyIds = decoyArgs(d, decoy);
        d.body = Buffer.from(text.replace('{', `{"variables":${JSON.stringify(decoyIds)},`));
      }
    },
  },
  'body-odd': {
    stage: 'body',
    verdict: 'either',
    when: post,
    apply: (d, n) => {
      const kind = pick(['bom', 'bad-utf8-name', 'cesu-surrogate-name'], n);
      const text = d.body.toString('utf8');
      if (kind === 'bom') d.body = Buffer.from(`\uFEFF${text}`);
      // Not into a blank name (one of name-invalid's): the bytes decode to U+FFFD, which would
      // make an invalid name a valid one, and the request's verdict a lie.
      const current = mutation(d.base) ? groupOf(d).name : undefined;
      const blank = typeof current === 'string' && current.trim() === '';
      const name =
        mutation(d.base) && d.base.style === 'variables' && !blank
          ? JSON.stringify(current)
          : undefined;
      if ((kind === 'bad-utf8-name' || kind === 'cesu-surrogate-name') && name !== undefined) {
        // Bytes that are not UTF-8 inside the name: a lone 0xC3, or a surrogate encoded
        // as if it were a character (ED A0 80), which UTF-8 forbids.
        const at = text.indexOf(name) + 1;
        const bad = kind === 'bad-utf8-name' ? [0xc3, 0x28] : [0xed, 0xa0, 0x80];
        d.body = Buffer.concat([
          Buffer.from(text.slice(0, at)),
          Buffer.from(bad),
          Buffer.from(text.slice(at)),
        ]);
      }
    },
  },
  // Arguments (variables, or inline literals).
  'name-invalid': {
    stage: 'args',
    verdict: 'invalid',
    when: mutation,
    apply: (d, n) => {
      const g = groupOf(d);
      const kind = n % 3;
      if (kind === 0) g.name = pick(INVALID_NAMES, n)(n);
      if (kind === 1) g.name = controlInserted(String(g.name), n);
      if (kind === 2) g.name = loneSurrogateInserted(String(g.name), n);
    },
  },
  'id-near-guid': {
    stage: 'args',
    verdict: 'invalid',
    apply: (d, n) => {
      const which = pick(['applicationId', 'connectorId', 'groupId'], n >> 5);
      const near = nearGuid(d, n);
      const target = mutation(d.base) ? inputOf(d) : d.args;
      // A null group id is GraphQL's "not given" (docs/graphql-api.md: the group is then named by name).
      if (which === 'groupId' && mutation(d.base)) groupOf(d).id = near === null ? '' : near;
      else target[which === 'groupId' ? 'connectorId' : which] = near;
    },
  },
  'variables-wrong-type': {
    stage: 'args',
    verdict: 'invalid',
    apply: (d, n) => {
      if (!mutation(d.base)) {
        d.args[pick(['applicationId', 'connectorId'], n)] = pick(
          [1, true, null, ['x'], { id: 'x' }],
          n >> 1,
        );
        return;
      }
      const input = inputOf(d);
      const g = groupOf(d);
      const edits: (() => void)[] = [
        () => {
          input.applicationId = 123;
        },
        () => {
          input.applicationId = null;
        },
        () => {
          input.connectorId = false;
        },
        () => {
          input.connectorGroup = null;
        },
        () => {
          input.connectorGroup = 'group';
        },
        () => {
          d.args.input = [input];
        },
        () => {
          g.isDefault = 'false';
        },
        () => {
          g.isDefault = 0;
        },
        () => {
          g.region = 'eur';
        },
        () => {
          g.region = 'UNKNOWN_FUTURE_VALUE';
        },
        () => {
          g.region = 'MARS';
        },
        () => {
          g.region = 'EUR\uD800';
        },
        () => {
          g.connectorGroupType = 'applicationProxy';
        },
        () => {
          g.connectorGroupType = 'APPLICATION_PROXY\u0000';
        },
        () => {
          delete g.connectorGroupType;
        },
        () => {
          input.extra = 1;
        },
        () => {
          g.extra = 'x';
        },
        () => {
          g.id = 42;
        },
        () => {
          delete d.args.input;
        },
      ];
      pick(edits, n)();
    },
  },
  'deep-nesting': {
    stage: 'args',
    verdict: 'invalid',
    apply: (d, n) => {
      const depth = pick([64, 512, 3000], n);
      if (mutation(d.base)) {
        const kind = n % 2;
        if (kind === 0) groupOf(d).extra = nested(depth);
        else groupOf(d).name = nested(depth);
      } else {
        d.args.connectorId = nested(depth);
      }
    },
  },
  'deep-unused-variable': {
    stage: 'args',
    verdict: 'valid',
    // POST only: in a GET's query string, 3000 levels pass the header size limit (431).
    when: (b) => b.style === 'variables' && post(b),
    apply: (d, n) => {
      // Not declared by the document, so GraphQL ignores it; the request must still run once.
      d.extraVariables.unused = nested(pick([64, 512, 3000], n));
    },
  },
  'proto-keys': {
    stage: 'args',
    verdict: 'invalid',
    apply: (d, n) => {
      if (!mutation(d.base)) {
        const args = { ...d.args };
        for (const key of Object.keys(d.args)) delete d.args[key];
        withOwnProto(d.args, args);
        return;
      }
      const input = inputOf(d);
      const kind = pick(
        ['input-carrier', 'group-carrier', 'variables-carrier', 'decoy', 'constructor'],
        n,
      );
      if (kind === 'input-carrier') {
        const copy = { ...input };
        d.args.input = withOwnProto({}, copy);
      }
      if (kind === 'group-carrier') input.connectorGroup = withOwnProto({}, { ...groupOf(d) });
      if (kind === 'variables-carrier') {
        const args = { ...d.args };
        delete d.args.input;
        withOwnProto(d.args, args);
      }
      if (kind === 'decoy') withOwnProto(input, { applicationId: d.fresh() });
      if (kind === 'constructor') input[CONSTRUCTOR] = { prototype: { polluted: true } };
    },
  },
  'auth-wrong': {
    stage: 'headers',
    slot: 'authorization',
    verdict: 'invalid',
    apply: (d, n) => {
      setHeader(
        d,
        'Authorization',
        pick(
          [
            null,
            'Basic dXNlcjpwYXNz',
            'Bearer',
            'Bearer ',
            'Bearer a b',
            'Bearer tok,en',
            'Bearer t\u00f6ken',
            'Token abc',
            'Bearer\tabc',
            'Bearerabc',
          ],
          n,
        ),
      );
    },
  },
  'auth-duplicate': {
    stage: 'headers',
    slot: 'authorization',
    verdict: 'either',
    apply: (d) => {
      const second = `Bearer second-${d.fresh()}`;
      d.headers.push(`Authorization: ${second}`);
      d.intent.authorizations.push(second);
      d.tokens.push(second);
    },
  },
  'get-wrong': {
    stage: 'line',
    verdict: 'invalid',
    when: get,
    apply: (d, n) => {
      const kind = pick(['no-csrf', 'mutation', 'bad-escape', 'variables-not-json', 'no-query'], n);
      if (kind === 'no-csrf') {
        d.headers = d.headers.filter(
          (line) => !/^(x-graphql-yoga-csrf|graphql-require-preflight):/i.test(line),
        );
      }
      if (kind === 'mutation') {
        // The mutation over GET, with this request's ids: refused (405, or 403), never run.
        const search = new URLSearchParams({
          query: MUTATION,
          variables: JSON.stringify({
            input: {
              applicationId: d.intent.applicationId,
              connectorId: d.intent.connectorId,
              connectorGroup: {
                connectorGroupType: 'APPLICATION_PROXY',
                isDefault: false,
                name: 'via GET',
                region: 'EUR',
              },
            },
          }),
        });
        d.target = `/graphql?${search.toString()}`;
      }
      if (kind === 'bad-escape') d.target = d.target.replace('query=', 'query=%zz');
      if (kind === 'variables-not-json') {
        d.target = d.target.includes('variables=%7B')
          ? d.target.replace('variables=%7B', 'variables=%7C')
          : `${d.target}&variables=%7C`;
      }
      if (kind === 'no-query') d.target = d.target.replace('query=', 'q=');
    },
  },
};
