import { Field, InputType } from "@nestjs/graphql";
import { IsString, MaxLength } from "class-validator";

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MaxLength(254, { message: "L'adresse e-mail est trop longue." })
  email: string;

  @Field()
  @IsString()
  @MaxLength(1024, { message: "Le mot de passe est trop long." })
  password: string;
}
