export { EnvError } from './env-error.ts';
export { loadEnvOrExit } from './load-env-or-exit.ts';
export { oneOf, parseEnv, port, wholeNumber } from './parse-env.ts';
