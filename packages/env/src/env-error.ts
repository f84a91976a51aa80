/** A bad environment: `variables` are the names at fault; `message` names them, never a value. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
  constructor(
    readonly variables: string[],
    message: string,
  ) {
    super(message);
  }
}
