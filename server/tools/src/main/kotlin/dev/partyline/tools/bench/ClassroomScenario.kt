package dev.partyline.tools.bench

import kotlinx.coroutines.coroutineScope
import kotlin.math.abs

/**
 * `classroom`: many quiz rooms of 10 playing at once. The host plays but never answers, so every
 * question stays open until its deadline; the 9 others answer after a think time of 10–80 % of
 * the question's time (0.5–4 s for 5-second questions). Measures answer-ack latency (send →
 * `answer_ack`) and reveal latency (arrival − the deadline the `question` event announced, on
 * the same machine's clock): how late questions close and their reveals arrive. Also reads from
 * the server how late its rooms handled their timers, and from the deadlines each room announced
 * how far its schedule drifted over the game.
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
        timerFigures(played.playing, played.end)
        val firstDeadlines = quiz.seen.map { it.deadline[0] }.filter { it != 0L }
        run.figure("first deadlines spread over (latest − earliest room)", firstDeadlines.maxOrNull()?.minus(firstDeadlines.min()), "ms")
        run.figure("schedule drift over the game, worst room", quiz.seen.maxOfOrNull(::drift), "ms", "< 50")
        run.notes += "schedule drift = |last question's deadline − first's − the planned time between them|, from the deadlines each member saw"
        run.notes += "all rooms start together; reveal latency = arrival (this process's clock) − the question's deadline (the server's clock, same machine)"
    }

    /** How late the server handled room timers while the games played: every deadline, reveal pause and progress update. */
    private fun timerFigures(from: ServerSample?, to: ServerSample?) {
        val handled = run.delta(from?.timersRun, to?.timersRun)
        run.figure("room timers handled", handled, "count")
        for (bound in listOf(5, 20, 50, 250)) {
            val within = run.delta(from?.timersWithin(bound), to?.timersWithin(bound))
            run.figure("room timers handled more than $bound ms late", if (handled == null || within == null) null else handled - within, "count", if (bound == 20) "0" else null)
        }
        run.figure("room timer lateness max (last 2 minutes)", to?.timerLatenessMaxSeconds?.times(1000), "ms", "≤ 20")
    }

    /** How far [trace]'s room drifted from its plan: the last deadline it saw against the first plus the planned questions and pauses. */
    private fun drift(trace: QuizTrace): Long {
        val s = run.settings
        val last = trace.deadline.indexOfLast { it != 0L }
        val first = trace.deadline.indexOfFirst { it != 0L }
        return abs(trace.deadline[last] - trace.deadline[first] - (last - first) * (s.seconds + s.revealSeconds) * 1000L)
    }
}
