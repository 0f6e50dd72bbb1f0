import bcrypt from "bcryptjs";

const COST = 11;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the username does not exist, so a miss costs as much time as a hit
// and response timing does not reveal which usernames exist.
const DUMMY_HASH = "$2b$11$X95IY3PxkNL3.wcXjzloGOOEOc.0iJnaCWN0wI6qktEOjEtzdJjWC";

export async function burnPasswordCheck(plain: string): Promise<void> {
  await bcrypt.compare(plain, DUMMY_HASH);
}
