package dev.partyline.server.e2e

import dev.partyline.server.PartylineServer
import dev.partyline.server.base.ServerConfig
import dev.partyline.shared.game.memory.Faces
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainAll
import io.kotest.matchers.ints.shouldBeGreaterThan
import io.kotest.matchers.shouldBe
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject

/**
 * Records every message every member receives during seeded random memory games, both modes,
 * with spectators, a late joiner and a resumed player, and proves with [FaceAudit] that no card
 * face reaches a client that may not see it, in any field, and that every face shown is true.
 */
class MemoryHiddenInformationSpec : FunSpec({
    lateinit var server: PartylineServer
    // Random play sends faster than a person; pacing is not under test here.
    beforeSpec { server = startTestServer(ServerConfig(ratePerSecond = 1000.0, rateBurst = 1000)) }
    afterSpec { server.stop() }

    for ((race, seed) in listOf(false to 734_021L, false to 8_675_309L, true to 5_550_101L, true to 27_182_818L)) {
        val mode = if (race) "race" else "turns"
        test("no client sees a card face it may not see ($mode, seed $seed)") {
            val game = RandomMemoryGame(server, race, seed)
            try {
                game.play()
                val audit = FaceAudit(game.deck, race, seed)
                val host = game.connections.first().first
                var shown = 0
                for ((client, member) in game.connections) withClue(client.label) {
                    val history = when {
                        !race -> received(host)
                        member.spectator -> emptyList()
                        else -> game.connections.filter { it.second === member }.flatMap { received(it.first) }
                    }
                    val result = audit.audit(member.id, received(client), history)
                    result.leaks.shouldBeEmpty()
                    if (race && member.spectator) result.faces shouldBe 0
                    shown += result.faces
                }
                // The audit looked at real faces, not at an empty game, and every kind of member took part.
                shown shouldBeGreaterThan game.deck.size
                game.connections.map { it.first.label } shouldContainAll listOf("watcher", "late", "latewatch", "p1-again")
            } finally {
                game.close()
            }
        }
    }

    test("the audit itself flags each kind of leak and passes what may be shown") {
        val seed = 424_242L
        val deck = Faces.deal(4, seed)
        val b = deck.indices.first { it != 0 && deck[it] == deck[0] }
        val c = deck.indices.first { deck[it] != deck[0] }
        val audit = FaceAudit(deck, race = true, seed = seed)
        val history = listOf(
            """{"type":"flipped","card":0,"face":"${deck[0]}","by":"me","seq":1}""",
            """{"type":"flipped","card":$b,"face":"${deck[b]}","by":"me","seq":2}""",
            """{"type":"match","cards":[0,$b],"by":"me","score":1,"seq":3}""",
        ).map(::parse)
        val shown = history + listOf(
            """{"type":"room","seq":4,"board":{"matched":[0,$b],"faceUp":{},"found":{"0":"${deck[0]}","$b":"${deck[b]}"}}}""",
            """{"type":"game_over","leaderboard":[],"seed":$seed,"seq":5}""",
        ).map(::parse)
        audit.audit("me", shown, history).let { it.leaks.shouldBeEmpty(); it.faces shouldBe 4 }

        val leaky = listOf(
            """{"type":"flipped","card":$c,"face":"${deck[c]}","by":"rival","seq":5}""",
            """{"type":"flipped","card":$c,"face":"${deck[0]}","by":"me","seq":6}""",
            """{"type":"room","seq":7,"board":{"faceUp":{"$c":"${deck[c]}"},"found":{}}}""",
            """{"type":"error","code":"bad_request","message":"card $c is the ${deck[c]}"}""",
            """{"type":"hint","seq":8,"cards":{"${deck[c]}":[$c]}}""",
            """{"type":"match","cards":[0,$b],"by":"me","score":1,"face":"${deck[0]}","seq":9}""",
            """{"type":"board","rows":2,"cols":4,"seed":$seed,"seq":10}""",
        ).map(::parse)
        for (message in leaky) withClue(message) { audit.audit("me", listOf(message), history).leaks.size shouldBe 1 }
    }
})

private fun parse(text: String): JsonObject = Json.parseToJsonElement(text).jsonObject
