package dev.partyline.tools.bench

import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.delay
import kotlin.time.Duration.Companion.seconds

/**
 * `idle`: N connections seated in rooms of 10 (quiz lobbies that never start), no traffic but
 * the server's pings. Reads the server's memory after a forced GC before connecting and again
 * once everyone has joined and settled, then holds the connections for the duration and reads
 * the idle CPU: memory per connection and the cost of idling.
 */
class IdleScenario(private val run: BenchRun) {
    suspend fun execute() = coroutineScope {
        val s = run.settings
        val base = run.metrics.read()
        run.metrics.collectGarbage(base?.pid)
        val before = run.metrics.read()
        val crowd = Crowd(run, s.players, s.roomSize, "quiz", BenchWire.lobbyOptions(s.roomSize))
        val stop = CompletableDeferred<Unit>()
        val jobs = crowd.launch(this) { member -> member.client.serve(stop) { true } }
        val seating = crowd.awaitSeated(jobs)
        delay(s.drainSeconds.seconds)
        run.metrics.collectGarbage(before?.pid)
        val settled = run.metrics.read()
        delay(s.durationSeconds.seconds)
        val end = run.metrics.read()
        val held = crowd.held()
        stop.complete(Unit)
        crowd.finish(jobs)

        run.seatingFigures(seating, crowd)
        run.figure("connections held at the end", held.toLong(), "count", "${s.players}")
        val n = seating.joined.coerceAtLeast(1)
        run.figure("server RSS per connection", run.delta(before?.residentBytes, settled?.residentBytes)?.div(n * 1024.0), "KiB",
            if (s.transport == ClientTransport.WS) "≤ 12 KB (10,000 WS)" else null)
        run.figure("server heap after GC per connection", run.delta(before?.heapAfterGcBytes, settled?.heapAfterGcBytes)?.div(n * 1024.0), "KiB")
        run.figure("server idle CPU over the hold", run.cpuPercent(settled, end), "% of a core")
        run.serverFigures(before, end)
        if (held < s.players) run.failures.add("${s.players - held} connections lost while idle")
        run.notes += "memory per connection = (reading after join and ${s.drainSeconds} s settling − reading before connecting) / clients joined"
    }
}
