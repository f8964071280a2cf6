export async function seedDemo(_p: unknown, _o: { force?: boolean }) { return { seeded: false as boolean, reason: "todo", counts: {} }; }
