import { Global, Module } from "@nestjs/common";

import { UsersModule } from "../users/users.module.js";
import { ApiTokenRepository } from "./api-token.repository.js";
import { ApiTokenResolver } from "./api-token.resolver.js";
import { ApiTokenService } from "./api-token.service.js";
import { AuthResolver } from "./auth.resolver.js";
import { AuthService } from "./auth.service.js";
import { LoginThrottleRepository } from "./login-throttle.repository.js";
import { SessionRepository } from "./session.repository.js";
import { SessionService } from "./session.service.js";

@Global()
@Module({
  imports: [UsersModule],
  providers: [AuthResolver, AuthService, LoginThrottleRepository, SessionRepository, SessionService, ApiTokenRepository, ApiTokenService, ApiTokenResolver],
  exports: [SessionService],
})
export class AuthModule {}
