package dev.partyline.server.reliability

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.startTestServer
import dev.partyline.server.e2e.str
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.JsonPrimitive
import java.net.InetSocketAddress
import java.net.Socket
import kotlin.random.Random

/**
 * Session tokens are never logged: with every logger open to every level, clients over TCP and
 * WebSocket say hello, play, resume, are replaced, send forged, malformed and stale tokens,
 * leave, drop (cleanly and with a reset) and time out, and no log event carries any token the
 * server issued or its secret part.
 */
class TokenLoggingSpec : FunSpec({
    test("no log event at any level holds an issued session token or its secret, whatever the clients do with them") {
        val capture = LogCapture.start()
        val issued = mutableListOf<String>()
        try {
            val server = startTestServer(ServerConfig(graceMillis = GRACE_MS))
            val clients = mutableListOf<TestClient>()
            suspend fun tcp(label: String) = TestClient.tcp(server.tcpPort, label).also { clients += it }
            suspend fun ws(label: String) = TestClient.ws(server.httpPort, label).also { clients += it }
            suspend fun TestClient.welcomed(name: String) = hello(name).str("session").also { issued += it }
            try {
                val host = ws("host").also { it.welcomed("host") }
                host.send("""{"type":"create","game":"quiz","options":{"revealSeconds":60,"questions":[$QUESTION,$QUESTION]}}""")
                val code = host.expect("room").str("code")
                val ada = tcp("ada")
                val adaToken = ada.welcomed("ada")
                val bea = ws("bea")
                val beaToken = bea.welcomed("bea")
                for (player in listOf(ada, bea)) {
                    player.send("""{"type":"join","room":"$code"}""")
                    player.expect("room")
                }
                host.send("""{"type":"start"}""")
                ada.expect("question")
                ada.send("""{"type":"answer","index":0,"choice":0}""")

                ForgedTokens.presentAll(server.tcpPort, ForgedTokens.of(issued, Random(11)))
                tcp("malformed").apply {
                    send("""{"type":"hello","protocol":1,"session":"$adaToken"""") // cut short: bad_json
                    expect("error").str("code") shouldBe "bad_json"
                    send("""{"type":"hello","protocol":2,"session":"$adaToken"}""")
                    expect("error").str("code") shouldBe "protocol_version"
                    send("""{"type":"hello","protocol":1,"session":["$adaToken"]}""")
                    expect("error").str("code") shouldBe "bad_request"
                    send("""{"type":"hello","protocol":1,"session":"$adaToken","pad":"${"x".repeat(9000)}"}""")
                    expect("goodbye").str("reason") shouldBe "too_large"
                }

                ada.close()
                host.expect("player_status") { it["connected"] == JsonPrimitive(false) }
                val adaAgain = tcp("ada-again")
                adaAgain.send("""{"type":"hello","protocol":1,"session":"$adaToken"}""")
                adaAgain.expect("room")
                val adaThird = ws("ada-third")
                adaThird.send("""{"type":"hello","protocol":1,"session":"$adaToken"}""")
                adaThird.expect("room")
                adaAgain.expect("goodbye").str("reason") shouldBe "replaced"

                bea.send("""{"type":"leave"}""")
                bea.expect("left")
                val beaAgain = tcp("bea-again")
                beaAgain.send("""{"type":"hello","protocol":1,"session":"$beaToken"}""")
                beaAgain.expect("welcome")

                val reset = resetAfterHello(server.tcpPort).also { issued += it }
                val cy = tcp("cy")
                cy.welcomed("cy")
                cy.send("""{"type":"join","room":"$code"}""")
                cy.expect("room")
                cy.close()
                host.expect("player_left", 5_000) { it.str("reason") == "timeout" } // the reset session, dropped before, has expired too
                tcp("stale").apply {
                    send("""{"type":"hello","protocol":1,"session":"$reset"}""")
                    expect("error").str("code") shouldBe "bad_session"
                }
            } finally {
                clients.forEach { it.close() }
                server.stop()
            }
        } finally {
            capture.stop()
        }

        val events = capture.events
        val secrets = issued + issued.map { it.substringAfter('.') }
        val leaks = events.map(LogCapture::textOf).filter { text -> secrets.any { it in text } }
        val ours = events.count { it.loggerName.startsWith("dev.partyline") }
        println("TokenLoggingSpec: ${events.size} log events (${ours} from dev.partyline) checked against ${issued.size} issued tokens and their secrets: ${leaks.size} hold one")
        leaks.shouldBeEmpty()
        (ours > 0) shouldBe true // the server's own logs were captured, so a leak would have been seen
    }
})

/** Says hello on a plain socket, then drops it with a reset (no FIN), so the server's read fails; returns the token issued. */
private fun resetAfterHello(tcpPort: Int): String = Socket().use { socket ->
    socket.connect(InetSocketAddress("127.0.0.1", tcpPort), 5_000)
    socket.soTimeout = 5_000
    socket.getOutputStream().write("{\"type\":\"hello\",\"name\":\"rst\",\"protocol\":1}\n".toByteArray())
    val welcome = socket.getInputStream().bufferedReader().readLine()
    socket.setSoLinger(true, 0)
    Regex("\"session\":\"([^\"]+)\"").find(welcome)!!.groupValues[1]
}

private const val GRACE_MS = 300L
private const val QUESTION = """{"kind":"single","text":"Pick a","choices":["a","b"],"answer":[0],"seconds":120}"""
