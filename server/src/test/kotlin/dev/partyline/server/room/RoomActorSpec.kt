package dev.partyline.server.room

import dev.partyline.server.room.RoomHarness.Companion.playerEntry
import dev.partyline.server.room.RoomHarness.Companion.shouldBeError
import dev.partyline.server.room.RoomHarness.Companion.shouldNotLeakAnswers
import dev.partyline.shared.protocol.CoreClientMessages as C
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.boolean
import kotlinx.serialization.json.jsonArray
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.jsonPrimitive
import kotlinx.serialization.json.long

/** A quiz room's game flow, driven through [RoomActor] on virtual time. */
class RoomActorSpec : FunSpec({
    test("starting opens the first question for every member, with its deadline and without its answer") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.advance(1_500)
            h.send(HOST, C.Start)
            for (member in listOf(HOST, ADA)) {
                val question = h.of(member).all.one("question")
                question.num("index") shouldBe 0
                question.num("count") shouldBe 3
                question.str("kind") shouldBe "single"
                question.getValue("choices").jsonArray.size shouldBe 4
                question.num("seconds") shouldBe 20
                question.num("deadline") shouldBe 1_500 + 20_000
                question.shouldNotLeakAnswers()
            }
        }
    }

    test("the open question closes exactly at its deadline in virtual time") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA))
            val deadline = h.of(ADA).fresh().one("question").num("deadline")
            h.advance(20_000 - 1)
            h.of(ADA).fresh().ofType("reveal").shouldBeEmpty()
            h.advance(1)
            h.now shouldBe deadline
            val reveal = h.of(ADA).fresh().one("reveal")
            reveal.num("index") shouldBe 0
            reveal.getValue("correct").jsonArray.map { it.jsonPrimitive.long } shouldContainExactly listOf(2L)
            reveal.getValue("results").jsonArray.single().jsonObject.let {
                it.str("player") shouldBe ADA.value
                it.getValue("correct").jsonPrimitive.boolean shouldBe false
                it.num("points") shouldBe 0
            }
            h.of(HOST).fresh().one("reveal").num("seq") shouldBe reveal.num("seq")
        }
    }

    test("with revealSeconds the next question opens exactly that long after the reveal") {
        runTest {
            val h = RoomHarness(this, Quiz.options(revealSeconds = 3)).started(listOf(ADA))
            h.advance(20_000)
            h.of(ADA).fresh().one("reveal")
            h.advance(3_000 - 1)
            h.of(ADA).fresh().shouldBeEmpty()
            h.advance(1)
            val next = h.of(ADA).fresh().one("question")
            next.num("index") shouldBe 1
            next.num("deadline") shouldBe 23_000 + 20_000
        }
    }

    test("the question closes as soon as every connected player has answered, and its old deadline does nothing") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA, BOB))
            h.settle()
            h.advance(4_000)
            h.answer(ADA, 0, choice = 2, re = JsonPrimitive("a1"))
            h.of(ADA).fresh().let { got ->
                got.one("answer_ack")["re"] shouldBe JsonPrimitive("a1")
                got.ofType("reveal").shouldBeEmpty()
            }
            h.of(HOST).fresh().one("answers").let { it.num("answered") shouldBe 1; it.num("of") shouldBe 2 }

            h.answer(BOB, 0, choice = 1)
            h.now shouldBe 4_000
            val reveal = h.of(HOST).fresh().one("reveal")
            val results = reveal.getValue("results").jsonArray.map { it.jsonObject }.associateBy { it.str("player") }
            results.getValue(ADA.value).num("points") shouldBe 900 // round(1000 * (1 - (4 / 20) / 2))
            results.getValue(BOB.value).num("points") shouldBe 0

            h.advance(5_000) // revealSeconds: the next question opens at 9 s, due at 29 s
            h.of(HOST).fresh().one("question").num("deadline") shouldBe 29_000
            h.advance(20_000 - 1)
            h.of(HOST).fresh().ofType("reveal").shouldBeEmpty()
            h.advance(1)
            h.of(HOST).fresh().one("reveal").num("index") shouldBe 1
        }
    }

    test("a disconnected player does not hold the question open") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA, BOB))
            h.detach(BOB)
            h.settle()
            h.answer(ADA, 0, choice = 2)
            h.of(ADA).fresh().one("reveal").num("index") shouldBe 0
        }
    }

    test("pause keeps the time left and resume restarts the clock with it") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA))
            h.settle()
            h.advance(5_000)
            h.send(HOST, C.Pause)
            h.of(ADA).fresh().one("paused").num("remaining") shouldBe 15_000
            h.of(HOST).fresh().one("paused")

            h.advance(100_000)
            h.of(ADA).fresh().shouldBeEmpty()
            h.answer(ADA, 0, choice = 2, re = JsonPrimitive("p"))
            h.of(ADA).fresh().single().shouldBeError("wrong_state", JsonPrimitive("p"))

            h.send(HOST, C.Resume)
            h.of(ADA).fresh().one("resumed").num("deadline") shouldBe 105_000 + 15_000
            h.advance(15_000 - 1)
            h.of(ADA).fresh().shouldBeEmpty()
            h.advance(1)
            h.of(ADA).fresh().one("reveal").num("index") shouldBe 0
        }
    }

    test("a question whose only unanswered player drops while paused closes on resume") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA, BOB))
            h.advance(1_000)
            h.answer(ADA, 0, choice = 2)
            h.send(HOST, C.Pause)
            h.detach(BOB)
            h.settle()
            h.send(HOST, C.Resume)
            h.of(ADA).fresh().types() shouldContainExactly listOf("resumed", "reveal")
        }
    }

    test("skip closes the open question at once") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA))
            h.settle()
            h.advance(3_000)
            h.send(HOST, C.Skip)
            h.of(ADA).fresh().one("reveal").num("index") shouldBe 0
            h.advance(5_000)
            h.of(ADA).fresh().one("question").num("index") shouldBe 1
        }
    }

    test("end finishes the game with game_over reason ended, and nothing runs after it") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA))
            h.settle()
            h.send(HOST, C.End, JsonPrimitive("e"))
            h.of(ADA).fresh().one("game_over").str("reason") shouldBe "ended"
            h.of(HOST).fresh().one("game_over")
            h.room.summary.value.state shouldBe "finished"

            h.advance(600_000)
            h.of(ADA).fresh().shouldBeEmpty()
            h.answer(ADA, 0, choice = 2, re = JsonPrimitive(9))
            h.of(ADA).fresh().single().shouldBeError("wrong_state", JsonPrimitive(9))
            h.send(HOST, C.Start, JsonPrimitive("again"))
            h.of(HOST).fresh().single().shouldBeError("wrong_state", JsonPrimitive("again"))
        }
    }

    test("the last reveal is followed by game_over reason finished") {
        runTest {
            val h = RoomHarness(this, Quiz.options(count = 1)).started(listOf(ADA))
            h.settle()
            h.advance(20_000)
            val got = h.of(ADA).fresh()
            got.types() shouldContainExactly listOf("reveal", "game_over")
            got.one("reveal").getValue("last").jsonPrimitive.boolean shouldBe true
            got.one("game_over").str("reason") shouldBe "finished"
            h.room.summary.value.state shouldBe "finished"
        }
    }

    test("a late joiner starts at 0 and gets the open question in its snapshot, never its answer") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA))
            h.advance(2_000)
            h.answer(ADA, 0, choice = 2) // the only player: closes at once, 950 points
            h.advance(5_000 + 1_000) // question 1 opened at 7 s
            h.settle()

            h.join(BOB, re = JsonPrimitive("late")) shouldBe true
            val snapshot = h.of(BOB).fresh().one("room")
            snapshot["re"] shouldBe JsonPrimitive("late")
            snapshot.str("state") shouldBe "playing"
            snapshot.obj("question").num("index") shouldBe 1
            snapshot.obj("question").num("deadline") shouldBe 27_000
            snapshot.getValue("answered").jsonPrimitive.boolean shouldBe false
            snapshot.playerEntry(BOB).num("score") shouldBe 0
            snapshot.playerEntry(ADA).num("score") shouldBe 950
            h.of(ADA).fresh().one("player_joined").let { it.str("player") shouldBe BOB.value; it.num("score") shouldBe 0 }

            h.answer(BOB, 1, choice = 2, re = JsonPrimitive("b"))
            h.of(BOB).fresh().one("answer_ack")["re"] shouldBe JsonPrimitive("b")
            h.answer(ADA, 1, choice = 0)
            val reveal = h.of(BOB).fresh().one("reveal")
            reveal.num("index") shouldBe 1
            listOf(HOST, ADA, BOB).flatMap { h.of(it).all }.forEach { it.shouldNotLeakAnswers() }
        }
    }

    test("with lateJoin false a player joining mid-game is refused with wrong_state") {
        runTest {
            val h = RoomHarness(this, Quiz.options(lateJoin = false)).started(listOf(ADA))
            h.settle()
            h.join(BOB, re = JsonPrimitive("j")) shouldBe false
            h.of(BOB).fresh().single().shouldBeError("wrong_state", JsonPrimitive("j"))
            h.of(ADA).fresh().shouldBeEmpty()
        }
    }

    test("a promoted host who leaves mid-game no longer holds the question open") {
        runTest {
            val h = RoomHarness(this).started(listOf(ADA, BOB))
            h.leave(HOST) shouldBe true
            h.of(ADA).all.one("host_changed").str("host") shouldBe ADA.value
            h.leave(ADA) shouldBe true
            h.settle()
            h.answer(BOB, 0, choice = 2)
            val reveal = h.of(BOB).fresh().one("reveal")
            reveal.getValue("results").jsonArray.map { it.jsonObject.str("player") } shouldContainExactly listOf(BOB.value)
        }
    }
})
