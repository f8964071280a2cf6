import { ValidationPipe, type ValidationError } from "@nestjs/common";

import { badUserInput, type FieldProblem } from "./errors.js";

function problems(errors: ValidationError[], prefix = ""): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code.toUpperCase(),
      message: /^[A-Za-z]/.test(message) && !/[éèàçù]/.test(message) ? `Valeur invalide pour « ${field} ».` : message,
    }));
    return [...own, ...problems(e.children ?? [], field)];
  });
}

/** Edge validation of every GraphQL argument (class-validator), answering BAD_USER_INPUT with the field named. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (errors) => badUserInput(problems(errors)),
});
