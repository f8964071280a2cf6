import { Global, Module } from "@nestjs/common";

import { NotificationsModule } from "../notifications/notifications.module.js";
import { UsersModule } from "../users/users.module.js";
import { ApiTokenRepository } from "./api-token.repository.js";
import { ApiTokenResolver } from "./api-token.resolver.js";
import { ApiTokenService } from "./api-token.service.js";
import { AuthResolver } from "./auth.resolver.js";
import { AuthService } from "./auth.service.js";
import { LoginThrottleRepository } from "./login-throttle.repository.js";
import { PasswordRepository } from "./password.repository.js";
import { PasswordService } from "./password.service.js";
import { SessionRepository } from "./session.repository.js";
import { SessionService } from "./session.service.js";

@Global()
@Module({
  imports: [UsersModule, NotificationsModule],
  providers: [AuthResolver, AuthService, PasswordService, PasswordRepository, LoginThrottleRepository, SessionRepository, SessionService, ApiTokenRepository, ApiTokenService, ApiTokenResolver],
  exports: [SessionService],
})
export class AuthModule {}
