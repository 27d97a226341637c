package dev.partyline.tools.bench

import kotlinx.coroutines.coroutineScope

/**
 * `stadium`: one quiz room of N players (the host plays too) where everyone answers each
 * question at a random moment within 1 s of receiving it. With all answered the server reveals
 * at once, so reveal latency runs from the last answer sent (by anyone) to each player's receipt.
 */
class StadiumScenario(private val run: BenchRun) {
    suspend fun execute() = coroutineScope {
        val s = run.settings
        val quiz = QuizCrowd(run, s.players, s.players)
        val played = quiz.play(this, answers = { true }, think = { random -> random.nextLong(ANSWER_WINDOW_NANOS) }, slackSeconds = 60)
        val seen = quiz.seen
        val reveal = LatencyHistogram()
        for (q in 0 until s.questions) {
            val lastAnswer = seen.maxOfOrNull { it.sent[q] } ?: 0L
            if (lastAnswer == 0L) continue
            seen.forEach { if (it.revealed[q] != 0L) reveal.recordNanos(it.revealed[q] - lastAnswer) }
        }
        quiz.report(played, "reveal after the last answer", reveal, "≤ 250 ms")
        val expected = s.players.toLong() * s.questions
        if (quiz.tally.answers.sum() != expected) run.failures.add("${expected - quiz.tally.answers.sum()} answers not sent")
        run.notes += "reveal latency = each player's receipt − the last answer sent by anyone to that question (one clock, this process)"
    }

    private companion object {
        const val ANSWER_WINDOW_NANOS = 1_000_000_000L
    }
}
