import { GraphQLScalarType, Kind, type ValueNode } from "graphql";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function fromAst(node: ValueNode): Json {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(fromAst);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, fromAst(f.value)]));
    default:
      throw new TypeError("JSONObject: variables inside an object literal are not supported");
  }
}

const asObject = (value: unknown): Record<string, Json> => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new TypeError("JSONObject expects an object");
  return value as Record<string, Json>;
};

/** A JSON object (the validated inputs and outputs of a result period; their shape depends on the programme). */
export const JSONObjectScalar = new GraphQLScalarType({
  name: "JSONObject",
  description: "A JSON object.",
  serialize: asObject,
  parseValue: asObject,
  parseLiteral: (ast) => asObject(fromAst(ast)),
});
