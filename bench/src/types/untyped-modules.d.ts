// Dependencies without type declarations in this package (no @types/pg, no @types/autocannon): typed as any.
declare module "pg";
declare module "autocannon";
