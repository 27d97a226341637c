package dev.partyline.tools.bench

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/**
 * What the quiz scenarios share: seat [count] clients in quiz rooms of [roomSize], start every
 * game at once, play them to the end with [QuizMember]s, and report the figures and failures
 * every quiz run has. A scenario adds its own reveal latency.
 */
class QuizCrowd(private val run: BenchRun, private val count: Int, private val roomSize: Int) {
    private val s = run.settings
    val tally = QuizTally()
    val traces = List(count) { QuizTrace(s.questions) }

    /** Plays every game; members for whom [answers] holds answer after [think]. Waits at most the game time plus [slackSeconds]. */
    suspend fun play(scope: CoroutineScope, answers: (seat: Int) -> Boolean, think: (Random) -> Long, slackSeconds: Int): Played {
        val start = run.metrics.read()
        val crowd = Crowd(run, count, roomSize, "quiz", BenchWire.quizOptions(roomSize, s.questions, s.seconds, s.revealSeconds))
        val go = CompletableDeferred<Unit>()
        val jobs = crowd.launch(scope) { member ->
            QuizMember(member, traces[member.client.index], answers(member.seat), tally, Random(s.seed + member.client.index), think).play(go)
        }
        val seating = crowd.awaitSeated(jobs)
        val playing = run.metrics.read()
        go.complete(Unit)
        val budget = (s.questions * (s.seconds + s.revealSeconds + slackSeconds) + 3 * slackSeconds).seconds
        val end = crowd.end(jobs, seating, budget, "the games")
        return Played(start, playing, end)
    }

    /** Members who saw at least one question. */
    val seen: List<QuizTrace> get() = traces.filter { trace -> trace.deadline.any { it != 0L } }

    /** The figures and checks every quiz run reports; [reveal] is the scenario's own reveal latency. */
    fun report(played: Played, revealName: String, reveal: LatencyHistogram, revealTarget: String? = null) {
        val expected = count.toLong() * s.questions
        val finished = traces.count { it.finished }
        run.figure("answers sent", tally.answers.sum(), "count")
        run.figure("answers acked", tally.acks.sum(), "count", "= answers sent")
        run.figure("answers refused as late", tally.tooLate.sum(), "count", "0")
        run.latency("answer-ack latency", tally.ackLatency)
        run.figure("reveals received", tally.reveals.sum(), "count", "$expected")
        run.latency(revealName, reveal, revealTarget)
        run.figure("members who saw game_over", finished.toLong(), "count", "$count")
        run.figure("server CPU while playing", run.cpuPercent(played.playing, played.end), "% of a core")
        run.serverFigures(played.start, played.end)
        if (tally.tooLate.sum() > 0) run.failures.add("${tally.tooLate.sum()} answers refused as late")
        if (tally.acks.sum() + tally.tooLate.sum() != tally.answers.sum()) {
            run.failures.add("${tally.answers.sum() - tally.acks.sum() - tally.tooLate.sum()} answers neither acked nor refused")
        }
        if (tally.reveals.sum() != expected) run.failures.add("${expected - tally.reveals.sum()} reveals missing")
        if (finished != count) run.failures.add("${count - finished} members did not see game_over")
    }

    /** Server readings before seating, when play started, and at the end. */
    class Played(val start: ServerSample?, val playing: ServerSample?, val end: ServerSample?)
}
