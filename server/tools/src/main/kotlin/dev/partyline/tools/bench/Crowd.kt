package dev.partyline.tools.bench

import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Deferred
import kotlinx.coroutines.async
import kotlinx.coroutines.withTimeoutOrNull
import kotlinx.serialization.json.JsonObject
import java.util.concurrent.ConcurrentLinkedQueue
import kotlin.time.Duration
import kotlin.time.Duration.Companion.seconds

/** A client seated in room [room]; [seat] 0 created the room and hosts it. */
class Member(val client: BenchClient, val room: Int, val seat: Int) {
    /** The host starts its room's game once [go] completes; the others go straight on. */
    suspend fun startWhenHost(go: Deferred<Unit>) {
        if (seat != 0) return
        go.await()
        client.send(BenchWire.start())
    }
}

/** One member's coroutine: [seated] completes (null on failure) once it is in its room; [result] is its script's. */
class MemberJob<R>(val seated: CompletableDeferred<Member?>, val result: Deferred<R?>)

/** How seating went: [joined] of [wanted] in [wallNanos]; [members] seated, in client order. */
class Seating(val wanted: Int, val members: List<Member>, val wallNanos: Long) {
    val joined: Int get() = members.size
}

/**
 * [count] clients seated in rooms of [roomSize]: client `i` sits in room `i / roomSize` at seat
 * `i % roomSize`. Each connects (over the run's transport), says `hello`, and seat 0 creates the
 * room of [game] (`quiz` or `memory`) with [options] while the others wait for its code and join; then each runs its script.
 * Connect+join time per client runs from its connect to its `room` snapshot.
 */
class Crowd(private val run: BenchRun, private val count: Int, private val roomSize: Int, private val game: String, private val options: JsonObject) {
    private val codes = List((count + roomSize - 1) / roomSize) { CompletableDeferred<String>() }
    private val clients = ConcurrentLinkedQueue<BenchClient>()
    private var launchedAt = 0L

    /** Connect+join time of every seated client. */
    val joins = LatencyHistogram()

    /** Launches every member in [scope]; a member's failure is recorded and ends that member only. */
    fun <R> launch(scope: CoroutineScope, script: suspend (Member) -> R): List<MemberJob<R>> {
        launchedAt = System.nanoTime()
        return (0 until count).map { index ->
            val seated = CompletableDeferred<Member?>()
            val result = scope.async {
                try {
                    val member = seat(index)
                    seated.complete(member)
                    script(member)
                } catch (e: CancellationException) {
                    throw e
                } catch (e: Exception) {
                    run.failures.add(e.message ?: e::class.simpleName ?: "error")
                    null
                } finally {
                    seated.complete(null)
                }
            }
            MemberJob(seated, result)
        }
    }

    /** Waits (at most the join timeout) until every member is seated or has failed. */
    suspend fun awaitSeated(jobs: List<MemberJob<*>>): Seating {
        val done = withTimeoutOrNull(run.settings.joinTimeoutSeconds.seconds) { jobs.forEach { it.seated.await() } }
        val wall = System.nanoTime() - launchedAt
        if (done == null) run.failures.add("not everyone joined within ${run.settings.joinTimeoutSeconds} s")
        val members = jobs.mapNotNull { job -> if (job.seated.isCompleted) job.seated.getCompleted() else null }
        if (members.size < count) run.failures.add("${members.size} of $count clients joined")
        return Seating(count, members, wall)
    }

    /** Clients whose connection is still open. */
    fun held(): Int = clients.count { it.isOpen }

    /**
     * Waits at most [budget] for every member's script ([what] names them in the failure), reads
     * the server, ends the members, and reports the seating and the connections still held; the
     * server's reading at the end.
     */
    suspend fun end(jobs: List<MemberJob<*>>, seating: Seating, budget: Duration, what: String): ServerSample? {
        withTimeoutOrNull(budget) { jobs.forEach { it.result.join() } } ?: run.failures.add("$what did not finish within $budget")
        val end = run.metrics.read()
        val held = held()
        finish(jobs)
        run.seatingFigures(seating, this)
        run.figure("connections held at the end", held.toLong(), "count", "$count")
        return end
    }

    /**
     * Ends the run's members: waits a little for scripts that are finishing, cancels the rest
     * (members still joining, or stuck), and closes every connection.
     */
    suspend fun finish(jobs: List<MemberJob<*>>) {
        withTimeoutOrNull(FINISH_GRACE) { jobs.forEach { it.result.join() } }
        jobs.forEach { it.result.cancel() }
        jobs.forEach { it.result.join() }
        clients.forEach { it.close() }
    }

    private companion object {
        val FINISH_GRACE = 5.seconds
    }

    private suspend fun seat(index: Int): Member {
        val room = index / roomSize
        val seatNo = index % roomSize
        val client = run.network.connect(index, run.settings.transport.forClient(index))
        clients += client
        client.send(BenchWire.hello("b$index"))
        client.expect("welcome")
        val snapshot = if (seatNo == 0) {
            try {
                client.send(BenchWire.create(game, options))
                client.expect("room").also { codes[room].complete(BenchWire.string(it.text, "code") ?: throw BenchFailure("room snapshot without a code")) }
            } catch (e: Exception) {
                codes[room].completeExceptionally(BenchFailure("the room's host failed: ${e.message}"))
                throw e
            }
        } else {
            client.send(BenchWire.join(codes[room].await()))
            client.expect("room")
        }
        joins.recordNanos(snapshot.nanos - client.connectNanos)
        return Member(client, room, seatNo)
    }
}
