package dev.partyline.tools.bench

import dev.partyline.shared.game.quiz.QuizGame
import dev.partyline.shared.game.Setup
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.ints.shouldBeLessThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.types.shouldBeInstanceOf
import dev.partyline.shared.protocol.Limits
import kotlinx.serialization.json.JsonObject

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
})
