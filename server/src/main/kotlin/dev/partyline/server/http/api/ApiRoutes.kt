package dev.partyline.server.http.api

import dev.partyline.server.base.Clock
import dev.partyline.server.store.AccountStore
import dev.partyline.server.store.GameStore
import dev.partyline.server.store.ImageStore
import dev.partyline.server.store.QuizStore
import dev.partyline.server.transport.ws.OriginPolicy
import io.ktor.server.application.install
import io.ktor.server.routing.Route
import io.ktor.server.routing.route

/** The HTTP API of `docs/api.md` under `/api`, each change guarded by [ApiOrigin]. */
fun Route.apiRoutes(origins: OriginPolicy, accounts: AccountStore, quizzes: QuizStore, images: ImageStore, imageQuotaBytes: Long, games: GameStore, auth: ApiAuth, limiter: LoginLimiter, clock: Clock) {
    route("/api") {
        install(ApiOrigin) { policy = origins }
        accountRoutes(accounts, auth, limiter, clock)
        quizRoutes(quizzes, auth, clock)
        imageRoutes(images, auth, clock, imageQuotaBytes)
        quizTransferRoutes(quizzes, auth, clock)
        gameRoutes(games, auth)
    }
}
