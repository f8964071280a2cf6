import { Field, InputType } from "@nestjs/graphql";
import { IsString, MaxLength } from "class-validator";

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(1024, { message: "Le mot de passe est trop long." })
  currentPassword: string;

  @Field({ description: "At least 12 characters, not a common password, not built on the e-mail." })
  @IsString()
  @MaxLength(1024, { message: "Le mot de passe est trop long." })
  newPassword: string;
}

@InputType()
export class ResetPasswordInput {
  @Field({ description: "The token of the link received by e-mail (valid one hour, once)." })
  @IsString()
  @MaxLength(200, { message: "Lien invalide." })
  token: string;

  @Field({ description: "At least 12 characters, not a common password, not built on the e-mail." })
  @IsString()
  @MaxLength(1024, { message: "Le mot de passe est trop long." })
  newPassword: string;
}
