package dev.partyline.server.jmh

import dev.partyline.server.base.Clock
import dev.partyline.server.base.ServerConfig
import dev.partyline.server.metrics.ServerMetrics
import dev.partyline.server.room.RoomActor
import dev.partyline.server.room.RoomSettings
import dev.partyline.shared.game.GameTable
import dev.partyline.shared.game.Games
import dev.partyline.shared.game.Setup
import dev.partyline.shared.protocol.CoreClientMessages
import dev.partyline.shared.protocol.PlayerId
import dev.partyline.shared.protocol.Role
import dev.partyline.shared.protocol.RoomCode
import dev.partyline.shared.protocol.WireCodec
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.Job
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.async
import kotlinx.coroutines.awaitAll
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.job
import kotlinx.coroutines.joinAll
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking

/**
 * [rooms] room actors playing [mix] on [Dispatchers.Default], built as the registry builds them,
 * each with [producers] members whose outboxes only count. Every member has a producer
 * coroutine that [open] parks at a gate; [run] opens the gate and returns once every room has
 * handled every command, and [verify] fails unless each command had its effect.
 */
class RoomFleet(private val mix: CommandMix, private val rooms: Int, private val producers: Int, private val perProducer: Int) {
    private val scope = CoroutineScope(SupervisorJob() + Dispatchers.Default)
    private val gate = CompletableDeferred<Unit>()
    private val finishers = ArrayList<Job>(rooms)
    private val members = ArrayList<BenchMember>(rooms * producers)
    private val players = List(producers) { PlayerId("p_member$it") }

    /** Opens the rooms, seats their members, starts their game and parks the producers. */
    fun open() = runBlocking {
        val table = (mix.game.setup(mix.options, 1L) as Setup.Ready).table
        val opened = List(rooms) { r -> scope.async { openRoom(r, table) } }.awaitAll()
        for ((room, seated) in opened) {
            members += seated
            val sending = seated.map { member -> scope.launch { gate.await(); mix.produce(room, member, perProducer) } }
            finishers += scope.launch {
                sending.joinAll()
                barrier(room)
            }
        }
    }

    /** Lets every producer go and waits until every room has handled all their commands. */
    fun run() = runBlocking {
        gate.complete(Unit)
        finishers.joinAll()
    }

    /** Fails unless every member counted the replies the mix expects, and no error. */
    fun verify() {
        val expected = mix.expected(producers, perProducer)
        val wrong = members.filter { it.outbox.replies != expected || it.outbox.errors != 0L }
        check(wrong.isEmpty()) {
            val first = wrong.first().outbox
            "$mix: ${wrong.size} of ${members.size} members did not get $expected replies and no error " +
                "(e.g. ${first.replies} replies, ${first.errors} errors)"
        }
    }

    /** Stops every room and producer. */
    fun close() = runBlocking { scope.coroutineContext.job.cancelAndJoin() }

    private suspend fun openRoom(r: Int, table: GameTable): Pair<RoomActor, List<BenchMember>> {
        val seated = List(producers) { i ->
            val questions = if (mix == CommandMix.QUIZ) Channel<Unit>(Channel.UNLIMITED) else null
            BenchMember(i, players[i], CountingOutbox(r.toLong() * producers + i, mix.counted, questions), questions)
        }
        val room = RoomActor(
            RoomCode("B%05d".format(r)), mix.game.id, table, RoomSettings(public = false, maxPlayers = producers, bots = true),
            scope, Clock.System, config, codec, metrics,
        ) { }
        room.start(seated[0].joiner())
        for (member in seated.drop(1)) check(room.join(member.joiner(), Role.PLAYER)) { "${member.player} could not join ${room.code}" }
        if (mix.starts) room.submit(seated[0].player, CoreClientMessages.Start, null, System.currentTimeMillis())
        barrier(room)
        return room to seated
    }

    /** Returns once [room] has handled everything sent to it before: a `leave` of a non-member queues behind it. */
    private suspend fun barrier(room: RoomActor) {
        check(!room.leave(BARRIER, null))
    }

    private companion object {
        val BARRIER = PlayerId("p_barrier")
        val config = ServerConfig()
        val codec = WireCodec(Games.all)
        val metrics = ServerMetrics()
    }
}
