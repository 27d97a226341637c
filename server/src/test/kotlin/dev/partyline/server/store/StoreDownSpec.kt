package dev.partyline.server.store

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import dev.partyline.server.http.api.ApiClient
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain

/**
 * A database that goes away mid-run (its PostgreSQL database dropped under the server): the API
 * answers `503 internal_error` with a clear message within the store's deadline, `/health` says
 * `degraded`, and rooms go on as if nothing happened.
 */
class StoreDownSpec : FunSpec({
    test("with its database gone the API answers 503 within the deadline, health is degraded, and a room still plays") {
        val config = StoreBackend.POSTGRES.config(ServerConfig(storeTimeoutMillis = 2_000))
        val server = startTestServer(config)
        try {
            ApiClient(server.httpPort).signUp("before_outage")
            ApiClient(server.httpPort).get("/health").text shouldContain "\"status\":\"ok\",\"server\""
            TestPostgres.dropDatabase(config.databaseUrl!!)

            val started = System.nanoTime()
            val refused = ApiClient(server.httpPort).post("/api/login", """{"name":"before_outage","password":"${ApiClient.PASSWORD}"}""")
            (System.nanoTime() - started) / 1_000_000 shouldBeLessThan 4_000L
            refused.status shouldBe 503
            refused.errorCode shouldBe "internal_error"
            refused.text shouldContain "the database is not answering"
            ApiClient(server.httpPort).get("/health").text shouldContain "\"status\":\"degraded\",\"server\""

            TestClient.tcp(server.tcpPort).use { host ->
                host.hello("host")
                host.send("""{"type":"create","game":"quiz"}""")
                host.expect("room")
                host.send("""{"type":"chat","text":"still here"}""")
                host.expect("chat").str("text") shouldBe "still here"
            }
        } finally {
            server.stop()
        }
    }
})
