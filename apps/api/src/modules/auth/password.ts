import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id (a const enum, which isolatedModules cannot read).
const ARGON2ID = 2;

/** Passwords are hashed with argon2id (ARCHITECTURE.md, "Security model"). */
export const hashPassword = (password: string): Promise<string> => hash(password, { algorithm: ARGON2ID });

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throw-away hash so that an unknown e-mail costs as much time as a wrong password. */
export async function burnVerification(password: string): Promise<false> {
  dummyHash ??= hashPassword("maillage-timing-equalizer");
  await verifyPassword(await dummyHash, password);
  return false;
}
