package dev.partyline.server.bot

import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.collections.shouldBeEmpty
import io.kotest.matchers.collections.shouldContainExactly
import io.kotest.matchers.shouldBe
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.test.TestScope
import kotlinx.coroutines.test.advanceTimeBy
import kotlinx.coroutines.test.runCurrent
import kotlinx.coroutines.test.runTest
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.jsonObject
import kotlin.random.Random

/**
 * [BotMind] fed server messages as text, on virtual time: all a bot knows is what it is sent,
 * whether it plays over a socket or inside the server.
 */
@OptIn(ExperimentalCoroutinesApi::class)
class BotMindSpec : FunSpec({
    /** A mind reading [inbox], its sent messages recorded; [result] is why it stopped. */
    class Run(scope: TestScope, skill: Double, thinkMillis: Long) {
        val inbox = Channel<String>(Channel.UNLIMITED)
        val sent = mutableListOf<JsonObject>()
        var result: String? = null
        private val mind = BotMind("bot", skill, thinkMillis, Random(3), object : BotListener {}) { scope.testScheduler.currentTime }

        init {
            scope.backgroundScope.launch { result = mind.run(inbox) { sent += Json.parseToJsonElement(it).jsonObject } }
            scope.runCurrent()
        }

        fun hear(text: String) {
            inbox.trySend(text)
        }
    }

    val quizRoom = """{"type":"room","code":"QX7K2M","game":"quiz","state":"playing","you":{"player":"p_me","role":"player"},"question":null,"answered":false,"seq":3}"""

    test("a quiz bot answers an open question once, after its think time, with one of the choices it was sent") {
        runTest {
            val run = Run(this, skill = 1.0, thinkMillis = 400)
            run.hear(quizRoom)
            run.hear("""{"type":"question","index":0,"count":2,"kind":"single","text":"Pick","choices":["a","b","c"],"deadline":20000,"seconds":20,"seq":4}""")
            runCurrent()
            run.sent.shouldBeEmpty()
            advanceTimeBy(501) // skill 1 thinks 400 ms ±25 %
            runCurrent()
            val answer = run.sent.single()
            answer.str("type") shouldBe "answer"
            answer.str("index") shouldBe "0"
            (answer.str("choice").toInt() in 0..2) shouldBe true
            run.hear("""{"type":"answer_ack","index":0,"re":"q0"}""")
            advanceTimeBy(5_000)
            runCurrent()
            run.sent.size shouldBe 1
        }
    }

    test("a memory bot takes its id from the room snapshot and flips only on its own turn") {
        runTest {
            val run = Run(this, skill = 1.0, thinkMillis = 0)
            val board = """"rows":2,"cols":2,"mode":"turns","pairs":2"""
            run.hear("""{"type":"room","code":"QX7K2M","game":"memory","state":"lobby","you":{"player":"p_me","role":"player"},"board":null,"seq":1}""")
            run.hear("""{"type":"board",$board,"turn":"p_other","deadline":15000,"seq":2}""")
            run.hear("""{"type":"flipped","card":0,"face":"owl","by":"p_other","seq":3}""")
            run.hear("""{"type":"flipped","card":1,"face":"fox","by":"p_other","seq":4}""")
            advanceTimeBy(1_000)
            runCurrent()
            run.sent.shouldBeEmpty() // not its turn
            run.hear("""{"type":"miss","cards":[0,1],"by":"p_other","seq":5}""")
            run.hear("""{"type":"hide","cards":[0,1],"by":"p_other","seq":6}""")
            run.hear("""{"type":"turn","player":"p_me","deadline":30000,"seq":7}""")
            runCurrent()
            val first = run.sent.single()
            first.str("type") shouldBe "flip"
            val card = first.str("card").toInt()
            (card in 2..3) shouldBe true // neither seen card: no pair of them is known
            // Whatever it turns up, skill 1 takes the mate it remembers, or the one unseen card left.
            val face = if (card == 2) "owl" else "fox"
            run.hear("""{"type":"flipped","card":$card,"face":"$face","by":"p_me","seq":8}""")
            runCurrent()
            run.sent.map { it.str("card").toInt() } shouldContainExactly listOf(card, if (face == "owl") 0 else 1)
        }
    }

    test("a bot leaves ping to its connection and stops at goodbye, giving its reason") {
        runTest {
            val run = Run(this, skill = 0.5, thinkMillis = 0)
            run.hear("""{"type":"ping","t":42}""")
            run.hear("""{"type":"goodbye","reason":"kicked"}""")
            runCurrent()
            run.sent.shouldBeEmpty()
            run.result shouldBe "kicked"
        }
    }
})

private fun JsonObject.str(key: String): String = getValue(key).toString().trim('"')
