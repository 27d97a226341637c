package dev.partyline.server.bench

import kotlinx.coroutines.coroutineScope

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
        val quiz = QuizCrowd(run, s.rooms * s.roomSize, s.roomSize)
        val secondsNanos = s.seconds * 1_000_000_000L
        val played = quiz.play(this, answers = { seat -> seat != 0 }, think = { random -> (secondsNanos * (0.1 + 0.7 * random.nextDouble())).toLong() }, slackSeconds = 10)
        val reveal = LatencyHistogram()
        quiz.seen.forEach { trace ->
            for (q in 0 until s.questions) {
                if (trace.revealed[q] != 0L) reveal.recordNanos(EpochClock.epochNanos(trace.revealed[q]) - trace.deadline[q] * 1_000_000L)
            }
        }
        quiz.report(played, "reveal after deadline", reveal)
        run.figure("reveals before the deadline", reveal.early, "count", "0")
        run.notes += "all rooms start together; reveal latency = arrival (this process's clock) − the question's deadline (the server's clock, same machine)"
    }
}
