package dev.partyline.server.room

import dev.partyline.server.room.RoomHarness.Companion.shouldBeError
import dev.partyline.shared.protocol.CoreClientMessages as C
import dev.partyline.shared.protocol.Role
import io.kotest.assertions.withClue
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.JsonPrimitive

/** What every room event and refusal looks like: host-only controls, bad messages, `seq`. */
class RoomEventsSpec : FunSpec({
    test("only the host may start the game; a player's start is not_host with its re and changes nothing") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            h.settle()
            for ((i, control) in listOf(C.Start, C.Pause, C.Resume, C.Skip, C.End, C.Kick(HOST.value)).withIndex()) {
                h.send(ADA, control, JsonPrimitive("c$i"))
                h.of(ADA).fresh().single().shouldBeError("not_host", JsonPrimitive("c$i"))
            }
            h.of(HOST).fresh().shouldBeEmpty()
            h.room.summary.value.state shouldBe "lobby"

            h.send(HOST, C.Start, JsonPrimitive(1))
            h.of(ADA).fresh().one("question").num("index") shouldBe 0
            h.room.summary.value.state shouldBe "playing"
        }
    }

    test("bad in-room messages are refused with their re and change nothing") {
        runTest {
            val h = RoomHarness(this).open()
            h.join(ADA)
            val lastSeq = h.of(ADA).fresh().one("room").num("seq")
            h.settle()

            h.answer(ADA, 0, choice = 2, re = JsonPrimitive("x"))
            h.of(ADA).fresh().single().shouldBeError("wrong_state", JsonPrimitive("x"))
            for ((control, code) in listOf(C.Pause to "wrong_state", C.Skip to "wrong_state", C.End to "wrong_state",
                C.Kick("p_nobody") to "bad_request", C.Kick(HOST.value) to "bad_request", C.Chat("   ") to "bad_request")) {
                h.send(HOST, control, JsonPrimitive("h"))
                h.of(HOST).fresh().single().shouldBeError(code, JsonPrimitive("h"))
            }
            h.of(ADA).fresh().shouldBeEmpty()
            h.room.summary.value.state shouldBe "lobby"

            h.send(ADA, C.Chat("still here"))
            h.of(HOST).fresh().one("chat").num("seq") shouldBe lastSeq + 1
            h.send(HOST, C.Start)
            h.of(ADA).fresh().one("question").num("index") shouldBe 0
        }
    }

    test("every room event carries a seq one above the previous, the same for every member") {
        runTest {
            val h = RoomHarness(this, Quiz.options(count = 2, revealSeconds = 1)).open()
            h.join(ADA)
            h.join(BOB)
            h.join(CY, role = Role.SPECTATOR)
            h.send(ADA, C.Chat("hi"))
            h.send(HOST, C.Start)
            h.advance(1_000)
            h.answer(ADA, 0, choice = 2, re = JsonPrimitive("a"))
            h.send(HOST, C.Pause)
            h.advance(2_000)
            h.send(HOST, C.Resume)
            h.answer(BOB, 0, choice = 1, re = JsonPrimitive("b"))
            h.advance(1_000)
            h.send(HOST, C.Skip)
            h.advance(60_000)

            val bySeq = HashMap<Long, String>()
            for (member in listOf(HOST, ADA, BOB, CY)) {
                val got = h.of(member).all
                val snapshot = got.first()
                snapshot.type shouldBe "room"
                var expected = snapshot.num("seq")
                for (message in got.drop(1)) {
                    if (message["re"] != null) continue // a direct reply (answer_ack), not a room event
                    withClue("$member got $message") { message.num("seq") shouldBe ++expected }
                    bySeq.getOrPut(expected) { message.toString() } shouldBe message.toString()
                }
            }
            h.of(HOST).all.last().type shouldBe "game_over"
            // seq 1 was the host's own arrival, which nobody else was there to get
            bySeq.keys.sorted() shouldContainExactly (2L..bySeq.keys.max()).toList()
        }
    }
})
