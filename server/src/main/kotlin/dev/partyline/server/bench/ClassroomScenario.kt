package dev.partyline.server.bench

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.withTimeoutOrNull
import kotlin.random.Random
import kotlin.time.Duration.Companion.seconds

/**
 * `classroom`: many quiz rooms of 10 playing at once. The host plays but never answers, so every
 * question stays open until its deadline; the 9 others answer after a think time of 10–80 % of
 * the question's time (0.5–4 s for 5-second questions). Measures answer-ack latency (send →
 * `answer_ack`) and reveal latency (arrival − the deadline the `question` event announced, on
 * the same machine's clock): how late questions close and their reveals arrive.
 */
class ClassroomScenario(private val run: BenchRun) {
    suspend fun execute() = coroutineScope {
        val s = run.settings
        val count = s.rooms * s.roomSize
        val start = run.metrics.read()
        val crowd = Crowd(run, count, s.roomSize, BenchWire.quizOptions(s.roomSize, s.questions, s.seconds, s.revealSeconds))
        val go = CompletableDeferred<Unit>()
        val tally = QuizTally()
        val secondsNanos = s.seconds * 1_000_000_000L
        val traces = List(count) { QuizTrace(s.questions) }
        val jobs = crowd.launch(this) { member ->
            QuizMember(member, traces[member.client.index], answers = member.seat != 0, tally, Random(s.seed + member.client.index)) { random ->
                (secondsNanos * (0.1 + 0.7 * random.nextDouble())).toLong()
            }.play(go)
        }
        val seating = crowd.awaitSeated(jobs)
        val playing = run.metrics.read()
        go.complete(Unit)
        val budget = (s.questions * (s.seconds + s.revealSeconds + 10) + 30).seconds
        withTimeoutOrNull(budget) { jobs.forEach { it.result.join() } } ?: run.failures.add("the games did not finish within $budget")
        val end = run.metrics.read()
        val held = crowd.held()
        crowd.finish(jobs)
        val seen = traces.filter { trace -> trace.deadline.any { it != 0L } }

        val reveal = LatencyHistogram()
        seen.forEach { trace ->
            for (q in 0 until s.questions) {
                if (trace.revealed[q] != 0L) reveal.recordNanos(EpochClock.epochNanos(trace.revealed[q]) - trace.deadline[q] * 1_000_000L)
            }
        }
        val expectedReveals = count.toLong() * s.questions
        val finished = traces.count { it.finished }
        run.seatingFigures(seating, crowd)
        run.figure("connections held at the end", held.toLong(), "count", "$count")
        run.figure("answers sent", tally.answers.sum(), "count")
        run.figure("answers acked", tally.acks.sum(), "count", "= answers sent")
        run.figure("answers refused as late", tally.tooLate.sum(), "count", "0")
        run.latency("answer-ack latency", tally.ackLatency)
        run.figure("reveals received", tally.reveals.sum(), "count", "$expectedReveals")
        run.latency("reveal after deadline", reveal)
        run.figure("reveals before the deadline", reveal.early, "count", "0")
        run.figure("members who saw game_over", finished.toLong(), "count", "$count")
        run.figure("server CPU while playing", run.cpuPercent(playing, end), "% of a core")
        run.serverFigures(start, end)
        if (tally.tooLate.sum() > 0) run.failures.add("${tally.tooLate.sum()} answers refused as late")
        if (tally.acks.sum() + tally.tooLate.sum() != tally.answers.sum()) {
            run.failures.add("${tally.answers.sum() - tally.acks.sum() - tally.tooLate.sum()} answers neither acked nor refused")
        }
        if (tally.reveals.sum() != expectedReveals) run.failures.add("${expectedReveals - tally.reveals.sum()} reveals missing")
        if (finished != count) run.failures.add("${count - finished} members did not see game_over")
        run.notes += "all rooms start together; reveal latency = arrival (this process's clock) − the question's deadline (the server's clock, same machine)"
    }
}
