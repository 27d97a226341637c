package dev.partyline.tools.bench

import dev.partyline.shared.protocol.Crowd as RoomCrowd
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.coroutineScope
import kotlin.random.Random
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.seconds

/**
 * `race`: one memory room in race mode with N players (the host races too), each on its own copy
 * of the same board (`--board`, 4×4 by default), misses turned down at once. Every member is a
 * perfect-memory bot ([RaceMember]) that thinks 50–150 % of `--think-ms` before each flip, until
 * the first cleared board ends the race for all. Measures the flip → `flipped` round trip, how long the race took and how late
 * `game_over` reached each racer after the winning flip, and counts what a race of more than 100
 * sends instead of a `progress` per match: `standings`, at most four a second.
 */
class RaceScenario(private val run: BenchRun) {
    private val s = run.settings
    private val tally = RaceTally()
    private val traces = List(s.players) { RaceTrace() }
    private val cards = s.boardRows * s.boardCols

    suspend fun execute() = coroutineScope {
        val start = run.metrics.read()
        val crowd = Crowd(run, s.players, s.players, "memory", BenchWire.raceOptions(s.players, s.boardRows, s.boardCols, s.seed))
        val go = CompletableDeferred<Unit>()
        val thinkNanos = s.thinkMillis * 1_000_000L
        val jobs = crowd.launch(this) { member ->
            val think = { random: Random -> (thinkNanos * (0.5 + random.nextDouble())).toLong() }
            RaceMember(member, traces[member.client.index], tally, cards, Random(s.seed + member.client.index), think).play(go)
        }
        val seating = crowd.awaitSeated(jobs)
        val playing = run.metrics.read()
        val startedAt = System.nanoTime()
        go.complete(Unit)
        // A perfect memory clears n cards in fewer than 2n flips; the slack covers a slow server.
        val budget = 60.seconds + (2 * cards * 1.5 * s.thinkMillis).milliseconds
        val end = crowd.end(jobs, seating, budget, "the race")
        report(startedAt)
        run.figure("server CPU while playing", run.cpuPercent(playing, end), "% of a core")
        val answered = tally.flipped.sum()
        run.figure("server CPU per flip", run.delta(playing?.cpuNanos, end?.cpuNanos)?.let { if (answered == 0L) null else it / 1000.0 / answered }, "µs")
        run.serverFigures(start, end)
        run.notes += "race on a ${s.boardRows}×${s.boardCols} board, missMillis 0; think time before each flip ${s.thinkMillis / 2}–${s.thinkMillis * 3 / 2} ms from the reply to the racer's last move"
        run.notes += "server CPU per flip = Δcpu from the start to the end of the race / flips answered (everything the race cost the server: standings, game_over)"
        run.notes += "game_over after the winning flip = each racer's receipt − the send of the flip that cleared the first board (one clock, this process)"
    }

    private fun report(startedAt: Long) {
        val flips = tally.flips.sum()
        val answered = tally.flipped.sum()
        val refused = tally.refused.sum()
        val pairs = tally.pairs.sum()
        val over = traces.filter { it.gameOverAt != 0L }
        val big = s.players > RoomCrowd.BIG_AFTER
        val standings = traces.sumOf { it.standings.toLong() }
        val progress = traces.sumOf { it.progress.toLong() }
        val winningFlip = tally.winningFlipAt.get()
        val gameOver = LatencyHistogram()
        if (winningFlip != 0L) over.forEach { gameOver.recordNanos(it.gameOverAt - winningFlip) }

        run.figure("flips sent", flips, "count")
        run.figure("flips answered (flipped)", answered, "count", "= flips sent − refused")
        run.figure("flips refused after game_over", refused, "count")
        run.latency("flip round trip", tally.roundTrip)
        run.figure("pairs found", pairs, "count")
        run.figure("members who saw game_over", over.size.toLong(), "count", "${s.players}")
        run.figure("start → first game_over", over.minOfOrNull { it.gameOverAt }?.let { (it - startedAt) / 1e9 }, "s")
        run.latency("game_over after the winning flip", gameOver)
        run.figure("standings received", standings, "count", if (big) "≥ ${s.players} (each racer some)" else "0")
        run.figure("progress received", progress, "count", if (big) "0" else "= pairs found × ${s.players}")

        if (flips != answered + refused) run.failures.add("${flips - answered - refused} flips neither answered nor refused")
        if (over.size != s.players) run.failures.add("${s.players - over.size} members did not see game_over")
        val unfinished = over.count { it.reason != "finished" }
        if (unfinished > 0) run.failures.add("$unfinished members saw game_over without a cleared board (${over.mapNotNull { it.reason }.distinct()})")
        if (over.isNotEmpty() && winningFlip == 0L) run.failures.add("no racer saw its last pair matched")
        if (big) {
            if (progress > 0) run.failures.add("$progress progress messages in a race of more than ${RoomCrowd.BIG_AFTER}")
            val without = over.count { it.standings == 0 }
            if (without > 0) run.failures.add("$without racers got no standings")
        } else if (progress != pairs * s.players) {
            run.failures.add("${pairs * s.players - progress} progress messages missing")
        }
    }
}
