package dev.partyline.shared.game.replay

import dev.partyline.shared.game.Emit
import dev.partyline.shared.game.GameInput
import dev.partyline.shared.game.GamePlay
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.Seat
import dev.partyline.shared.game.Setup
import dev.partyline.shared.game.Step
import dev.partyline.shared.game.memory.FlipCard
import dev.partyline.shared.game.quiz.Answer
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.WireCodec
import io.kotest.assertions.throwables.shouldThrow
import io.kotest.core.spec.style.FunSpec
import io.kotest.matchers.nulls.shouldNotBeNull
import io.kotest.matchers.shouldBe
import io.kotest.matchers.string.shouldContain
import io.kotest.property.Arb
import io.kotest.property.PropTestConfig
import io.kotest.property.arbitrary.long
import io.kotest.property.checkAll
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put
import kotlin.random.Random

/**
 * Plays a random game through the rules as a room would, keeping each accepted input as a replay
 * line, then writes the file, reads it back and replays it: the replay must emit exactly what the
 * game did, `game_over` included.
 */
private class Recorder(val game: String, val options: JsonObject, val seed: Long) {
    val codec = WireCodec(Games.all)
    val lines = ArrayList<ReplayLine>()
    val emits = ArrayList<Emit>()
    var play: GamePlay? = null

    fun start(seats: List<Seat>, now: Long) {
        val table = (Games.all.single { it.id == game }.setup(options, seed) as Setup.Ready).table
        val step = table.start(seats, now) as Step.Next
        lines += ReplayLine.start(seats, now)
        accept(step)
    }

    fun offer(input: GameInput, now: Long) {
        val step = play!!.decide(input, now)
        if (step is Step.Next) {
            lines += ReplayLine.of(input, now, codec)
            accept(step)
        }
    }

    private fun accept(step: Step.Next) {
        play = step.play
        emits += step.emits
    }

    fun file() = ReplayFile(ReplayHeader(game, options, seed, room = "ABCDEF"), lines)
}

private fun players(n: Int) = List(n) { Seat(PlayerId("p_$it"), "Player $it") }

/** A random quiz from a pack, with random answers, host controls, drops and late joiners, run to its end. */
private fun quiz(seed: Long): Recorder {
    val r = Random(seed)
    val options = buildJsonObject { put("pack", listOf("networks", "world", "science").random(r)); put("count", r.nextInt(1, 6)); put("revealSeconds", r.nextInt(0, 3)) }
    val recorder = Recorder("quiz", options, seed)
    val seats = players(r.nextInt(1, 6))
    var now = 1_000_000L
    recorder.start(seats, now)
    var joined = seats.size
    while (recorder.play?.isOver == false) {
        now += r.nextLong(1, 3_000)
        val who = PlayerId("p_${r.nextInt(joined + 1)}")
        val input = when (r.nextInt(20)) {
            0 -> GameInput.Joined(Seat(PlayerId("p_${joined++}"), "Late $joined"))
            1 -> GameInput.Presence(who, r.nextBoolean())
            2 -> listOf(GameInput.Pause, GameInput.Resume, GameInput.Skip).random(r)
            3 -> GameInput.Gone(who)
            in 4..10 -> GameInput.Move(who, Answer(r.nextInt(6), choice = r.nextInt(4)), now - r.nextLong(0, 50))
            else -> GameInput.Tick
        }
        recorder.offer(input, now)
        if (r.nextInt(60) == 0) recorder.offer(GameInput.End, now)
    }
    return recorder
}

/** A random memory game, in turns or a race, with random flips and ticks, run to its end. */
private fun memory(seed: Long): Recorder {
    val r = Random(seed)
    val options = buildJsonObject { put("rows", 2); put("cols", listOf(2, 4, 6).random(r)); put("mode", JsonPrimitive(if (r.nextBoolean()) "race" else "turns")) }
    val recorder = Recorder("memory", options, seed)
    val seats = players(r.nextInt(1, 4))
    var now = 5_000_000L
    recorder.start(seats, now)
    while (recorder.play?.isOver == false) {
        now += r.nextLong(1, 2_000)
        val who = seats.random(r).player
        val input = when (r.nextInt(12)) {
            0 -> GameInput.Presence(who, r.nextInt(4) != 0)
            1 -> GameInput.Tick
            else -> GameInput.Move(who, FlipCard(r.nextInt(12)), now)
        }
        recorder.offer(input, now)
        if (r.nextInt(400) == 0) recorder.offer(GameInput.End, now)
    }
    return recorder
}

class ReplaySpec : FunSpec({
    val replayer = Replayer(Games.all)

    fun replaysExactly(recorder: Recorder) {
        val replayed = replayer.run(ReplayFile.parse(recorder.file().text()))
        replayed.emits shouldBe recorder.emits
        replayed.play shouldBe recorder.play
        val final = replayed.play.shouldNotBeNull()
        for (seat in final.scores.keys) replayed.gameOver(seat).shouldNotBeNull().leaderboard shouldBe final.standings
    }

    test("random quizzes replay to the same events and the same game_over") {
        checkAll(150, PropTestConfig(seed = 16), Arb.long()) { seed -> replaysExactly(quiz(seed)) }
    }

    test("random memory games, in turns and races, replay to the same events and the same game_over") {
        checkAll(150, PropTestConfig(seed = 16), Arb.long()) { seed -> replaysExactly(memory(seed)) }
    }

    test("a file whose inputs the rules refuse names the line that parts ways") {
        val recorder = quiz(7)
        val moved = recorder.file().let { it.copy(lines = it.lines.take(1) + ReplayLine.Start(it.lines[0].at, emptyList())) }
        shouldThrow<ReplayProblem> { replayer.run(moved) }.message shouldContain "line 3"
    }

    test("a line that is not a replay line is refused with its number") {
        val text = quiz(8).file().text().lines().take(2).joinToString("\n") + "\n{\"input\":\"dance\",\"at\":1}\n"
        shouldThrow<ReplayProblem> { ReplayFile.parse(text) }.message shouldContain "line 3"
    }

    test("a blank line inside a file is refused with its number, so every later line keeps its own") {
        val lines = quiz(10).file().text().lines()
        val text = (lines.take(2) + "" + lines.drop(2)).joinToString("\n")
        shouldThrow<ReplayProblem> { ReplayFile.parse(text) }.message shouldContain "line 3"
    }

    test("a file of another format version is refused, not misread") {
        val text = quiz(9).file().text().replaceFirst("\"replay\":1", "\"replay\":2")
        shouldThrow<ReplayProblem> { ReplayFile.parse(text) }.message shouldContain "format 2"
    }
})
