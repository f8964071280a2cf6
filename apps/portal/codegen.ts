import type { CodegenConfig } from "@graphql-codegen/cli";

// STYLE.md §7.3: generate from the committed SDL file, never from a running server.
const config: CodegenConfig = {
  schema: "../api/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { DateTime: "string" },
        useTypeImports: true,
        enumsAsTypes: true,
        // Apollo adds `__typename` to every selection set; say so in the types (and in test fixtures).
        nonOptionalTypename: true,
      },
    },
  },
};

export default config;
