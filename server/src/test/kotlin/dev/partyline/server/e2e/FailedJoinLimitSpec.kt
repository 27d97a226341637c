package dev.partyline.server.e2e

import dev.partyline.server.base.ServerConfig
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.shouldBe

/** Room codes cannot be enumerated: failed joins are limited per client address, over both transports. */
class FailedJoinLimitSpec : FunSpec({
    test("after its allowance of unknown codes an address is refused with rate_limited, even for a room that exists, on every connection") {
        val server = startTestServer(ServerConfig(failedJoinsPerMinute = 5, limitLoopback = true))
        val host = TestClient.tcp(server.tcpPort, "host")
        val guesser = TestClient.tcp(server.tcpPort, "guesser")
        val second = TestClient.ws(server.httpPort, "second")
        try {
            host.hello("host")
            host.send("""{"type":"create","game":"quiz"}""")
            val code = host.expect("room").str("code")
            guesser.hello("guesser")
            second.hello("second")
            val wrong = if (code == "AAAAAA") "BBBBBB" else "AAAAAA"
            repeat(5) { i ->
                guesser.send("""{"type":"join","room":"$wrong","id":$i}""")
                guesser.expect("error").str("code") shouldBe "room_not_found"
            }
            guesser.send("""{"type":"join","room":"$wrong"}""")
            guesser.expect("error").str("code") shouldBe "rate_limited"
            guesser.send("""{"type":"join","room":"$code"}""")
            guesser.expect("error").str("code") shouldBe "rate_limited"
            second.send("""{"type":"join","room":"$code"}""") // another connection from the same address
            second.expect("error").str("code") shouldBe "rate_limited"
            host.recorded.none { "player_joined" in it } shouldBe true
        } finally {
            listOf(host, guesser, second).forEach { it.close() }
            server.stop()
        }
    }

    test("by default loopback clients are never limited, so local bots and tests are not throttled") {
        val server = startTestServer()
        TestClient.tcp(server.tcpPort, "local").use { c ->
            c.hello("local")
            repeat(30) {
                c.send("""{"type":"join","room":"ZZZZZZ"}""")
                c.expect("error").str("code") shouldBe "room_not_found"
            }
        }
        server.stop()
    }
})
