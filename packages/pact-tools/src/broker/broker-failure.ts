/** What a broker command was asked, for naming it in a failure. */
export interface BrokerCall {
  /** `publish`, `can-i-deploy`, `record-deployment`, `verify`. */
  command: string;
  baseUrl: string;
  pacticipant: string;
}

// The CLI colours some words; built from the code point, as a regex literal would hold a control character.
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

const CREDENTIALS =
  'set PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD, to an account of that broker';

/**
 * One line saying what went wrong with a broker command and what to do, from what the
 * `pact-broker` CLI (or the Pact core) printed: unreachable, refused credentials, an unknown
 * pacticipant or version, can-i-deploy's no. Anything else: the tool's last line, named.
 * Measured against pact-cli 18.1.2 and pact_broker 2.120.0 (tooling/pact-broker's tests).
 */
export function explainBrokerFailure(call: BrokerCall, output: string): string {
  const text = output.replace(ANSI, '');
  const prefix = `pact:${call.command}`;
  if (/error sending request|Connection refused|ECONNREFUSED|dns error|tcp connect/i.test(text)) {
    return `${prefix}: cannot reach the Pact Broker at ${call.baseUrl}: check PACT_BROKER_BASE_URL and that the broker is running`;
  }
  if (/\b401\b|Unauthorized/i.test(text)) {
    return `${prefix}: the Pact Broker at ${call.baseUrl} refused the credentials (HTTP 401): ${CREDENTIALS}`;
  }
  if (/\b403\b|Forbidden/i.test(text)) {
    return `${prefix}: the Pact Broker at ${call.baseUrl} does not let this account ${call.command} (HTTP 403): use credentials with write access`;
  }
  const pacticipant = /Pacticipant (\S+) not found/i.exec(text)?.[1];
  if (pacticipant !== undefined) {
    return `${prefix}: the Pact Broker at ${call.baseUrl} knows no pacticipant ${pacticipant}: publish its pacts (or verification results) first, or check the name`;
  }
  // record-deployment of a version the broker does not have: a 404 on the version's resource.
  const version = /\/pacticipants\/([^/\s']+)\/versions\/([^/\s'?]+)'? failed: 404/.exec(text);
  if (version !== null) {
    return `${prefix}: the Pact Broker at ${call.baseUrl} has no version ${decodeURIComponent(version[2] ?? '')} of ${decodeURIComponent(version[1] ?? '')}: publish (or verify) that version first`;
  }
  if (/Computer says no/.test(text)) {
    const reason = text
      .split('\n')
      .map((line) => line.trim())
      .find((line) =>
        /^(There is no verified pact|The verification for the pact|There is no version|.* failed$)/.test(
          line,
        ),
      );
    return `${prefix}: ${call.pacticipant} may not be deployed: ${reason ?? 'the broker says no'}`;
  }
  const last = text
    .split('\n')
    .map((line) => line.replace(/^❌\s*/, '').trim())
    .filter((line) => line !== '')
    .at(-1);
  return `${prefix}: the Pact Broker command failed: ${last ?? 'no output'}`;
}
