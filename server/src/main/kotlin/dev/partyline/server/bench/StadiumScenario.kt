package dev.partyline.server.bench

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.withTimeoutOrNull
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/**
 * `stadium`: one quiz room of N players (the host plays too) where everyone answers each
 * question at a random moment within 1 s of receiving it. With all answered the server reveals
 * at once, so reveal latency runs from the last answer sent (by anyone) to each player's receipt.
 */
class StadiumScenario(private val run: BenchRun) {
    suspend fun execute() = coroutineScope {
        val s = run.settings
        val start = run.metrics.read()
        val crowd = Crowd(run, s.players, s.players, BenchWire.quizOptions(s.players, s.questions, s.seconds, s.revealSeconds))
        val go = CompletableDeferred<Unit>()
        val tally = QuizTally()
        val traces = List(s.players) { QuizTrace(s.questions) }
        val jobs = crowd.launch(this) { member ->
            QuizMember(member, traces[member.client.index], answers = true, tally, Random(s.seed + member.client.index)) { random ->
                random.nextLong(ANSWER_WINDOW_NANOS)
            }.play(go)
        }
        val seating = crowd.awaitSeated(jobs)
        val playing = run.metrics.read()
        go.complete(Unit)
        val budget = (s.questions * (s.seconds + s.revealSeconds + 60) + 60).seconds
        withTimeoutOrNull(budget) { jobs.forEach { it.result.join() } } ?: run.failures.add("the game did not finish within $budget")
        val end = run.metrics.read()
        val held = crowd.held()
        crowd.finish(jobs)
        val seen = traces.filter { trace -> trace.deadline.any { it != 0L } }

        val reveal = LatencyHistogram()
        for (q in 0 until s.questions) {
            val lastAnswer = seen.maxOfOrNull { it.sent[q] } ?: 0L
            if (lastAnswer == 0L) continue
            seen.forEach { if (it.revealed[q] != 0L) reveal.recordNanos(it.revealed[q] - lastAnswer) }
        }
        val expectedReveals = s.players.toLong() * s.questions
        val finished = traces.count { it.finished }
        run.seatingFigures(seating, crowd)
        run.figure("connections held at the end", held.toLong(), "count", "${s.players}")
        run.figure("answers sent", tally.answers.sum(), "count", "${expectedReveals}")
        run.figure("answers acked", tally.acks.sum(), "count", "= answers sent")
        run.figure("answers refused as late", tally.tooLate.sum(), "count", "0")
        run.latency("answer-ack latency", tally.ackLatency)
        run.figure("reveals received", tally.reveals.sum(), "count", "$expectedReveals")
        run.latency("reveal after the last answer", reveal, "≤ 250 ms")
        run.figure("members who saw game_over", finished.toLong(), "count", "${s.players}")
        run.figure("server CPU while playing", run.cpuPercent(playing, end), "% of a core")
        run.serverFigures(start, end)
        if (tally.tooLate.sum() > 0) run.failures.add("${tally.tooLate.sum()} answers refused as late")
        if (tally.acks.sum() + tally.tooLate.sum() != tally.answers.sum()) {
            run.failures.add("${tally.answers.sum() - tally.acks.sum() - tally.tooLate.sum()} answers neither acked nor refused")
        }
        if (tally.answers.sum() != expectedReveals) run.failures.add("${expectedReveals - tally.answers.sum()} answers not sent")
        if (tally.reveals.sum() != expectedReveals) run.failures.add("${expectedReveals - tally.reveals.sum()} reveals missing")
        run.notes += "reveal latency = each player's receipt − the last answer sent by anyone to that question (one clock, this process)"
    }

    private companion object {
        const val ANSWER_WINDOW_NANOS = 1_000_000_000L
    }
}
