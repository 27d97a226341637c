package dev.partyline.server.reliability

import dev.partyline.server.e2e.TestClient
import dev.partyline.server.e2e.str
import dev.partyline.server.e2e.type
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.coroutineScope
import java.util.Base64
import kotlin.random.Random

/**
 * Session tokens that are not a live session's, and a way to present them. For each real token,
 * its player id with a wrong secret in every way we could think of, and an id that is not its own;
 * then tokens that are not shaped like one at all.
 */
object ForgedTokens {
    /** Forgeries of [tokens] (each `player.secret`), none of them equal to any real one. */
    fun of(tokens: List<String>, random: Random): List<String> {
        val secrets = tokens.map { it.substringAfter('.') }
        val forged = tokens.flatMapIndexed { i, token ->
            val id = token.substringBefore('.')
            val secret = secrets[i]
            listOf(
                "$id.${encode(random.nextBytes(16))}", // right player, random secret
                "$id.${secret.replaceRange(0, 1, if (secret[0] == 'A') "B" else "A")}", // one character off
                "$id.${secrets[(i + 1) % secrets.size]}", // another player's secret
                "$id.${secret.take(21)}", // cut short
                "${token}A", // one character too many
                "$id.", // no secret
                "$id${secret}", // no dot
                token.uppercase(), // no such player
                "p_${"z".repeat(8)}.$secret", // the secret under another id
            )
        }
        val garbage = listOf("", ".", "..", "nonsense", "p_.", encode(random.nextBytes(30)), "x".repeat(200), "${tokens[0]}.${tokens[0]}")
        return (forged + garbage).also { all -> all.none { it in tokens } shouldBe true }
    }

    /**
     * Presents each of [tokens] in a `hello` on fresh TCP connections to [tcpPort], [PER_CONNECTION]
     * a connection (within the rate limit's burst), and checks that each is answered with
     * `bad_session` and nothing else. The connections are closed afterwards.
     */
    suspend fun presentAll(tcpPort: Int, tokens: List<String>) = coroutineScope {
        tokens.chunked(PER_CONNECTION).mapIndexed { n, chunk ->
            async {
                TestClient.tcp(tcpPort, "forger-$n").use { forger ->
                    for (token in chunk) {
                        forger.send("""{"type":"hello","protocol":1,"session":"$token"}""")
                        val answer = forger.next(StormPlayer.WAIT_MS)
                        answer.type shouldBe "error"
                        answer.str("code") shouldBe "bad_session"
                    }
                }
            }
        }.awaitAll()
    }

    private const val PER_CONNECTION = 20

    private fun encode(bytes: ByteArray) = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
}
