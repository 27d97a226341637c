package dev.partyline.server.room

import dev.partyline.server.base.ServerConfig
import dev.partyline.server.room.RoomHarness.Companion.playerEntry
import dev.partyline.server.room.RoomHarness.Companion.shouldBeError
import dev.partyline.server.room.RoomHarness.Companion.shouldNotLeakAnswers
import dev.partyline.shared.game.memory.MemoryGame
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.PlayerId
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.collections.shouldContainExactlyInAnyOrder
import io.kotest.matchers.ints.shouldBeLessThan
import io.kotest.matchers.longs.shouldBeLessThan
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.put

/**
 * Bots that a host adds to a room and the server runs (`add_bot`, `remove_bot`), on virtual time:
 * the refusals, how they play through the room's own commands, and how they end.
 */
class ServerBotsSpec : FunSpec({
    test("the host's add_bot seats a player that everyone sees as a bot the server runs") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.settle()
            h.send(HOST, C.AddBot(skill = 0.5, name = "  Robo "))

            val joined = h.of(ADA).fresh().one("player_joined")
            joined.str("name") shouldBe "Robo"
            joined.str("role") shouldBe "player"
            joined.flag("bot") shouldBe true
            joined.flag("serverBot") shouldBe true
            h.of(HOST).fresh().types() shouldContainExactly listOf("player_joined")
            h.room.summary.value.players shouldBe 2
            val bot = PlayerId(joined.str("player"))
            h.bots.playing shouldContainExactly setOf(bot)

            h.join(BOB)
            val snapshot = h.of(BOB).all.single()
            snapshot.playerEntry(bot).flag("serverBot") shouldBe true
            snapshot.playerEntry(ADA).containsKey("serverBot") shouldBe false // sent only for the server's bots
        }
    }

    test("bots added without a name are called Bot 1, Bot 2, … and get ids no session can have") {
        runTest {
            val h = RoomHarness(this).open()
            h.settle()
            val first = h.addBot()
            val second = h.addBot()
            listOf(first, second).map { it.str("name") } shouldContainExactly listOf("Bot 1", "Bot 2")
            first.str("player") shouldBe "p_bot-qx7k2m-1"
            second.str("player") shouldBe "p_bot-qx7k2m-2"
        }
    }

    test("add_bot from anyone but the host is not_host and seats nobody") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.settle()
            h.send(ADA, C.AddBot(), re = JsonPrimitive("b"))
            h.of(ADA).fresh().single().shouldBeError("not_host", JsonPrimitive("b"))
            h.nothingChanged(players = 1)
        }
    }

    test("a room created with bots false refuses add_bot with bots_not_allowed") {
        runTest {
            val h = RoomHarness(this, settings = RoomSettings(public = false, maxPlayers = 50, bots = false)).open()
            h.settle()
            h.send(HOST, C.AddBot(), re = JsonPrimitive(1))
            h.of(HOST).fresh().single().shouldBeError("bots_not_allowed", JsonPrimitive(1))
            h.nothingChanged(players = 0)
        }
    }

    test("a skill outside 0..1 is bad_request and a bad name is bad_name, each changing nothing") {
        runTest {
            val h = RoomHarness(this).open()
            h.settle()
            for (skill in listOf(-0.1, 1.5, Double.POSITIVE_INFINITY)) {
                h.send(HOST, C.AddBot(skill = skill), re = JsonPrimitive("s"))
                h.of(HOST).fresh().single().shouldBeError("bad_request", JsonPrimitive("s"))
            }
            for (name in listOf("", "   ", "x".repeat(25), "evil\u202Eeman", "tab\there")) {
                h.send(HOST, C.AddBot(name = name), re = JsonPrimitive("n"))
                h.of(HOST).fresh().single().shouldBeError("bad_name", JsonPrimitive("n"))
            }
            h.nothingChanged(players = 0)
        }
    }

    test("server bots count toward maxPlayers, and a room holds no more of them than maxBotsPerRoom") {
        runTest {
            val full = RoomHarness(this, settings = RoomSettings(public = false, maxPlayers = 2, bots = true)).open()
            full.join(ADA)
            full.addBot()
            full.send(HOST, C.AddBot(), re = JsonPrimitive("third"))
            full.of(HOST).fresh().single().shouldBeError("room_full", JsonPrimitive("third"))
            full.room.summary.value.players shouldBe 2
            full.bots.playing.size shouldBe 1

            val capped = RoomHarness(this, config = ServerConfig(maxBotsPerRoom = 2)).open()
            capped.addBot()
            capped.addBot()
            capped.send(HOST, C.AddBot(), re = JsonPrimitive("cap"))
            capped.of(HOST).fresh().single().shouldBeError("room_full", JsonPrimitive("cap"))
            capped.room.summary.value.players shouldBe 2
            capped.bots.playing.size shouldBe 2
        }
    }

    test("remove_bot takes the bot out with player_left removed and ends it; anyone else is bad_request") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            val bot = h.addBot().str("player")
            h.settle()

            h.send(HOST, C.RemoveBot(ADA.value), re = JsonPrimitive("r1"))
            h.of(HOST).fresh().single().shouldBeError("bad_request", JsonPrimitive("r1"))
            h.send(HOST, C.RemoveBot("p_nobody"), re = JsonPrimitive("r2"))
            h.of(HOST).fresh().single().shouldBeError("bad_request", JsonPrimitive("r2"))
            h.send(ADA, C.RemoveBot(bot), re = JsonPrimitive("r3"))
            h.of(ADA).fresh().single().shouldBeError("not_host", JsonPrimitive("r3"))
            h.room.summary.value.players shouldBe 2

            h.send(HOST, C.RemoveBot(bot))
            val left = h.of(ADA).fresh().one("player_left")
            left.str("player") shouldBe bot
            left.str("reason") shouldBe "removed"
            h.bots.playing.shouldBeEmpty()
            h.room.summary.value.players shouldBe 1
        }
    }

    test("a kicked server bot leaves and stops playing") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            val bot = h.addBot().str("player")
            h.send(HOST, C.Kick(bot))
            h.of(ADA).all.last().let {
                it.type shouldBe "player_left"
                it.str("reason") shouldBe "kicked"
            }
            h.bots.playing.shouldBeEmpty()
        }
    }

    test("server bots answer every quiz question through the room, each answer acknowledged like a person's") {
        runTest {
            val h = RoomHarness(this, Quiz.options(count = 3, revealSeconds = 0)).open()
            val bots = List(2) { h.addBot(skill = 0.9).str("player") }
            h.send(HOST, C.Start)
            val seen = h.runUntil(HOST, "game_over")
            val reveals = seen.ofType("reveal")
            reveals.size shouldBe 3
            for (reveal in reveals) {
                val results = reveal.getValue("results").jsonArray.map { it.jsonObject }
                results.map { it.str("player") } shouldContainExactlyInAnyOrder bots
                results.all { it.flag("answered") } shouldBe true
            }
            // Every question closed early, once both bots had answered, long before its 20 s deadline.
            h.now shouldBeLessThan 3 * 20_000L
        }
    }

    test("a server bot of full skill answers a quiz at chance: it is never sent an answer to know") {
        runTest {
            val h = RoomHarness(this, Quiz.options(count = 40, revealSeconds = 0)).open()
            val bot = h.addBot(skill = 1.0).str("player")
            h.send(HOST, C.Start)
            val seen = h.runUntil(HOST, "game_over")
            seen.forEach { it.shouldNotLeakAnswers() }
            val mine = seen.ofType("reveal").map { r -> r.getValue("results").jsonArray.map { it.jsonObject }.single { it.str("player") == bot } }
            mine.size shouldBe 40
            mine.all { it.flag("answered") } shouldBe true
            // Four choices: about 10 right by chance; one that could see the answer would have all 40.
            withClue("correct answers of 40") { mine.count { it.flag("correct") } shouldBeLessThan 25 }
        }
    }

    test("server bots take their turns at memory, flipping through the room until the board is cleared") {
        runTest {
            val options = buildJsonObject {
                put("rows", 2)
                put("cols", 4)
                put("seed", 11)
                put("turnSeconds", 3)
                put("missMillis", 200)
            }
            val h = RoomHarness(this, options, MemoryGame).open()
            val bots = List(2) { h.addBot(skill = 1.0).str("player") }
            h.send(HOST, C.Start) // the host is on turn first and never flips: its turns run out
            val seen = h.runUntil(HOST, "game_over")
            seen.ofType("flipped").map { it.str("by") }.toSet() shouldBe bots.toSet()
            val board = seen.one("game_over").getValue("leaderboard").jsonArray.map { it.jsonObject }
            board.sumOf { it.num("score") } shouldBe 4
            board.single { it.str("player") == HOST.value }.num("score") shouldBe 0
        }
    }

    test("when the host leaves, the host role passes to a person after them, never to a bot before them") {
        runTest {
            val h = RoomHarness(this).open()
            val bot = h.addBot().str("player")
            h.join(BOB, bot = true) // a remote bot, also seated before the person
            h.join(ADA)
            h.settle()
            h.leave(HOST)
            h.of(ADA).fresh().one("host_changed").str("host") shouldBe ADA.value
            h.of(ADA).fresh().shouldBeEmpty()
            h.closedCalls shouldBe 0
            h.bots.playing shouldContainExactly setOf(PlayerId(bot))
        }
    }

    test("a room whose people have all left closes with its bots in it, and the bots stop") {
        runTest {
            val h = RoomHarness(this, Quiz.options(count = 3)).open()
            h.join(ADA)
            repeat(2) { h.addBot() }
            h.send(HOST, C.Start)
            h.advance(1_000)
            h.leave(ADA) shouldBe true
            h.closedCalls shouldBe 0
            h.leave(HOST) shouldBe true
            h.closedCalls shouldBe 1
            h.bots.playing.shouldBeEmpty()
        }
    }

    test("a person's seat kept for the grace period keeps the room open; when it expires, the room closes") {
        runTest {
            val h = RoomHarness(this).open()
            h.addBot()
            h.detach(HOST)
            h.advance(h.config.graceMillis - 1)
            h.closedCalls shouldBe 0
            h.bots.playing.size shouldBe 1
            h.advance(1)
            h.closedCalls shouldBe 1
            h.bots.playing.shouldBeEmpty()
        }
    }
})

/** Adds a bot as the host; returns the `player_joined` the host got for it (what the host got before is skipped). */
private suspend fun RoomHarness.addBot(skill: Double? = null): JsonObject {
    of(HOST).fresh()
    send(HOST, C.AddBot(skill = skill))
    return of(HOST).fresh().one("player_joined")
}

/** Lets virtual time pass until [player] has been sent a message of [type]; everything it was sent meanwhile. */
private fun RoomHarness.runUntil(player: PlayerId, type: String, limitMillis: Long = 600_000): List<JsonObject> {
    val seen = of(player).fresh().toMutableList()
    val until = now + limitMillis
    while (seen.none { it.type == type }) {
        withClue("'$type' within $limitMillis ms") { (now < until) shouldBe true }
        advance(100)
        seen += of(player).fresh()
    }
    return seen
}

/** No member heard of anything since the last look, the room counts [players] players, and no bot runs. */
private fun RoomHarness.nothingChanged(players: Int) {
    room.summary.value.players shouldBe players
    bots.playing.shouldBeEmpty()
    for (member in listOf(HOST, ADA)) runCatching { of(member) }.getOrNull()?.fresh()?.shouldBeEmpty()
}

private fun JsonObject.flag(key: String): Boolean = getValue(key).jsonPrimitive.boolean
