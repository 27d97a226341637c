package dev.partyline.tools.bench

import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.memory.MemoryGame
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.longs.shouldBeInRange
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import dev.partyline.shared.protocol.Limits
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.long

class BenchWireSpec : FunSpec({
    test("a message's type is read from the prefix the server writes") {
        BenchWire.type("""{"type":"answer_ack","index":0}""") shouldBe "answer_ack"
        BenchWire.type("""{"index":0,"type":"answer_ack"}""") shouldBe ""
    }

    test("a pong echoes the ping's t exactly as it came") {
        BenchWire.pong("""{"type":"ping","t":{"a":[1,"x"]}}""") shouldBe """{"type":"pong","t":{"a":[1,"x"]}}"""
    }

    test("string and number fields are read without parsing the whole message") {
        val question = """{"type":"question","index":2,"count":3,"deadline":1767225600123,"seconds":5}"""
        BenchWire.long(question, "index") shouldBe 2L
        BenchWire.long(question, "deadline") shouldBe 1767225600123L
        BenchWire.long(question, "missing") shouldBe null
        BenchWire.string("""{"type":"room","code":"QX7K2M","game":"quiz"}""", "code") shouldBe "QX7K2M"
    }

    test("floods nobody measures are noise; measured events are not") {
        BenchWire.isNoise("""{"type":"player_joined","player":"p_1"}""") shouldBe true
        BenchWire.isNoise("""{"type":"presence","crowd":{"players":2417,"spectators":0,"connected":2417},"joined":[],"left":[]}""") shouldBe true
        BenchWire.isNoise("""{"type":"answers","index":0,"answered":3,"of":10}""") shouldBe true
        BenchWire.isNoise("""{"type":"answer_ack","index":0}""") shouldBe false
    }

    test("the quiz options a bench creates are accepted by the quiz game, and fit in one line up to 100 questions") {
        val options = BenchWire.quizOptions(maxPlayers = 10, count = 100, seconds = 5, revealSeconds = 1)
        QuizGame.setup(JsonObject(options - "maxPlayers"), seed = 1).shouldBeInstanceOf<Setup.Ready>()
        BenchWire.create("quiz", BenchWire.quizOptions(10_000, 100, 120, 60)).toByteArray().size shouldBeLessThanOrEqual Limits.MAX_LINE_BYTES
    }

    test("a flip names its card, and a flipped card's number and face are read from the line") {
        BenchWire.flip(5) shouldBe """{"type":"flip","card":5}"""
        val flipped = """{"type":"flipped","card":12,"face":"owl","by":"p_k2","seq":40}"""
        BenchWire.long(flipped, "card") shouldBe 12L
        BenchWire.string(flipped, "face") shouldBe "owl"
        BenchWire.long("""{"type":"match","cards":[3,12],"by":"p_k2","score":4,"seq":41}""", "score") shouldBe 4L
    }

    test("the race options a bench creates are accepted by the memory game as a race whose misses turn down at once") {
        val options = BenchWire.raceOptions(maxPlayers = 1000, rows = 4, cols = 4, seed = 1)
        val table = MemoryGame.setup(JsonObject(options - "maxPlayers"), seed = 0).shouldBeInstanceOf<Setup.Ready>().table
        table.options["mode"] shouldBe JsonPrimitive("race")
        table.options["missMillis"] shouldBe JsonPrimitive(0)
        options["maxPlayers"] shouldBe JsonPrimitive(1000)
    }

    test("any bench seed becomes a board seed the server takes (0..2^53-1)") {
        for (seed in listOf(-1L, Long.MIN_VALUE, Long.MAX_VALUE, Limits.MAX_EXACT_NUMBER + 1)) {
            val options = BenchWire.raceOptions(maxPlayers = 2, rows = 2, cols = 2, seed = seed)
            (options["seed"] as JsonPrimitive).long shouldBeInRange 0L..Limits.MAX_EXACT_NUMBER
            MemoryGame.setup(JsonObject(options - "maxPlayers"), seed = 0).shouldBeInstanceOf<Setup.Ready>()
        }
        (BenchWire.raceOptions(2, 2, 2, seed = 7)["seed"] as JsonPrimitive).long shouldBe 7L
    }

    test("standings and progress are not noise: a race counts them") {
        BenchWire.isNoise("""{"type":"standings","leaderboard":[],"total":120,"seq":9}""") shouldBe false
        BenchWire.isNoise("""{"type":"progress","player":"p_1","pairs":3,"seq":9}""") shouldBe false
    }
})
