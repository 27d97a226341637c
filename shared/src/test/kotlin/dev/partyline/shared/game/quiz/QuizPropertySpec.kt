package dev.partyline.shared.game.quiz

import dev.partyline.shared.game.Audience
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.T0
import dev.partyline.shared.game.wire
import dev.partyline.shared.protocol.Crowd
import dev.partyline.shared.protocol.GameOver
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Standing
import dev.partyline.shared.protocol.WireCodec
import io.kotest.assertions.withClue
import io.kotest.common.ExperimentalKotest
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.booleans.shouldBeTrue
import io.kotest.matchers.collections.shouldBeUnique
import io.kotest.matchers.ints.shouldBeGreaterThanOrEqual
import io.kotest.matchers.ints.shouldBeInRange
import io.kotest.matchers.longs.shouldBeGreaterThanOrEqual
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldNotContain
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.arbitrary
import io.kotest.property.checkAll
import kotlin.random.Random
import kotlinx.serialization.json.JsonArray
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive

/** A random game: inline questions, players, and what happens, with time always moving forward. */
private data class Scenario(
    val questions: List<JsonObject>, val secrets: List<String>, val players: Int,
    val lateJoin: Boolean, val revealSeconds: Int, val actions: List<Act>,
)

private sealed interface Act {
    val dt: Long

    /**
     * An answer to the open question (or a neighbour when [offset] is not 0), derived from [seed],
     * by the participant [who] picks (or by a non-player, one time in ten).
     */
    data class Reply(override val dt: Long, val who: Int, val offset: Int, val lag: Long, val seed: Int) : Act
    data class Wait(override val dt: Long) : Act
    data class WakeUp(override val dt: Long) : Act
    data class Presence(override val dt: Long, val player: Int, val connected: Boolean) : Act
    /** A new participant, never seen before (see QuizControlSpec for a seat joining twice). */
    data class Join(override val dt: Long, val n: Int) : Act
    data class Host(override val dt: Long, val input: GameInput) : Act
}

@OptIn(ExperimentalKotest::class)
class QuizPropertySpec : FunSpec({
    val codec = WireCodec(listOf(QuizGame))
    val forbiddenKeys = setOf("answer", "accept", "correct", "explanation")

    fun player(i: Int) = PlayerId("p_$i")

    val scenarios = arbitrary { rs ->
        val r = rs.random
        val secrets = mutableListOf<String>()
        val questions = List(r.nextInt(1, 9)) { i ->
            val n = r.nextInt(2, 7)
            val choices = List(n) { c -> "choice $i.$c" }
            val seconds = if (r.nextBoolean()) null else r.nextInt(5, 31)
            val points = listOf(0, 1000, 1000, 2000).random(r)
            val question = when (r.nextInt(4)) {
                0 -> QuizFixtures.single(r.nextInt(n), choices, seconds, points, "Single $i?")
                1 -> QuizFixtures.multi(choices.indices.shuffled(r).take(r.nextInt(1, n + 1)), choices, seconds, points, "Multi $i?")
                2 -> QuizFixtures.trueFalse(r.nextInt(2), if (r.nextBoolean()) null else listOf("Yes", "No"), "True or false $i?")
                else -> {
                    val accept = listOf("Qx${i}zed Secret", "Qx${i}alt").also { secrets += it }
                    QuizFixtures.typed(accept, seconds, points, "Typed $i?")
                }
            }
            // An explanation is as secret as an answer until the reveal; an image is not.
            val explanation = "Qx${i}why Secret".takeIf { r.nextBoolean() }?.also { secrets += it }
            QuizFixtures.withMedia(question, QuizFixtures.IMAGE.takeIf { r.nextBoolean() }, explanation)
        }
        val players = r.nextInt(1, 7)
        val quick = listOf(0L, 0L, 40L, 100L, 250L, 600L, 2_000L)
        val slow = listOf(100L, 250L, 1_000L, 4_000L, 9_000L)
        val actions = List(r.nextInt(5, 120)) { n ->
            val dt = if (r.nextInt(5) == 0) slow.random(r) else quick.random(r)
            when (r.nextInt(100)) {
                in 0..54 -> Act.Reply(dt, r.nextInt(1_000), listOf(0, 0, 0, 0, 0, -1, 1).random(r), r.nextLong(0, 300), r.nextInt())
                in 55..69 -> Act.Wait(dt)
                in 70..79 -> Act.WakeUp(dt)
                in 80..87 -> Act.Presence(dt, r.nextInt(players), r.nextBoolean())
                in 88..91 -> Act.Join(dt, n)
                in 92..93 -> Act.Host(dt, GameInput.Skip)
                in 94..95 -> Act.Host(dt, GameInput.Pause)
                in 96..98 -> Act.Host(dt, GameInput.Resume)
                else -> Act.Host(dt, if (r.nextInt(4) == 0) GameInput.End else GameInput.Resume)
            }
        }
        Scenario(questions, secrets, players, r.nextInt(4) != 0, r.nextInt(0, 6), actions)
    }

    /** An answer of the right shape most of the time, correct about half the time. */
    fun answerFor(question: Question, index: Int, seed: Int): Answer {
        val r = Random(seed)
        val n = question.choices.size
        return when {
            r.nextInt(10) == 0 -> Answer(index, choice = 99, text = "wrong shape")
            question.kind == QuestionKind.TYPED ->
                Answer(index, text = if (r.nextBoolean()) "  " + question.accept.random(r).uppercase() + " " else "nope ${r.nextInt(9)}")
            question.kind == QuestionKind.MULTI ->
                Answer(index, choices = if (r.nextBoolean()) question.answer.shuffled(r) else (0 until n).shuffled(r).take(r.nextInt(1, n + 1)))
            else -> Answer(index, choice = if (r.nextBoolean()) question.answer.single() else r.nextInt(n))
        }
    }

    fun keysOf(e: JsonElement): List<String> = when (e) {
        is JsonObject -> e.keys.toList() + e.values.flatMap(::keysOf)
        is JsonArray -> e.flatMap(::keysOf)
        else -> emptyList()
    }

    fun checkLeaderboard(board: List<Standing>) {
        board.map { it.score } shouldBe board.map { it.score }.sortedDescending()
        board.forEach { s -> s.rank shouldBe 1 + board.count { it.score > s.score } }
        board.map { it.player }.shouldBeUnique()
    }

    test("random quizzes keep every invariant") {
        val seen = mutableMapOf<String, Int>() // how often each event and rejection came up, to show the games went places
        checkAll(PropTestConfig(seed = 20_251_123L, iterations = 300), scenarios) { sc ->
            val options = QuizFixtures.options(sc.questions, "lateJoin" to JsonPrimitive(sc.lateJoin), "revealSeconds" to JsonPrimitive(sc.revealSeconds))
            val seats = List(sc.players) { Seat(player(it), "player $it") }
            val first = QuizFixtures.table(options).start(seats, T0) as Step.Next
            var state = first.play as QuizState
            var now = T0
            val acked = mutableSetOf<Pair<PlayerId, Int>>()
            val revealed = mutableSetOf<Int>()
            val lastProgressAt = mutableMapOf<Int, Long>()
            var gameOvers = 0

            fun observe(before: QuizState?, input: GameInput?, step: Step.Next) {
                val after = step.play as QuizState
                if (before != null) before.scores.forEach { (p, s) -> after.scores[p]?.let { it shouldBeGreaterThanOrEqual s } }
                after.connected shouldBe after.players.values.count { it.connected } // the kept count never drifts
                if (after.phase == QuizPhase.OPEN && after.pausedAt == null && after.connected > 0) {
                    (after.players.values.any { it.connected && it.id !in after.answers }) shouldBe true // all answered would have closed it
                }
                for (emit in step.emits) {
                    val text = codec.encode(emit.message)
                    seen.merge(emit.message::class.simpleName!!, 1, Int::plus)
                    when (val m = emit.message) {
                        is Reveal -> {
                            seen.merge("streak bonus", m.results.count { it.points > 0 && it.streak > 1 }, Int::plus)
                            revealed.add(m.index).shouldBeTrue()
                            m.results.map { it.player }.toSet() shouldBe after.players.keys
                            m.results.map { it.player }.shouldBeUnique()
                            val question = after.settings.questions[m.index]
                            m.explanation shouldBe question.explanation
                            for (res in m.results) withClue(res) {
                                val prev = before?.players?.get(res.player)
                                res.answered shouldBe ((res.player to m.index) in acked)
                                if (res.correct) res.answered.shouldBeTrue()
                                if (res.points > 0) res.correct.shouldBeTrue()
                                if (!res.correct) res.streak shouldBe 0 else res.streak shouldBe (prev?.streak ?: 0) + 1
                                if (res.correct && question.points > 0) {
                                    (res.points - 100 * minOf(res.streak - 1, 5)) shouldBeInRange (question.points / 2)..question.points
                                } else res.points shouldBe 0
                                res.score shouldBe (prev?.score ?: 0) + res.points
                                after.players.getValue(res.player).score shouldBe res.score
                            }
                            checkLeaderboard(m.leaderboard)
                        }
                        is GameOver -> { gameOvers++; checkLeaderboard(m.leaderboard) }
                        else -> withClue(text) {
                            keysOf(codec.json.parseToJsonElement(text)).filter { it in forbiddenKeys } shouldBe emptyList()
                            sc.secrets.forEach { text shouldNotContain it }
                            when (m) {
                                is AnswerAck -> {
                                    emit.to shouldBe Audience.Requester
                                    acked.add((input as GameInput.Move).player to m.index).shouldBeTrue()
                                }
                                is AnswerProgress -> {
                                    lastProgressAt[m.index]?.let { (now - it) shouldBeGreaterThanOrEqual Crowd.SUMMARY_INTERVAL_MS }
                                    lastProgressAt[m.index] = now
                                    m.answered shouldBe after.answers.size
                                }
                                is QuestionView -> {
                                    (m.index in revealed) shouldBe false
                                    m.image shouldBe after.question.imageUrl
                                }
                                else -> Unit
                            }
                        }
                    }
                }
                if (after.phase == QuizPhase.OPEN) after.players.keys.forEach { viewer ->
                    val wire = after.view(viewer).wire()
                    val view = wire.toString()
                    keysOf(wire).filter { it in forbiddenKeys } shouldBe emptyList()
                    sc.secrets.forEach { view shouldNotContain it }
                }
                state = after
            }

            fun apply(input: GameInput) {
                val before = state
                when (val step = before.decide(input, now)) {
                    is Step.Next -> observe(before, input, step)
                    is Step.Rejected -> { seen.merge(step.rejection.code.wire, 1, Int::plus); state shouldBe before }
                }
            }

            observe(null, null, first)
            for (act in sc.actions) {
                if (state.isOver) break
                now += act.dt
                when (act) {
                    is Act.Reply -> {
                        val target = state.index + act.offset
                        val move = answerFor(state.settings.questions[target.coerceIn(0, sc.questions.lastIndex)], target, act.seed)
                        val ids = state.players.keys.toList()
                        val by = if (act.who % 10 == 9) PlayerId("p_watcher") else ids[act.who % ids.size]
                        apply(GameInput.Move(by, move, now - act.lag))
                    }
                    is Act.Wait -> apply(GameInput.Tick)
                    is Act.WakeUp -> state.wakeAt?.let { now = maxOf(now, it); apply(GameInput.Tick) }
                    is Act.Presence -> apply(GameInput.Presence(player(act.player), act.connected))
                    is Act.Join -> apply(GameInput.Joined(Seat(PlayerId("p_late_${act.n}"), "late ${act.n}")))
                    is Act.Host -> apply(act.input)
                }
            }
            var guard = 0
            while (!state.isOver) {
                (guard++ < 1_000).shouldBeTrue()
                if (state.pausedAt != null) apply(GameInput.Resume)
                now = maxOf(now, state.wakeAt ?: now)
                apply(GameInput.Tick)
            }
            gameOvers shouldBe 1
        }
        withClue(seen) {
            listOf("QuestionView", "AnswerAck", "AnswerProgress", "Reveal").forEach { seen.getValue(it) shouldBeGreaterThanOrEqual 500 }
            listOf("GameOver", "Paused", "Resumed", "streak bonus", "too_late", "already_answered", "bad_request", "not_a_player", "wrong_state")
                .forEach { seen.getValue(it) shouldBeGreaterThanOrEqual 10 }
        }
    }
})
