// The password rules people are told about. Importable in the browser: no server dependencies here.

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX_LENGTH = 200;

export const passwordHint = `Use ${PASSWORD_MIN_LENGTH} characters or more. A few unrelated words make a strong password that is easy to remember. Do not use your email address or a common password.`;
